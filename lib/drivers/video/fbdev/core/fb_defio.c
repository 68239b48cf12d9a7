// SPDX-License-Identifier: GPL-2.0
/*
 * fb_defio.c - a framebuffer with deferred I/O, as fbdev's fb_defio
 * (drivers/video/fbdev/core/fb_defio.c): userspace writes to a shared
 * mapping of the framebuffer; the first write to each page after a flush
 * faults and puts the page on the dirty list; the flush (the driver's
 * delayed work, here run on demand by `defio_flush`) write-protects every
 * listed page in every process, "writes it back" and empties the list,
 * so the next write faults again.  No write may ever be missed: a
 * writable entry to a page that is not listed would be a lost update
 * (invariant 7, fbdefio_check_entry, run by mm_check).
 *
 * `open F fbdefio [pages=N] [design=D] [kmemfb=on|off] [carveout=on|off]`:
 *   pages	framebuffer size in pages (default 4); a fault past it SIGBUS.
 *   design	how the flush finds the entries (default: `design defio=`,
 *		driver_option_design(); seed 001's designs, one struct
 *		fbdefio_design each below):
 *		mkclean (Linux 2.6-6.14): ->fault fakes page->mapping and
 *		page->index on the kernel page so that folio_mkclean()'s file
 *		rmap walk finds its mappings (the core counts those writes:
 *		mmsim_events' page_field_writes);
 *		wrprotect (Linux 6.15-): mapping_wrprotect_range(mapping,
 *		pgoff, pfn, 1), by mapping, offset and PFN, no struct page;
 *		kmemfb (the FBINFO_KMEMFB proposal): as wrprotect, but the
 *		memory is mapped as having no struct page, below.
 *   kmemfb	on: design=kmemfb; off: a page design (wrprotect if the
 *		switch says kmemfb).
 *   carveout	on: the framebuffer is memory without struct page, a
 *		carve-out at the top of the I/O region (mmsim_io_region()).
 *		Only kmemfb can map it: the other designs hand struct pages
 *		out from ->fault, so open refuses them (EINVAL).
 *
 * mkclean and wrprotect: a vmalloc-like framebuffer with struct page
 * (FBINFO_VIRTFB): ->fault returns vmf->page, the first write reaches
 * ->page_mkwrite, which lists the page and returns VM_FAULT_LOCKED (the
 * model has no page lock to take).  kmemfb: kernel memory the mm must
 * treat as having no struct page: only MAP_SHARED (else -EINVAL),
 * VM_PFNMAP | VM_IO, ->fault inserts a special entry with
 * vmf_insert_pfn(), the first write reaches ->pfn_mkwrite, which lists
 * the page and returns 0: the core then makes the entry writable
 * (wp_pfn_shared).  The proposal (Michael Kelley, 2025) upgraded the
 * entry itself with vmf_insert_mixed_mkwrite(PFN_SPECIAL) and returned
 * VM_FAULT_NOPAGE; without pfn_t (6.18) that call refuses a RAM PFN
 * outside VM_MIXEDMAP, and what user space and the dirty list see is the
 * same either way.
 *
 * Without a carve-out the pages come from alloc_page(GFP_KERNEL), as the
 * kernel's kmemfb drivers use kernel memory: the point of kmemfb is
 * memory the mm must not manage through struct page, not memory without
 * RAM behind it.
 *
 * The model-only commands defio_flush, defio_dirty and defio_written
 * (below) are this driver's own, registered with it.
 */
#include <mmsim/driver.h>

#define FBDEFIO_LOG 64	/* pages written back that `defio_written` shows */

/* The values of `design defio=`, in the order of its table (designs.c). */
enum { DEFIO_MKCLEAN, DEFIO_WRPROTECT, DEFIO_KMEMFB };

struct fbdefio;

/* How the flush finds and write-protects a page's entries. */
struct fbdefio_design {
	bool pfnmap;		/* VM_PFNMAP: vmf_insert_pfn() and ->pfn_mkwrite */
	bool fake_fields;	/* ->fault writes page->mapping and page->index */
	bool needs_page;	/* hands struct pages out: no carve-out */
	int (*wrprotect)(struct fbdefio *fb, pgoff_t index);
};

struct fbdefio {
	struct address_space *mapping;	/* of the open file, for the rmap */
	const struct fbdefio_design *design;
	unsigned long nr_pages;
	struct page **pages;		/* NULL for a carve-out */
	unsigned long carveout;		/* first PFN of a carve-out, or 0 */
	bool *listed;			/* page index -> on the dirty list */
	unsigned long *dirty;		/* the dirty list, in order of writing */
	unsigned long nr_dirty;
	unsigned long written[FBDEFIO_LOG];
	unsigned long nr_written;	/* all pages written back so far */
};

static struct fbdefio *vma_fbdefio(struct vm_area_struct *vma);

static unsigned long fbdefio_pfn(struct fbdefio *fb, pgoff_t index)
{
	return fb->carveout ? fb->carveout + index : page_to_pfn(fb->pages[index]);
}

/* Linux 6.15-: the mapping and offset say where; the PFN what. */
static int fbdefio_wrprotect_range(struct fbdefio *fb, pgoff_t index)
{
	return mapping_wrprotect_range(fb->mapping, index, fbdefio_pfn(fb, index), 1);
}

/* Before 6.15: the rmap walk of a page-cache folio, on faked fields. */
static int fbdefio_mkclean(struct fbdefio *fb, pgoff_t index)
{
	return folio_mkclean(page_folio(fb->pages[index]));
}

static const struct fbdefio_design fbdefio_designs[] = {
	[DEFIO_MKCLEAN] = { .fake_fields = true, .needs_page = true,
			    .wrprotect = fbdefio_mkclean },
	[DEFIO_WRPROTECT] = { .needs_page = true, .wrprotect = fbdefio_wrprotect_range },
	[DEFIO_KMEMFB] = { .pfnmap = true, .wrprotect = fbdefio_wrprotect_range },
};

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
	if (fb->design->pfnmap)
		return vmf_insert_pfn(vmf->vma, vmf->address,
				      fbdefio_pfn(fb, vmf->pgoff));
	page = fb->pages[vmf->pgoff];
	if (fb->design->fake_fields) {	/* what seed 001 removes */
		page->mapping = vmf->vma->vm_file->f_mapping;
		page->index = vmf->pgoff;
	}
	get_page(page);
	vmf->page = page;
	return 0;
}

/* fb_deferred_io_track_page: the first write since the last flush. */
static vm_fault_t fbdefio_track_page(struct vm_fault *vmf)
{
	struct fbdefio *fb = vma_fbdefio(vmf->vma);

	if (vmf->pgoff >= fb->nr_pages)
		return VM_FAULT_SIGBUS;
	fbdefio_list_add(fb, vmf->pgoff);
	return fb->design->pfnmap ? 0 : VM_FAULT_LOCKED;
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

	if (fb->design->pfnmap) {
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

		cleaned += fb->design->wrprotect(fb, index);
		if (fb->nr_written < FBDEFIO_LOG)
			fb->written[fb->nr_written] = index;
		fb->nr_written++;
		fb->listed[index] = false;
	}
	fb->nr_dirty = 0;
	return cleaned;
}

/* Invariant 7: a writable entry to a framebuffer page must be listed. */
static int fbdefio_check_entry(struct vm_area_struct *vma, unsigned long addr,
			       pte_t pte, struct seq_buf *why)
{
	struct fbdefio *fb = vma_fbdefio(vma);
	pgoff_t index = linear_page_index(vma, addr);

	if (!fb || !pte_write(pte) || index >= fb->nr_pages)
		return 0;
	/* a private COW copy is not the framebuffer */
	if (pte_pfn(pte) != fbdefio_pfn(fb, index) || fb->listed[index])
		return 0;
	seq_buf_printf(why, "writable entry to deferred-I/O page %lu not on the dirty list",
		       index);
	return 1;
}

static void print_indices(struct seq_buf *out, const unsigned long *v,
			  unsigned long n)
{
	if (!n)
		seq_buf_printf(out, "none");
	for (unsigned long i = 0; i < n; i++)
		seq_buf_printf(out, "%s%lu", i ? " " : "", v[i]);
}

/* defio_flush ADDR: the deferred I/O of the fbdefio mapped at ADDR. */
static int fbdefio_cmd_flush(struct vm_area_struct *vma, int argc, char **argv,
			     struct seq_buf *out)
{
	struct fbdefio *fb = vma_fbdefio(vma);

	if (!fb)
		return -ENODEV;
	seq_buf_printf(out, "%d", fbdefio_flush(fb));
	return 0;
}

/* defio_dirty ADDR: its dirty list. */
static int fbdefio_cmd_dirty(struct vm_area_struct *vma, int argc, char **argv,
			     struct seq_buf *out)
{
	struct fbdefio *fb = vma_fbdefio(vma);

	if (!fb)
		return -ENODEV;
	print_indices(out, fb->dirty, fb->nr_dirty);
	return 0;
}

/* defio_written ADDR: the pages written back so far. */
static int fbdefio_cmd_written(struct vm_area_struct *vma, int argc,
			       char **argv, struct seq_buf *out)
{
	struct fbdefio *fb = vma_fbdefio(vma);

	if (!fb)
		return -ENODEV;
	print_indices(out, fb->written, min(fb->nr_written,
					    (unsigned long)FBDEFIO_LOG));
	if (fb->nr_written > FBDEFIO_LOG)
		seq_buf_printf(out, " ... (%lu)", fb->nr_written);
	return 0;
}

static void fbdefio_free(struct fbdefio *fb)
{
	for (unsigned long i = 0; fb->pages && i < fb->nr_pages; i++) {
		if (!fb->pages[i])
			continue;
		fb->pages[i]->mapping = NULL;	/* mkclean: undo the fake */
		put_page(fb->pages[i]);
	}
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

/* The top of the I/O region, where /dev/mem's scenarios rarely go. */
static unsigned long carveout_start(unsigned long n)
{
	unsigned long start, nr;

	mmsim_io_region(&start, &nr);
	return n <= nr ? start + nr - n : 0;
}

static struct fbdefio *fbdefio_alloc(unsigned long n, int design,
				     bool carveout)
{
	struct fbdefio *fb = kzalloc(sizeof(*fb), GFP_KERNEL);

	if (!fb)
		return NULL;
	fb->design = &fbdefio_designs[design];
	fb->nr_pages = n;
	fb->listed = kzalloc(n * sizeof(*fb->listed), GFP_KERNEL);
	fb->dirty = kzalloc(n * sizeof(*fb->dirty), GFP_KERNEL);
	if (!fb->listed || !fb->dirty)
		goto fail;
	if (carveout) {
		fb->carveout = carveout_start(n);
		if (!fb->carveout)
			goto fail;
		return fb;
	}
	fb->pages = kzalloc(n * sizeof(*fb->pages), GFP_KERNEL);
	if (!fb->pages)
		goto fail;
	for (unsigned long i = 0; i < n; i++) {
		fb->pages[i] = alloc_page(GFP_KERNEL);
		if (!fb->pages[i])
			goto fail;
	}
	return fb;
fail:
	fbdefio_free(fb);
	return NULL;
}

/* pages=, design= (or the switch), kmemfb= over it, carveout=. */
static int fbdefio_parse(const char *options, unsigned long *n, int *design,
			 bool *carveout)
{
	char val[8];
	bool kmemfb = false;

	*n = 4;
	*carveout = false;
	if (driver_option_ulong(options, "pages", 1, 4096, n) ||
	    driver_option_bool(options, "carveout", carveout) ||
	    driver_option_design(options, "design", "defio", design))
		return -EINVAL;
	if (!driver_option(options, "kmemfb", val, sizeof(val))) {
		if (driver_option_bool(options, "kmemfb", &kmemfb))
			return -EINVAL;
		*design = kmemfb ? DEFIO_KMEMFB :
			  *design == DEFIO_KMEMFB ? DEFIO_WRPROTECT : *design;
	}
	/* a design that hands struct pages out cannot map a carve-out */
	if (*carveout && fbdefio_designs[*design].needs_page)
		return -EINVAL;
	return 0;
}

static int fbdefio_open(struct file *file, const char *options)
{
	struct fbdefio *fb;
	unsigned long n;
	bool carveout;
	int design;

	if (fbdefio_parse(options, &n, &design, &carveout))
		return -EINVAL;
	fb = fbdefio_alloc(n, design, carveout);
	if (!fb)
		return -ENOMEM;
	fb->mapping = file->f_mapping;	/* fb_deferred_io_open */
	file->private_data = fb;
	return 0;
}

static const struct mmsim_driver_command fbdefio_commands[] = {
	{ "defio_flush", 1, 1, "defio_flush ADDR",
	  "run the deferred I/O of the fbdefio at ADDR: entries write-protected",
	  fbdefio_cmd_flush },
	{ "defio_dirty", 1, 1, "defio_dirty ADDR",
	  "the dirty list of the fbdefio at ADDR: page indices, or none",
	  fbdefio_cmd_dirty },
	{ "defio_written", 1, 1, "defio_written ADDR",
	  "pages the fbdefio at ADDR wrote back so far, in order, or none",
	  fbdefio_cmd_written },
	{ NULL },
};

static const struct mmsim_driver fbdefio_driver = {
	.name = "fbdefio",
	.fops = &fbdefio_fops,
	.options = (const char *const[]){ "pages", "design", "kmemfb",
					  "carveout", NULL },
	.open = fbdefio_open,
	.check_entry = fbdefio_check_entry,
	.commands = fbdefio_commands,
};

MMSIM_MODULE(&fbdefio_driver);
