// SPDX-License-Identifier: GPL-2.0
/*
 * fb_defio.c - a framebuffer with deferred I/O, as fbdev's fb_defio
 * (drivers/video/fbdev/core/fb_defio.c): userspace writes to a shared
 * mapping of the framebuffer; the first write to each page after a flush
 * faults and puts the page on the dirty list; the flush (the driver's
 * delayed work, here run on demand by `defio_flush`) write-protects every
 * listed page in every process with mapping_wrprotect_range(), "writes
 * it back" and empties the list, so the next write faults again.  No
 * write may ever be missed: a writable entry to a page that is not listed
 * would be a lost update (mm_check invariant 7).
 *
 * `open F fbdefio [pages=N] [kmemfb=on|off]`:
 *   pages	framebuffer size in pages (default 4); a fault past it SIGBUS.
 *   kmemfb	off (default): a vmalloc-like framebuffer with struct page
 *		(FBINFO_VIRTFB): ->fault returns vmf->page, the first write
 *		reaches ->page_mkwrite, which lists the page and returns
 *		VM_FAULT_LOCKED (the model has no page lock to take).
 *		on: FBINFO_KMEMFB, kernel memory the mm must treat as having
 *		no struct page: only MAP_SHARED (else -EINVAL), VM_PFNMAP |
 *		VM_IO, ->fault inserts a special entry with vmf_insert_pfn(),
 *		the first write reaches ->pfn_mkwrite, which lists the page
 *		and makes the entry writable itself before returning
 *		VM_FAULT_NOPAGE.
 *
 * Both kinds use RAM pages from alloc_kernel_page(), as the kernel's
 * kmemfb drivers use kernel memory: the point of kmemfb is memory the mm
 * must not manage through struct page, not memory without RAM behind it.
 * The flush uses mapping_wrprotect_range() for both, never page->mapping
 * or page->index (which the driver's pages do not have: folio_mkclean()
 * would find nothing - seed 001).
 */
#include "internal.h"

#define FBDEFIO_LOG 64	/* pages written back that `defio_written` shows */

struct fbdefio {
	struct machine *m;
	struct address_space *mapping;	/* of the open file, for the rmap */
	bool kmemfb;
	unsigned long nr_pages;
	struct page **pages;
	bool *listed;			/* page index -> on the dirty list */
	unsigned long *dirty;		/* the dirty list, in order of writing */
	unsigned long nr_dirty;
	unsigned long written[FBDEFIO_LOG];
	unsigned long nr_written;	/* all pages written back so far */
};

static struct fbdefio *vma_fbdefio(struct vm_area_struct *vma);

static unsigned long fbdefio_pfn(struct fbdefio *fb, pgoff_t index)
{
	return page_to_pfn(fb->pages[index]);
}

/* fb_deferred_io_pageref_get: list @index once, until the next flush. */
static void fbdefio_list_add(struct fbdefio *fb, pgoff_t index)
{
	if (fb->listed[index])
		return;
	fb->listed[index] = true;
	fb->dirty[fb->nr_dirty++] = index;
}

static vm_fault_t fbdefio_fault(struct vm_fault *vmf)
{
	struct fbdefio *fb = vma_fbdefio(vmf->vma);
	struct page *page;

	if (vmf->pgoff >= fb->nr_pages)
		return VM_FAULT_SIGBUS;
	page = fb->pages[vmf->pgoff];
	if (fb->kmemfb)
		return vmf_insert_pfn(vmf->vma, vmf->address,
				      page_to_pfn(page));
	get_page(page);
	vmf->page = page;
	return 0;
}

/*
 * The kernel calls vmf_insert_mixed_mkwrite() here with a PFN_SPECIAL
 * pfn_t so that it accepts a VM_PFNMAP VMA; the model's (like 6.18's,
 * without pfn_t) refuses a RAM pfn outside VM_MIXEDMAP, so the driver
 * upgrades the entry it was called for, as insert_pfn(mkwrite) would:
 * still before the dirty list can be flushed again.
 */
static vm_fault_t fbdefio_mkwrite_special(struct vm_fault *vmf,
					  unsigned long pfn)
{
	pte_t pte = ptep_get(vmf->pte);

	if (pte_present(pte) && pte_pfn(pte) == pfn)
		set_pte_at(vmf->vma->vm_mm, vmf->address, vmf->pte,
			   pte_mkwrite(pte_mkdirty(pte_mkyoung(pte))));
	return VM_FAULT_NOPAGE;
}

/* fb_deferred_io_track_page: the first write since the last flush. */
static vm_fault_t fbdefio_track_page(struct vm_fault *vmf)
{
	struct fbdefio *fb = vma_fbdefio(vmf->vma);

	if (vmf->pgoff >= fb->nr_pages)
		return VM_FAULT_SIGBUS;
	fbdefio_list_add(fb, vmf->pgoff);
	if (fb->kmemfb)
		return fbdefio_mkwrite_special(vmf, fbdefio_pfn(fb, vmf->pgoff));
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct fbdefio_vm_ops = {
	.fault = fbdefio_fault,
	.page_mkwrite = fbdefio_track_page,
	.pfn_mkwrite = fbdefio_track_page,
};

static struct fbdefio *vma_fbdefio(struct vm_area_struct *vma)
{
	if (vma->vm_ops != &fbdefio_vm_ops)
		return NULL;
	return vma->vm_file->private_data;
}

static int fbdefio_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct fbdefio *fb = file->private_data;
	vm_flags_t flags = VM_DONTEXPAND | VM_DONTDUMP;

	if (fb->kmemfb) {
		/* vmf_insert_pfn() cannot serve a COW mapping */
		if (!(vma->vm_flags & VM_SHARED))
			return -EINVAL;
		flags |= VM_PFNMAP | VM_IO;
	}
	vma->vm_flags |= flags;
	vma->vm_ops = &fbdefio_vm_ops;
	return 0;
}

/*
 * fb_deferred_io_work: write-protect each listed page wherever it is
 * mapped shared, write it back, empty the list.  Returns the number of
 * entries write-protected.
 */
static int fbdefio_flush(struct fbdefio *fb)
{
	int cleaned = 0;

	for (unsigned long i = 0; i < fb->nr_dirty; i++) {
		pgoff_t index = fb->dirty[i];

		cleaned += mapping_wrprotect_range(fb->mapping, index,
						   fbdefio_pfn(fb, index), 1);
		if (fb->nr_written < FBDEFIO_LOG)
			fb->written[fb->nr_written] = index;
		fb->nr_written++;
		fb->listed[index] = false;
	}
	fb->nr_dirty = 0;
	return cleaned;
}

/* Invariant 7: a writable entry to a framebuffer page must be listed. */
bool fbdefio_entry_tracked(struct vm_area_struct *vma, unsigned long addr,
			   pte_t pte)
{
	struct fbdefio *fb = vma_fbdefio(vma);
	pgoff_t index = linear_page_index(vma, addr);

	if (!fb || !pte_write(pte) || index >= fb->nr_pages)
		return true;
	/* a private COW copy is not the framebuffer */
	if (pte_pfn(pte) != fbdefio_pfn(fb, index))
		return true;
	return fb->listed[index];
}

static void print_indices(struct seq_buf *out, const unsigned long *v,
			  unsigned long n)
{
	if (!n)
		seq_buf_printf(out, "none");
	for (unsigned long i = 0; i < n; i++)
		seq_buf_printf(out, "%s%lu", i ? " " : "", v[i]);
}

/* The model-only commands defio_flush, defio_dirty, defio_written. */
int fbdefio_ctl(struct vm_area_struct *vma, const char *what,
		struct seq_buf *out)
{
	struct fbdefio *fb = vma_fbdefio(vma);

	if (!fb)
		return -ENODEV;
	if (!strcmp(what, "flush")) {
		seq_buf_printf(out, "%d", fbdefio_flush(fb));
	} else if (!strcmp(what, "dirty")) {
		print_indices(out, fb->dirty, fb->nr_dirty);
	} else {
		print_indices(out, fb->written, min(fb->nr_written,
						    (unsigned long)FBDEFIO_LOG));
		if (fb->nr_written > FBDEFIO_LOG)
			seq_buf_printf(out, " ... (%lu)", fb->nr_written);
	}
	return 0;
}

static void fbdefio_free(struct fbdefio *fb)
{
	for (unsigned long i = 0; fb->pages && i < fb->nr_pages; i++)
		if (fb->pages[i])
			put_page(fb->pages[i]);
	kfree(fb->pages);
	kfree(fb->listed);
	kfree(fb->dirty);
	kfree(fb);
}

static void fbdefio_release(struct file *file)
{
	fbdefio_free(file->private_data);
}

static const struct file_operations fbdefio_fops = {
	.name = "/dev/fb0",
	.mmap = fbdefio_mmap,
	.release = fbdefio_release,
};

static struct fbdefio *fbdefio_alloc(unsigned long n,
				     bool kmemfb)
{
	struct machine *m = current_machine();
	struct fbdefio *fb = kzalloc(sizeof(*fb), GFP_KERNEL);

	if (!fb)
		return NULL;
	fb->m = m;
	fb->kmemfb = kmemfb;
	fb->nr_pages = n;
	fb->pages = kzalloc(n * sizeof(*fb->pages), GFP_KERNEL);
	fb->listed = kzalloc(n * sizeof(*fb->listed), GFP_KERNEL);
	fb->dirty = kzalloc(n * sizeof(*fb->dirty), GFP_KERNEL);
	if (!fb->pages || !fb->listed || !fb->dirty)
		goto fail;
	for (unsigned long i = 0; i < n; i++) {
		fb->pages[i] = alloc_kernel_page();
		if (!fb->pages[i])
			goto fail;
	}
	return fb;
fail:
	fbdefio_free(fb);
	return NULL;
}

static int fbdefio_parse(const char *options, unsigned long *n, bool *kmemfb)
{
	static const char *const known[] = { "pages", "kmemfb", NULL };

	*n = 4;
	*kmemfb = false;
	if (device_check_options(options, known) ||
	    device_option_ulong(options, "pages", 1, 4096, n) ||
	    device_option_bool(options, "kmemfb", kmemfb))
		return -EINVAL;
	return 0;
}

static int fbdefio_open(struct machine *m, const char *options,
			struct file **out)
{
	struct fbdefio *fb;
	struct file *f;
	unsigned long n;
	bool kmemfb;

	if (fbdefio_parse(options, &n, &kmemfb))
		return -EINVAL;
	fb = fbdefio_alloc(n, kmemfb);
	if (!fb)
		return -ENOMEM;
	f = device_file_alloc("fb0", &fbdefio_fops);
	if (!f) {
		fbdefio_free(fb);
		return -ENOMEM;
	}
	fb->mapping = f->f_mapping;	/* fb_deferred_io_open */
	f->private_data = fb;
	*out = f;
	return 0;
}

const struct mm_device fbdefio_device = {
	.name = "fbdefio",
	.open = fbdefio_open,
};
