// SPDX-License-Identifier: GPL-2.0
/*
 * ringbuf.c - an example driver: a ring buffer mapped the way perf maps
 * its ring since Linux 6.14 (seed 000).  One control page user space may
 * write, then data pages it may only read:
 *
 *  - ->open allocates 1 + N kernel pages (`open F ringbuf pages=N`);
 *  - ->mmap maps every page at once with remap_pfn_range(), read-only
 *    (write-notify is decided after ->mmap, so the driver computes the
 *    read-only protection itself): a PFN map, VM_IO|VM_PFNMAP;
 *  - the first write to a page faults into ->pfn_mkwrite, which lets
 *    page 0 become writable and refuses the rest with SIGBUS.
 *
 * Build and run it against an installed mmsim:
 *   cc -shared -fPIC $(pkg-config --cflags mmsim) ringbuf.c -o ringbuf.so
 *   mmsim run --driver=./ringbuf.so ringbuf.mms
 */
#include <mmsim/driver.h>

struct ringbuf {
	unsigned long nr_pages;		/* control page + data pages */
	struct page *pages[];
};

static vm_fault_t ringbuf_pfn_mkwrite(struct vm_fault *vmf)
{
	return vmf->pgoff == 0 ? 0 : VM_FAULT_SIGBUS;
}

static int ringbuf_may_split(struct vm_area_struct *vma, unsigned long addr)
{
	return -EINVAL;		/* the ring is mapped whole or not at all */
}

static const struct vm_operations_struct ringbuf_vm_ops = {
	.pfn_mkwrite = ringbuf_pfn_mkwrite,
	.may_split = ringbuf_may_split,
};

static int ringbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ringbuf *rb = file->private_data;
	pgprot_t prot = vm_get_page_prot(vma->vm_flags & ~VM_SHARED);

	if (!(vma->vm_flags & VM_SHARED) || vma->vm_pgoff ||
	    vma_pages(vma) != rb->nr_pages)
		return -EINVAL;
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &ringbuf_vm_ops;
	for (unsigned long i = 0; i < rb->nr_pages; i++) {
		int err = remap_pfn_range(vma, vma->vm_start + i * PAGE_SIZE,
					  page_to_pfn(rb->pages[i]), PAGE_SIZE,
					  prot);
		if (err)
			return err;
	}
	return 0;
}

static void ringbuf_free(struct ringbuf *rb)
{
	for (unsigned long i = 0; i < rb->nr_pages; i++)
		if (rb->pages[i])
			put_page(rb->pages[i]);
	kfree(rb);
}

static void ringbuf_release(struct file *file)
{
	ringbuf_free(file->private_data);
}

static int ringbuf_open(struct file *file, const char *options)
{
	unsigned long n = 2;
	struct ringbuf *rb;

	if (driver_option_ulong(options, "pages", 1, 64, &n) || !is_power_of_2(n))
		return -EINVAL;
	rb = kzalloc(sizeof(*rb) + (n + 1) * sizeof(struct page *), GFP_KERNEL);
	if (!rb)
		return -ENOMEM;
	rb->nr_pages = n + 1;
	for (unsigned long i = 0; i < rb->nr_pages; i++) {
		rb->pages[i] = alloc_page(GFP_KERNEL);
		if (!rb->pages[i]) {
			ringbuf_free(rb);
			return -ENOMEM;
		}
	}
	memset_page(rb->pages[1], 0, 0x5a, PAGE_SIZE);	/* "data" to read */
	file->private_data = rb;
	return 0;
}

static const struct file_operations ringbuf_fops = {
	.name = "/dev/ringbuf",
	.mmap = ringbuf_mmap,
	.release = ringbuf_release,
};

static const struct mmsim_driver ringbuf_driver = {
	.name = "ringbuf",
	.fops = &ringbuf_fops,
	.options = (const char *const[]){ "pages", NULL },
	.open = ringbuf_open,
};

MMSIM_MODULE(&ringbuf_driver);
