// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc.c - kernel virtual memory made of order-0 pages (mm/vmalloc.c),
 * for drivers: vmalloc(), vfree(), vmalloc_to_page(), and mapping it into
 * user space with remap_vmalloc_range().
 *
 * The model has no kernel page tables: an area is a record {address,
 * pages} and its address a number in the kernel's vmalloc range
 * (VMALLOC_START, one guard page between areas), never a host pointer.
 * The pages are kernel pages (PG_kernel) with one reference held by the
 * area; a page still mapped in user space when vfree() runs lives on
 * until its last mapping goes, as in the kernel.  Areas are kmalloc()ed,
 * so one never freed is a leak mm_check() reports.
 */
#include "internal.h"

#define VMALLOC_START	0xffffc90000000000UL
#define VMALLOC_END	0xffffe8ffffffffffUL

struct vmap_area {
	struct list_head list;		/* m->drv.vmap_areas */
	unsigned long addr;
	unsigned long nr_pages;
	struct page *pages[];
};

void vmalloc_init(struct machine *m)
{
	INIT_LIST_HEAD(&m->drv.vmap_areas);
	m->drv.vmalloc_next = VMALLOC_START;
}

static struct vmap_area *find_vmap_area(unsigned long addr)
{
	struct vmap_area *va;

	list_for_each_entry(va, &current_machine()->drv.vmap_areas, list)
		if (addr - va->addr < va->nr_pages << PAGE_SHIFT)
			return va;
	return NULL;
}

static void vmap_area_free(struct vmap_area *va)
{
	for (unsigned long i = 0; i < va->nr_pages; i++)
		if (va->pages[i])
			put_page(va->pages[i]);
	kfree(va);
}

void *vmalloc(unsigned long size)
{
	struct machine *m = current_machine();
	unsigned long nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
	struct vmap_area *va;

	if (!size || nr > (1UL << 20) ||
	    m->drv.vmalloc_next + ((nr + 1) << PAGE_SHIFT) > VMALLOC_END)
		return NULL;
	va = kzalloc(sizeof(*va) + nr * sizeof(struct page *), GFP_KERNEL);
	if (!va)
		return NULL;
	va->nr_pages = nr;
	for (unsigned long i = 0; i < nr; i++) {
		va->pages[i] = alloc_pages(GFP_KERNEL, 0);
		if (!va->pages[i]) {
			vmap_area_free(va);
			return NULL;
		}
	}
	va->addr = m->drv.vmalloc_next;
	m->drv.vmalloc_next += (nr + 1) << PAGE_SHIFT;	/* and a guard page */
	list_add_tail(&va->list, &m->drv.vmap_areas);
	return (void *)va->addr;
}

void *vzalloc(unsigned long size)
{
	return vmalloc(size);
}

void vfree(const void *addr)
{
	struct vmap_area *va;

	if (!addr)
		return;
	va = find_vmap_area((unsigned long)addr);
	if (!va || va->addr != (unsigned long)addr) {
		driver_error("vfree(%p): not the start of a vmalloc area", addr);
		return;
	}
	list_del(&va->list);
	vmap_area_free(va);
}

struct page *vmalloc_to_page(const void *addr)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);

	if (!va)
		return NULL;
	return va->pages[((unsigned long)addr - va->addr) >> PAGE_SHIFT];
}

int remap_vmalloc_range(struct vm_area_struct *vma, void *addr,
			unsigned long pgoff)
{
	struct vmap_area *va = find_vmap_area((unsigned long)addr);

	if (!va || va->addr != (unsigned long)addr || pgoff > va->nr_pages ||
	    vma_pages(vma) > va->nr_pages - pgoff)
		return -EINVAL;
	for (unsigned long i = 0; i < vma_pages(vma); i++) {
		int err = vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE,
					 va->pages[pgoff + i]);
		if (err)
			return err;
	}
	vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);
	return 0;
}

long vmalloc_nr_areas(struct machine *m)
{
	struct vmap_area *va;
	long n = 0;

	list_for_each_entry(va, &m->drv.vmap_areas, list)
		n++;
	return n;
}
