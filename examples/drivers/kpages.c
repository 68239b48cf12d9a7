// SPDX-License-Identifier: GPL-2.0
/*
 * kpages.c - an example driver: a buffer of kernel pages mapped with
 * vm_insert_pages() on behalf of ->mmap_prepare (Linux 6.16's hook, with
 * the core mapping the pages once vm_page_prot is settled, as the 2026
 * "expand mmap_prepare" proposal does).  The entries are normal,
 * refcounted (VM_MIXEDMAP), start read-only in a shared writable mapping
 * because the driver asks for write-notify (->page_mkwrite), and the
 * driver counts the pages user space has dirtied: `kpages_dirty ADDR`
 * is its model-only command.
 *
 * Build and run it against an installed mmsim:
 *   cc -shared -fPIC $(pkg-config --cflags mmsim) kpages.c -o kpages.so
 *   mmsim run --driver=./kpages.so kpages.mms
 */
#include <mmsim/driver.h>

struct kpages {
	unsigned long nr_pages;
	unsigned long nr_dirtied;
	struct page **pages;
};

static vm_fault_t kpages_page_mkwrite(struct vm_fault *vmf)
{
	struct kpages *kp = vmf->vma->vm_file->private_data;

	kp->nr_dirtied++;
	return VM_FAULT_LOCKED;		/* the page stays put: nothing to lock */
}

static const struct vm_operations_struct kpages_vm_ops = {
	.page_mkwrite = kpages_page_mkwrite,
};

static int kpages_mmap_prepare(struct vm_area_desc *desc)
{
	struct kpages *kp = desc->file->private_data;
	unsigned long pages = (desc->end - desc->start) >> PAGE_SHIFT;

	if (desc->pgoff >= kp->nr_pages || pages > kp->nr_pages - desc->pgoff)
		return -ENXIO;
	desc->vm_flags |= VM_MIXEDMAP | VM_DONTEXPAND;
	desc->vm_ops = &kpages_vm_ops;
	desc->action = (struct mmap_action) {
		.type = MMAP_INSERT_PAGES,
		.pages = kp->pages + desc->pgoff,
		.nr_pages = pages,
	};
	return 0;
}

static int kpages_dirty(struct vm_area_struct *vma, int argc, char **argv,
			struct seq_buf *out)
{
	struct kpages *kp = vma->vm_file->private_data;

	seq_buf_printf(out, "%lu", kp->nr_dirtied);
	return 0;
}

static void kpages_free(struct kpages *kp)
{
	for (unsigned long i = 0; kp->pages && i < kp->nr_pages; i++)
		if (kp->pages[i])
			put_page(kp->pages[i]);
	kfree(kp->pages);
	kfree(kp);
}

static void kpages_release(struct file *file)
{
	kpages_free(file->private_data);
}

static int kpages_open(struct file *file, const char *options)
{
	struct kpages *kp = kzalloc(sizeof(*kp), GFP_KERNEL);
	unsigned long n = 4;

	if (!kp)
		return -ENOMEM;
	if (driver_option_ulong(options, "pages", 1, 1024, &n)) {
		kfree(kp);
		return -EINVAL;
	}
	kp->nr_pages = n;
	kp->pages = kzalloc(n * sizeof(*kp->pages), GFP_KERNEL);
	for (unsigned long i = 0; kp->pages && i < n; i++) {
		kp->pages[i] = alloc_page(GFP_KERNEL);
		if (!kp->pages[i])
			break;
		memset_page(kp->pages[i], 0, (int)i + 1, PAGE_SIZE);
	}
	if (!kp->pages || !kp->pages[n - 1]) {
		kpages_free(kp);
		return -ENOMEM;
	}
	file->private_data = kp;
	return 0;
}

static const struct file_operations kpages_fops = {
	.name = "/dev/kpages",
	.mmap_prepare = kpages_mmap_prepare,
	.release = kpages_release,
};

static const struct mmsim_driver_command kpages_commands[] = {
	{ "kpages_dirty", 1, 1, "kpages_dirty ADDR",
	  "how many write-notify faults the kpages device at ADDR has seen",
	  kpages_dirty },
	{ NULL },
};

static const struct mmsim_driver kpages_driver = {
	.name = "kpages",
	.fops = &kpages_fops,
	.options = (const char *const[]){ "pages", NULL },
	.open = kpages_open,
	.commands = kpages_commands,
};

MMSIM_MODULE(&kpages_driver);
