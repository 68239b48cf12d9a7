// SPDX-License-Identifier: GPL-2.0
/*
 * pfnmap_track.c - PAT tracking of remap_pfn_range() (mm/memory.c,
 * mm/vma_init.c, arch/x86/mm/pat/memtype.c in Linux 6.18; seed 004).
 *
 * Since Linux 6.16, a remap_pfn_range() (pfnmap.c) that covers the whole VMA reserves the memtype of
 * [pfn, pfn + size) and records it in a struct pfnmap_track_ctx; a VMA
 * that already has one gets -EINVAL.  A partial remap only takes the
 * cache mode the frames already have (pfnmap_setup_cachemode), reserving
 * nothing.  Splitting, mremap and fork share the context through
 * vm_area_dup() (a reference per VMA); vm_area_free() drops one; the last
 * drop frees the reservation - the whole original range, even after a
 * partial munmap.
 *
 * `design pat=` (one struct pat_design_ops each, below):
 *
 *  vm_pat   (Linux 3.7-6.15) no record at all: a whole-VMA remap sets
 *           VM_PAT (VM_ARCH_1, smaps "ar"); whoever needs the range reads
 *           it back from the VMA's first entry (get_pat_info) and takes
 *           the VMA's size.  fork reserves the parent VMA's range again,
 *           strictly, for the child (track_pfn_copy: it fails when the
 *           first page of a COW mapping was copied); every VMA unmapped
 *           or zapped frees its own range (untrack_pfn), which the memtype
 *           tree takes only when it is an exact entry or the tail of one
 *           (the end match that made mremap shrinking work): a split
 *           followed by munmap of the head or middle leaks, the kernel
 *           printing "freeing invalid memtype"; mremap moving the VMA
 *           clears VM_PAT on the source (untrack_pfn_clear), on all of
 *           it: moving a part leaks the rest's reservation.
 *
 *  vma-ctx  (Linux 6.16-) vma->pfnmap_track_ctx, 8 bytes in every VMA.
 *
 *  global   (the alternative Peter Xu raised in seed 004) no pointer in
 *           the VMA: a global table of links {VMA, context}, keyed by the
 *           VMA itself (an xarray indexed by the VMA would do the same;
 *           here a list).  The context is the same kref'd record, its
 *           count being the number of links.  Keyed by the VMA object,
 *           not by (mm, start): a split changes vm_start of the original
 *           without telling anyone, so a range key would need a hook in
 *           every place VMA bounds move (split, expand, mremap in place).
 *           Split: vm_area_dup() adds a link for the new part; the
 *           original keeps its link.  Fork: the same, for the child's
 *           VMA (vm_mm differs, the key does not care).  mremap: the
 *           moved VMA is a vm_area_dup() copy, linked; the old one loses
 *           its link when munmap frees it.  Unmap: vm_area_free() removes
 *           the link.  The price: a lookup per dup/free of any VMA, and
 *           vm_area_dup() of a tracked VMA allocates (one more -ENOMEM).
 *
 * The context's count never nears REFCOUNT_MAX in practice; a count at
 * it makes vm_area_dup() fail with -ENOMEM, as in the kernel.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>

#include "internal.h"

#define REFCOUNT_MAX	INT_MAX

struct pfnmap_link {
	struct list_head node;			/* m->pat.links */
	const struct vm_area_struct *vma;
	struct pfnmap_track_ctx *ctx;
};

/* ---- the memtype side: pfnmap_track / untrack / setup_cachemode ------- */

/* 1: all RAM, 0: no RAM, -1: mixed (pat_pagerange_is_ram). */
static int pat_pagerange_is_ram(unsigned long pfn,
				unsigned long nr)
{
	unsigned long ram = 0;

	for (unsigned long i = 0; i < nr; i++)
		ram += pfn_valid(pfn + i);
	return ram == nr ? 1 : ram ? -1 : 0;
}

/* A request may not be granted WB, and WT may not become WC. */
static bool is_new_memtype_allowed(enum page_cache_mode req,
				   enum page_cache_mode got)
{
	return req == _PAGE_CACHE_MODE_WB || got != _PAGE_CACHE_MODE_WB;
}

int pfnmap_track(unsigned long pfn, unsigned long size,
		 pgprot_t *prot)
{
	unsigned long nr = size >> PAGE_SHIFT;
	enum page_cache_mode want = pgprot2cachemode(*prot), got;
	int is_ram = pat_pagerange_is_ram(pfn, nr), err;

	if (is_ram < 0)
		return -EINVAL;
	if (is_ram) {		/* not reserved; RAM is WB in the model */
		pgprot_set_cachemode(prot, lookup_memtype(pfn));
		return 0;
	}
	err = memtype_reserve(pfn, pfn + nr, want, &got);
	if (err)
		return err;
	if (got != want && !is_new_memtype_allowed(want, got)) {
		memtype_free(pfn, pfn + nr);
		return -EINVAL;
	}
	pgprot_set_cachemode(prot, got);
	return 0;
}

void pfnmap_untrack(unsigned long pfn, unsigned long size)
{
	if (!pat_pagerange_is_ram(pfn, size >> PAGE_SHIFT))
		memtype_free(pfn, pfn + (size >> PAGE_SHIFT));
}

/* Every frame must already have one type; @prot takes it. */
int pfnmap_setup_cachemode(unsigned long pfn,
			   unsigned long size, pgprot_t *prot)
{
	enum page_cache_mode pcm = lookup_memtype(pfn);

	for (unsigned long i = 1; i < size >> PAGE_SHIFT; i++)
		if (lookup_memtype(pfn + i) != pcm)
			return -EINVAL;
	pgprot_set_cachemode(prot, pcm);
	return 0;
}

/* ---- where a VMA's context lives: vma-ctx and global ------------------ */

static struct pfnmap_link *link_of(const struct vm_area_struct *vma)
{
	struct pfnmap_link *l;

	list_for_each_entry(l, &current_machine()->pat.links, node)
		if (l->vma == vma)
			return l;
	return NULL;
}

static struct pfnmap_track_ctx *vma_ctx_get(const struct vm_area_struct *vma)
{
	return vma->pfnmap_track_ctx;
}

static int vma_ctx_set(struct vm_area_struct *vma, struct pfnmap_track_ctx *ctx)
{
	page_table_check_global(CHECK_PAT);
	vma->pfnmap_track_ctx = ctx;
	return 0;
}

static void vma_ctx_clear(struct vm_area_struct *vma)
{
	page_table_check_global(CHECK_PAT);
	vma->pfnmap_track_ctx = NULL;
}

static struct pfnmap_track_ctx *global_ctx_get(const struct vm_area_struct *vma)
{
	struct pfnmap_link *l = link_of(vma);

	return l ? l->ctx : NULL;
}

static int global_ctx_set(struct vm_area_struct *vma, struct pfnmap_track_ctx *ctx)
{
	struct pfnmap_link *l = kmalloc(sizeof(*l), GFP_KERNEL);

	page_table_check_global(CHECK_PAT);
	if (!l)
		return -ENOMEM;
	*l = (struct pfnmap_link) { .vma = vma, .ctx = ctx };
	list_add_tail(&l->node, &current_machine()->pat.links);
	return 0;
}

static void global_ctx_clear(struct vm_area_struct *vma)
{
	struct pfnmap_link *l = link_of(vma);

	page_table_check_global(CHECK_PAT);
	list_del(&l->node);
	kfree(l);
}

static struct pfnmap_track_ctx *no_ctx(const struct vm_area_struct *vma)
{
	return NULL;
}

/*
 * struct pat_design_ops - PAT tracking across the pat switch.  The kernel's
 * hooks (remap_pfn_range, vm_area_dup/vm_area_free, track_pfn_copy at
 * fork, untrack_pfn when a VMA is unmapped or zapped, untrack_pfn_clear
 * when mremap moved it) call the current design's entries.
 */
struct pat_design_ops {
	/* remap_pfn_range() of a whole VMA, before and after a failed remap */
	int (*track)(struct vm_area_struct *vma, unsigned long pfn,
		     unsigned long size, pgprot_t *prot);
	void (*track_undo)(struct vm_area_struct *vma, unsigned long pfn,
			   unsigned long size);
	/* where the context lives (vma-ctx, global); NULL for vm_pat */
	struct pfnmap_track_ctx *(*ctx_get)(const struct vm_area_struct *vma);
	int (*ctx_set)(struct vm_area_struct *vma, struct pfnmap_track_ctx *ctx);
	void (*ctx_clear)(struct vm_area_struct *vma);
	/* vm_pat only */
	int (*copy)(struct vm_area_struct *dst, struct vm_area_struct *src);
	void (*copy_failed)(struct vm_area_struct *dst, struct vm_area_struct *src);
	void (*untrack)(struct vm_area_struct *vma);
	const char *(*check)(struct machine *m);
};

static const struct pat_design_ops pat_designs[];

static const struct pat_design_ops *pat_design(void)
{
	return design_ops(pat_designs, DESIGN_PAT);
}

struct pfnmap_track_ctx *vma_pfnmap_ctx(const struct vm_area_struct *vma)
{
	return pat_design()->ctx_get(vma);
}

/* ---- the context's life (vma-ctx, global) ------------------------------ */

static void pfnmap_track_ctx_put(struct pfnmap_track_ctx *ctx)
{
	page_table_check_global(CHECK_PAT);
	if (--ctx->kref)
		return;
	pfnmap_untrack(ctx->pfn, ctx->size);
	kfree(ctx);
}

static struct pfnmap_track_ctx *pfnmap_track_ctx_alloc(unsigned long pfn, unsigned long size, pgprot_t *prot, int *err)
{
	struct pfnmap_track_ctx *ctx;

	if (pfnmap_track(pfn, size, prot)) {
		*err = -EINVAL;
		return NULL;
	}
	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx) {
		pfnmap_untrack(pfn, size);
		*err = -ENOMEM;
		return NULL;
	}
	*ctx = (struct pfnmap_track_ctx) { .kref = 1, .pfn = pfn, .size = size };
	return ctx;
}

/*
 * Only a VM_PFNMAP VMA can be tracked, so only one makes the copy and
 * the free below consult the switch (mmsim compare runs what did).
 */
int vma_pfnmap_track_ctx_dup(struct vm_area_struct *orig,
			     struct vm_area_struct *new)
{
	const struct pat_design_ops *d;
	struct pfnmap_track_ctx *ctx;
	int err;

	if (!(orig->vm_flags & VM_PFNMAP))
		return 0;
	d = pat_design();
	ctx = d->ctx_get(orig);
	if (!ctx)
		return 0;
	if (ctx->kref >= REFCOUNT_MAX)
		return -ENOMEM;
	err = d->ctx_set(new, ctx);
	if (!err)
		ctx->kref++;
	return err;
}

void vma_pfnmap_track_ctx_release(struct vm_area_struct *vma)
{
	const struct pat_design_ops *d;
	struct pfnmap_track_ctx *ctx;

	if (!(vma->vm_flags & VM_PFNMAP))
		return;
	d = pat_design();
	ctx = d->ctx_get(vma);
	if (!ctx)
		return;
	d->ctx_clear(vma);
	pfnmap_track_ctx_put(ctx);
}

/* remap_pfn_range() of the whole VMA (pfnmap.c): reserve and remember. */
static int vma_ctx_track(struct vm_area_struct *vma, unsigned long pfn,
			 unsigned long size, pgprot_t *prot)
{
	const struct pat_design_ops *d = pat_design();
	struct pfnmap_track_ctx *ctx;
	int err = 0;

	if (d->ctx_get(vma))
		return -EINVAL;
	ctx = pfnmap_track_ctx_alloc(pfn, size, prot, &err);
	if (!ctx)
		return err;
	err = d->ctx_set(vma, ctx);
	if (err)
		pfnmap_track_ctx_put(ctx);
	return err;
}

/* The remap after vma_ctx_track() failed: drop what it recorded. */
static void vma_ctx_track_undo(struct vm_area_struct *vma, unsigned long pfn,
			       unsigned long size)
{
	vma_pfnmap_track_ctx_release(vma);
}

/* ---- vm_pat: Linux 3.7-6.15 -------------------------------------------- */

/* What seed 004 fixed, as the checker sees it when the model does it. */
#define VM_PAT_BUG	"Linux 3.7-6.15's untrack_pfn() (design pat=vm_pat): " \
	"a VM_PAT VMA split, unmapped or moved by mremap in part reads its " \
	"range back wrong, frees a memtype that matches no reservation and " \
	"leaks the one it had"

/*
 * get_pat_info: what a VM_PAT VMA tracks is read back from its first
 * entry (the PFN there); in a COW mapping whose first page was copied,
 * from vm_pgoff (remap_pfn_range set it to the PFN).  The size is the
 * VMA's, whatever part of the original it is now.
 */
static int get_pat_info(struct vm_area_struct *vma, unsigned long *pfn)
{
	pte_t *ptep = walk_to_pte(vma->vm_mm, vma->vm_start, NULL, NULL);
	pte_t pte = ptep ? ptep_get(ptep) : __pte(0);

	if (pte_present(pte) && pte_special(pte)) {
		*pfn = pte_pfn(pte);
		return 0;
	}
	if (is_cow_mapping(vma->vm_flags)) {
		*pfn = vma->vm_pgoff;
		return 0;
	}
	mmsim_note_kernel_bug(VM_PAT_BUG);
	current_machine()->pat.warnings++;		/* WARN_ON_ONCE */
	return -EINVAL;
}

/* free_pfn_range(): the kernel's pr_info when nothing matched is counted. */
static void free_pfn_range(unsigned long pfn, unsigned long size)
{
	struct machine *m = current_machine();
	unsigned long nr = size >> PAGE_SHIFT;

	if (pat_pagerange_is_ram(pfn, nr))
		return;
	if (memtype_free_or_shrink(pfn, pfn + nr)) {
		mmsim_note_kernel_bug(VM_PAT_BUG);
		m->pat.invalid_frees++;
		snprintf(m->pat.invalid, sizeof(m->pat.invalid),
			 "[pfn %lx-%lx]", pfn, pfn + nr);
	}
}

/* untrack_pfn(vma, 0, 0): from unmap_single_vma, for each VMA unmapped. */
static void vm_pat_untrack(struct vm_area_struct *vma)
{
	unsigned long pfn;

	if (!(vma->vm_flags & VM_PAT))
		return;
	if (!get_pat_info(vma, &pfn))
		free_pfn_range(pfn, vma->vm_end - vma->vm_start);
	vma->vm_flags &= ~VM_PAT;
}

/* track_pfn_remap(): the whole VMA reserves and sets VM_PAT. */
static int vm_pat_track(struct vm_area_struct *vma, unsigned long pfn,
			unsigned long size, pgprot_t *prot)
{
	if (pfnmap_track(pfn, size, prot))
		return -EINVAL;
	vma->vm_flags |= VM_PAT;
	return 0;
}

/* The remap failed: untrack_pfn(vma, pfn, size). */
static void vm_pat_track_undo(struct vm_area_struct *vma, unsigned long pfn,
			      unsigned long size)
{
	pfnmap_untrack(pfn, size);
	vma->vm_flags &= ~VM_PAT;
}

/*
 * track_pfn_copy(): the child's VMA (VM_PAT cleared by dup_mmap) gets a
 * reservation of its own, strict, for the parent VMA's range; a COW
 * mapping whose first page was copied has no cache mode to read back, so
 * fork fails.
 */
static int vm_pat_copy(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	pte_t *ptep = walk_to_pte(src->vm_mm, src->vm_start, NULL, NULL);
	pte_t pte = ptep ? ptep_get(ptep) : __pte(0);
	unsigned long nr = vma_pages(src), pfn;
	enum page_cache_mode pcm;

	if (!(src->vm_flags & VM_PAT))
		return 0;
	if (!pte_present(pte) || !pte_special(pte)) {
		if (!is_cow_mapping(src->vm_flags))
			current_machine()->pat.warnings++;	/* WARN_ON_ONCE */
		return -EINVAL;
	}
	pfn = pte_pfn(pte);
	pcm = pgprot2cachemode(__pgprot(pte_val(pte) & ~PTE_PFN_MASK));
	if (!pat_pagerange_is_ram(pfn, nr)) {
		int err = memtype_reserve(pfn, pfn + nr, pcm, NULL);

		if (err)
			return err == -EBUSY ? -EINVAL : err;
	}
	dst->vm_flags |= VM_PAT;
	return 0;
}

/*
 * untrack_pfn_copy(): the fork failed copying page tables after
 * track_pfn_copy() reserved for the child (the March 2025 fix,
 * 20250321112323.153741-1-david@redhat.com, taken by stable; the
 * child's unmap would otherwise find no entry to read the range from).
 */
static void vm_pat_copy_failed(struct vm_area_struct *dst,
			       struct vm_area_struct *src)
{
	pte_t *ptep = walk_to_pte(src->vm_mm, src->vm_start, NULL, NULL);

	if (!(dst->vm_flags & VM_PAT) || !ptep)
		return;
	free_pfn_range(pte_pfn(ptep_get(ptep)), dst->vm_end - dst->vm_start);
	dst->vm_flags &= ~VM_PAT;
}

static const char *vm_pat_check(struct machine *m);

static const struct pat_design_ops pat_designs[] = {
	[PAT_VM_PAT] = {
		.track = vm_pat_track, .track_undo = vm_pat_track_undo,
		.ctx_get = no_ctx,
		.copy = vm_pat_copy, .copy_failed = vm_pat_copy_failed,
		.untrack = vm_pat_untrack,
		.check = vm_pat_check,
	},
	[PAT_VMA_CTX] = {
		.track = vma_ctx_track, .track_undo = vma_ctx_track_undo,
		.ctx_get = vma_ctx_get, .ctx_set = vma_ctx_set,
		.ctx_clear = vma_ctx_clear,
	},
	[PAT_GLOBAL] = {
		.track = vma_ctx_track, .track_undo = vma_ctx_track_undo,
		.ctx_get = global_ctx_get, .ctx_set = global_ctx_set,
		.ctx_clear = global_ctx_clear,
	},
};

int vma_pfnmap_track(struct vm_area_struct *vma, unsigned long pfn,
		     unsigned long size, pgprot_t *prot)
{
	return pat_design()->track(vma, pfn, size, prot);
}

void vma_pfnmap_track_undo(struct vm_area_struct *vma, unsigned long pfn,
			   unsigned long size)
{
	pat_design()->track_undo(vma, pfn, size);
}

int track_pfn_copy(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	const struct pat_design_ops *d;

	if (!(src->vm_flags & VM_PFNMAP))
		return 0;
	d = pat_design();
	return d->copy ? d->copy(dst, src) : 0;
}

void untrack_pfn_copy(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	const struct pat_design_ops *d;

	if (!(src->vm_flags & VM_PFNMAP))
		return;
	d = pat_design();
	if (d->copy_failed)
		d->copy_failed(dst, src);
}

void untrack_pfn(struct vm_area_struct *vma)
{
	const struct pat_design_ops *d;

	if (!(vma->vm_flags & VM_PFNMAP))
		return;
	d = pat_design();
	if (d->untrack)
		d->untrack(vma);
}

void untrack_pfn_clear(struct vm_area_struct *vma)
{
	vma->vm_flags &= ~VM_PAT;
}

/*
 * untrack_pfn_moved - mremap() moved [@addr, @addr + @len) of @vma, and
 * its tracking with it (move_vma()'s untrack_pfn_clear()).  VM_PAT goes
 * from all of @vma, which is split only when the moved range is unmapped
 * from it: a part not moved keeps its entries, but no VMA will free its
 * reservation again - Linux 3.7-6.15's leak, which the checker sees.
 */
void untrack_pfn_moved(struct vm_area_struct *vma, unsigned long addr,
		       unsigned long len)
{
	if ((vma->vm_flags & VM_PAT) &&
	    (addr != vma->vm_start || addr + len != vma->vm_end))
		mmsim_note_kernel_bug(VM_PAT_BUG);
	untrack_pfn_clear(vma);
}

int pat_may_switch(void)
{
	struct machine *m = current_machine();
	bool idle = list_empty(&m->pat.memtypes) && list_empty(&m->pat.links);
	struct task_struct *t;
	struct vm_area_struct *vma;

	list_for_each_entry(t, &m->tasks, tasks)
		for_each_vma(t->mm, vma)
			if (vma->pfnmap_track_ctx || (vma->vm_flags & VM_PAT))
				idle = false;
	return idle ? 0 : -EBUSY;
}

/* ---- invariant 6: the memtype tree holds exactly the live contexts ---- */

struct ctx_seen {
	struct pfnmap_track_ctx *ctx;
	int vmas;		/* VMAs that hold it */
	bool matched;		/* its memtype entry was found */
};

struct pat_check {
	struct machine *m;
	struct ctx_seen *v;
	size_t n, cap;
	long links;		/* global design: links of live VMAs */
	bool oom;
};

static const char *why(struct machine *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *why(struct machine *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->pat.why, sizeof(m->pat.why), fmt, ap);
	va_end(ap);
	return m->pat.why;
}

static void seen_add(struct pat_check *pc, struct pfnmap_track_ctx *ctx)
{
	struct ctx_seen *v;

	for (size_t i = 0; i < pc->n; i++)
		if (pc->v[i].ctx == ctx) {
			pc->v[i].vmas++;
			return;
		}
	if (pc->n == pc->cap) {
		v = realloc(pc->v, (pc->cap * 2 + 8) * sizeof(*v));
		if (!v) {
			pc->oom = true;
			return;
		}
		pc->v = v;
		pc->cap = pc->cap * 2 + 8;
	}
	pc->v[pc->n++] = (struct ctx_seen) { .ctx = ctx, .vmas = 1 };
}

/* The design in force, read without counting as a consultation. */
static const struct pat_design_ops *pat_design_now(struct machine *m)
{
	return &pat_designs[m->design.value[DESIGN_PAT]];
}

/* Every VMA's context, from the VMA (vma-ctx) or its link (global). */
static const char *collect_ctxs(struct pat_check *pc)
{
	struct machine *m = pc->m;
	const struct pat_design_ops *d = pat_design_now(m);
	bool global = d == &pat_designs[PAT_GLOBAL];
	struct vm_area_struct *vma;
	struct task_struct *t;
	struct pfnmap_link *l;

	list_for_each_entry(t, &m->tasks, tasks)
		for_each_vma(t->mm, vma) {
			if (d != &pat_designs[PAT_VMA_CTX] && vma->pfnmap_track_ctx)
				return why(m, "pid %d: vma %lx-%lx has a ctx pointer in the %s design",
					   t->pid, vma->vm_start, vma->vm_end,
					   global ? "global" : "vm_pat");
			if (d != &pat_designs[PAT_VM_PAT] && (vma->vm_flags & VM_PAT))
				return why(m, "pid %d: vma %lx-%lx has VM_PAT in a ctx design",
					   t->pid, vma->vm_start, vma->vm_end);
			l = global ? link_of(vma) : NULL;
			pc->links += !!l;
			if (d->ctx_get(vma))
				seen_add(pc, d->ctx_get(vma));
		}
	list_for_each_entry(l, &m->pat.links, node)
		pc->links--;
	if (pc->links)
		return why(m, "%ld pfnmap tracking links name no live vma", -pc->links);
	return NULL;
}

static int match_memtype(unsigned long start, unsigned long end,
			 enum page_cache_mode type, void *arg)
{
	struct pat_check *pc = arg;

	for (size_t i = 0; i < pc->n; i++) {
		struct pfnmap_track_ctx *c = pc->v[i].ctx;

		if (!pc->v[i].matched && c->pfn == start &&
		    c->pfn + (c->size >> PAGE_SHIFT) == end) {
			pc->v[i].matched = true;
			return 0;
		}
	}
	why(pc->m, "memtype pfn %lx-%lx %s has no live tracking context",
	    start, end, cattr_name(type));
	return 1;
}

static const char *check_ctxs(struct pat_check *pc)
{
	for (size_t i = 0; i < pc->n; i++) {
		struct pfnmap_track_ctx *c = pc->v[i].ctx;

		if (c->kref != pc->v[i].vmas)
			return why(pc->m, "tracking of pfn %lx: kref %d but %d vmas",
				   c->pfn, c->kref, pc->v[i].vmas);
		if (!pc->v[i].matched &&
		    !pat_pagerange_is_ram(c->pfn, c->size >> PAGE_SHIFT))
			return why(pc->m, "tracked pfn %lx-%lx has no memtype",
				   c->pfn, c->pfn + (c->size >> PAGE_SHIFT));
	}
	return NULL;
}

/* ---- invariant 6 in the vm_pat design ---------------------------------- */

/* The PFN range a VM_PAT VMA holds, read as untrack_pfn() would. */
static bool vm_pat_range(struct vm_area_struct *vma, unsigned long *pfn,
			 unsigned long *nr)
{
	pte_t *ptep = walk_to_pte(vma->vm_mm, vma->vm_start, NULL, NULL);
	pte_t pte = ptep ? ptep_get(ptep) : __pte(0);

	if (pte_present(pte) && pte_special(pte))
		*pfn = pte_pfn(pte);
	else if (is_cow_mapping(vma->vm_flags))
		*pfn = vma->vm_pgoff;
	else
		return false;
	*nr = vma_pages(vma);
	return true;
}

struct vm_pat_scan {
	struct machine *m;
	unsigned long start, end;	/* the reservation being checked */
	bool held;
};

/* Is [start, end) some live VM_PAT VMA's, even in part? */
static void vm_pat_holders(struct vm_pat_scan *sc)
{
	struct vm_area_struct *vma;
	struct task_struct *t;
	unsigned long pfn, nr;

	list_for_each_entry(t, &sc->m->tasks, tasks)
		for_each_vma(t->mm, vma)
			if ((vma->vm_flags & VM_PAT) && vm_pat_range(vma, &pfn, &nr) &&
			    pfn < sc->end && sc->start < pfn + nr)
				sc->held = true;
}

static int vm_pat_leak(unsigned long start, unsigned long end,
		       enum page_cache_mode type, void *arg)
{
	struct vm_pat_scan *sc = arg;

	sc->start = start;
	sc->end = end;
	sc->held = false;
	vm_pat_holders(sc);
	if (sc->held)
		return 0;
	why(sc->m, "memtype pfn %lx-%lx %s outlives every VM_PAT vma (leaked by untrack_pfn)",
	    start, end, cattr_name(type));
	return 1;
}

/*
 * Linux 3.7-6.15 had no record of what was reserved: each VM_PAT VMA
 * reads it back at unmap.  So the invariant is looser - every
 * reservation overlaps a live VM_PAT VMA - and what broke it is what the
 * kernel only printed: a free that matched nothing ("freeing invalid
 * memtype"), a WARN in get_pat_info(), a reservation nobody holds.
 */
static const char *vm_pat_check(struct machine *m)
{
	struct vm_pat_scan sc = { .m = m };
	const char *ret = NULL;

	if (m->pat.invalid_frees)
		ret = why(m, "untrack_pfn: x86/PAT: freeing invalid memtype %s (%lu times)",
			  m->pat.invalid, m->pat.invalid_frees);
	else if (m->pat.warnings)
		ret = why(m, "get_pat_info: no entry to read the tracked range from (WARN_ON_ONCE)");
	m->pat.invalid_frees = m->pat.warnings = 0;	/* reported once */
	if (!ret && memtype_for_each(vm_pat_leak, &sc))
		ret = m->pat.why;
	return ret;
}

const char *pfnmap_track_check(void)
{
	struct machine *m = current_machine();
	struct pat_check pc = { .m = m };
	const char *ret;

	if (pat_design_now(m)->check)
		return pat_design_now(m)->check(m);
	ret = collect_ctxs(&pc);

	if (!ret && pc.oom)
		ret = why(m, "out of host memory");
	if (!ret && memtype_for_each(match_memtype, &pc))
		ret = m->pat.why;
	if (!ret)
		ret = check_ctxs(&pc);
	free(pc.v);
	return ret;
}

/* ---- pat_report, memtype_list ----------------------------------------- */

/*
 * Slab rule: vm_area_struct has its own kmem_cache (SLAB_HWCACHE_ALIGN;
 * the kernel's struct is __aligned(64) for the per-VMA lock), so an
 * object takes ALIGN(size, 64) bytes, and an order-0 slab holds
 * 4096 / that many.  Small records come from kmalloc: the smallest of
 * 8, 16, 32, 64, 96, 128, 192, 256, 512, ... that fits.
 */
static unsigned long cache_object(unsigned long size)
{
	return (size + 63) & ~63UL;
}

static unsigned long kmalloc_class(unsigned long size)
{
	static const unsigned long classes[] = { 8, 16, 32, 64, 96, 128, 192, 256 };

	unsigned long c = 512;

	for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
		if (size <= classes[i])
			return classes[i];
	while (c < size)
		c <<= 1;
	return c;
}

/*
 * Kernel sizes from pahole of x86-64 vm_area_struct in seed 004: members
 * end at 176 bytes without the pointer, 184 with it; 192 either way.
 */
#define KERNEL_VMA_BYTES_NO_PTR	176
#define KERNEL_PFNMAP_CTX	24	/* kref 4 + hole 4, pfn, size */
#define KERNEL_PFNMAP_LINK	32	/* rb_node 24 + ctx pointer 8 */

static void report_vma(struct seq_buf *out, const char *who, unsigned long n)
{
	seq_buf_printf(out, " %s %lu -> %lu (%lu/slab)", who, n,
		       cache_object(n), 4096 / cache_object(n));
}

static void report_design(struct seq_buf *out, enum pat_design d)
{
	unsigned long ptr = d == PAT_VMA_CTX ? sizeof(void *) : 0;
	unsigned long model = offsetof(struct vm_area_struct, pfnmap_track_ctx);
	char label[256];

	seq_buf_printf(out, "%s\n  vm_area_struct",
		       mmsim_design_label(DESIGN_PAT, d, label, sizeof(label)));
	report_vma(out, "kernel", KERNEL_VMA_BYTES_NO_PTR + ptr);
	report_vma(out, "model", model + ptr);
	if (d == PAT_VM_PAT) {
		seq_buf_printf(out, " no record: VM_PAT (VM_ARCH_1) and the first entry\n");
		return;
	}
	seq_buf_printf(out, " ctx kmalloc-%lu per range",
		       kmalloc_class(KERNEL_PFNMAP_CTX));
	if (d == PAT_GLOBAL)
		seq_buf_printf(out, " link kmalloc-%lu per vma",
			       kmalloc_class(KERNEL_PFNMAP_LINK));
	seq_buf_printf(out, "\n");
}

static unsigned long io_off(unsigned long pfn)
{
	struct machine *m = current_machine();

	/* the model's /dev/mem offset; RAM (below the I/O region) as is */
	return (pfn < m->io_start ? pfn : pfn - m->io_start) << PAGE_SHIFT;
}

void pat_report(struct seq_buf *out)
{
	struct machine *m = current_machine();
	struct pat_check pc = { .m = m };

	for (int d = PAT_VM_PAT; d <= PAT_GLOBAL; d++)
		report_design(out, d);
	seq_buf_printf(out, "current pat=%s\n",
		       mmsim_design_at(DESIGN_PAT)->values[m->design.value[DESIGN_PAT]].name);
	collect_ctxs(&pc);
	for (size_t i = 0; i < pc.n; i++) {
		struct pfnmap_track_ctx *c = pc.v[i].ctx;

		seq_buf_printf(out, "tracked [mem 0x%08lx-0x%08lx] %s vmas %d\n",
			       io_off(c->pfn), io_off(c->pfn) + c->size,
			       pfn_valid(c->pfn) ? "ram" :
			       cattr_name(lookup_memtype(c->pfn)), c->kref);
	}
	if (!pc.n)
		seq_buf_printf(out, "tracked none\n");
	free(pc.v);
}

static int list_one(unsigned long start, unsigned long end,
		    enum page_cache_mode type, void *arg)
{
	struct seq_buf *out = ((void **)arg)[1];

	seq_buf_printf(out, "[mem 0x%08lx-0x%08lx] %s\n", io_off(start),
		       io_off(end), cattr_name(type));
	return 0;
}

void memtype_list(struct seq_buf *out)
{
	struct machine *m = current_machine();
	void *arg[2] = { m, out };

	if (list_empty(&m->pat.memtypes))
		seq_buf_printf(out, "none\n");
	memtype_for_each(list_one, arg);
}
