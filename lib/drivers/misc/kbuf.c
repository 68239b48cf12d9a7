// SPDX-License-Identifier: GPL-2.0
/*
 * kbuf.c - a driver buffer of kernel pages mapped with
 * vm_map_pages() (vm_insert_page() on each, honouring vm_pgoff; VM_MIXEDMAP,
 * refcounted, non-special entries that vm_normal_page() returns).
 *
 * `open F kbuf [pages=N] [notify=on|off] [hook=mmap|prepare]`:
 *   pages	the buffer size (default 4); a mapping past it is -ENXIO.
 *   notify	the driver wants to hear about the first write to each page
 *		(->page_mkwrite, counted as a write-notify fault).
 *   hook	where the pages are mapped: in ->mmap (seed 000's problem:
 *		entries get the vm_page_prot from before write-notify was
 *		decided, so with notify=on a shared writable mapping starts
 *		writable and ->page_mkwrite never runs), or described in
 *		->mmap_prepare and mapped by the core once vm_page_prot is
 *		settled (entries start read-only; the first write notifies).
 */
#include <mmsim/driver.h>

struct kbuf {
	unsigned long nr_pages;
	struct page **pages;
};

static vm_fault_t kbuf_page_mkwrite(struct vm_fault *vmf)
{
	return VM_FAULT_LOCKED;	/* nothing to prepare; the page stays put */
}

static const struct vm_operations_struct kbuf_vmops = { .name = NULL };
static const struct vm_operations_struct kbuf_notify_vmops = {
	.page_mkwrite = kbuf_page_mkwrite,
};

static int kbuf_mmap_common(struct kbuf *kb, vm_flags_t *flags, pgoff_t pgoff,
			    unsigned long pages)
{
	if (pgoff >= kb->nr_pages || pages > kb->nr_pages - pgoff)
		return -ENXIO;
	*flags |= VM_DONTEXPAND;
	return 0;
}

static int kbuf_map(struct file *file, struct vm_area_struct *vma,
		    const struct vm_operations_struct *ops)
{
	struct kbuf *kb = file->private_data;
	int err = kbuf_mmap_common(kb, &vma->vm_flags, vma->vm_pgoff,
				   vma_pages(vma));

	if (err)
		return err;
	vma->vm_ops = ops;
	return vm_map_pages(vma, kb->pages, kb->nr_pages);
}

static int kbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	return kbuf_map(file, vma, &kbuf_vmops);
}

static int kbuf_mmap_notify(struct file *file, struct vm_area_struct *vma)
{
	return kbuf_map(file, vma, &kbuf_notify_vmops);
}

static int kbuf_mmap_prepare(struct vm_area_desc *desc)
{
	struct kbuf *kb = desc->file->private_data;
	unsigned long pages = (desc->end - desc->start) >> PAGE_SHIFT;
	int err = kbuf_mmap_common(kb, &desc->vm_flags, desc->pgoff, pages);

	if (err)
		return err;
	desc->vm_flags |= VM_MIXEDMAP;
	desc->vm_ops = &kbuf_notify_vmops;
	desc->action = (struct mmap_action) {
		.type = MMAP_INSERT_PAGES, .pages = kb->pages + desc->pgoff,
		.nr_pages = pages,
	};
	return 0;
}

static void kbuf_free(struct kbuf *kb)
{
	for (unsigned long i = 0; i < kb->nr_pages; i++)
		put_page(kb->pages[i]);
	kfree(kb->pages);
	kfree(kb);
}

static void kbuf_release(struct file *file)
{
	kbuf_free(file->private_data);
}

/* 0 plain, 1 notify in ->mmap, 2 notify via ->mmap_prepare. */
static const struct file_operations kbuf_fops[] = {
	{ .name = "/dev/kbuf", .mmap = kbuf_mmap, .release = kbuf_release },
	{ .name = "/dev/kbuf", .mmap = kbuf_mmap_notify, .release = kbuf_release },
	{ .name = "/dev/kbuf", .mmap_prepare = kbuf_mmap_prepare, .release = kbuf_release },
};

static struct kbuf *kbuf_alloc(unsigned long n)
{
	struct kbuf *kb = kzalloc(sizeof(*kb), GFP_KERNEL);

	if (!kb)
		return NULL;
	kb->pages = kzalloc(n * sizeof(*kb->pages), GFP_KERNEL);
	if (!kb->pages) {
		kfree(kb);
		return NULL;
	}
	for (; kb->nr_pages < n; kb->nr_pages++) {
		kb->pages[kb->nr_pages] = alloc_page(GFP_KERNEL);
		if (!kb->pages[kb->nr_pages]) {
			kbuf_free(kb);
			return NULL;
		}
	}
	return kb;
}

static int kbuf_open(struct file *file, const char *options)
{
	static const char *const hooks[] = { "mmap", "prepare", NULL };
	unsigned long n = 4;
	bool notify = false;
	int hook = 0;
	struct kbuf *kb;

	if (driver_option_ulong(options, "pages", 1, 4096, &n) ||
	    driver_option_bool(options, "notify", &notify) ||
	    driver_option_match(options, "hook", hooks, &hook))
		return -EINVAL;
	kb = kbuf_alloc(n);
	if (!kb)
		return -ENOMEM;
	/* the prepare hook always asks for write-notify */
	file->f_op = &kbuf_fops[hook ? 2 : notify ? 1 : 0];
	file->private_data = kb;
	return 0;
}

static const struct mmsim_driver kbuf_driver = {
	.name = "kbuf",
	.fops = &kbuf_fops[0],
	.options = (const char *const[]){ "pages", "notify", "hook", NULL },
	.open = kbuf_open,
};

MMSIM_MODULE(&kbuf_driver);
