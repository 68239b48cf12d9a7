// SPDX-License-Identifier: GPL-2.0
/*
 * perf.c - the perf event ring buffer: one user control page that user
 * space may write, then 2^n data pages it may only read.  The ring is
 * allocated by the first mmap, shared by later mappings of the same size
 * and freed when the last mapping goes.  Every design refuses splits
 * (may_split), is not copied on fork (VM_DONTCOPY) and not expanded.
 *
 * Three designs (`open F perf design=...`, default `design perf=`):
 *
 *   pfnmap	Linux 6.18: every page is remap_pfn_range()d in ->mmap, read-
 *		only (write-notify is decided after the hook, so the driver
 *		computes the read-only protection itself); ->pfn_mkwrite lets
 *		only page 0 become writable.  VM_PFNMAP|VM_IO: GUP refuses it,
 *		page walkers skip it.
 *   legacy	before seed 000's patch: nothing mapped at mmap; ->fault hands
 *		out the kernel page and writes page->mapping and page->index
 *		so that the ->page_mkwrite (the same function) that follows a
 *		write fault passes the core's "page still mapped?" check.
 *   mixedmap	the seed's alternative: ->mmap_prepare describes the page
 *		array and that page 0 starts writable; the core maps it with
 *		vm_insert_pages() after vm_page_prot is settled (VM_MIXEDMAP,
 *		plus VM_IO so GUP still refuses it); ->page_mkwrite refuses
 *		writes to data pages.
 */
#include <mmsim/driver.h>

/* index = the value of `design perf=` (mmsim_design("perf")) */
enum perf_design { PERF_PFNMAP, PERF_LEGACY, PERF_MIXEDMAP };

struct perf_buffer {
	unsigned long nr_pages;		/* data pages, a power of two or 0 */
	int mmap_count;
	struct page *pages[];		/* user page, then data pages */
};

struct perf_event {
	int design;			/* enum perf_design */
	struct perf_buffer *rb;
};

static const char *const perf_design_names[] = {
	[PERF_PFNMAP] = "pfnmap", [PERF_LEGACY] = "legacy",
	[PERF_MIXEDMAP] = "mixedmap", NULL,
};

static void perf_buffer_free(struct perf_event *event)
{
	struct perf_buffer *rb = event->rb;

	if (!rb)
		return;
	for (unsigned long i = 0; i <= rb->nr_pages; i++) {
		rb->pages[i]->mapping = NULL;	/* legacy: undo the fake mapping */
		put_page(rb->pages[i]);
	}
	kfree(rb);
	event->rb = NULL;
}

static struct perf_buffer *perf_buffer_alloc(unsigned long nr_pages)
{
	struct perf_buffer *rb = kzalloc(sizeof(*rb) + (nr_pages + 1) * sizeof(struct page *), GFP_KERNEL);

	if (!rb)
		return NULL;
	rb->nr_pages = nr_pages;
	for (unsigned long i = 0; i <= nr_pages; i++) {
		rb->pages[i] = alloc_page(GFP_KERNEL);
		if (!rb->pages[i]) {
			while (i--)
				put_page(rb->pages[i]);
			kfree(rb);
			return NULL;
		}
	}
	return rb;
}

/* perf_mmap()'s checks and the ring's allocation, common to all designs. */
static int perf_mmap_attach(struct perf_event *event, vm_flags_t flags,
			    pgoff_t pgoff, unsigned long pages)
{
	unsigned long nr_pages = pages - 1;

	if (!(flags & VM_SHARED))
		return -EINVAL;
	if (pgoff != 0)
		return -EINVAL;		/* the AUX area is not modelled */
	if (nr_pages && !is_power_of_2(nr_pages))
		return -EINVAL;
	if (event->rb && event->rb->nr_pages != nr_pages)
		return -EINVAL;
	if (!event->rb) {
		event->rb = perf_buffer_alloc(nr_pages);
		if (!event->rb)
			return -ENOMEM;
	}
	event->rb->mmap_count++;
	return 0;
}

static void perf_mmap_open(struct vm_area_struct *vma)
{
	struct perf_event *event = vma->vm_file->private_data;

	event->rb->mmap_count++;
}

/* The last mapping gone: the ring is detached and freed. */
static void perf_mmap_close(struct vm_area_struct *vma)
{
	struct perf_event *event = vma->vm_file->private_data;

	if (!--event->rb->mmap_count)
		perf_buffer_free(event);
}

static int perf_mmap_may_split(struct vm_area_struct *vma, unsigned long addr)
{
	return -EINVAL;
}

/* ---- pfnmap: today's kernel ------------------------------------------- */

static vm_fault_t perf_mmap_pfn_mkwrite(struct vm_fault *vmf)
{
	return vmf->pgoff == 0 ? 0 : VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct perf_pfnmap_vmops = {
	.open = perf_mmap_open,
	.close = perf_mmap_close,
	.pfn_mkwrite = perf_mmap_pfn_mkwrite,
	.may_split = perf_mmap_may_split,
};

static int perf_map_range(struct perf_buffer *rb, struct vm_area_struct *vma)
{
	/* vm_page_prot is not final yet: compute the read-only one here */
	pgprot_t prot = vm_get_page_prot(vma->vm_flags & ~VM_SHARED);

	for (unsigned long i = 0; i <= rb->nr_pages; i++) {
		int err = remap_pfn_range(vma, vma->vm_start + i * PAGE_SIZE,
					  page_to_pfn(rb->pages[i]),
					  PAGE_SIZE, prot);
		if (err)
			return err;
	}
	return 0;
}

static int perf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct perf_event *event = file->private_data;
	int err = perf_mmap_attach(event, vma->vm_flags, vma->vm_pgoff,
				   vma_pages(vma));

	if (err)
		return err;
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &perf_pfnmap_vmops;
	err = perf_map_range(event->rb, vma);
	if (err)
		perf_mmap_close(vma);
	return err;
}

/* ---- legacy: fault + page_mkwrite, page->mapping/index faked ---------- */

static vm_fault_t perf_mmap_fault(struct vm_fault *vmf)
{
	struct perf_event *event = vmf->vma->vm_file->private_data;
	struct perf_buffer *rb = event->rb;
	struct page *page;

	if (vmf->flags & FAULT_FLAG_MKWRITE)
		return vmf->pgoff == 0 ? 0 : VM_FAULT_SIGBUS;
	if (!rb || vmf->pgoff > rb->nr_pages)
		return VM_FAULT_SIGBUS;
	page = rb->pages[vmf->pgoff];
	get_page(page);
	/* what seed 000 removes: folio fields written on a kernel page */
	page->mapping = vmf->vma->vm_file->f_mapping;
	page->index = vmf->pgoff;	/* the core counts these (page_field_writes) */
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct perf_legacy_vmops = {
	.open = perf_mmap_open,
	.close = perf_mmap_close,
	.fault = perf_mmap_fault,
	.page_mkwrite = perf_mmap_fault,
	.may_split = perf_mmap_may_split,
};

static int perf_mmap_legacy(struct file *file, struct vm_area_struct *vma)
{
	struct perf_event *event = file->private_data;
	int err = perf_mmap_attach(event, vma->vm_flags, vma->vm_pgoff,
				   vma_pages(vma));

	if (err)
		return err;
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &perf_legacy_vmops;
	return 0;
}

/* ---- mixedmap: mmap_prepare + vm_insert_pages ------------------------- */

static vm_fault_t perf_mmap_page_mkwrite(struct vm_fault *vmf)
{
	/* the page stays "locked" by the driver: no page->mapping needed */
	return vmf->pgoff == 0 ? VM_FAULT_LOCKED : VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct perf_mixedmap_vmops = {
	.open = perf_mmap_open,
	.close = perf_mmap_close,
	.page_mkwrite = perf_mmap_page_mkwrite,
	.may_split = perf_mmap_may_split,
};

static int perf_mmap_prepare(struct vm_area_desc *desc)
{
	struct perf_event *event = desc->file->private_data;
	unsigned long pages = (desc->end - desc->start) >> PAGE_SHIFT;
	int err = perf_mmap_attach(event, desc->vm_flags, desc->pgoff, pages);

	if (err)
		return err;
	desc->vm_flags |= VM_IO | VM_MIXEDMAP | VM_DONTCOPY | VM_DONTEXPAND |
			  VM_DONTDUMP;
	desc->vm_ops = &perf_mixedmap_vmops;
	desc->action = (struct mmap_action) {
		.type = MMAP_INSERT_PAGES, .pages = event->rb->pages,
		.nr_pages = pages, .nr_writable = 1,
	};
	return 0;
}

/* ---- the file --------------------------------------------------------- */

static void perf_release(struct file *file)
{
	struct perf_event *event = file->private_data;

	perf_buffer_free(event);	/* no mapping can be left: they hold the file */
	kfree(event);
}

static const struct file_operations perf_fops[] = {
	[PERF_PFNMAP] = {
		.name = "anon_inode:[perf_event]",
		.mmap = perf_mmap,
		.release = perf_release,
	},
	[PERF_LEGACY] = {
		.name = "anon_inode:[perf_event]",
		.mmap = perf_mmap_legacy,
		.release = perf_release,
	},
	[PERF_MIXEDMAP] = {
		.name = "anon_inode:[perf_event]",
		.mmap_prepare = perf_mmap_prepare,
		.release = perf_release,
	},
};

static int perf_open(struct file *file, const char *options)
{
	int design = mmsim_design("perf");
	struct perf_event *event;

	if (driver_option_match(options, "design", perf_design_names, &design) ||
	    design < 0)
		return -EINVAL;
	event = kzalloc(sizeof(*event), GFP_KERNEL);
	if (!event)
		return -ENOMEM;
	event->design = design;
	file->f_op = &perf_fops[design];
	file->private_data = event;
	return 0;
}

static const struct mmsim_driver perf_driver = {
	.name = "perf",
	.fops = &perf_fops[PERF_PFNMAP],
	.options = (const char *const[]){ "design", NULL },
	.open = perf_open,
};

MMSIM_MODULE(&perf_driver);
