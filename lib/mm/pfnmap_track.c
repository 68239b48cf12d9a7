// SPDX-License-Identifier: GPL-2.0
/*
 * pfnmap_track.c - PAT tracking of remap_pfn_range() (mm/memory.c,
 * mm/vma_init.c, arch/x86/mm/pat/memtype.c in Linux 6.18; seed 004).
 *
 * A remap_pfn_range() (pfnmap.c) that covers the whole VMA reserves the memtype of
 * [pfn, pfn + size) and records it in a struct pfnmap_track_ctx; a VMA
 * that already has one gets -EINVAL.  A partial remap only takes the
 * cache mode the frames already have (pfnmap_setup_cachemode), reserving
 * nothing.  Splitting, mremap and fork share the context through
 * vm_area_dup() (a reference per VMA); vm_area_free() drops one; the last
 * drop frees the reservation - the whole original range, even after a
 * partial munmap.
 *
 * `design pat=` chooses where a VMA's context is found:
 *
 *  vma-ctx  (Linux 6.18) vma->pfnmap_track_ctx, 8 bytes in every VMA.
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

/* ---- where a VMA's context lives, per design ------------------------- */

static struct pfnmap_link *link_of(const struct vm_area_struct *vma)
{
	struct pfnmap_link *l;

	list_for_each_entry(l, &current_machine()->pat.links, node)
		if (l->vma == vma)
			return l;
	return NULL;
}

struct pfnmap_track_ctx *vma_pfnmap_ctx(const struct vm_area_struct *vma)
{
	struct pfnmap_link *l;

	if (current_machine()->pat.design == PAT_VMA_CTX)
		return vma->pfnmap_track_ctx;
	l = link_of(vma);
	return l ? l->ctx : NULL;
}

static int vma_set_ctx(struct vm_area_struct *vma, struct pfnmap_track_ctx *ctx)
{
	struct machine *m = current_machine();
	struct pfnmap_link *l;

	page_table_check_global(CHECK_PAT);
	if (m->pat.design == PAT_VMA_CTX) {
		vma->pfnmap_track_ctx = ctx;
		return 0;
	}
	l = kmalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	*l = (struct pfnmap_link) { .vma = vma, .ctx = ctx };
	list_add_tail(&l->node, &m->pat.links);
	return 0;
}

static void vma_clear_ctx(struct vm_area_struct *vma)
{
	struct pfnmap_link *l;

	page_table_check_global(CHECK_PAT);
	if (current_machine()->pat.design == PAT_VMA_CTX) {
		vma->pfnmap_track_ctx = NULL;
		return;
	}
	l = link_of(vma);
	list_del(&l->node);
	kfree(l);
}

/* ---- the context's life ------------------------------------------------ */

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

int vma_pfnmap_track_ctx_dup(struct vm_area_struct *orig,
			     struct vm_area_struct *new)
{
	struct pfnmap_track_ctx *ctx = vma_pfnmap_ctx(orig);
	int err;

	if (!ctx)
		return 0;
	if (ctx->kref >= REFCOUNT_MAX)
		return -ENOMEM;
	err = vma_set_ctx(new, ctx);
	if (!err)
		ctx->kref++;
	return err;
}

void vma_pfnmap_track_ctx_release(struct vm_area_struct *vma)
{
	struct pfnmap_track_ctx *ctx = vma_pfnmap_ctx(vma);

	if (!ctx)
		return;
	vma_clear_ctx(vma);
	pfnmap_track_ctx_put(ctx);
}

/* remap_pfn_range() of the whole VMA: reserve and remember (pfnmap.c). */
int vma_pfnmap_track(struct vm_area_struct *vma, unsigned long pfn,
		     unsigned long size, pgprot_t *prot)
{
	struct pfnmap_track_ctx *ctx;
	int err = 0;

	if (vma_pfnmap_ctx(vma))
		return -EINVAL;
	ctx = pfnmap_track_ctx_alloc(pfn, size, prot, &err);
	if (!ctx)
		return err;
	err = vma_set_ctx(vma, ctx);
	if (err)
		pfnmap_track_ctx_put(ctx);
	return err;
}

int pat_may_switch(void)
{
	struct machine *m = current_machine();
	bool idle = list_empty(&m->pat.memtypes) && list_empty(&m->pat.links);
	struct task_struct *t;
	struct vm_area_struct *vma;

	list_for_each_entry(t, &m->tasks, tasks)
		for_each_vma(t->mm, vma)
			if (vma->pfnmap_track_ctx)
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

/* Every VMA's context, from the VMA (vma-ctx) or its link (global). */
static const char *collect_ctxs(struct pat_check *pc)
{
	struct machine *m = pc->m;
	struct vm_area_struct *vma;
	struct task_struct *t;
	struct pfnmap_link *l;

	list_for_each_entry(t, &m->tasks, tasks)
		for_each_vma(t->mm, vma) {
			if (m->pat.design == PAT_GLOBAL && vma->pfnmap_track_ctx)
				return why(m, "pid %d: vma %lx-%lx has a ctx pointer in the global design",
					   t->pid, vma->vm_start, vma->vm_end);
			l = m->pat.design == PAT_GLOBAL ? link_of(vma) : NULL;
			pc->links += !!l;
			if (vma_pfnmap_ctx(vma))
				seen_add(pc, vma_pfnmap_ctx(vma));
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

const char *pfnmap_track_check(void)
{
	struct machine *m = current_machine();
	struct pat_check pc = { .m = m };
	const char *ret = collect_ctxs(&pc);

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

	seq_buf_printf(out, "pat=%s vm_area_struct", d == PAT_VMA_CTX ? "vma-ctx" : "global");
	report_vma(out, "kernel", KERNEL_VMA_BYTES_NO_PTR + ptr);
	report_vma(out, "model", model + ptr);
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

	report_design(out, PAT_VMA_CTX);
	report_design(out, PAT_GLOBAL);
	seq_buf_printf(out, "current pat=%s\n",
		       m->pat.design == PAT_VMA_CTX ? "vma-ctx" : "global");
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
