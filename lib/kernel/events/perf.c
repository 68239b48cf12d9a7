// SPDX-License-Identifier: GPL-2.0
/*
 * perf.c - the perf event ring buffer: one user control page that user
 * space may write, then 2^n data pages it may only read.  The ring is
 * allocated by the first mmap, shared by later mappings of the same size
 * and freed when the last mapping goes.  Every design refuses splits
 * (may_split), is not copied on fork (VM_DONTCOPY) and not expanded.
 *
 * Four designs (`open F perf design=...`, default `design perf=`):
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
 *   pfnmap-aux-mutex  pfnmap with the 2026 fix: map_range() holds
 *		rb->aux_mutex, so it cannot read the AUX fields while
 *		rb_alloc_aux() is half-way.
 *
 * The AUX area (pfnmap designs): an mmap at a nonzero offset allocates
 * AUX pages in the ring buffer (rb_alloc_aux) and maps them; its last
 * unmap frees them.  Two events may share one ring (`open F perf id=N`,
 * `open G perf output=N`, PERF_EVENT_IOC_SET_OUTPUT): each has its own
 * mmap_mutex, so one can map the ring while the other allocates AUX
 * pages.  The model-only commands perf_aux_begin / perf_aux_end split
 * rb_alloc_aux() there (the pages allocated and counted, aux_pgoff not
 * yet set), so a scenario can run the interleaving of the bug fixed in
 * 2026 (map_range() returned an AUX page for offset 0, mapped it
 * without a reference, and the AUX unmap freed it: mm_check then finds
 * a PFN map entry to a freed frame: perf_check_entry below, the
 * driver's own invariant).
 */
#include <mmsim/driver.h>

/* The values of `design perf=`, in the order of its table (designs.c). */
enum perf_design { PERF_PFNMAP, PERF_LEGACY, PERF_MIXEDMAP, PERF_PFNMAP_AUX_MUTEX };

struct perf_buffer {
	unsigned long nr_pages;		/* data pages, a power of two or 0 */
	int mmap_count;
	/* the AUX area: rb_alloc_aux() and the AUX mapping */
	struct page **aux_pages;
	unsigned long aux_nr_pages, aux_pgoff;
	unsigned long aux_want_pgoff;	/* rb_alloc_aux() half-way: where it goes */
	bool aux_in_progress;
	int aux_mmap_count;
	struct page *pages[];		/* user page, then data pages */
};

struct perf_event {
	int design;			/* enum perf_design */
	struct perf_buffer *rb;
	int id;				/* id=N: another event may output here */
	struct file *output_file;	/* output=N: the event whose ring we share */
	struct perf_event *output;
	struct file *file;		/* ours */
	struct list_head node;		/* perf_state.events, with an id */
};

/* The driver's own state in each machine (mmsim_driver_data). */
struct perf_state {
	struct list_head events;	/* events with an id */
	bool ready;
};

static const struct mmsim_driver perf_driver;

static struct perf_state *perf_state(void)
{
	struct perf_state *ps = mmsim_driver_data(&perf_driver, sizeof(*ps));

	if (ps && !ps->ready) {
		INIT_LIST_HEAD(&ps->events);
		ps->ready = true;
	}
	return ps;
}

/* The ring buffer @event writes to: its own, or its output's. */
static struct perf_buffer **perf_rb(struct perf_event *event)
{
	return event->output ? &event->output->rb : &event->rb;
}

static void rb_free_aux(struct perf_buffer *rb)
{
	for (unsigned long i = 0; i < rb->aux_nr_pages; i++)
		put_page(rb->aux_pages[i]);
	kfree(rb->aux_pages);
	rb->aux_pages = NULL;
	rb->aux_nr_pages = rb->aux_pgoff = 0;
	rb->aux_in_progress = false;
}

/*
 * rb_alloc_aux(), first half: the pages allocated and counted one by one
 * (aux_pages[i], aux_nr_pages++); aux_pgoff is set by the second half.
 */
static int rb_alloc_aux_pages(struct perf_buffer *rb, unsigned long pgoff,
			      unsigned long nr)
{
	rb->aux_pages = kzalloc(nr * sizeof(*rb->aux_pages), GFP_KERNEL);
	if (!rb->aux_pages)
		return -ENOMEM;
	for (unsigned long i = 0; i < nr; i++) {
		rb->aux_pages[i] = alloc_page(GFP_KERNEL);
		if (!rb->aux_pages[i]) {
			rb_free_aux(rb);
			return -ENOMEM;
		}
		rb->aux_nr_pages++;
	}
	rb->aux_want_pgoff = pgoff;
	rb->aux_in_progress = true;
	return 0;
}

static void rb_alloc_aux_finish(struct perf_buffer *rb)
{
	rb->aux_pgoff = rb->aux_want_pgoff;
	rb->aux_in_progress = false;
}

/*
 * perf_mmap_to_page(): an AUX page if @pgoff falls in the AUX area as the
 * fields say now, else the user or a data page.  Half-way through
 * rb_alloc_aux() aux_pgoff is still 0, so offset 0 gives an AUX page.
 */
static struct page *perf_mmap_to_page(struct perf_buffer *rb, unsigned long pgoff)
{
	if (rb->aux_nr_pages && pgoff >= rb->aux_pgoff &&
	    pgoff - rb->aux_pgoff < rb->aux_nr_pages)
		return rb->aux_pages[pgoff - rb->aux_pgoff];
	return pgoff <= rb->nr_pages ? rb->pages[pgoff] : NULL;
}

static void perf_buffer_free(struct perf_event *event)
{
	struct perf_buffer *rb = *perf_rb(event);

	if (!rb)
		return;
	rb_free_aux(rb);
	for (unsigned long i = 0; i <= rb->nr_pages; i++) {
		rb->pages[i]->mapping = NULL;	/* legacy: undo the fake mapping */
		put_page(rb->pages[i]);
	}
	kfree(rb);
	*perf_rb(event) = NULL;
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
	struct perf_buffer **rb = perf_rb(event);
	unsigned long nr_pages = pages - 1;

	if (!(flags & VM_SHARED))
		return -EINVAL;
	if (pgoff != 0)
		return -EINVAL;		/* the AUX area: pfnmap only */
	if (nr_pages && !is_power_of_2(nr_pages))
		return -EINVAL;
	if (*rb && (*rb)->nr_pages != nr_pages)
		return -EINVAL;
	if (!*rb) {
		*rb = perf_buffer_alloc(nr_pages);
		if (!*rb)
			return -ENOMEM;
	}
	(*rb)->mmap_count++;
	return 0;
}

static void perf_mmap_open(struct vm_area_struct *vma)
{
	struct perf_event *event = vma->vm_file->private_data;

	if (vma->vm_pgoff)
		(*perf_rb(event))->aux_mmap_count++;
	(*perf_rb(event))->mmap_count++;
}

/* The last AUX mapping frees the AUX pages; the last mapping the ring. */
static void perf_mmap_close(struct vm_area_struct *vma)
{
	struct perf_event *event = vma->vm_file->private_data;
	struct perf_buffer *rb = *perf_rb(event);

	if (vma->vm_pgoff && !--rb->aux_mmap_count)
		rb_free_aux(rb);
	if (!--rb->mmap_count)
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

/* map_range(): every page of the VMA, as perf_mmap_to_page() says now. */
static int perf_map_range(struct perf_event *event, struct perf_buffer *rb,
			  struct vm_area_struct *vma)
{
	/* vm_page_prot is not final yet: compute the read-only one here */
	pgprot_t prot = vm_get_page_prot(vma->vm_flags & ~VM_SHARED);

	/* the fix: rb->aux_mutex, held by rb_alloc_aux() until it is done */
	if (event->design == PERF_PFNMAP_AUX_MUTEX && rb->aux_in_progress)
		rb_alloc_aux_finish(rb);
	else if (rb->aux_in_progress)
		mmsim_note_kernel_bug("Linux 6.14-6.19's map_range() (design "
			"perf=pfnmap): mapped while rb_alloc_aux() is half done, "
			"it maps an AUX page without a reference (fixed in July "
			"2026 by taking rb->aux_mutex)");
	for (unsigned long i = 0; i < vma_pages(vma); i++) {
		struct page *page = perf_mmap_to_page(rb, vma->vm_pgoff + i);
		int err;

		if (!page)
			return -EINVAL;
		err = remap_pfn_range(vma, vma->vm_start + i * PAGE_SIZE,
				      page_to_pfn(page), PAGE_SIZE, prot);
		if (err)
			return err;
	}
	return 0;
}

/* perf_mmap_aux(): an AUX area at @vma->vm_pgoff, after the ring. */
static int perf_mmap_aux(struct perf_event *event, struct vm_area_struct *vma)
{
	struct perf_buffer *rb = *perf_rb(event);
	unsigned long nr = vma_pages(vma);
	int err;

	if (!(vma->vm_flags & VM_SHARED) || !rb || vma->vm_pgoff <= rb->nr_pages ||
	    !is_power_of_2(nr))
		return -EINVAL;
	if (rb->aux_in_progress)
		rb_alloc_aux_finish(rb);	/* the same event's mmap_mutex */
	if (!rb->aux_nr_pages) {
		err = rb_alloc_aux_pages(rb, vma->vm_pgoff, nr);
		if (err)
			return err;
		rb_alloc_aux_finish(rb);
	} else if (rb->aux_pgoff != vma->vm_pgoff || rb->aux_nr_pages != nr) {
		return -EINVAL;
	}
	rb->aux_mmap_count++;
	rb->mmap_count++;
	return 0;
}

static int perf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct perf_event *event = file->private_data;
	int err = vma->vm_pgoff ? perf_mmap_aux(event, vma) :
		  perf_mmap_attach(event, vma->vm_flags, vma->vm_pgoff,
				   vma_pages(vma));

	if (err)
		return err;
	vm_flags_set(vma, VM_DONTCOPY | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_ops = &perf_pfnmap_vmops;
	err = perf_map_range(event, *perf_rb(event), vma);
	if (err)
		perf_mmap_close(vma);
	return err;
}

/* ---- legacy: fault + page_mkwrite, page->mapping/index faked ---------- */

static vm_fault_t perf_mmap_fault(struct vm_fault *vmf)
{
	struct perf_event *event = vmf->vma->vm_file->private_data;
	struct perf_buffer *rb = *perf_rb(event);
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
		.type = MMAP_INSERT_PAGES, .pages = (*perf_rb(event))->pages,
		.nr_pages = pages, .nr_writable = 1,
	};
	return 0;
}

/* ---- the file --------------------------------------------------------- */

static void perf_release(struct file *file)
{
	struct perf_event *event = file->private_data;

	/* no mapping can be left: they hold the file; an output's ring is its own */
	if (event->output)
		fput(event->output_file);
	else
		perf_buffer_free(event);
	if (event->id)
		list_del(&event->node);
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
	[PERF_PFNMAP_AUX_MUTEX] = {
		.name = "anon_inode:[perf_event]",
		.mmap = perf_mmap,
		.release = perf_release,
	},
};

static struct perf_event *perf_event_find(struct perf_state *ps,
					  unsigned long id)
{
	struct perf_event *e;

	list_for_each_entry(e, &ps->events, node)
		if (e->id == (int)id)
			return e;
	return NULL;
}

/*
 * id=N names the event; output=N makes it write into event N's ring
 * (PERF_EVENT_IOC_SET_OUTPUT: same design, the ring shared).
 */
static int perf_parse_ids(struct perf_state *ps, const char *options,
			  struct perf_event *event)
{
	unsigned long id = 0, out = 0;

	if (driver_option_ulong(options, "id", 1, 1000, &id) ||
	    driver_option_ulong(options, "output", 1, 1000, &out))
		return -EINVAL;
	if (id && perf_event_find(ps, id))
		return -EBUSY;
	if (out) {
		event->output = perf_event_find(ps, out);
		if (!event->output || event->output->output ||
		    event->output->design != event->design)
			return -EINVAL;
	}
	event->id = (int)id;
	return 0;
}

static int perf_open(struct file *file, const char *options)
{
	struct perf_state *ps = perf_state();
	struct perf_event *event;
	int design, err;

	if (!ps)
		return -ENOMEM;
	if (driver_option_design(options, "design", "perf", &design))
		return -EINVAL;
	event = kzalloc(sizeof(*event), GFP_KERNEL);
	if (!event)
		return -ENOMEM;
	event->design = design;
	err = perf_parse_ids(ps, options, event);
	if (err) {
		kfree(event);
		return err;
	}
	if (event->output)	/* the ring's owner outlives us */
		event->output_file = get_file(event->output->file);
	if (event->id)
		list_add_tail(&event->node, &ps->events);
	event->file = file;
	file->f_op = &perf_fops[design];
	file->private_data = event;
	return 0;
}

/* The driver's own invariant (mm_check): a PFN map keeps no reference. */
static int perf_check_entry(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte, struct seq_buf *why)
{
	unsigned long pfn = pte_pfn(pte);
	struct perf_buffer *rb;

	if (vma->vm_ops != &perf_pfnmap_vmops)
		return 0;
	rb = *perf_rb(vma->vm_file->private_data);
	for (unsigned long i = 0; rb && i <= rb->nr_pages; i++)
		if (page_to_pfn(rb->pages[i]) == pfn)
			return 0;
	for (unsigned long i = 0; rb && i < rb->aux_nr_pages; i++)
		if (page_to_pfn(rb->aux_pages[i]) == pfn)
			return 0;
	seq_buf_printf(why, "perf entry maps pfn %lx, no page of its ring buffer (freed)",
		       pfn);
	return 1;
}

/*
 * perf_aux_begin ADDR PGOFF PAGES / perf_aux_end ADDR: rb_alloc_aux() of
 * the ring mapped at ADDR, split where the 2026 fix closed a race: the
 * first half allocates and counts the AUX pages, the second sets
 * aux_pgoff (then an AUX mmap at PGOFF finds them allocated).
 */
static int perf_cmd_aux(struct vm_area_struct *vma, int argc, char **argv,
			struct seq_buf *out)
{
	struct perf_event *event;
	struct perf_buffer *rb;
	unsigned long pgoff, nr;
	int err;

	event = vma->vm_file->private_data;
	rb = *perf_rb(event);
	if (!rb || event->design == PERF_LEGACY || event->design == PERF_MIXEDMAP)
		return -EINVAL;
	if (!strcmp(argv[0], "perf_aux_end")) {
		if (!rb->aux_nr_pages)
			return -EINVAL;
		if (rb->aux_in_progress)	/* else someone waited for it */
			rb_alloc_aux_finish(rb);
		seq_buf_printf(out, "ok");
		return 0;
	}
	if (kstrtoul(argv[2], 0, &pgoff) || kstrtoul(argv[3], 0, &nr) ||
	    !nr || nr > 64 || !is_power_of_2(nr) || pgoff <= rb->nr_pages ||
	    rb->aux_nr_pages)
		return -EINVAL;
	err = rb_alloc_aux_pages(rb, pgoff, nr);
	if (!err)
		seq_buf_printf(out, "ok");
	return err;
}

static const struct mmsim_driver_command perf_commands[] = {
	{ "perf_aux_begin", 3, 3, "perf_aux_begin ADDR PGOFF PAGES",
	  "rb_alloc_aux() of the ring at ADDR, first half: pages allocated, aux_pgoff not set",
	  perf_cmd_aux },
	{ "perf_aux_end", 1, 1, "perf_aux_end ADDR",
	  "rb_alloc_aux() of the ring at ADDR, second half: aux_pgoff set",
	  perf_cmd_aux },
	{ NULL },
};

static const struct mmsim_driver perf_driver = {
	.name = "perf",
	.fops = &perf_fops[PERF_PFNMAP],
	.options = (const char *const[]){ "design", "id", "output", NULL },
	.open = perf_open,
	.check_entry = perf_check_entry,
	.commands = perf_commands,
};

MMSIM_MODULE(&perf_driver);
