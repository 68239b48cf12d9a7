// SPDX-License-Identifier: GPL-2.0
/*
 * perf.c - the perf event ring buffer, as Linux 6.18 maps it: every page
 * is mapped at mmap() time with remap_pfn_range() (a PFN map of kernel
 * pages), read-only; pfn_mkwrite lets only the first page, the user
 * control page, become writable, and a write to a data page is SIGBUS.
 * The VMA cannot be split (may_split), expanded or copied on fork.
 *
 * The ring is 1 + 2^n pages; it is allocated by the first mmap and shared
 * by later mappings of the same size; it is freed when the file is
 * closed and no mapping is left.
 */
#include "internal.h"

struct perf_buffer {
	struct machine *m;
	unsigned long nr_pages;		/* data pages, a power of two or 0 */
	int mmap_count;
	bool file_open;
	struct page *pages[];		/* user page, then data pages */
};

static void perf_buffer_put(struct perf_buffer *rb)
{
	if (rb->mmap_count || rb->file_open)
		return;
	for (unsigned long i = 0; i <= rb->nr_pages; i++)
		put_page(rb->m, rb->pages[i]);
	kfree(rb->m, rb);
}

static struct perf_buffer *perf_buffer_alloc(struct machine *m,
					     unsigned long nr_pages)
{
	struct perf_buffer *rb = kzalloc(m, sizeof(*rb) + (nr_pages + 1) * sizeof(struct page *));

	if (!rb)
		return NULL;
	rb->m = m;
	rb->nr_pages = nr_pages;
	for (unsigned long i = 0; i <= nr_pages; i++) {
		rb->pages[i] = alloc_kernel_page(m);
		if (!rb->pages[i]) {
			while (i--)
				put_page(m, rb->pages[i]);
			kfree(m, rb);
			return NULL;
		}
	}
	return rb;
}

static void perf_mmap_open(struct vm_area_struct *vma)
{
	struct perf_buffer *rb = vma->vm_file->private_data;

	rb->mmap_count++;
}

static void perf_mmap_close(struct vm_area_struct *vma)
{
	struct perf_buffer *rb = vma->vm_file->private_data;

	rb->mmap_count--;
}

static vm_fault_t perf_mmap_pfn_mkwrite(struct vm_fault *vmf)
{
	return vmf->pgoff == 0 ? 0 : VM_FAULT_SIGBUS;
}

static int perf_mmap_may_split(struct vm_area_struct *vma, unsigned long addr)
{
	return -EINVAL;
}

static const struct vm_operations_struct perf_mmap_vmops = {
	.open = perf_mmap_open,
	.close = perf_mmap_close,
	.pfn_mkwrite = perf_mmap_pfn_mkwrite,
	.may_split = perf_mmap_may_split,
};

static bool is_power_of_2(unsigned long n)
{
	return n && !(n & (n - 1));
}

static int perf_map_range(struct perf_buffer *rb, struct vm_area_struct *vma)
{
	pgprot_t prot = vm_get_page_prot(vma->vm_flags & ~VM_SHARED);
	struct machine *m = rb->m;

	for (unsigned long i = 0; i <= rb->nr_pages; i++) {
		int err = remap_pfn_range(vma, vma->vm_start + i * PAGE_SIZE,
					  page_to_pfn(m, rb->pages[i]),
					  PAGE_SIZE, prot);
		if (err)
			return err;
	}
	return 0;
}

static int perf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct perf_buffer *rb = file->private_data;
	unsigned long nr_pages = vma_pages(vma) - 1;
	int err;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff != 0)
		return -EINVAL;		/* the AUX area is not modelled */
	if (nr_pages && !is_power_of_2(nr_pages))
		return -EINVAL;
	if (rb && rb->nr_pages != nr_pages)
		return -EINVAL;
	if (!rb) {
		rb = perf_buffer_alloc(file->machine, nr_pages);
		if (!rb)
			return -ENOMEM;
		rb->file_open = true;
		file->private_data = rb;
	}
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &perf_mmap_vmops;
	err = perf_map_range(rb, vma);
	if (err)
		return err;
	rb->mmap_count++;
	return 0;
}

static void perf_release(struct file *file)
{
	struct perf_buffer *rb = file->private_data;

	if (!rb)
		return;
	rb->file_open = false;
	perf_buffer_put(rb);
}

static const struct file_operations perf_fops = {
	.name = "anon_inode:[perf_event]",
	.mmap = perf_mmap,
	.release = perf_release,
};

static int perf_open(struct machine *m, const char *options, struct file **out)
{
	struct inode *inode = shmem_inode_create(m, "anon_inode");
	struct file *f = inode ? alloc_file(m, inode, &perf_fops, FMODE_READ | FMODE_WRITE) : NULL;

	if (!f) {
		if (inode)
			iput(inode);
		return -ENOMEM;
	}
	*out = f;
	return 0;
}

const struct mm_device perf_device = {
	.name = "perf",
	.open = perf_open,
};
