/* SPDX-License-Identifier: GPL-2.0 */
/*
 * internal.h - what the library's files share and nobody outside sees:
 * the machine, allocation with failure injection, the memmap, page-table
 * accessors, the VMA tree and the helpers of each layer.  Grouped by the
 * file that owns each part.
 */
#ifndef MMSIM_LIB_INTERNAL_H
#define MMSIM_LIB_INTERNAL_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim/mmsim.h>
#include <mmsim/mm.h>
#include <mmsim/swapops.h>
#include <mmsim/kernel.h>
#include <mmsim/driver.h>

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

/*
 * gcc defines __SANITIZE_ADDRESS__ under -fsanitize=address; clang says
 * it through __has_feature.  The host-memory slabs (slab.c, pgtable.c)
 * hand out single allocations then, so that every use after free is seen.
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define __SANITIZE_ADDRESS__ 1
#endif
#endif

/*
 * Loud invariant breaks inside the library (a model bug, never bad
 * input): print the object and abort.
 */
void mm_bug(const char *file, int line, const char *cond, const char *what);
#define VM_BUG_ON(c) do { if (unlikely(c)) mm_bug(__FILE__, __LINE__, #c, NULL); } while (0)
#define VM_BUG_ON_PAGE(c, p) do { if (unlikely(c)) mm_bug(__FILE__, __LINE__, #c, page_describe(p)); } while (0)
#define VM_BUG_ON_VMA(c, v) do { if (unlikely(c)) mm_bug(__FILE__, __LINE__, #c, vma_describe(v)); } while (0)
const char *page_describe(const struct page *page);
const char *vma_describe(const struct vm_area_struct *vma);

/* ---- machine.c -------------------------------------------------------- */

/* Event counters, read by mmsim_events() (ctl.c) for the reports. */
struct mm_events {
	unsigned long faults;		/* handle_mm_fault calls */
	unsigned long mkwrite_calls;	/* page_mkwrite + pfn_mkwrite */
	unsigned long pfn_mkwrite_calls;	/* ->pfn_mkwrite only */
	unsigned long entries_at_mmap;	/* entries installed by remap_pfn_range, vm_insert_page*, vmf_insert_* */
	unsigned long legacy_page_writes;	/* page->mapping/index written on kernel pages */
	unsigned long bad_page_map;	/* vm_normal_page*: special entry in a normal VMA */
	/* transparent huge pages (huge_memory.c, khugepaged.c) */
	unsigned long thp_fault_alloc;	/* PMD THP mapped at a fault */
	unsigned long thp_fault_fallback;	/* PMD THP wanted, not allocated */
	unsigned long thp_split_pmd;
	unsigned long thp_split_page;	/* large folios split */
	unsigned long thp_zero_page_alloc;
	unsigned long thp_collapse_alloc;
	unsigned long mthp_anon_alloc[10];	/* per order, do_anonymous_page */
	unsigned long mthp_anon_fallback[10];
	unsigned long oom_kills;	/* processes the OOM killer killed */
};

/*
 * THP state of a machine (huge_memory.c): the huge zero folio, allocated
 * on first use and freed once no mm holds it (as the shrinker would);
 * the deferred split queue; the next mm_struct's MM id (CONFIG_MM_ID).
 */
struct thp_state {
	struct folio *huge_zero_folio;
	unsigned long huge_zero_pfn;
	int huge_zero_refcount;		/* the mms holding it, plus one */
	struct list_head deferred_split;	/* folio->_deferred_list */
	unsigned long split_queue_len;
	mm_id_t next_mm_id;
};

/*
 * Design switches (lib/model/designs.c; include/mmsim/design.h): the
 * index of each switch, and of each switch's values.  Code consults a
 * switch only through design_get() or design_ops(), with an ops table
 * per design next to the code it replaces.
 */
enum design_key {
	DESIGN_PERF, DESIGN_HOOK, DESIGN_DEFIO, DESIGN_WALK, DESIGN_PINS,
	DESIGN_HISTORIC, DESIGN_PAT, DESIGN_GUARD, NR_DESIGNS
};
enum perf_design { PERF_PFNMAP, PERF_LEGACY, PERF_MIXEDMAP, PERF_PFNMAP_AUX_MUTEX };
enum hook_design { HOOK_MMAP, HOOK_MMAP_PREPARE, HOOK_MMAP_ACTION };
enum defio_design { DEFIO_MKCLEAN, DEFIO_WRPROTECT, DEFIO_KMEMFB };
enum walk_design { WALK_PRE618, WALK_618, WALK_EARLY_REJECT };
enum pin_design { PINS_BIAS, PINS_SHADOW, PINS_PMD, PINS_PTE_EXTRA, PINS_PLAIN };
enum historic_design { HISTORIC_CURRENT, HISTORIC_PRE58 };
enum pat_design { PAT_VM_PAT, PAT_VMA_CTX, PAT_GLOBAL };
enum guard_design { GUARD_ANON_VMA, GUARD_MAYBE_GUARD };

/* The current value of @key on the current machine; marks it consulted. */
int design_get(enum design_key key);
/* The entry of the ops table @table (indexed by value) for @key. */
#define design_ops(table, key)	(&(table)[design_get(key)])
void design_init(struct machine *m);
/* The `design` command: list (no words) or switch. */
int design_ctl(struct machine *m, int argc, char **argv, struct seq_buf *out);
void design_words(struct seq_buf *out);

/*
 * Pin accounting (pincount.c), switched by `design pins=` and
 * `design historic=`: the design, its structures and their host cost.
 */
struct pmd_pin_rec;
/* shadow design: one record per frame, the size of a struct page. */
struct page_shadow {
	int32_t _pincount;
	char _rest[sizeof(struct page) - sizeof(int32_t)];
};
struct pincount_state {
	long nr_pins;			/* pins held, any design */
	struct page_shadow *shadow;	/* shadow memmap: one record per frame */
	struct pmd_pin_rec *recs;	/* pmd design: where each pin was taken */
	size_t nr_recs, cap_recs;
	unsigned long pmd_gen;		/* pmd design: counter-block ids */
	size_t bytes;			/* host bytes of the design's records */
};

/*
 * x86 PAT (memtype.c, pfnmap_track.c; seed 004), switched by `design pat=`:
 * the memtype tree, and in the global design the VMA -> tracking records.
 */
struct pat_state {
	struct list_head memtypes;	/* struct memtype, by start PFN */
	struct list_head links;		/* PAT_GLOBAL: struct pfnmap_link */
	/* PAT_VM_PAT: what the kernel only printed, until mm_check reports it */
	unsigned long invalid_frees;	/* "freeing invalid memtype" */
	unsigned long warnings;		/* WARN_ON_ONCE in get_pat_info() */
	char invalid[64];		/* the last invalid free */
	char why[160];			/* pfnmap_track_check()'s finding */
};

/*
 * What the machine knows of drivers (drivers/base/driver.c): which one
 * is running (so that the pages it allocates are its, for leak reports),
 * who allocated each kernel page (lazily, per RAM frame: registry index
 * + 1, or 0), the first misbehaviour seen, and the vmalloc areas.
 */
struct driver_state {
	int current;			/* registry index + 1, or 0 */
	uint16_t *page_owner;
	char error[256];		/* reported by mm_check, then cleared */
	struct list_head vmap_areas;	/* mm/vmalloc.c */
	unsigned long vmalloc_next;	/* next free kernel address */
	void **data;			/* mmsim_driver_data(), by registry index */
};

/*
 * struct page_check - what the checker keeps per RAM frame, beside the
 * memmap (the kernel keeps page_table_check's counts in page_ext).
 * @map_count:	entries mapping the frame as a normal page (or, for a
 *		page-table page, entries linking to it), counted at the
 *		entry choke points by page_table_check.c
 * @queued:	in the change log (page_table_check.c)
 * mm_check()'s recount of the same lives apart (machine->check_seen),
 * backed from the first full check on, for the RAM used by then.
 */
struct page_check {
	uint32_t map_count : 27;
	uint32_t queued : 1;
	uint32_t order : 4;	/* page_alloc.c: the order a block in use was allocated at */
};

/*
 * The change log of page_table_check.c: what changed since the last
 * check, for mm_check_changes().  A range with @walk has its entries
 * re-checked; without, only the VMAs around it (their structure).
 */
struct check_range {
	struct mm_struct *mm;
	unsigned long start, end;
	bool walk;
};

/*
 * A frame whose state changed, with the identity the reverse map knew it
 * by when it was first queued (page->mapping and ->index), the entries
 * then mapping it, and whether it was PageAnonExclusive then (hooks queue
 * a frame before they change it, so this is what the last check saw)
 * and PageDirty then.  The incremental check walks its rmap only if
 * entries that were there may have lost their way (the identity changed
 * under them), or may be writable while the page no longer may be (it
 * was exclusive, and no longer is, or is mapped or held by more), or
 * writable or dirty while the page went clean under them; entries set
 * since lie in logged ranges.
 */
struct check_frame_log {
	unsigned long pfn;
	const void *mapping;
	unsigned long index;
	uint32_t mapped;		/* page_check.map_count then */
	bool exclusive;			/* PageAnonExclusive then */
	bool dirty;			/* PageDirty then */
};

#define CHECK_PAT	0x1	/* PFN tracking or the memtype tree changed */
#define CHECK_PINS	0x2	/* a pin set was taken or released */

struct gup_held;
struct check_log {
	struct check_frame_log *pfns;	/* frames whose state changed */
	size_t nr_pfns, cap_pfns;
	struct check_range *ranges;
	size_t nr_ranges, cap_ranges;
	bool logging;			/* mm_check_changes() is in use */
	bool overflow;			/* too much: the next check is full */
	unsigned int global;		/* CHECK_* */
	unsigned long commands;		/* checks since the last full one */
	/* what GUP holds per frame, rebuilt when pin sets change */
	struct gup_held *held;
	size_t held_mask;
	size_t nr_held;			/* references in the pin sets */
	bool held_valid;
	/* special PTEs per RAM frame that has any (page_table_check.c) */
	struct special_count *special;
	size_t special_mask, nr_special;
	bool special_lost;		/* the host ran out: counts incomplete */
};

/* A RAM frame (PFN + 1; 0: an empty slot) and the special PTEs mapping it. */
struct special_count {
	unsigned long key;
	long n;
};

/* slab.c: a cache of objects of one size (the kernel's kmem_cache). */
struct kmem_cache {
	size_t size;			/* of an object, aligned */
	size_t align;
	size_t offset;			/* of the first object in a slab */
	unsigned int objects;		/* per slab */
	unsigned int nr_empty;		/* slabs kept with no object in use */
	struct list_head partial;	/* slabs with a free object */
};

void kmem_cache_init(struct kmem_cache *s, size_t size, size_t align);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *obj);
void kmem_cache_destroy(struct kmem_cache *s);

/* frame_data.c: a slab of content records of one size (one-chunk, flat). */
struct fd_slab {
	void *free;			/* freed records, chained */
	char *bump, *end;		/* the rest of the newest block */
	void **blocks;			/* every block, chained */
	unsigned long nr_blocks;
};

/* pgtable.c: the host memory behind page tables' entries. */
struct pt_store {
	void *free;			/* freed tables' entries, chained */
	char *bump, *end;		/* the rest of the newest block */
	void **blocks;			/* every block, chained */
	unsigned long nr_blocks;
};

struct machine {
	struct mmsim_config cfg;
	struct mmsim_profile profile;

	/*
	 * memmap: struct page for pfn in [ram_start, ram_start + ram_pages),
	 * and beside it the checker's per-frame state (page_ext); both are
	 * reserved mappings that cost host memory only where touched.
	 */
	struct page *memmap;
	struct page_check *page_ext;
	uint32_t *check_seen;		/* mm_check() scratch, per frame */
	unsigned long check_backed;	/* check_seen from this index up is backed */
	unsigned long ram_start;
	unsigned long ram_pages;
	unsigned long ram_frontier;	/* RAM from this index up is the buddy's */
	uint16_t *pb_used;		/* allocated frames per pageblock */
	unsigned long io_start;
	unsigned long io_pages;
	struct page *io_side;		/* contents of I/O frames (io_frame) */

	/* buddy allocator (page_alloc.c) */
	uint32_t free_head[11];		/* PFN - ram_start + 1; 0 = empty */
	unsigned long nr_free;
	unsigned long zero_pfn;		/* the shared zero page */
	bool oom_pending;		/* an allocation found RAM exhausted */

	/* fault injection and accounting (alloc.c) */
	unsigned long fail_countdown;
	unsigned long fail_injected;
	unsigned long alloc_calls;	/* allocations that could fail, so far */
	long live_objects;		/* kmalloc'd and not freed */
	struct kmem_cache vm_area_cachep;	/* vma.c: the VMAs */
	struct kmem_cache anon_vma_cachep;	/* rmap.c: the anon_vmas */
	struct kmem_cache anon_vma_chain_cachep;	/* rmap.c: their chains */

	struct list_head tasks;
	long nr_zombies;		/* killed tasks not yet released */
	struct list_head pin_sets;
	int next_pid;
	long nr_files;			/* open struct file */
	long nr_inodes;
	struct list_head inodes;	/* every live inode (sb->s_inodes) */

	struct mm_events ev;
	struct mmsim_design_state design;	/* designs.c */
	unsigned int design_touched;	/* switches consulted (bit per key) */
	unsigned long guard_installs;	/* madvise.c: MADV_GUARD_INSTALL calls */
	struct pincount_state pins;	/* pincount.c: pin-accounting design */
	struct pat_state pat;		/* memtype.c, pfnmap_track.c */
	/*
	 * Called on every page-table page before it is freed, for designs
	 * that hang records off tables (pincount.c sets it); or NULL.
	 */
	void (*pagetable_dtor)(struct page *table);
	struct driver_state drv;	/* drivers/base/driver.c, mm/vmalloc.c */
	struct thp_state thp;		/* huge_memory.c */
	struct check_log ck;		/* page_table_check.c, mm_check.c */
	struct fd_slab fd_slab;		/* frame_data.c: one-chunk records */
	struct fd_slab fd_flat;		/* frame_data.c: flat 4 KiB records */
	struct pt_store pt_store;	/* pgtable.c: tables' entries */
	const char *kernel_bug;		/* designs.c: mmsim_note_kernel_bug() */
	char check_report[1024];
};

/*
 * The machine the library is working on, as the kernel has `current`:
 * set by every entry point of the front door (mmsim.h) from its machine,
 * task or file argument, so that the kernel-shaped calls below it
 * (kmalloc(, GFP_KERNEL), alloc_pages(GFP_KERNEL), page_to_pfn(), ...) need no machine
 * argument.  The model is single-threaded; a thread of the host that
 * runs a machine has its own current machine.
 */
/*
 * local-exec: the library is only ever linked into executables (it is a
 * static archive, its objects not built -fPIC), so the variable sits at
 * a fixed offset from %fs and each read is one instruction, not a load
 * of the offset from the GOT first.
 */
extern _Thread_local struct machine *__current_machine
	__attribute__((tls_model("local-exec")));

static inline struct machine *current_machine(void)
{
	return __current_machine;
}

static inline void machine_enter(struct machine *m)
{
	__current_machine = m;
}

static inline struct page_check *page_ext_get(const struct machine *m,
					      const struct page *p)
{
	return &m->page_ext[p - m->memmap];
}

void machine_check_scratch_prepare(struct machine *m);
void machine_check_scratch_release(struct machine *m, bool failed);

/* ---- page_table_check.c: the checker told where state changes --------- */

void __page_check_frame(struct machine *m, struct page *page);
void __vma_check_range(struct machine *m, struct mm_struct *mm,
		       unsigned long start, unsigned long end, bool walk);

/* @page's frame changed (refcount, mapcount, flags, mapping). */
static inline void page_check_frame(struct page *page)
{
	struct machine *m = current_machine();

	if (m->ck.logging && !m->page_ext[page - m->memmap].queued)
		__page_check_frame(m, page);
}

/* Addresses of @mm whose VMAs (and, with @walk, entries) changed. */
static inline void vma_check_range(struct mm_struct *mm, unsigned long start,
				   unsigned long end, bool walk)
{
	struct machine *m = current_machine();

	if (m->ck.logging)
		__vma_check_range(m, mm, start, end, walk);
}

/*
 * wrprotect_ptes - clear the write bit of @nr entries (pgtable.c's
 * accessors; inline for fork): the same frames, so only the log hears.
 */
static inline void wrprotect_ptes(struct mm_struct *mm, unsigned long addr,
				  pte_t *ptep, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++)
		ptep[i] = __pte(pte_val(ptep[i]) & ~(pteval_t)_PAGE_RW);
	vma_check_range(mm, addr, addr + nr * PAGE_SIZE, true);
}

/* Global state the checker watches changed (CHECK_PAT, CHECK_PINS). */
static inline void page_table_check_global(unsigned int what)
{
	current_machine()->ck.global |= what;
}
/* The entries of every VMA mapping [@first, @first + @nr) of @mapping. */
void mapping_check_range(struct address_space *mapping, pgoff_t first,
			 pgoff_t nr);

/*
 * Special PTEs mapping RAM frame @pfn in @ck's table (m->ck's: counted
 * where entries are written); -1: not known (the host ran out).
 */
long special_count_get(const struct check_log *ck, unsigned long pfn);
void special_count_add(struct check_log *ck, unsigned long pfn, long delta);
/* mm_check()'s recount against them (NULL: equal); frees the recount. */
const char *special_count_check(struct machine *m, struct check_log *recount);
/* A leaf entry of @size at @addr went from @old to @new (set_*_at). */
void page_table_check_leaf(struct mm_struct *mm, unsigned long addr,
			   uint64_t old, uint64_t new, unsigned long size);
/* set_ptes(): @nr entries from @addr now map the frames from @pte's on. */
void __page_table_check_ptes_set(struct mm_struct *mm, unsigned long addr,
				 pte_t pte, unsigned int nr);
/* get_and_clear_ptes(): the @nr entries from @addr mapped @pte's frames on. */
void page_table_check_ptes_clear(struct mm_struct *mm, unsigned long addr,
				 pte_t pte, unsigned int nr);
/* A table link entry went from @old to @new. */
void page_table_check_link(struct mm_struct *mm, uint64_t old, uint64_t new);
/* @vma was linked into (+1) or unlinked from (-1) its mm's tree. */
void page_table_check_vma_link(struct vm_area_struct *vma, int delta);
void page_table_check_mm_gone(struct mm_struct *mm);
void page_table_check_log_reset(struct machine *m);
void page_table_check_start_logging(struct machine *m);
void page_table_check_exit(struct machine *m);

/* ---- alloc.c: every modelled allocation goes through here ------------- */

/*
 * mm_should_fail - consume one tick of the failure-injection countdown;
 * inline, as every allocation asks (the countdown's end out of line).
 * Return: true if this allocation must fail.
 * (kmalloc, kzalloc, kfree: driver.h)
 */
bool __mm_should_fail(struct machine *m);
static inline bool mm_should_fail(void)
{
	struct machine *m = current_machine();

	m->alloc_calls++;
	if (likely(!m->fail_countdown))
		return false;
	return __mm_should_fail(m);
}

/*
 * Host memory for the model's own per-machine slabs (frame contents,
 * page-table entries): a block of @size bytes, malloc'd (aligned to
 * @align) when small, so that small machines stay small, and from
 * HOST_BIG_BLOCK on a mapping the host may back with a huge page (one
 * host fault per 2 MiB instead of 512).  The block's second word holds
 * its size for host_block_free(); its first is the caller's (a chain).
 */
#define HOST_BIG_BLOCK	(2UL << 20)
void **host_block_alloc(size_t size, size_t align);
void host_block_free(void **block);

/* ---- frame_data.c: contents of RAM frames ----------------------------- */

/*
 * A frame's bytes live in page->data, or nowhere when every byte equals
 * the fill byte (a frame never written costs nothing; memset of a whole page
 * returns it to that state).  These never fail injected: contents are the
 * host's representation, not a modelled allocation.  Functions that
 * allocate return -ENOMEM if the host is out of memory, leaving the
 * frame's contents as they were.
 */
void frame_read(const struct page *page, size_t off, void *buf, size_t len);
int frame_write(struct page *page, size_t off, const void *buf, size_t len);
int frame_fill(struct page *page, size_t off, int byte, size_t len);
/* Copy @src's contents onto @dst (copy-on-write). */
int frame_copy(struct page *dst, const struct page *src);
/* Forget the contents: the frame reads as zeroes again. */
void frame_clear(struct page *page);
/* Host bytes spent on this frame's contents. */
size_t frame_bytes(const struct page *page);
/* Every byte is zero (memchr_inv(kaddr, 0, PAGE_SIZE) == NULL). */
bool frame_is_zero(const struct page *page);
/* Give the slab of content records back (machine_destroy, last). */
void frame_data_exit(struct machine *m);

/* ---- interval_tree.c: mapping->i_mmap --------------------------------- */

static inline pgoff_t vma_start_pgoff(const struct vm_area_struct *v)
{
	return v->vm_pgoff;
}

static inline pgoff_t vma_last_pgoff(const struct vm_area_struct *v)
{
	return v->vm_pgoff + vma_pages(v) - 1;
}

/* VMAs keyed by [vma_start_pgoff, vma_last_pgoff], augmented by subtree max. */
void vma_interval_tree_insert(struct vm_area_struct *node, struct rb_root *root);
void vma_interval_tree_remove(struct vm_area_struct *node, struct rb_root *root);
/* First / next VMA overlapping [start, last] (inclusive), in start order. */
struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root *root,
						    pgoff_t start, pgoff_t last);
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *node,
						   pgoff_t start, pgoff_t last);

#define vma_interval_tree_foreach(vma, root, start, last)		\
	for (vma = vma_interval_tree_iter_first(root, start, last);	\
	     vma; vma = vma_interval_tree_iter_next(vma, start, last))
bool vma_interval_tree_node_ok(const struct vm_area_struct *n);
bool vma_interval_tree_path_ok(const struct vm_area_struct *n);

/* anon_vma->rb_root: anon_vma_chains keyed by their VMA's pgoff range. */
void anon_vma_interval_tree_insert(struct anon_vma_chain *node,
				   struct rb_root *root);
void anon_vma_interval_tree_remove(struct anon_vma_chain *node,
				   struct rb_root *root);
struct anon_vma_chain *anon_vma_interval_tree_iter_first(struct rb_root *root,
							 pgoff_t start, pgoff_t last);
struct anon_vma_chain *anon_vma_interval_tree_iter_next(struct anon_vma_chain *node,
							pgoff_t start, pgoff_t last);
bool anon_vma_interval_tree_node_ok(const struct anon_vma_chain *n);
bool anon_vma_interval_tree_path_ok(const struct anon_vma_chain *n);

#define anon_vma_interval_tree_foreach(avc, root, start, last)		 \
	for (avc = anon_vma_interval_tree_iter_first(root, start, last);  \
	     avc; avc = anon_vma_interval_tree_iter_next(avc, start, last))


/* ---- page flags (page-flags.h) ---------------------------------------- */

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_head,		/* the first page of a large folio */
	PG_reserved,
	PG_swapbacked,
	PG_anon_exclusive,
	PG_mlocked,
	PG_active,		/* on the active LRU (folio_mark_accessed()) */
	PG_buddy,		/* a page type in the kernel: free in the buddy */
	PG_table,		/* a page type in the kernel: page-table page */
	PG_kernel,		/* allocated for a kernel user (driver buffer) */
	/*
	 * Kept in a large folio's second page (FOLIO_SECOND_PAGE in the
	 * kernel), whose flags' low byte is the folio's order.
	 */
	PG_large_rmappable,	/* an anon THP the rmap can split */
	PG_partially_mapped,	/* on the deferred split queue */
};

#define PAGEFLAG_FNS(name, bit)						\
static inline bool Page##name(const struct page *p)			\
{ return p->flags & (1UL << PG_##bit); }				\
static inline void SetPage##name(struct page *p)			\
{ page_check_frame(p); p->flags |= 1UL << PG_##bit; }			\
static inline void ClearPage##name(struct page *p)			\
{ page_check_frame(p); p->flags &= ~(1UL << PG_##bit); }		\
static inline void __SetPage##name(struct page *p)			\
{ p->flags |= 1UL << PG_##bit; }

/*
 * SetPageX/ClearPageX queue the frame for the incremental check before
 * they change it, so that the log keeps the flags the last check saw
 * (struct check_frame_log).  __SetPageX: as the kernel's non-atomic
 * setters, for a frame nobody else sees yet, whose change the caller has
 * already told the checker of (page_check_frame() above: once per frame
 * is enough).
 */
PAGEFLAG_FNS(Locked, locked)
PAGEFLAG_FNS(Dirty, dirty)
PAGEFLAG_FNS(Uptodate, uptodate)
PAGEFLAG_FNS(Reserved, reserved)
PAGEFLAG_FNS(SwapBacked, swapbacked)
PAGEFLAG_FNS(AnonExclusive, anon_exclusive)
PAGEFLAG_FNS(Mlocked, mlocked)
PAGEFLAG_FNS(Buddy, buddy)
PAGEFLAG_FNS(Table, table)
PAGEFLAG_FNS(Kernel, kernel)
PAGEFLAG_FNS(Referenced, referenced)
PAGEFLAG_FNS(Active, active)
PAGEFLAG_FNS(Head, head)

#define PAGE_MAPPING_ANON	0x1UL

/* Large folios, their mapcounts, the THP policy (folio.h, huge_mm.h). */
#include "folio.h"
#include "huge_mm.h"

/* ---- oom_kill.c, fork.c ------------------------------------------------ */

long oom_badness(struct task_struct *t);
/* signal.c: a SIGKILL is on its way to @t (SIGNAL_GROUP_EXIT). */
bool fatal_signal_pending(const struct task_struct *t);
/* Kill the worst process (SIGKILL) and reap its memory; the victim or NULL. */
struct task_struct *out_of_memory(struct machine *m);

/*
 * check_stable_address_space - VM_FAULT_SIGBUS once the OOM reaper or
 * process_mrelease() has begun on @mm (MMF_UNSTABLE, oom_kill.c): a
 * fault must not hand out fresh pages where reaped ones were.
 */
static inline vm_fault_t check_stable_address_space(struct mm_struct *mm)
{
	return mm->flags & (1UL << MMF_UNSTABLE) ? VM_FAULT_SIGBUS : 0;
}
void exit_mmap(struct mm_struct *mm);

/* ---- page_alloc.c: memmap and buddy allocator ------------------------- */

/* Above this order an allocation never wakes the OOM killer. */
#define PAGE_ALLOC_COSTLY_ORDER	3

#define MAX_PAGE_ORDER		10
#define PAGEBLOCK_ORDER		9
#define PAGEBLOCK_NR_PAGES	(1UL << PAGEBLOCK_ORDER)

/*
 * The pageblocks at or above the init frontier, the only ones that can
 * hold allocated frames, and the RAM indices of one of them that the
 * buddy allocator has been given.
 */
#define for_each_pageblock_init(m, pb)					\
	for (pb = (m)->ram_frontier >> PAGEBLOCK_ORDER;			\
	     pb < DIV_ROUND_UP((m)->ram_pages, PAGEBLOCK_NR_PAGES); pb++)

static inline void pageblock_span(const struct machine *m, unsigned long pb,
				  unsigned long *start, unsigned long *end)
{
	*start = max(pb << PAGEBLOCK_ORDER, m->ram_frontier);
	*end = min((pb + 1) << PAGEBLOCK_ORDER, m->ram_pages);
}

/*
 * The library's own inline forms of driver.h's pfn_valid, pfn_to_page
 * and page_to_pfn (drivers call the out-of-line ones in page_alloc.c).
 */
static inline bool __pfn_valid(unsigned long pfn)
{
	const struct machine *m = current_machine();

	return pfn - m->ram_start < m->ram_pages;
}
static inline bool pfn_is_io(unsigned long pfn)
{
	const struct machine *m = current_machine();

	return pfn - m->io_start < m->io_pages;
}
static inline struct page *__pfn_to_page(unsigned long pfn)
{
	const struct machine *m = current_machine();

	return &m->memmap[pfn - m->ram_start];
}
static inline unsigned long __page_to_pfn(const struct page *p)
{
	const struct machine *m = current_machine();

	return (unsigned long)(p - m->memmap) + m->ram_start;
}
#define pfn_valid(pfn)		__pfn_valid(pfn)
#define pfn_to_page(pfn)	__pfn_to_page(pfn)
#define page_to_pfn(page)	__page_to_pfn(page)
static inline unsigned long folio_pfn(const struct folio *f)
{
	return page_to_pfn(&f->page);
}
static inline bool is_zero_pfn(unsigned long pfn)
{
	const struct machine *m = current_machine();

	return pfn == m->zero_pfn;
}

int page_alloc_init(struct machine *m);
void page_alloc_exit(struct machine *m);
/*
 * alloc_pages, __free_pages, put_page: driver.h.  A page allocated
 * without __GFP_MOVABLE is kernel memory (PG_kernel).
 */
/* Back to the buddy lists: 2^@order frames whose refcount is already 0. */
void free_frozen_pages(struct page *page, unsigned int order);
struct folio *folio_alloc(gfp_t gfp, unsigned int order);
/* An order-0 folio for user memory at @vaddr of @vma, contents zero. */
struct folio *vma_alloc_zeroed_movable_folio(struct vm_area_struct *vma,
					     unsigned long vaddr);
/* Make the block at @page one large folio of @order (its counts reset). */
void prep_compound_page(struct page *page, unsigned int order);
/* Drop a reference; the last one frees the folio and its contents. */
void folio_put(struct folio *folio);
unsigned long nr_free_pages(struct machine *m);

/*
 * io_frame - the contents of a frame without struct page (MMIO region):
 * the model keeps them in a side array so device memory is observable.
 */
struct page *io_frame(unsigned long pfn);
/* The frame holding @pfn's bytes: memmap entry or io side entry. */
struct page *pfn_frame(unsigned long pfn);

/* ---- pgtable.c: tables and the one choke point for entries ------------ */

/*
 * Tables are frames (PG_table) whose entries live in page->pt.  Entries
 * are read and written only through these accessors.
 */
static inline pte_t ptep_get(const pte_t *ptep) { return *ptep; }
static inline pmd_t pmdp_get(const pmd_t *pmdp) { return *pmdp; }
static inline pud_t pudp_get(const pud_t *pudp) { return *pudp; }
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
/* Soft-dirty is tracked per entry in @vma (built in, not VM_SOFTDIRTY). */
static inline bool vma_soft_dirty_enabled(struct vm_area_struct *vma)
{
	return current_machine()->profile.soft_dirty &&
	       !(vma->vm_flags & VM_SOFTDIRTY);
}
/* The entry for the next page: the PFN one up, every bit kept. */
static inline pte_t pte_next_pfn(pte_t pte)
{
	return __pte(pte_val(pte) + (1UL << PAGE_SHIFT));
}
/*
 * page_table_check_anon_delta - the common case of page_table_check's
 * hooks, inline as the kernel's wrappers around their static key: if
 * @pte maps a normal anon frame (present, not special, not the zero
 * page, in RAM: page_table_check.c's normal_frame()) and nothing is
 * logged, count it (+1 mapped, -1 unmapped) and return true; otherwise
 * the caller calls out of line.
 */
static inline bool page_table_check_anon_delta(struct mm_struct *mm,
					       pte_t pte, int delta)
{
	struct machine *m = current_machine();
	unsigned long pfn = (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
	unsigned long idx = pfn - m->ram_start;

	/* the zero page, reserved, is no anon folio: the last test refuses it */
	if (m->ck.logging ||
	    !(pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE)) ||
	    (pte_val(pte) & _PAGE_SPECIAL) || idx >= m->ram_pages ||
	    !folio_test_anon(page_folio(&m->memmap[idx])))
		return false;
	mm->check_rss[MM_ANONPAGES] += delta;
	m->page_ext[idx].map_count += delta;
	return true;
}

/*
 * ptep_get_and_clear - clear the entry at @ptep and return what it held;
 * inline, as x86's, with page_table_check told (anon frames counted
 * inline, the rest out of line).
 */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr,
				       pte_t *ptep)
{
	pte_t old = *ptep;

	*ptep = __pte(0);
	if (!page_table_check_anon_delta(mm, old, -1))
		page_table_check_leaf(mm, addr, pte_val(old), 0, PAGE_SIZE);
	return old;
}

/*
 * page_table_check_anon_page - page_table_check_anon_delta() for a caller
 * that holds the frame: @page, of an anon folio, is what the entry it set
 * (+1) or cleared (-1) maps as a normal page (vm_normal_page() found it),
 * so the entry need not be looked at again.
 * Return: false if the log must hear (the caller calls out of line).
 */
static inline bool page_table_check_anon_page(struct mm_struct *mm,
					      struct page *page, int delta)
{
	struct machine *m = current_machine();

	if (m->ck.logging)
		return false;
	mm->check_rss[MM_ANONPAGES] += delta;
	page_ext_get(m, page)->map_count += delta;
	return true;
}

static inline void page_table_check_ptes_set(struct mm_struct *mm,
					     unsigned long addr, pte_t pte,
					     unsigned int nr)
{
	if (nr == 1 && page_table_check_anon_delta(mm, pte, 1))
		return;
	__page_table_check_ptes_set(mm, addr, pte, nr);
}

/* Batches over the pages of one folio (fork, zap): the checker hears once. */
pte_t get_and_clear_ptes(struct mm_struct *mm, unsigned long addr,
			 pte_t *ptep, unsigned int nr);
void __set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		pte_t pte, unsigned int nr);
static inline void set_ptes(struct mm_struct *mm, unsigned long addr,
			    pte_t *ptep, pte_t pte, unsigned int nr)
{
	if (nr == 1 && pte_none(*ptep)) {	/* a small folio over nothing */
		*ptep = pte;
		page_table_check_ptes_set(mm, addr, pte, 1);
		return;
	}
	__set_ptes(mm, addr, ptep, pte, nr);
}
/*
 * set_pte_anon - set_ptes() of one entry, @pte, that maps @page, a normal
 * frame of an anon folio the caller found through vm_normal_page() (fork's
 * copy of one entry): over nothing, the checker counts the page it is
 * given rather than the frame it would derive from @pte again.
 */
static inline void set_pte_anon(struct mm_struct *mm, unsigned long addr,
				pte_t *ptep, pte_t pte, struct page *page)
{
	if (pte_none(*ptep) && page_table_check_anon_page(mm, page, 1)) {
		*ptep = pte;
		return;
	}
	set_ptes(mm, addr, ptep, pte, 1);
}
void set_pmd_at(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp, pmd_t pmd);
/* A PMD (@size PMD_SIZE) or PUD (PUD_SIZE) entry, leaf or link. */
void set_upper_entry(struct mm_struct *mm, unsigned long addr, uint64_t *e,
		     uint64_t val, unsigned long size);
void set_pud_at(struct mm_struct *mm, unsigned long addr, pud_t *pudp, pud_t pud);

/*
 * The entries of the table page @table_pfn, and the per-level offsets:
 * inline, since every walk (faults, fork, zap, the checker) takes them.
 */
static inline uint64_t *pgtable_entries(unsigned long table_pfn)
{
	return pfn_to_page(table_pfn)->pt;
}
static inline pgd_t *pgd_offset(struct mm_struct *mm, unsigned long addr)
{
	return (pgd_t *)pgtable_entries(mm->pgd) + pgd_index(addr);
}
static inline pud_t *pud_offset(struct mm_struct *mm, pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)pgtable_entries(pgd_pfn(*pgd)) + pud_index(addr);
}
static inline pmd_t *pmd_offset(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	return (pmd_t *)pgtable_entries(pud_pfn(*pud)) + pmd_index(addr);
}
static inline pte_t *pte_offset(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pgtable_entries(pmd_pfn(*pmd)) + pte_index(addr);
}

/*
 * Walk to the PTE of @addr, allocating tables; NULL on -ENOMEM.  As in
 * the kernel, the table-present case is inline and __pud_alloc() and
 * the others (0 or -ENOMEM) install a new table.
 */
int __pud_alloc(struct mm_struct *mm, pgd_t *pgd);
int __pmd_alloc(struct mm_struct *mm, pud_t *pud);
int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);
static inline pud_t *pud_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long addr)
{
	return pgd_none(*pgd) && __pud_alloc(mm, pgd) ? NULL : pud_offset(mm, pgd, addr);
}
static inline pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	return pud_none(*pud) && __pmd_alloc(mm, pud) ? NULL : pmd_offset(mm, pud, addr);
}
static inline pte_t *pte_alloc(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	return pmd_none(*pmd) && __pte_alloc(mm, pmd) ? NULL : pte_offset(mm, pmd, addr);
}
/* Link the PTE table *@pte_pfn (from pte_alloc_one()) under @pmd if that
 * is still empty: the table is then the mm's, and *@pte_pfn 0. */
void pmd_install(struct mm_struct *mm, pmd_t *pmd, unsigned long *pte_pfn);
/* pgtable.c: the host memory of a table's entries, given back with the machine. */
void pt_store_free(struct machine *m, uint64_t *pt);
void pt_store_exit(struct machine *m);
pte_t *walk_to_pte_alloc(struct mm_struct *mm, unsigned long addr);
/*
 * Walk without allocating.  Returns the PTE pointer, or NULL when a level
 * is empty or a huge leaf ends the walk early (*leaf_pmd or *leaf_pud say
 * which, when non-NULL).
 */
unsigned long pte_hole_end(struct mm_struct *mm, unsigned long addr,
			   unsigned long end);
pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr,
		   pmd_t **leaf_pmd, pud_t **leaf_pud);

int pgd_alloc(struct mm_struct *mm);
/* Free the tables over [start, end) that map nothing in [floor, ceiling). */
void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling);
void pgd_free(struct mm_struct *mm);

/* ---- vma.c: the VMA tree, split and merge ----------------------------- */

/*
 * The library's own inline vma_lookup(), as the kernel's is inline: the
 * VMA found last (vma.c) when the tree has not changed since and it
 * holds @addr, else the tree walk out of line.
 */
struct vm_area_struct *vma_lookup_tree(struct mm_struct *mm, unsigned long addr);
static inline struct vm_area_struct *__vma_lookup(struct mm_struct *mm,
						  unsigned long addr)
{
	struct vm_area_struct *vma = mm->vma_last;

	if (vma && mm->vma_last_gen == mm->mm_mt.ma_gen &&
	    vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	return vma_lookup_tree(mm, addr);
}
#define vma_lookup(mm, addr)	__vma_lookup(mm, addr)

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
/* machine_destroy(): give back the slabs of the VMA and anon_vma caches. */
void vm_area_cache_exit(struct machine *m);
void anon_vma_cache_exit(struct machine *m);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
void vma_link_tree(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink_tree(struct mm_struct *mm, struct vm_area_struct *vma);
/* vma_link_tree(), where @mas may still hold a find at @vma's start. */
void vma_link_tree_at(struct mm_struct *mm, struct vm_area_struct *vma,
		      struct ma_state *mas);
/* The same, where @mas may still hold the position a find gave @vma at. */
void vma_unlink_tree_at(struct mm_struct *mm, struct vm_area_struct *vma,
			struct ma_state *mas);
/* vm.max_map_count: the profile's, or the kernel's default. */
#define DEFAULT_MAX_MAP_COUNT	65530
static inline int sysctl_max_map_count(void)
{
	int n = current_machine()->profile.max_map_count;

	return n > 0 ? n : DEFAULT_MAX_MAP_COUNT;
}
/* Highest free [addr, addr+len) within [low, high), O(log n); 0 if none. */
unsigned long vma_find_gap_topdown(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high);
/* mm_check: every VMA of @mm in the tree at its range, between its list
 * neighbours, and the whole tree right, in one pass (*@bad: where not) */
bool vma_tree_ok(struct mm_struct *mm, const struct vm_area_struct **bad);
/* mm_check: @v in the tree at its range between its list neighbours, and
 * every node from the root down to it right (those @seen reports checked
 * already in this pass skipped, with their ancestors) */
bool vma_gap_path_ok(const struct vm_area_struct *v,
		     bool (*seen)(void *priv, const void *node), void *priv);
/* The tree nodes vma_link(@vma) will need: 0 or -ENOMEM. */
int vma_tree_prealloc(struct mm_struct *mm, struct vm_area_struct *vma);
/* Change @vma's range, keeping the rmap trees and the mm's tree right. */
void vma_set_range(struct vm_area_struct *vma, unsigned long start,
		   unsigned long end, pgoff_t pgoff);
/* Link a new VMA: tree, file rmap, open(). */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
/* The same, where @mas may still hold a find at @vma's start (mmap). */
void vma_link_at(struct mm_struct *mm, struct vm_area_struct *vma,
		 struct ma_state *mas);
/* Unmapped VMA: close(), file rmap, anon_vma chains, free. */
void remove_vma(struct vm_area_struct *vma);
/*
 * Split @vma at @addr; @new_below: the new VMA is the lower part.
 * split_vma() fails with -ENOMEM at vm.max_map_count; __split_vma() is
 * for callers that have checked the count as the kernel does (munmap).
 * @vmi is the tree position (the kernel's vma_iterator): the store of the
 * new VMA begins where a find of @vma left it, or walks if it is unset.
 */
int split_vma(struct ma_state *vmi, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
int __split_vma(struct ma_state *vmi, struct vm_area_struct *vma,
		unsigned long addr, int new_below);
/* Preallocation-free check that the driver allows a split at @addr. */
int vma_can_split(struct vm_area_struct *vma, unsigned long addr);

/*
 * vma_modify - give [start, end) of @vma the attributes @flags (and keep
 * the rest), merging with neighbours where the kernel would and splitting
 * otherwise.  Returns the VMA now covering exactly [start, end), or an
 * ERR_PTR-style NULL with *err set.
 */
struct vm_area_struct *vma_modify_flags(struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					vm_flags_t flags, int *err);
/* The same from @vmi, where the find of @vma left it (mprotect). */
struct vm_area_struct *vma_modify_flags_at(struct ma_state *vmi,
					   struct vm_area_struct *vma,
					   unsigned long start,
					   unsigned long end,
					   vm_flags_t flags, int *err);
/* Try to merge a freshly created range into its neighbours. */
struct vm_area_struct *vma_merge_new_range(struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end, vm_flags_t flags,
					   struct file *file, pgoff_t pgoff);
/* The same, for a caller that looked up @next, the first VMA at or above @start. */
struct vm_area_struct *vma_merge_new_range_next(struct mm_struct *mm,
						struct vm_area_struct *next,
						unsigned long start,
						unsigned long end,
						vm_flags_t flags,
						struct file *file, pgoff_t pgoff);
struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				unsigned long len, pgoff_t pgoff);

/* ---- mseal.c ---------------------------------------------------------- */

/* A sealed VMA cannot be unmapped, moved, reprotected or re-flagged. */
static inline bool vma_is_sealed(const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_SEALED;
}
/* -EPERM if any VMA overlapping [start, end) is sealed. */
int can_modify_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end);
/* The same from @vma, the first VMA ending above start. */
int can_modify_vmas(struct vm_area_struct *vma, unsigned long end);
/* fork copies the seal records (-ENOMEM); exit frees them. */
int mseal_dup(struct mm_struct *mm, struct mm_struct *oldmm);
void mseal_exit(struct mm_struct *mm);
/* NULL, or how a recorded seal was broken. */
const char *mseal_check(struct mm_struct *mm);
const char *mseal_check_range(struct mm_struct *mm, unsigned long start,
			      unsigned long end);

/* ---- mprotect.c ------------------------------------------------------- */

/* Rewrite the entries of [start, end) of @vma for its new protection. */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot, vm_flags_t newflags);

/* ---- madvise.c: guard regions across the guard switch ---------------- */

struct guard_design_ops {
	vm_flags_t mark;		/* the flag guard install sets, or 0 */
	bool anon_vma_always;		/* give any VMA an anon_vma (fork copies) */
};

/* ---- mmap.c ----------------------------------------------------------- */

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int __mm_populate(struct mm_struct *mm, unsigned long start, unsigned long len,
		  bool ignore_errors);

/* address_space flags */
#define AS_CAN_WRITEBACK	0x1	/* dirty pages are written back (not shmem) */
/* A shared writable mapping whose first store to each page must fault. */
bool vma_needs_dirty_tracking(struct vm_area_struct *vma);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
/* arch/x86/kernel/sys_x86_64.c: take the hint @addr if it fits, else search. */
unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm,
					     unsigned long addr,
					     unsigned long len);
void vm_stat_account(struct mm_struct *mm, vm_flags_t flags, long npages);
/* RLIMIT_AS / RLIMIT_DATA of the mm's owner allow @npages more of @flags. */
bool may_expand_vm(struct mm_struct *mm, vm_flags_t flags, unsigned long npages);
unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long start,
				    unsigned long end);

/* ---- mlock.c ---------------------------------------------------------- */

/* RLIMIT_MEMLOCK is not 0, or the process has CAP_IPC_LOCK. */
bool can_do_mlock(struct task_struct *t);
/* A VM_LOCKED mapping of @bytes more fits RLIMIT_MEMLOCK (or CAP_IPC_LOCK). */
bool mlock_future_ok(struct mm_struct *mm, vm_flags_t flags, unsigned long bytes);
/* VM_LOCKED may be set on @vma: neither VM_SPECIAL nor VM_DROPPABLE. */
bool vma_supports_mlock(const struct vm_area_struct *vma);

/* ---- memory.c: faults, zap, copy -------------------------------------- */

/*
 * struct zap_details - how a zap treats what is not a mapping: without
 * ZAP_FLAG_DROP_MARKER (MADV_DONTNEED, truncation, guard install) PTE
 * markers stay; unmapping the VMA drops them.
 */
#define ZAP_FLAG_DROP_MARKER	0x1
struct zap_details {
	unsigned int zap_flags;
	bool reclaim_pt;	/* free the PTE tables left empty (pt_reclaim.c) */
};
void unmap_page_range(struct vm_area_struct *vma, unsigned long start,
		      unsigned long end, const struct zap_details *details);
/* pt_reclaim.c: does the zap of [start, end) in one PTE table free it? */
bool reclaim_pt_is_enabled(unsigned long start, unsigned long end,
			   const struct zap_details *details);
/* pt_reclaim.c: free the PTE table under @pmd if every entry is none. */
void try_to_free_pte(struct mm_struct *mm, pmd_t *pmd, unsigned long addr);
/* Zap [start, end) of @vma, dropping what the entries held; keeps markers. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);
/* Zap [start, end) of @mm in every VMA from @vma, the first ending above start. */
void unmap_vmas(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long start, unsigned long end);
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);
static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	mm->rss_stat[member] += value;
}

/* get_mm_rss - the resident pages of @mm: anon, file and shmem. */
static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_FILEPAGES] +
	       mm->rss_stat[MM_SHMEMPAGES];
}

/*
 * The high-water marks VmHWM and VmPeak show (fs/proc/task_mmu.c) are
 * raised lazily, as the kernel does: just before RSS or total_vm is
 * lowered; a reader takes the larger of the mark and the current value.
 */
static inline void update_hiwater_rss(struct mm_struct *mm)
{
	if (mm->hiwater_rss < get_mm_rss(mm))
		mm->hiwater_rss = get_mm_rss(mm);
}

static inline void update_hiwater_vm(struct mm_struct *mm)
{
	if (mm->hiwater_vm < mm->total_vm)
		mm->hiwater_vm = mm->total_vm;
}
int mm_counter_file(struct folio *folio);
/* Map @page at vmf->address / vmf->pte for a fault (or fault-around). */
void set_pte_range(struct vm_fault *vmf, struct page *page, bool cow);
/*
 * Populate [start, end) as faults would (MAP_POPULATE, mlock, madvise),
 * as GUP does (populate_vma_page_range()): with @locked (FOLL_UNLOCKABLE)
 * a fault for the userfaultfd monitor waits for it to be served and is
 * retried; without (mprotect's) handle_userfault() is SIGBUS: -EFAULT.
 * Return: 0, -ENOMEM, -EHWPOISON at a poisoned entry (what GUP with
 * FOLL_HWPOISON says) or -EFAULT at another failed fault.
 */
int populate_vma_range(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, bool write, int *locked);
/* mprotect.c's helpers for making an entry writable without a fault. */
bool can_change_pte_writable(struct vm_area_struct *vma, unsigned long addr,
			     pte_t pte);
bool vma_wants_manual_pte_write_upgrade(struct vm_area_struct *vma);
struct page *vm_normal_page_pmd(struct vm_area_struct *vma, unsigned long addr,
				pmd_t pmd);
struct page *vm_normal_page_pud(struct vm_area_struct *vma, unsigned long addr,
				pud_t pud);
/*
 * The walkers across the walk switch (seed 002; memory.c's table):
 * whether folio_walk_start() refuses PFN maps up front, and how the PMD
 * and (in folio_walk_start) PUD leaves are read.
 */
struct walk_design_ops {
	bool reject_pfnmap;
	struct page *(*normal_page_pmd)(struct vm_area_struct *vma,
					unsigned long addr, pmd_t pmd);
	struct page *(*folio_walk_pud)(struct vm_area_struct *vma,
				       unsigned long addr, pud_t pud);
};
const struct walk_design_ops *walk_design(void);

/* ---- rmap.c ----------------------------------------------------------- */

int __anon_vma_prepare(struct vm_area_struct *vma);
struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma);
/* The VMA's anon_vma, made on its first anonymous fault (inline, as the kernel's). */
static inline int anon_vma_prepare(struct vm_area_struct *vma)
{
	if (likely(vma->anon_vma))
		return 0;
	return __anon_vma_prepare(vma);
}
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
void unlink_anon_vmas(struct vm_area_struct *vma);
/*
 * Mapping and unmapping folios (Linux 6.18's rmap API).  The anon and
 * remove calls also keep the mm's RSS counters (the model's convention);
 * folio_try_dup_anon_rmap_*() leave them to fork.  Large folios: every
 * call keeps _large_mapcount, the per-page or entire mapcount,
 * _nr_pages_mapped and the MM slots; PageAnonExclusive is per page for
 * PTE mappings and the head's for a PMD mapping.
 */
typedef unsigned int rmap_t;
#define RMAP_NONE	0x0
#define RMAP_EXCLUSIVE	0x1	/* the pages are exclusive to this mapping */

void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address, rmap_t flags);
void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
			      struct vm_area_struct *vma, unsigned long address,
			      rmap_t flags);
void folio_add_anon_rmap_pmd(struct folio *folio, struct page *page,
			     struct vm_area_struct *vma, unsigned long address,
			     rmap_t flags);
void folio_add_file_rmap_pte(struct folio *folio, struct vm_area_struct *vma);
void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr,
			    struct vm_area_struct *vma);
/* One PTE: a small folio inline (folio_remove_rmap_ptes()'s first case). */
static inline void folio_remove_rmap_pte(struct folio *folio, struct page *page,
					 struct vm_area_struct *vma)
{
	if (folio_test_large(folio)) {
		folio_remove_rmap_ptes(folio, page, 1, vma);
		return;
	}
	page_check_frame(page);
	VM_BUG_ON_PAGE(page->_mapcount < 0, page);
	page->_mapcount--;
	add_mm_counter(vma->vm_mm, folio_test_anon(folio) ? MM_ANONPAGES :
		       mm_counter_file(folio), -1);
}
void folio_remove_rmap_pmd(struct folio *folio, struct page *page,
			   struct vm_area_struct *vma);
/* fork: share anon pages with the child, or -EBUSY if they may be pinned. */
int folio_try_dup_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
				 struct vm_area_struct *dst_vma,
				 struct vm_area_struct *src_vma);
static inline int folio_try_dup_anon_rmap_pte(struct folio *folio,
					      struct page *page,
					      struct vm_area_struct *dst_vma,
					      struct vm_area_struct *src_vma);
int folio_try_dup_anon_rmap_pmd(struct folio *folio, struct page *page,
				struct vm_area_struct *dst_vma,
				struct vm_area_struct *src_vma);
void folio_move_anon_rmap(struct folio *folio, struct vm_area_struct *vma);
void vma_link_file(struct vm_area_struct *vma);
void vma_unlink_file(struct vm_area_struct *vma);

/*
 * rmap_walk_control - what to do at each place a folio is mapped.
 * @rmap_one returns false to stop the walk.
 */
struct rmap_walk_control {
	void *arg;
	bool (*rmap_one)(struct folio *folio, struct vm_area_struct *vma,
			 unsigned long address, void *arg);
	bool (*invalid_vma)(struct vm_area_struct *vma, void *arg);
};
void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc);
void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc);
/*
 * page_vma_mapped_walk - each entry of @vma mapping part of the PFN range
 * [pfn, pfn + nr_pages) (a folio) from @address on: true with @address
 * and either @pmd (a PMD leaf mapping the range) or @pte set; false when
 * there is no more.  Start with the other fields zero.
 * Present entries only: the model has no swap or migration entries.
 */
struct page_vma_mapped_walk {
	unsigned long pfn;
	unsigned long nr_pages;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	unsigned long end;	/* private */
};
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);
/* The first address of @vma mapping any page of @folio, or -EFAULT. */
unsigned long folio_vma_address(struct folio *folio, struct vm_area_struct *vma);
pte_t *page_vma_mapped(struct vm_area_struct *vma, unsigned long addr,
		       unsigned long pfn);
/* The address at which @vma maps file/anon index @pgoff, or -EFAULT. */
unsigned long vma_address(struct vm_area_struct *vma, pgoff_t pgoff);

/* ---- fs/: files, inodes, reads and writes ------------------------------ */

/* file_table.c */
struct file *alloc_file(struct inode *inode,
			const struct file_operations *fops, unsigned int mode);
/* inode.c: new_inode() is freed with kfree; inode_init() fills an
 * inode embedded in a filesystem's own structure. */
struct inode *new_inode(const char *name);
void inode_init(struct inode *inode, const char *name);
void iput(struct inode *inode);
/* read_write.c: the most one read or write transfers (INT_MAX & PAGE_MASK). */
#define MAX_RW_COUNT	(0x7fffffffUL & PAGE_MASK)

/* lib/iov_iter.c: each returns the bytes copied, the iterator advanced. */
void iov_iter_kvec(struct iov_iter *i, bool data_source, void *buf,
		   size_t count);
void iov_iter_ubuf(struct iov_iter *i, bool data_source,
		   struct mm_struct *mm, unsigned long uaddr, size_t count);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter_atomic(void *addr, size_t bytes, struct iov_iter *i);
size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);

/* lib/usercopy.c: each returns the bytes NOT copied (0: all of them). */
bool access_ok(unsigned long addr, size_t size);
size_t copy_to_user(struct mm_struct *mm, unsigned long to, const void *from,
		    size_t n);
size_t copy_from_user(struct mm_struct *mm, void *to, unsigned long from,
		      size_t n);
size_t copy_from_user_inatomic(struct mm_struct *mm, void *to,
			       unsigned long from, size_t n);
size_t fault_in_readable(struct mm_struct *mm, unsigned long uaddr, size_t size);
/* model/mmu.c: the paging-structure cache, flushed by pgtable.c. */
void mmu_flush_pde_cache(struct mm_struct *mm);
int mmu_pde_cache_check(struct mm_struct *mm);
/* model/mmu.c: the frame at @addr, faulting as the process (@user) or
 * the kernel would; 0, SIGSEGV, SIGBUS, UACCESS_UFFD_WP or -ENOMEM. */
int mmu_translate_nofault(struct mm_struct *mm, unsigned long addr,
			  bool write, struct page **frame);
int mmu_translate(struct mm_struct *mm, unsigned long addr, bool write,
		  bool user, struct page **frame);

/* ---- shmem.c ------------------------------------------------------------ */

/* The shmem part of an inode (SHMEM_I), as in include/linux/shmem_fs.h. */
struct shmem_inode_info {
	unsigned int seals;		/* F_SEAL_* (memfd.c) */
	struct inode vfs_inode;
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

struct inode *shmem_inode_create(const char *name);
bool shmem_file(struct file *file);

/* ---- memfd.c: seals (values Linux's, include/uapi/linux/fcntl.h) ------- */

#ifndef F_ADD_SEALS
#define F_ADD_SEALS		1033
#endif
#ifndef F_GET_SEALS
#define F_GET_SEALS		1034
#endif
#ifndef F_SEAL_SEAL
#define F_SEAL_SEAL		0x0001
#endif
#ifndef F_SEAL_SHRINK
#define F_SEAL_SHRINK		0x0002
#endif
#ifndef F_SEAL_GROW
#define F_SEAL_GROW		0x0004
#endif
#ifndef F_SEAL_WRITE
#define F_SEAL_WRITE		0x0008
#endif
#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE	0x0010
#endif
#ifndef F_SEAL_EXEC
#define F_SEAL_EXEC		0x0020
#endif
#define F_ALL_SEALS	(F_SEAL_SEAL | F_SEAL_EXEC | F_SEAL_SHRINK | \
			 F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)
#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC		0x0001U
#endif
#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING	0x0002U
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB		0x0004U
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL		0x0008U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC		0x0010U
#endif

int memfd_check_seals_mmap(struct file *file, vm_flags_t *vm_flags);

/*
 * i_mmap_writable counts the shared mappings that may write; a write
 * seal denies them (the count goes negative) while none exists.
 */
static inline bool vma_is_shared_maywrite(const struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) ==
	       (VM_SHARED | VM_MAYWRITE);
}

static inline int mapping_deny_writable(struct address_space *mapping)
{
	if (mapping->i_mmap_writable > 0)
		return -EBUSY;
	mapping->i_mmap_writable--;
	return 0;
}

static inline void mapping_allow_writable(struct address_space *mapping)
{
	mapping->i_mmap_writable++;
}

/* ---- fs/open.c: fallocate modes (include/uapi/linux/falloc.h) ---------- */

#ifndef FALLOC_FL_KEEP_SIZE
#define FALLOC_FL_KEEP_SIZE	0x01
#endif
#ifndef FALLOC_FL_PUNCH_HOLE
#define FALLOC_FL_PUNCH_HOLE	0x02
#endif

/* ---- lib/xarray.c: the page cache's sparse array ----------------------- */

void *xa_load(const struct xarray *xa, unsigned long index);
/* 0, -EBUSY (occupied) or -ENOMEM (unchanged). */
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
/* The first entry at an index in [*index, max]; *index set to it. */
void *xa_find(const struct xarray *xa, unsigned long *index, unsigned long max);
/* Host bytes of the array's nodes. */
size_t xa_node_bytes(const struct xarray *xa);
/* One mark (XA_MARK_0): set/clear on a present entry, test, find. */
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
bool xa_get_mark(const struct xarray *xa, unsigned long index, xa_mark_t mark);
void *xa_find_marked(const struct xarray *xa, unsigned long *index,
		     unsigned long max, xa_mark_t mark);

/* ---- filemap.c, truncate.c: the page cache ------------------------------ */

/* The largest file size (include/linux/fs.h, 64-bit): LLONG_MAX. */
#define MAX_LFS_FILESIZE	((loff_t)0x7fffffffffffffffLL)

int filemap_add_folio(struct address_space *mapping, struct folio *folio,
		      pgoff_t index);
void filemap_remove_folio(struct folio *folio);
struct folio *filemap_get_next_folio(struct address_space *mapping,
				     pgoff_t *index, pgoff_t last);
const char *filemap_check(struct address_space *mapping);
void truncate_inode_pages_range(struct address_space *mapping, pgoff_t start,
				pgoff_t last);
void truncate_inode_pages(struct address_space *mapping, pgoff_t start);
void punch_hole_unmap(struct address_space *mapping, loff_t offset, loff_t len);
long mapping_evict_folio(struct address_space *mapping, struct folio *folio);
bool vma_is_shmem(const struct vm_area_struct *vma);
/* secretmem.c: a memfd_secret(2) mapping, which GUP must refuse. */
bool vma_is_secretmem(const struct vm_area_struct *vma);
struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index);
const char *file_path_name(struct file *f, char *buf, size_t size);
extern const struct vm_operations_struct shmem_vm_ops;
extern const struct file_operations shmem_file_operations;

/* ---- swap.c: the LRU's use bits ----------------------------------------- */

void folio_mark_accessed(struct folio *folio);
void folio_mark_accessed_vma(struct folio *folio, struct vm_area_struct *vma);

/* ---- page-writeback.c: dirty folios and writeback ---------------------- */

bool mapping_can_writeback(const struct address_space *mapping);
bool folio_mark_dirty(struct folio *folio);
bool noop_dirty_folio(struct address_space *mapping, struct folio *folio);
bool filemap_dirty_folio(struct address_space *mapping, struct folio *folio);
bool folio_clear_dirty_for_io(struct folio *folio);
int filemap_write_and_wait_range(struct address_space *mapping, loff_t lstart,
				 loff_t lend);
const char *folio_dirty_check(struct address_space *mapping,
			      struct folio *folio);
bool writeback_entry_ok(struct vm_area_struct *vma, pte_t pte,
			struct folio *folio);

/* ---- filemap.c: generic page-cache paths of regular files -------------- */

/* The kernel's default read-ahead window (VM_READAHEAD_PAGES, 128 KiB). */
#define VM_READAHEAD_PAGES	32
/* The cached folio at @index, or a new one read in (NULL: -ENOMEM). */
struct folio *filemap_grab_folio(struct address_space *mapping, pgoff_t index);
struct folio *filemap_create_folio(struct address_space *mapping, pgoff_t index);
struct folio *__filemap_create_folio(struct address_space *mapping, pgoff_t index);
vm_fault_t filemap_fault(struct vm_fault *vmf);
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start, pgoff_t end);
vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf);
extern const struct vm_operations_struct generic_file_vm_ops;
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to);
/* mm/readahead.c */
void do_page_cache_ra(struct address_space *mapping, pgoff_t index,
		      unsigned long nr);
void file_ra_state_init(struct file_ra_state *ra, struct address_space *mapping);
void page_cache_sync_ra(struct address_space *mapping,
			struct file_ra_state *ra, pgoff_t index,
			unsigned long req_count);
void force_page_cache_ra(struct address_space *mapping,
			 struct file_ra_state *ra, pgoff_t index,
			 unsigned long nr);
int write_fault_in(struct iov_iter *from, size_t bytes, bool *retried);
ssize_t write_copy_chunk(struct inode *inode, struct folio *folio, loff_t pos,
			 size_t n, struct iov_iter *from, bool *retried);
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *from);

/* ---- fs/diskfs.c: regular files on a disk filesystem ------------------- */

bool diskfs_file(struct file *file);

/* ---- kernel/sys.c: limits, capabilities, prctl -------------------------- */

#define CAP_IPC_LOCK		14
#define CAP_SYS_RAWIO		17
#define CAP_SYS_PTRACE		19
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_LAST_CAP		40
#define PR_GET_THP_DISABLE	42
#define PR_SET_THP_DISABLE	41
#define PR_THP_DISABLE_EXCEPT_ADVISED	(1UL << 1)
#define PR_SET_MDWE		65
#define PR_GET_MDWE		66
#define PR_MDWE_REFUSE_EXEC_GAIN	(1UL << 0)
#define PR_MDWE_NO_INHERIT		(1UL << 1)

/* INIT_RLIMITS and every capability, as for root. */
void task_init_rlimits(struct task_struct *t);
unsigned long task_rlimit(const struct task_struct *t, unsigned int limit);
unsigned long task_rlimit_max(const struct task_struct *t, unsigned int limit);
bool has_capability(const struct task_struct *t, int cap);

/* ---- security/min_addr.c: mmap_min_addr and CAP_SYS_RAWIO -------------- */

/* 0, or -EPERM for a mapping below vm.mmap_min_addr without CAP_SYS_RAWIO. */
int security_mmap_addr(struct task_struct *t, unsigned long addr);

/*
 * map_deny_write_exec - under MDWE, a VMA may not become writable and
 * executable, nor executable when it was not (include/linux/mman.h).
 */
static inline bool map_deny_write_exec(struct mm_struct *mm, vm_flags_t old,
				       vm_flags_t new)
{
	if (!(mm->flags & (1UL << MMF_HAS_MDWE)))
		return false;
	if (!(new & VM_EXEC))
		return false;
	if (new & VM_WRITE)
		return true;
	return !(old & VM_EXEC);
}

/* ---- drivers/base/driver.c: the driver registry ---------------------- */

/* The built-in modules, generated from the driver files (Makefile). */
extern const struct mmsim_module *const mmsim_builtin_modules[];
/* Register every driver of @mod, or none (*clash: the name refused). */
int mmsim_module_register(const struct mmsim_module *mod, const char **clash);
/* A device's open file, with an inode of its own (NULL: -ENOMEM). */
struct file *device_file_alloc(const char *name,
			       const struct file_operations *fops);
/* ctl.c: the built-in model-only command called @name, or NULL. */
const struct mmsim_ctl_command *ctl_builtin_find(const char *name);
/* Registered drivers' model-only commands, in registration order. */
const struct mmsim_driver_command *driver_command(unsigned int i,
						  const struct mmsim_driver **drv);
int driver_command_run(struct task_struct *t, const struct mmsim_driver *drv,
		       const struct mmsim_driver_command *cmd, int argc,
		       char **argv, struct seq_buf *out);
/*
 * Running driver code: the driver of @file (or none) becomes the current
 * one, so that the kernel pages it allocates are its own; returns the
 * previous one for driver_exit().
 */
int driver_enter(const struct file *file);
void driver_exit(int prev);
/* Record who allocated @page (order @order); forget it when freed. */
void driver_page_alloc(struct page *page, unsigned int order);
void driver_page_free(struct page *page, unsigned int order);
/* The name of the driver that allocated @page, or NULL. */
const char *driver_page_owner(const struct page *page);
/* The name of the driver of @vma's file, or "a driver" (for messages). */
const char *vma_driver_name(const struct vm_area_struct *vma);
/*
 * Call a fault hook of @vmf->vma's driver and check what it returned:
 * a value that is not a vm_fault_t is recorded for mm_check (naming the
 * driver) and turned into VM_FAULT_SIGBUS.
 */
#define vmf_call(vmf, hook, call) ({					\
	int __prev = driver_enter((vmf)->vma->vm_file);		\
	vm_fault_t __ret = (call);					\
	driver_exit(__prev);						\
	vmf_check_ret((vmf)->vma, hook, __ret);			\
})
vm_fault_t vmf_check_ret(struct vm_area_struct *vma, const char *hook,
			 vm_fault_t ret);
/* Record a driver's misbehaviour for the next mm_check (first one wins). */
void driver_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void driver_state_exit(struct machine *m);

/* ---- mm/vmalloc.c ---------------------------------------------------- */

void vmalloc_init(struct machine *m);
/* Host bytes and count of live vmalloc areas (leak check). */
long vmalloc_nr_areas(struct machine *m);

/* ---- pfnmap.c: the mmap_prepare action, run after vm_page_prot is set -- */

int mmap_action_complete(struct vm_area_struct *vma, struct mmap_action *action);
/* huge_memory.c: before a split at @addr, split a THP PMD straddling it,
 * drop a special PMD/PUD leaf there (it refaults). */
void vma_adjust_trans_huge(struct vm_area_struct *vma, unsigned long addr);

/* ---- pagewalk.c ------------------------------------------------------- */

struct mm_walk;
struct mm_walk_ops {
	int (*pud_entry)(pud_t *pud, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	/* depth: -1 outside VMAs or for a skipped VMA, 0 pgd .. 3 pte */
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth,
			struct mm_walk *walk);
	/* 0: walk this VMA, 1: skip it, < 0: stop with that error */
	int (*test_walk)(unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
};
struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	struct vm_area_struct *vma;
	void *private;
};
int walk_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end, const struct mm_walk_ops *ops,
		    void *private);
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops,
		  void *private);

#define FW_MIGRATION	0x1
#define FW_ZEROPAGE	0x2
enum folio_walk_level { FW_LEVEL_PTE, FW_LEVEL_PMD, FW_LEVEL_PUD };
struct folio_walk {
	struct page *page;		/* exact subpage; NULL for the zero folio */
	enum folio_walk_level level;
	union { pte_t *ptep; pmd_t *pmdp; pud_t *pudp; };
	union { pte_t pte; pmd_t pmd; pud_t pud; };
	struct vm_area_struct *vma;
};
struct folio *folio_walk_start(struct folio_walk *fw,
			       struct vm_area_struct *vma, unsigned long addr,
			       unsigned int flags);
static inline void folio_walk_end(struct folio_walk *fw,
				  struct vm_area_struct *vma) { }
/* move_pages(nodes=NULL) status of one address: node 0 or -errno. */
int do_pages_stat_one(struct mm_struct *mm, unsigned long addr);

/* ---- gup.c ------------------------------------------------------------ */

/*
 * struct pin_set - pages GUP holds for someone: a `pin` (FOLL_PIN) or a
 * read-only reference (FOLL_GET, as vmsplice takes), taken for @mm at
 * @start; @acct says how each pin was counted (enum pin_design).
 */
struct pin_set {
	struct machine *m;
	struct list_head list;		/* machine pin sets */
	struct mm_struct *mm;		/* on whose behalf (never dereferenced) */
	unsigned long start;
	unsigned int flags;		/* FOLL_PIN or FOLL_GET */
	int acct;			/* enum pin_design */
	char name[32];			/* scenario name, or "" */
	unsigned long nr;
	bool write;
	struct page *pages[];
};
void gup_put_folio(struct folio *folio, int refs,
		   unsigned int flags);
void follow_touch_pte(struct vm_area_struct *vma, pte_t pte,
		      struct folio *folio, unsigned int flags);
/* Take or drop a named read-only reference / read what a set holds. */
int gup_get_range(struct task_struct *t, const char *name, unsigned long addr,
		  unsigned long len, struct pin_set **out);
struct pin_set *pin_set_find(const char *name);
/* The byte held at every position, or -1 if the bytes differ. */
int pin_set_read(struct pin_set *ps);
/* /proc/PID/mem: a forced access (FOLL_FORCE) to another process's memory. */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     size_t len, unsigned int gup_flags);

/*
 * GUP and COW across the historic switch (gup.c's table): what Linux 5.8
 * changed (CVE-2020-29374).
 */
struct cow_design {
	bool unshare_for_pins;		/* a R/O pin unshares (gup_must_unshare) */
	bool fork_copies_pinned;	/* fork copies a maybe-pinned anon page */
	bool reuse_by_mapcount;		/* a write fault reuses a page mapped once */
	/* a writable long-term pin of a dirty-tracked file mapping is EFAULT (6.5) */
	bool longterm_file_write_refused;
};
const struct cow_design *cow_design(void);
/*
 * A uffd-wp bit that outlived VM_UFFD_WP (a wp-less re-registration keeps
 * the bits) made writable by a write fault, as Linux 6.18 does: register
 * wp mode again and the entry stays writable, so writes go untracked.
 */
#define STALE_UFFD_WP_BUG "Linux 6.18's userfaultfd (every design): a " \
	"uffd-wp bit left by registering again without wp mode is made " \
	"writable by a write fault, and stays so once wp mode is back, so " \
	"writes to it reach no monitor"

/* What the reuse_by_mapcount kernels got wrong (mmsim_note_kernel_bug()). */
#define PRE58_COW_BUG	"Linux 2.6-5.7's COW (design historic=pre5.8): a " \
	"write fault reuses a page mapped once though GUP holds it, so the " \
	"writer's data reaches the GUP holder (CVE-2020-29374)"

/* ---- pincount.c: the pin-accounting designs --------------------------- */

/* How pins taken now are counted: the design, or plain refs (pre-5.8). */
int pincount_acct(void);
/* Count one pin of @page, mapped at @addr in @mm; -ENOMEM. */
int pincount_pin(struct mm_struct *mm, unsigned long addr, struct page *page,
		 int acct);
void pincount_unpin(struct page *page, int acct);
/* References one pin adds to the refcount under @acct. */
int pincount_ref_weight(const struct folio *folio, int acct);
/* NULL, or what is wrong with the design's count of @page (@pins held). */
const char *pincount_check(struct page *page, long pins);
/* No design record of a pin exists: pincount_check(small page, 0) is NULL. */
bool pincount_none_recorded(struct machine *m);
/* Designs may change only while nothing is pinned: -EBUSY. */
int pincount_may_switch(void);
void pincount_table_free(struct page *table);
void pincount_init(struct machine *m);
void pincount_exit(struct machine *m);
/* fork must copy an anon page now rather than share it (maybe pinned). */
static inline bool folio_needs_cow_for_dma(struct vm_area_struct *vma,
					   struct folio *folio)
{
	if (!(vma->vm_mm->flags & (1UL << MMF_HAS_PINNED)))
		return false;
	return folio_maybe_dma_pinned(folio);
}

/* rmap.c's fork of a small anon folio, inline (it needs cow_design()). */
static inline int folio_try_dup_anon_rmap_pte(struct folio *folio,
					      struct page *page,
					      struct vm_area_struct *dst_vma,
					      struct vm_area_struct *src_vma)
{
	bool maybe_pinned;

	if (folio_test_large(folio))
		return folio_try_dup_anon_rmap_ptes(folio, page, 1, dst_vma,
						    src_vma);
	/* a small folio, inline as in the kernel (rmap.c says why) */
	maybe_pinned = folio_needs_cow_for_dma(src_vma, folio) &&
		       cow_design()->fork_copies_pinned;
	page_check_frame(page);		/* before it changes */
	if (PageAnonExclusive(page)) {
		if (unlikely(maybe_pinned))
			return -EBUSY;
		ClearPageAnonExclusive(page);
	}
	page->_mapcount++;
	return 0;
}

/* ---- mm/userfaultfd.c, fs/proc/clear_refs.c ------------------------- */

bool userfaultfd_wp(struct vm_area_struct *vma);
static inline bool userfaultfd_missing(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MISSING;
}
bool userfaultfd_minor(struct vm_area_struct *vma);
bool userfaultfd_pte_wp(struct vm_area_struct *vma, pte_t pte);
bool userfaultfd_wp_async(struct vm_area_struct *vma);
bool userfaultfd_wp_use_markers(struct vm_area_struct *vma);
bool uffd_disable_fault_around(struct vm_area_struct *vma);
bool vma_has_uffd_without_event_remap(struct vm_area_struct *vma);
void mremap_userfaultfd_prep(struct vm_area_struct *new_vma);
bool dup_userfaultfd_keeps(struct mm_struct *oldmm);
void dup_userfaultfd_complete(struct mm_struct *mm, struct mm_struct *oldmm);
/* A fault for the monitor (@reason VM_UFFD_*): VM_FAULT_RETRY. */
vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason);
/* Does @t wait for ever on @mm's monitor, its GUP of @mm at VM_FAULT_RETRY? */
bool userfaultfd_waits_for_ever(struct task_struct *t, struct mm_struct *mm);
/* The scenario's monitor serves the fault handle_userfault() queued: 0 or -ENOMEM. */
int userfaultfd_monitor_serve(struct mm_struct *mm);
/*
 * How many times a kernel-mode access or a GUP retries one address whose
 * fault the monitor served: the kernel retries for as long as the monitor
 * wakes it; a fault the monitor's ioctl cannot fix (UFFDIO_ZEROPAGE over
 * a marker) would have the host retry for ever, the model gives up.
 */
#define UFFD_MONITOR_RETRIES	4
/* Serve again for one address, *@served times so far: -EFAULT past the limit. */
int userfaultfd_monitor_retry(struct mm_struct *mm, int *served);
/*
 * Model-internal GUP flag: the GUP is of the calling task's own memory in
 * its own system call (not another process's, as process_vm_readv of
 * another may be), so the mm's monitor runs and serves a fault that GUP
 * with FOLL_UNLOCKABLE waits for (docs/scenarios.md, Userfaultfd).
 */
#define GUP_OWN_MONITOR		(1U << 30)
/* Protect (or resolve) [start, start + len) of @vma: 0 or -ENOMEM. */
int uffd_wp_range(struct vm_area_struct *vma, unsigned long start,
		  unsigned long len, bool enable_wp);

/* ---- memtype.c, pfnmap_track.c: x86 PAT ------------------------------- */

/* kref: the number of VMAs sharing the tracking (kernel: struct kref). */
struct pfnmap_track_ctx {
	int kref;
	unsigned long pfn;
	unsigned long size;		/* bytes */
};

void memtype_init(struct machine *m);
void memtype_exit(struct machine *m);
const char *cattr_name(enum page_cache_mode pcm);
int cattr_parse(const char *s, enum page_cache_mode *pcm);
enum page_cache_mode pgprot2cachemode(pgprot_t prot);
void pgprot_set_cachemode(pgprot_t *prot, enum page_cache_mode pcm);
/* PFN ranges [start, end); *new_type: the type granted (NULL: strict). */
int memtype_reserve(unsigned long start, unsigned long end,
		    enum page_cache_mode req, enum page_cache_mode *new_type);
int memtype_free(unsigned long start, unsigned long end);
enum page_cache_mode lookup_memtype(unsigned long pfn);
int memtype_for_each(int (*fn)(unsigned long start, unsigned long end,
			       enum page_cache_mode type, void *arg),
		     void *arg);

/* VM_PAT: x86's VM_ARCH_1 in Linux 3.7-6.15 (the vm_pat design). */
#define VM_PAT	VM_ARCH_1
/*
 * The PAT hooks where Linux 3.7-6.15 called them (no-ops in the other
 * designs): fork, after the child VMA is made (-errno fails the fork);
 * unmap or zap of a VMA; mremap, on the source once the entries moved.
 */
int track_pfn_copy(struct vm_area_struct *dst, struct vm_area_struct *src);
void untrack_pfn(struct vm_area_struct *vma);
void untrack_pfn_clear(struct vm_area_struct *vma);
void untrack_pfn_moved(struct vm_area_struct *vma, unsigned long addr,
		       unsigned long len);
/* fork failed after track_pfn_copy(): drop the child's reservation. */
void untrack_pfn_copy(struct vm_area_struct *dst, struct vm_area_struct *src);
/*
 * memtype_erase() of Linux 3.7-6.15: an exact entry is freed, else an
 * entry ending at @end is cut back to @start (mremap shrink); -EINVAL.
 */
int memtype_free_or_shrink(unsigned long start, unsigned long end);

/* remap_pfn_range() without PAT tracking (pfnmap.c). */
int remap_pfn_range_notrack(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn, unsigned long size, pgprot_t prot);
/*
 * Reserve [pfn, pfn + size)'s memtype for the whole of @vma and record it
 * as the pat design does (remap_pfn_range); -EINVAL if @vma is tracked
 * already.  _undo: the remap that followed failed.
 */
int vma_pfnmap_track(struct vm_area_struct *vma, unsigned long pfn,
		     unsigned long size, pgprot_t *prot);
void vma_pfnmap_track_undo(struct vm_area_struct *vma, unsigned long pfn,
			   unsigned long size);
int pfnmap_track(unsigned long pfn, unsigned long size,
		 pgprot_t *prot);
void pfnmap_untrack(unsigned long pfn, unsigned long size);
int pfnmap_setup_cachemode(unsigned long pfn,
			   unsigned long size, pgprot_t *prot);
/* vm_area_dup(): share @orig's tracking with @new (-ENOMEM); and free. */
int vma_pfnmap_track_ctx_dup(struct vm_area_struct *orig,
			     struct vm_area_struct *new);
void vma_pfnmap_track_ctx_release(struct vm_area_struct *vma);
/* The tracking @vma holds, in either design; NULL if none. */
struct pfnmap_track_ctx *vma_pfnmap_ctx(const struct vm_area_struct *vma);
int pat_may_switch(void);
/* Invariant 6; NULL, or what is wrong (in m->pat.why). */
const char *pfnmap_track_check(void);
struct seq_buf;
void pat_report(struct seq_buf *out);
void memtype_list(struct seq_buf *out);

#endif /* MMSIM_LIB_INTERNAL_H */
