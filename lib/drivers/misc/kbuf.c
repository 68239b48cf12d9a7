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
#include "internal.h"

struct kbuf {
	struct machine *m;
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

static int kbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kbuf *kb = file->private_data;
	int err = kbuf_mmap_common(kb, &vma->vm_flags, vma->vm_pgoff,
				   vma_pages(vma));

	if (err)
		return err;
	vma->vm_ops = vma->vm_private_data ? &kbuf_notify_vmops : &kbuf_vmops;
	vma->vm_private_data = NULL;
	return vm_map_pages(vma, kb->pages, kb->nr_pages);
}

static int kbuf_mmap_notify(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_private_data = file;	/* ask kbuf_mmap for the notify ops */
	return kbuf_mmap(file, vma);
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

static void kbuf_release(struct file *file)
{
	struct kbuf *kb = file->private_data;

	for (unsigned long i = 0; i < kb->nr_pages; i++)
		put_page(kb->pages[i]);
	kfree(kb->pages);
	kfree(kb);
}

static const struct file_operations kbuf_fops[] = {
	{ .name = "/dev/kbuf", .mmap = kbuf_mmap, .release = kbuf_release },
	{ .name = "/dev/kbuf", .mmap = kbuf_mmap_notify, .release = kbuf_release },
	{ .name = "/dev/kbuf", .mmap_prepare = kbuf_mmap_prepare, .release = kbuf_release },
};

static struct kbuf *kbuf_alloc(unsigned long n)
{
	struct machine *m = current_machine();
	struct kbuf *kb = kzalloc(sizeof(*kb), GFP_KERNEL);

	if (!kb)
		return NULL;
	kb->m = m;
	kb->pages = kzalloc(n * sizeof(*kb->pages), GFP_KERNEL);
	if (!kb->pages) {
		kfree(kb);
		return NULL;
	}
	for (; kb->nr_pages < n; kb->nr_pages++) {
		kb->pages[kb->nr_pages] = alloc_kernel_page();
		if (!kb->pages[kb->nr_pages]) {
			kbuf_release(&(struct file) { .private_data = kb });
			return NULL;
		}
	}
	return kb;
}

/* Which fops: 0 plain, 1 notify in ->mmap, 2 notify via ->mmap_prepare. */
static int kbuf_parse(const char *options, unsigned long *n, int *kind)
{
	static const char *const known[] = { "pages", "notify", "hook", NULL };
	char val[16];
	bool notify = false, prepare = false;

	*n = 4;
	if (device_check_options(options, known) ||
	    device_option_ulong(options, "pages", 1, 4096, n) ||
	    device_option_bool(options, "notify", &notify))
		return -EINVAL;
	if (!device_option(options, "hook", val, sizeof(val))) {
		if (strcmp(val, "mmap") && strcmp(val, "prepare"))
			return -EINVAL;
		prepare = !strcmp(val, "prepare");
	}
	/* the prepare hook always asks for write-notify */
	*kind = prepare ? 2 : notify ? 1 : 0;
	return 0;
}

static int kbuf_open(struct machine *m, const char *options, struct file **out)
{
	unsigned long n;
	struct kbuf *kb;
	struct file *f;
	int kind;

	if (kbuf_parse(options, &n, &kind))
		return -EINVAL;
	kb = kbuf_alloc(n);
	if (!kb)
		return -ENOMEM;
	f = device_file_alloc("kbuf", &kbuf_fops[kind]);
	if (!f) {
		kbuf_release(&(struct file) { .private_data = kb });
		return -ENOMEM;
	}
	f->private_data = kb;
	*out = f;
	return 0;
}

const struct mm_device kbuf_device = {
	.name = "kbuf",
	.open = kbuf_open,
};
