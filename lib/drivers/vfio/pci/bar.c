// SPDX-License-Identifier: GPL-2.0
/*
 * bar.c - a PCI BAR mapped the way vfio-pci maps one: ->mmap only
 * sets VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP and uncached protection;
 * entries are inserted on demand by ->huge_fault with a PUD- or PMD-level
 * special leaf where the address and the PFN are both aligned and the
 * leaf fits in the VMA, and a special PTE elsewhere (->fault is
 * ->huge_fault at order 0).
 *
 * `open F bar [size=BYTES]` (default 4 MiB; k, m, g suffixes): a BAR that
 * fits in the I/O region sits at its start (PUD-aligned); a larger one
 * sits in the PFN hole above it, PUD-aligned, where nothing answers:
 * reads see all ones, writes are dropped.  MAP_PRIVATE is -EINVAL and a
 * range past the BAR is -EINVAL (vfio_pci_core_mmap).
 */
#include "internal.h"

struct bar {
	unsigned long pfn;		/* first PFN */
	unsigned long nr_pages;
};

static vm_fault_t bar_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	struct vm_area_struct *vma = vmf->vma;
	struct bar *bar = vma->vm_private_data;
	unsigned long size = PAGE_SIZE << order;
	unsigned long addr = vmf->address & ~(size - 1);
	unsigned long pfn = bar->pfn + vma->vm_pgoff +
			    ((addr - vma->vm_start) >> PAGE_SHIFT);

	if (order && (addr < vma->vm_start || addr + size > vma->vm_end ||
		      (pfn & ((1UL << order) - 1))))
		return VM_FAULT_FALLBACK;
	if (order == PUD_SHIFT - PAGE_SHIFT)
		return vmf_insert_pfn_pud(vmf, pfn, vmf->flags & FAULT_FLAG_WRITE);
	if (order == PMD_SHIFT - PAGE_SHIFT)
		return vmf_insert_pfn_pmd(vmf, pfn, vmf->flags & FAULT_FLAG_WRITE);
	if (order)
		return VM_FAULT_FALLBACK;
	return vmf_insert_pfn(vma, vmf->address, pfn);
}

static vm_fault_t bar_fault(struct vm_fault *vmf)
{
	return bar_huge_fault(vmf, 0);
}

static const struct vm_operations_struct bar_vmops = {
	.fault = bar_fault,
	.huge_fault = bar_huge_fault,
};

static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff > bar->nr_pages ||
	    vma_pages(vma) > bar->nr_pages - vma->vm_pgoff)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = __pgprot(pgprot_val(vma->vm_page_prot) | _PAGE_PCD);
	vma->vm_private_data = bar;
	vma->vm_ops = &bar_vmops;
	return 0;
}

static void bar_release(struct file *file)
{
	kfree(file->private_data);
}

static const struct file_operations bar_fops = {
	.name = "/dev/vfio/devices/vfio0",
	.mmap = bar_mmap,
	.release = bar_release,
};

static int parse_size(const char *s, unsigned long *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	switch (*end | 0x20) {		/* k, m, g in either case */
	case 'g': v <<= 10; /* fall through */
	case 'm': v <<= 10; /* fall through */
	case 'k': v <<= 10; end++; break;
	}
	if (*end || end == s || !v || !PAGE_ALIGNED(v))
		return -EINVAL;
	*out = v;
	return 0;
}

static int bar_place(struct machine *m, const char *options, struct bar *bar)
{
	static const char *const known[] = { "size", NULL };
	unsigned long size = 4UL << 20, io_start, io_pages;
	char val[32];

	if (device_check_options(options, known))
		return -EINVAL;
	if (!device_option(options, "size", val, sizeof(val)) &&
	    parse_size(val, &size))
		return -EINVAL;
	machine_io_range(m, &io_start, &io_pages);
	bar->nr_pages = size >> PAGE_SHIFT;
	bar->pfn = io_start;
	if (bar->nr_pages > io_pages)
		bar->pfn = ALIGN_DOWN(io_start + io_pages + (PUD_SIZE >> PAGE_SHIFT) - 1,
				      PUD_SIZE >> PAGE_SHIFT);
	return 0;
}

static int bar_open(struct machine *m, const char *options, struct file **out)
{
	struct bar *bar = kzalloc(sizeof(*bar), GFP_KERNEL);
	struct file *f;

	if (!bar)
		return -ENOMEM;
	if (bar_place(m, options, bar)) {
		kfree(bar);
		return -EINVAL;
	}
	f = device_file_alloc("vfio", &bar_fops);
	if (!f) {
		kfree(bar);
		return -ENOMEM;
	}
	f->private_data = bar;
	*out = f;
	return 0;
}

const struct mm_device bar_device = {
	.name = "bar",
	.open = bar_open,
};
