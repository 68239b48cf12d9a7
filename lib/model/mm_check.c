// SPDX-License-Identifier: GPL-2.0
/*
 * mm_check.c - recompute the model's invariants from scratch and compare.
 *
 * Nothing here trusts a counter: it walks every VMA tree and every page
 * table of every process, counts what maps each frame, and then checks
 * (numbers as in shared/DESIGN.md):
 *
 *  1. VMAs sorted, non-overlapping, page-aligned, map_count right; no
 *     entry outside a VMA; total_vm and data_vm count them, locked_vm at
 *     least the locked ones.  A PTE marker is not a mapping: it counts
 *     nothing; a uffd-wp marker lies in a VMA that userfaultfd can
 *     register (not VM_DROPPABLE) - it may outlive the registration;
 *     a guard marker lies in a VMA with VM_MAYBE_GUARD (so that
 *     fork copies it) that is not VM_SPECIAL, and an anonymous one with
 *     an anon_vma.  Every range mseal() sealed is still mapped by
 *     VM_SEALED VMAs with the protection, file and offset it had.  Every
 *     cache of the trees that index VMAs (the mm's gap tree, i_mmap, the
 *     anon_vma trees of the chains) is right.
 *  2. mapcount of every RAM frame == entries mapping it; refcount ==
 *     mapcount + GUP references (a pin weighs what its design adds:
 *     1024 for bias on a small folio, else 1) + page-cache reference,
 *     so refcount >= mapcount + pins in every design (drivers' own
 *     pages, PG_kernel, may hold more); free iff refcount == 0; RSS
 *     counters equal the entries.
 *  3. rmap_walk() finds exactly the entries mapping each mapped folio.
 *     Each entry checked is held to what the walk needs to find it (its
 *     VMA chained to the folio's anon_vma, or in the i_mmap of the page's
 *     file, at the page's index) with its VMA linked into those trees;
 *     the full check also checks every tree the walk searches whole,
 *     once - the same verdict at the cost of the entries, not of entries
 *     times the VMAs sharing an anon_vma.  The incremental check walks
 *     the rmap of a changed frame whose identity (mapping, index) moved
 *     under entries that mapped it, or that was exclusive when the last
 *     check saw it and no longer allows a writable entry (4), such as
 *     the entries no command touched may be (check_logged_frame).
 *     Large folios are walked in both.
 *  4. a writable entry to an anon page: the page is exclusive and mapped
 *     once; a pinned anon page is exclusive; an anon page GUP holds for
 *     one mm is never mapped writable by another (CVE-2020-29374, the
 *     vmsplice leak), and the pin design's own count agrees with the pins
 *     held (pincount_check).
 *  5. entries of frames without struct page are special, and only
 *     PFN/mixed maps (or the zero page) hold special entries; PMD/PUD
 *     leaves are special, aligned and inside one PFN/mixed map - or, in
 *     an anonymous VMA, a THP or the huge zero folio (below) - and
 *     vm_normal_page*() returns no page for any special entry.
 *  6. PAT: the memtype tree holds exactly the ranges of the live tracking
 *     contexts (recomputed from every VMA, or the global design's links),
 *     and each context's kref counts the VMAs holding it.
 *  7. drivers' own invariants: every present PTE of a VMA of a driver's
 *     file passes the driver's check_entry hook (driver.h) - fb_defio's:
 *     a writable entry to a framebuffer page implies the page is on its
 *     dirty list, so no write is missed; and no driver misbehaved since
 *     the last check (a fault hook returned something that is not a
 *     vm_fault_t, a special entry maps a free frame).
 *     Likewise for files that write back (page-writeback.c): in a shared
 *     mapping that wants write-notify, a writable or dirty entry maps a
 *     dirty folio, and PG_dirty agrees with the page cache's dirty tag,
 *     so writeback misses no stored byte.
 *  8. with no process, file or pin left, every frame but the zero page is
 *     free and no object is allocated; a leaked kernel page names the
 *     driver that allocated it.
 *
 * and that every page cache holds its folios where their mapping and
 * index say, with nrpages counting them.  The incremental check learns
 * of a special entry to a frame freed since (7) from the special entries
 * page_table_check.c counts per RAM frame, which the full check
 * recounts.
 *
 * The buddy allocator (the "buddy allocator" section): every frame the
 * frame walk visits is in a free block or an allocated one, and each
 * pageblock's count of allocated frames (pb_used) is right (check_block,
 * check_frames); every free block is aligned on its order, not beside a
 * free buddy of its order (a missed merge) and linked into the free list
 * of its order; every list entry is such a block, its back link right;
 * and the lists hold nr_free frames.  The incremental check holds each
 * logged frame that nothing references to the same: it lies in a free
 * block placed and linked so, or in a block allocated whole.
 *
 * Large folios (THP, mTHP; the "large folios" section): an anonymous PMD
 * leaf maps the head of an order-9 anon folio (or is the special,
 * read-only huge zero PMD), aligned, inside one anonymous VMA, with
 * exactly one PTE table deposited under it; no uffd-wp leaf is writable.
 * A large folio is checked whole, whichever of its frames was counted or
 * logged: the rmap finds every PTE and PMD mapping it, and they agree
 * with the entries counted per frame (a PMD counts on every frame it
 * maps); every page's mapcount is its PTEs, the entire mapcount the
 * folio's PMDs, the large mapcount both, _nr_pages_mapped the pages
 * mapped by PTE (plus ENTIRELY_MAPPED while a PMD maps it); _pincount is
 * the pins held on any of its pages and no more than the refcount; the
 * refcount is one per mapping plus GUP's; the MM slots count each MM's
 * mappings, and a folio not marked "maybe shared" is mapped by one MM
 * only; a writable PMD maps a folio this PMD alone maps, exclusively;
 * tails point at their head and hold no reference; a partially-mapped
 * folio is on the deferred split queue.
 *
 * The first failure is described in mm_check_report(); -EUCLEAN.
 *
 * mm_check() is the full check.  A PTE table equal to one it verified,
 * at the same address under a VMA with the same facts (fork's children),
 * is verified by comparison and its share added to the recount once per
 * copy (struct pte_class).  Its cost follows the state in use,
 * never the size of RAM: it walks the page tables that exist, and visits
 * frames only in the pageblocks the allocator has frames allocated in
 * (page_alloc.c), checking on the way that those counts are right, so no
 * allocated frame can hide.  Scratch counts live in a per-frame array
 * (machine->check_seen), backed by host memory from the first full check
 * on and left zero by each.
 * It also finds page_table_check.c's counts (entries per frame, RSS and
 * VMAs per mm) equal to what it recounted, which is what makes the
 * incremental check sound.
 *
 * Both checks decide the usual entry and the usual frame inline: a
 * present entry of an anonymous VMA mapping a small anon page
 * (check_anon_ptes(), a run of a table's entries in one VMA at a time),
 * and a small anon frame whose counts all agree while nothing is pinned
 * (frame_plainly_ok(); frames_plain() for those whose one entry found
 * them so).  Such a decision reads the same facts as the rules it
 * stands for and passes only what they pass; anything else - or any
 * disagreement - goes to those rules, which say why.  A process that
 * writes its memory costs about 110 instructions per page to check in
 * full, vm_normal_page()'s call a fifth of them.
 *
 * mm_check_changes() checks what changed since the last check, from
 * page_table_check.c's log: every entry in a logged range (1, 3, 4, 5,
 * 7), the VMAs around each logged range with their tree nodes, the paths
 * above them and their links into the rmap's trees (1, 3) - each node
 * once per check: the changed VMAs of a command are neighbours whose
 * paths share their upper nodes (node_checked) - every logged
 * frame against the counted entries (2, 3, 4), each mm's counters
 * against the counted ones (1, 2), PAT when it
 * changed (6) and leaks (8).  It costs what the change cost.  Left to
 * the next full check, which callers run every so many commands and at
 * the end: a tree node rebalanced away from every changed VMA, the size
 * counters recounted from every VMA (total_vm, data_vm, locked_vm), the
 * page caches' own structure and the free lists' whole length.
 */
#include <stdarg.h>

#include "internal.h"

/* What GUP holds on one frame, from the pin sets. */
struct gup_held {
	unsigned long pfn;	/* key; 0: empty slot */
	uint32_t pins;		/* FOLL_PIN */
	uint32_t counted;	/* pins the design counts (not pre-5.8 plain) */
	long refs;		/* references they add to the refcount */
	struct mm_struct *mm;	/* for whom; (void *)1: several mms */
};

static const struct gup_held no_gup;

/*
 * mm_check()'s recount of the entries mapping @page, in the low bits of
 * its scratch word.  SEEN_PLAIN: the entry counted first found the frame
 * plain (check_anon_ptes(): as frame_plainly_ok() for one entry), so if
 * no other entry maps it the frame pass need not read it again.
 */
#define SEEN_PLAIN	(1U << 31)

static inline uint32_t *seen_of(struct machine *m, struct page *page)
{
	return &m->check_seen[page - m->memmap];
}

static inline uint32_t seen_count(uint32_t seen)
{
	return seen & ~SEEN_PLAIN;
}

#define NODE_SET_SIZE	256
#define LARGE_DONE_SLOTS 256	/* a power of two; filled to 3/4 at most */

struct check_state {
	struct machine *m;
	bool full;		/* recounting everything (mm_check) */
	bool failed;
	bool no_pins;		/* no pin set holds a page, no pin record exists */
	bool pin_sets;		/* there are pin sets (GUP holds something) */
	long rss[NR_MM_COUNTERS];	/* full: recounted for the mm walked */
	int anon_leaves;	/* full: anon PMD leaves of the PMD table walked */
	/* incremental: the large folios checked already (an open-addressed set) */
	struct folio *large_done[LARGE_DONE_SLOTS];
	unsigned int nr_large_done;
	/* full: special entries per RAM frame, recounted (special_count_*) */
	struct check_log special;
	/* full: the last VMA found chained to an anon_vma */
	const struct vm_area_struct *chain_vma;
	const struct anon_vma *chain_av;
	/* full: PTE tables checked entry by entry (pte_class) */
	struct pte_class *classes;
	size_t nr_classes, cap_classes;
	uint32_t *slots;	/* class index + 1 by (base, hash); 0: empty */
	uint32_t *at_base;	/* the same by base: the last one met there */
	size_t nr_slots;	/* of each; a power of two, >= 2 * nr_classes */
	struct pte_class *cur;	/* the table being checked, if it may be one */
	/* incremental: tree nodes and VMAs checked already (node_checked);
	 * a slot holds a node only with its bit set in nodes_used */
	const void **nodes;
	uint64_t nodes_used[NODE_SET_SIZE / 64];
	unsigned int nr_nodes;
};

/*
 * A PTE table a full check verified entry by entry, remembered so that a
 * table with the same 512 entries at the same address under a VMA with
 * the same facts - fork's children until they write - is verified by
 * comparison.  Every rule check_pte() holds an entry to reads only the
 * entry, its frame and those facts of its VMA (the mm only to name it),
 * so equal inputs have the same verdict; the copy's share of the
 * recount (its entries on their frames, its RSS) is the table's again,
 * added to the frames once per copy (count_pte_copies), and its VMA must
 * reach the anon_vma of the table's pages (3).  Never remembered: a
 * table under more than one VMA or under a driver's (check_entry may
 * read anything of the VMA), one with a writable anon entry (that rule
 * asks whose GUP holds the page, and a second table mapping it is a
 * break the recount then shows), or whose small anon pages have more
 * than one anon_vma.
 */
struct pte_class {
	const uint64_t *entries;	/* the table (unchanged during the check) */
	const uint64_t *like;		/* the last table found a copy of it */
	const struct vm_area_struct *vma;	/* the one VMA over it */
	unsigned long base;		/* the address it maps from */
	uint64_t hash;
	const struct anon_vma *anon;	/* of its small anon pages, if any */
	long rss[NR_MM_COUNTERS];	/* what its entries add to RSS */
	unsigned long copies;		/* tables found equal to it */
	bool ok;			/* while checked: may be remembered */
};

static bool fail(struct check_state *cs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool fail(struct check_state *cs, const char *fmt, ...)
{
	va_list ap;

	if (cs->failed)
		return false;
	va_start(ap, fmt);
	vsnprintf(cs->m->check_report, sizeof(cs->m->check_report), fmt, ap);
	va_end(ap);
	cs->failed = true;
	return false;
}

const char *mm_check_report(struct machine *m)
{
	return m->check_report;
}

/* The pid of the task owning @mm, for messages (-1 if none). */
static int mm_pid(struct machine *m, struct mm_struct *mm)
{
	struct task_struct *t;

	list_for_each_entry(t, &m->tasks, tasks)
		if (t->mm == mm)
			return t->pid;
	return -1;
}

/* ---- what GUP holds: a table by PFN, rebuilt when pin sets change ----- */

static struct gup_held *held_slot(const struct check_log *ck, unsigned long pfn)
{
	size_t i = (pfn * 0x9e3779b97f4a7c15UL) >> 20;

	for (;; i++) {
		struct gup_held *h = &ck->held[i & ck->held_mask];

		if (h->pfn == pfn || !h->pfn)
			return h;
	}
}

static const struct gup_held *held_of(const struct check_state *cs,
				      unsigned long pfn)
{
	const struct gup_held *h;

	if (!cs->m->ck.nr_held)
		return &no_gup;		/* no pin set holds anything */
	h = held_slot(&cs->m->ck, pfn);
	return h->pfn ? h : &no_gup;
}

static void count_one_ref(struct check_log *ck, struct pin_set *ps,
			  struct page *page)
{
	bool pin = ps->flags & FOLL_PIN;
	struct gup_held *h = held_slot(ck, page_to_pfn(page));

	h->pfn = page_to_pfn(page);
	h->pins += pin;
	h->counted += pin && ps->acct != PINS_PLAIN;
	h->refs += pin ? pincount_ref_weight(page_folio(page), ps->acct) : 1;
	if (!h->mm)
		h->mm = ps->mm;
	else if (h->mm != ps->mm)
		h->mm = (struct mm_struct *)1;
}

/* Recount what GUP holds, per frame, from every pin set. */
static int count_pins(struct machine *m)
{
	struct check_log *ck = &m->ck;
	struct pin_set *ps;
	size_t n = 0, size = 16;

	list_for_each_entry(ps, &m->pin_sets, list)
		n += ps->nr;
	while (size < 2 * n)
		size <<= 1;
	ck->held_valid = false;
	if (ck->held && ck->held_mask + 1 == size) {
		/* the same size as last time: cleared, not reallocated */
		memset(ck->held, 0, size * sizeof(*ck->held));
	} else {
		free(ck->held);
		ck->held = calloc(size, sizeof(*ck->held));
		if (!ck->held)
			return -ENOMEM;
	}
	ck->held_mask = size - 1;
	ck->nr_held = n;
	list_for_each_entry(ps, &m->pin_sets, list)
		for (unsigned long i = 0; i < ps->nr; i++)
			if (!is_zero_pfn(page_to_pfn(ps->pages[i])))
				count_one_ref(ck, ps, ps->pages[i]);
	ck->held_valid = true;
	return 0;
}

/* ---- 3, full: the trees the reverse map searches, and each entry ------ */

/*
 * @rb is linked into the tree @root: each node up to the root is a child
 * of its parent, and the root is the tree's.  *@first: @rb is the
 * tree's first node (no left child, a left child all the way up).
 */
static bool rb_linked_in(const struct rb_node *rb, const struct rb_root *root,
			 bool *first)
{
	const struct rb_node *p;

	*first = !rb->rb_left;
	for (p = rb_parent(rb); p; rb = p, p = rb_parent(p)) {
		if (p->rb_left == rb)
			continue;
		if (p->rb_right != rb)
			return false;
		*first = false;
	}
	return root->rb_node == rb;
}

/*
 * The anon_vma tree @av, whole, once (from its first node): in start
 * order, every node's subtree_last right, every node an anon_vma_chain
 * of @av and a child of its parent - what anon_vma_interval_tree_foreach()
 * relies on to find every chain whose VMA covers an index.
 */
static bool check_anon_vma_tree(struct check_state *cs, const struct anon_vma *av)
{
	const struct rb_node *rb, *prev = NULL;

	for (rb = rb_first(&av->rb_root); rb; prev = rb, rb = rb_next(rb)) {
		const struct anon_vma_chain *avc = rb_entry(rb, struct anon_vma_chain, rb);
		const struct rb_node *p = rb_parent(rb);

		if (avc->anon_vma != av || !anon_vma_interval_tree_node_ok(avc) ||
		    (p ? p->rb_left != rb && p->rb_right != rb : av->rb_root.rb_node != rb) ||
		    (prev && vma_start_pgoff(rb_entry(prev, struct anon_vma_chain, rb)->vma) >
			     vma_start_pgoff(avc->vma)))
			return fail(cs, "anon_vma %p: its interval tree is broken at the chain of vma %lx-%lx",
				    (const void *)av, avc->vma->vm_start, avc->vma->vm_end);
	}
	return true;
}

/* The same for the i_mmap tree of @mapping. */
static bool check_i_mmap_tree(struct check_state *cs,
			      const struct address_space *mapping)
{
	const struct rb_node *rb, *prev = NULL;

	for (rb = rb_first(&mapping->i_mmap); rb; prev = rb, rb = rb_next(rb)) {
		const struct vm_area_struct *v = rb_entry(rb, struct vm_area_struct, shared.rb);
		const struct rb_node *p = rb_parent(rb);

		if (!v->vm_file || v->vm_file->f_mapping != mapping ||
		    !vma_interval_tree_node_ok(v) ||
		    (p ? p->rb_left != rb && p->rb_right != rb : mapping->i_mmap.rb_node != rb) ||
		    (prev && vma_start_pgoff(rb_entry(prev, struct vm_area_struct, shared.rb)) >
			     vma_start_pgoff(v)))
			return fail(cs, "i_mmap tree broken at vma %lx-%lx", v->vm_start, v->vm_end);
	}
	return true;
}

/*
 * @vma is in every tree the reverse map searches for it (the anon_vma
 * tree of each of its chains, its file's i_mmap), and each tree whose
 * first node it holds is checked whole (the full check).
 */
static bool check_vma_rmap_trees(struct check_state *cs, struct mm_struct *mm,
				 struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;
	bool first;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma) {
		if (!rb_linked_in(&avc->rb, &avc->anon_vma->rb_root, &first))
			return fail(cs, "pid %d: vma %lx-%lx: its anon_vma_chain is not in its anon_vma's tree",
				    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
		if (first && !check_anon_vma_tree(cs, avc->anon_vma))
			return false;
	}
	if (!vma->vm_file)
		return true;
	if (!rb_linked_in(&vma->shared.rb, &vma->vm_file->f_mapping->i_mmap, &first))
		return fail(cs, "pid %d: vma %lx-%lx is not in its file's i_mmap tree",
			    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	return first ? check_i_mmap_tree(cs, vma->vm_file->f_mapping) : true;
}

/* @vma has a chain to @av (the last answer is remembered). */
static bool vma_chained_to(struct check_state *cs, const struct vm_area_struct *vma,
			   const struct anon_vma *av)
{
	const struct anon_vma_chain *avc;

	if (cs->chain_vma == vma && cs->chain_av == av)
		return true;
	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		if (avc->anon_vma == av) {
			cs->chain_vma = vma;
			cs->chain_av = av;
			return true;
		}
	return false;
}

/*
 * Full: 3 for an entry of @mm at @addr in @vma mapping the small @page.
 * rmap_walk() finds the entry exactly when @vma is in the tree it
 * searches - the anon_vma of the folio, through one of @vma's chains,
 * or the i_mmap of the page's file - and the page's index is the one
 * @addr has in @vma.  Checked here per entry, with the trees checked
 * whole once (check_vma_rmap_trees), this is what walking the rmap of
 * every frame found, at the cost of the entries alone.  (Large folios
 * are walked per folio: check_large_folio.)
 */
static bool check_entry_rmap(struct check_state *cs, struct mm_struct *mm,
			     struct vm_area_struct *vma, unsigned long addr,
			     struct page *page, struct folio *folio)
{
	if (folio_test_large(folio))
		return true;
	/* vm_insert_page()d driver memory: mapped, but nothing to walk */
	if (!page->mapping)
		return PageKernel(page) ? true :
		       fail(cs, "mapped page with no rmap: %s", page_describe(page));
	if (folio_test_anon(folio) ? !vma_chained_to(cs, vma, folio_anon_vma(folio)) :
	    !vma->vm_file || vma->vm_file->f_mapping != page->mapping)
		return fail(cs, "pid %d: entry at %lx: the rmap does not search its vma for pfn %lx (%s)",
			    mm_pid(cs->m, mm), addr, page_to_pfn(page), page_describe(page));
	if (linear_page_index(vma, addr) != page->index)
		return fail(cs, "pid %d: entry at %lx: the rmap looks for pfn %lx at index %lx, the entry is at %lx (%s)",
			    mm_pid(cs->m, mm), addr, page_to_pfn(page), page->index,
			    linear_page_index(vma, addr), page_describe(page));
	return true;
}

/* ---- 1: VMAs and the trees that index them ----------------------------- */

/*
 * Incremental: has @node been checked in this check already?  Records it
 * if not.  The changed VMAs of a command are neighbours, and the paths
 * from their tree nodes to the roots share their upper parts: a path is
 * walked up to the first node checked already, whose ancestors were
 * checked with it.  (A full set records nothing more: walks go on.)
 */
static bool node_checked(struct check_state *cs, const void *node)
{
	size_t i = ((uintptr_t)node >> 4) * 0x9e3779b97f4a7c15UL >> 56;

	for (;; i++) {
		size_t k = i % NODE_SET_SIZE;
		uint64_t bit = 1ULL << (k % 64);

		if (!(cs->nodes_used[k / 64] & bit)) {
			if (2 * cs->nr_nodes < NODE_SET_SIZE) {
				cs->nodes[k] = node;
				cs->nodes_used[k / 64] |= bit;
				cs->nr_nodes++;
			}
			return false;
		}
		if (cs->nodes[k] == node)
			return true;
	}
}

/* node_checked() as the maple tree's path validation asks it. */
static bool maple_node_checked(void *priv, const void *node)
{
	return node_checked(priv, node);
}

static bool avc_node_ok(const struct rb_node *rb)
{
	return anon_vma_interval_tree_node_ok(rb_entry(rb, struct anon_vma_chain, rb));
}

static bool i_mmap_node_ok(const struct rb_node *rb)
{
	return vma_interval_tree_node_ok(rb_entry(rb, struct vm_area_struct, shared.rb));
}

enum path_verdict { PATH_OK, PATH_BAD_NODE, PATH_UNLINKED };

/*
 * Incremental: @rb and each node above it right (@node_ok: its augmented
 * value) and a child of its parent, the topmost @root's - what
 * rb_linked_in() and the tree's *_path_ok() ask, in one walk up, which
 * stops at the first node checked already in this check: that walk went
 * on from there to the root (or failed).  Every incremental walk over an
 * rb tree goes through here, so a node recorded is a node linked.
 */
static enum path_verdict rb_path_ok(struct check_state *cs, const struct rb_node *rb,
				    const struct rb_root *root,
				    bool (*node_ok)(const struct rb_node *))
{
	const struct rb_node *p;

	for (; !node_checked(cs, rb); rb = p) {
		if (!node_ok(rb))
			return PATH_BAD_NODE;
		p = rb_parent(rb);
		if (!p)
			return root->rb_node == rb ? PATH_OK : PATH_UNLINKED;
		if (p->rb_left != rb && p->rb_right != rb)
			return PATH_UNLINKED;
	}
	return PATH_OK;
}

/*
 * Incremental: @vma's nodes in the trees the reverse map searches, and
 * the paths above them (after a change at @vma).
 */
static bool check_vma_rmap_paths(struct check_state *cs, struct mm_struct *mm,
				 struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;
	enum path_verdict v;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma) {
		v = rb_path_ok(cs, &avc->rb, &avc->anon_vma->rb_root, avc_node_ok);
		if (v == PATH_BAD_NODE)
			return fail(cs, "pid %d: vma %lx-%lx: wrong anon_vma_chain in its anon_vma tree",
				    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
		if (v == PATH_UNLINKED)
			return fail(cs, "pid %d: vma %lx-%lx: its anon_vma_chain is not in its anon_vma's tree",
				    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	}
	if (!vma->vm_file)
		return true;
	v = rb_path_ok(cs, &vma->shared.rb, &vma->vm_file->f_mapping->i_mmap,
		       i_mmap_node_ok);
	if (v == PATH_BAD_NODE)
		return fail(cs, "pid %d: vma %lx-%lx: wrong i_mmap interval tree node",
			    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	if (v == PATH_UNLINKED)
		return fail(cs, "pid %d: vma %lx-%lx is not in its file's i_mmap tree",
			    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	return true;
}

/*
 * One VMA's own invariants and its nodes in the trees that index it
 * (with @path, the maple tree's path above it; its rmap trees' nodes and
 * paths are then check_vma_rmap_paths()'s).
 */
static bool check_one_vma(struct check_state *cs, struct mm_struct *mm,
			  struct vm_area_struct *vma,
			  struct vm_area_struct *prev, bool path)
{
	struct anon_vma_chain *avc;

	if (vma->vm_mm != mm)
		return fail(cs, "pid %d: vma %lx-%lx has the wrong mm", mm_pid(cs->m, mm),
			    vma->vm_start, vma->vm_end);
	if (!PAGE_ALIGNED(vma->vm_start) || !PAGE_ALIGNED(vma->vm_end) ||
	    vma->vm_start >= vma->vm_end)
		return fail(cs, "pid %d: bad vma bounds %lx-%lx", mm_pid(cs->m, mm),
			    vma->vm_start, vma->vm_end);
	if (prev && prev->vm_end > vma->vm_start)
		return fail(cs, "pid %d: vmas %lx-%lx and %lx-%lx overlap or are unsorted",
			    mm_pid(cs->m, mm), prev->vm_start, prev->vm_end,
			    vma->vm_start, vma->vm_end);
	if (vma->anon_vma && list_empty(&vma->anon_vma_chain))
		return fail(cs, "pid %d: vma %lx-%lx has an anon_vma but no chain",
			    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	if (path && !vma_gap_path_ok(vma, maple_node_checked, cs))
		return fail(cs, "pid %d: vma %lx-%lx: wrong entry or gap in the vma tree",
			    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	if (vma->vm_file && !path && !vma_interval_tree_node_ok(vma))
		return fail(cs, "pid %d: vma %lx-%lx: wrong i_mmap interval tree node",
			    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		if (avc->vma != vma || RB_EMPTY_NODE(&avc->rb) ||
		    (!path && !anon_vma_interval_tree_node_ok(avc)))
			return fail(cs, "pid %d: vma %lx-%lx: wrong anon_vma_chain in its anon_vma tree",
				    mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
	return true;
}

static bool check_vmas(struct check_state *cs, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;
	struct vm_area_struct *vma, *prev = NULL;
	const struct vm_area_struct *bad;
	const char *why;
	int n = 0;

	for_each_vma(mm, vma) {
		n++;
		if (!check_one_vma(cs, mm, vma, prev, false) ||
		    !check_vma_rmap_trees(cs, mm, vma))
			return false;
		prev = vma;
	}
	if (!vma_tree_ok(mm, &bad))
		return bad ? fail(cs, "pid %d: vma %lx-%lx: wrong entry or gap in the vma tree",
				  t->pid, bad->vm_start, bad->vm_end) :
			     fail(cs, "pid %d: the vma tree is broken", t->pid);
	if (n != mm->map_count)
		return fail(cs, "pid %d: map_count %d but %d vmas", t->pid, mm->map_count, n);
	if (n != mm->check_map_count)
		return fail(cs, "pid %d: %d vmas, but %d were linked through vma_link_tree()",
			    t->pid, n, mm->check_map_count);
	why = mseal_check(mm);
	if (why)
		return fail(cs, "pid %d: %s", t->pid, why);
	return true;
}

/* ---- 1, 2, 4, 5, 7: entries ------------------------------------------- */

/* A non-present entry: a PTE marker, where markers may be. */
static bool check_nonpresent_pte(struct check_state *cs, struct mm_struct *mm,
				 struct vm_area_struct *vma, unsigned long addr,
				 pte_t pte)
{
	/*
	 * A uffd-wp marker was placed where userfaultfd could register, and
	 * may outlive the registration: unregistering resolves only what a
	 * VM_UFFD_WP VMA protects, and registering again without wp mode
	 * drops VM_UFFD_WP first (Linux 6.18 on the host,
	 * uffd-unregister-after-wp-less-register-leaves-the-marker.mms).
	 */
	if (pte_marker_uffd_wp(pte) && !is_guard_pte_marker(pte)) {
		if (vma->vm_flags & VM_DROPPABLE)
			return fail(cs, "pid %d: uffd-wp marker at %lx in a VM_DROPPABLE vma, which userfaultfd cannot register",
				    mm_pid(cs->m, mm), addr);
		return true;
	}
	if (is_poisoned_pte_marker(pte) && !is_guard_pte_marker(pte))
		return true;	/* UFFDIO_POISON: anywhere userfaultfd fills */
	if (!is_guard_pte_marker(pte))
		return fail(cs, "pid %d: non-present entry %llx at %lx is not a guard, uffd-wp or poisoned marker (no swap in the model)",
			    mm_pid(cs->m, mm), (unsigned long long)pte_val(pte), addr);
	if (cs->m->design.value[DESIGN_GUARD] == GUARD_MAYBE_GUARD &&
	    !(vma->vm_flags & VM_MAYBE_GUARD))
		return fail(cs, "pid %d: guard marker at %lx in a vma without VM_MAYBE_GUARD",
			    mm_pid(cs->m, mm), addr);
	if (cs->m->design.value[DESIGN_GUARD] == GUARD_ANON_VMA && !vma->anon_vma)
		return fail(cs, "pid %d: guard marker at %lx in a vma without anon_vma (guard=anon-vma)",
			    mm_pid(cs->m, mm), addr);
	if (vma->vm_flags & (VM_SPECIAL | VM_HUGETLB))
		return fail(cs, "pid %d: guard marker at %lx in a special vma", mm_pid(cs->m, mm), addr);
	if (vma_is_anonymous(vma) && !vma->anon_vma)
		return fail(cs, "pid %d: guard marker at %lx in an anonymous vma without anon_vma",
			    mm_pid(cs->m, mm), addr);
	return true;
}

/* 7: the driver of @vma's file checks its own invariant on the entry. */
static bool check_driver_entry(struct check_state *cs, struct mm_struct *mm,
			       struct vm_area_struct *vma, unsigned long addr,
			       pte_t pte)
{
	const struct mmsim_driver *drv;
	struct seq_buf why;
	bool ok;

	if (!vma->vm_file)
		return true;
	drv = mmsim_file_driver(vma->vm_file);
	if (!drv || !drv->check_entry || !pte_present(pte))
		return true;
	seq_buf_init(&why);
	ok = !drv->check_entry(vma, addr, pte, &why);
	if (!ok)
		fail(cs, "pid %d: driver %s at %lx: %s", mm_pid(cs->m, mm), drv->name, addr,
		     why.buf && !why.err ? why.buf : "its check failed");
	seq_buf_free(&why);
	return ok;
}

/* A writable entry of @mm to anon @page: exclusive, once, nobody else's GUP. */
static bool check_anon_writable(struct check_state *cs, struct mm_struct *mm,
				unsigned long addr, struct page *page)
{
	const struct gup_held *h;

	if (!PageAnonExclusive(page) || page_mapcount(page) != 1)
		return fail(cs, "pid %d: writable entry at %lx to a shared anon page (%s)",
			    mm_pid(cs->m, mm), addr, page_describe(page));
	if (list_empty(&cs->m->pin_sets))
		return true;
	h = held_of(cs, page_to_pfn(page));
	if (h->mm && h->mm != mm)
		return fail(cs, "pid %d: writable entry at %lx to an anon page GUP holds for another mm (CVE-2020-29374) (%s)",
			    mm_pid(cs->m, mm), addr, page_describe(page));
	return true;
}

/* An entry of @mm to a page-cache @folio: no store is lost to writeback (7). */
static bool check_writeback_entry(struct check_state *cs, struct mm_struct *mm,
				  struct vm_area_struct *vma, unsigned long addr,
				  pte_t pte, struct folio *folio)
{
	if (writeback_entry_ok(vma, pte, folio))
		return true;
	return fail(cs, "pid %d: writable or dirty entry at %lx to a clean page-cache folio of a file that writes back (%s)",
		    mm_pid(cs->m, mm), addr, page_describe(&folio->page));
}

/*
 * What an entry tells of whether the table being checked may be
 * remembered; once it may not, the rest of it need not tell (cs->cur
 * is dropped, as pte_table_checked() would drop it).
 */
static void pte_class_note(struct check_state *cs, pte_t pte, struct folio *folio)
{
	struct pte_class *c = cs->cur;
	const struct anon_vma *av;

	if (!folio_test_anon(folio))
		return;
	if (pte_write(pte))
		c->ok = false;
	if (!folio_test_large(folio)) {		/* else walked per folio */
		av = folio_anon_vma(folio);
		if (!c->anon)
			c->anon = av;
		else if (c->anon != av)
			c->ok = false;
	}
	if (!c->ok)
		cs->cur = NULL;
}

/* The usual writable anon entry: exclusive, mapped once, no pin set. */
static inline bool anon_writable_plainly_ok(const struct check_state *cs,
					    struct page *page)
{
	return PageAnonExclusive(page) && page_mapcount(page) == 1 &&
	       list_empty(&cs->m->pin_sets);
}

/*
 * Full: a special entry to RAM frame @pfn, recounted; its table is not
 * remembered (pte_class), so every copy of it is counted entry by entry.
 */
static void special_recount(struct check_state *cs, unsigned long pfn)
{
	special_count_add(&cs->special, pfn, 1);
	if (cs->cur) {
		cs->cur->ok = false;
		cs->cur = NULL;
	}
}

/*
 * One entry of @mm at @addr, in @vma (NULL: none there).  The full check
 * counts what it maps; the incremental one queues the frame, whose
 * counts are checked against page_table_check's.
 *
 * A uffd-wp entry is never writable while its VMA tracks writes
 * (page_table_check_pte_flags()).  Once a re-registration drops
 * VM_UFFD_WP the bit may linger, and Linux 6.18 makes such an entry
 * writable on the next write fault (userfaultfd_pte_wp() asks the VMA):
 * seen on the host, uffd-register-without-wp-leaves-a-stale-bit.mms.
 */
static bool check_pte(struct check_state *cs, struct mm_struct *mm,
		      struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);
	struct folio *folio;
	struct page *page;
	bool anon;

	if (!vma)
		return fail(cs, "pid %d: entry at %lx outside any vma", mm_pid(cs->m, mm), addr);
	if (!pte_present(pte))
		return check_nonpresent_pte(cs, mm, vma, addr, pte);
	if (pte_uffd_wp(pte) && pte_write(pte) && userfaultfd_wp(vma))
		return fail(cs, "pid %d: entry at %lx is uffd-wp and writable", mm_pid(cs->m, mm), addr);
	if (!check_driver_entry(cs, mm, vma, addr, pte))
		return false;
	if (pte_special(pte)) {
		if (pfn_valid(pfn) && (!pfn_to_page(pfn)->_refcount ||
				       PageTable(pfn_to_page(pfn))))
			return fail(cs, "pid %d: special entry at %lx maps %s pfn %lx (%s mapped memory it does not own)",
				    mm_pid(cs->m, mm), addr,
				    PageTable(pfn_to_page(pfn)) ? "page-table" : "free",
				    pfn, vma_driver_name(vma));
		if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) && !is_zero_pfn(pfn))
			return fail(cs, "pid %d: special entry at %lx in a normal vma", mm_pid(cs->m, mm), addr);
		if (cs->full && pfn_valid(pfn) && !is_zero_pfn(pfn))
			special_recount(cs, pfn);
		if (vm_normal_page(vma, addr, pte))
			return fail(cs, "pid %d: vm_normal_page returns a page for the special entry at %lx",
				    mm_pid(cs->m, mm), addr);
		return true;
	}
	if (!pfn_valid(pfn))
		return fail(cs, "pid %d: entry at %lx maps pfn %lx without struct page but is not special",
			    mm_pid(cs->m, mm), addr, pfn);
	page = vm_normal_page(vma, addr, pte);
	if (page != pfn_to_page(pfn))
		return fail(cs, "pid %d: vm_normal_page disagrees with the entry at %lx", mm_pid(cs->m, mm), addr);
	folio = page_folio(page);
	anon = folio_test_anon(folio);
	if (!folio_ref_count(folio))
		return fail(cs, "pid %d: entry at %lx maps free pfn %lx", mm_pid(cs->m, mm), addr, pfn);
	if (cs->full) {
		(*seen_of(cs->m, page))++;
		cs->rss[anon ? MM_ANONPAGES : mm_counter_file(folio)]++;
		if (cs->cur)
			pte_class_note(cs, pte, folio);
	} else {
		__page_check_frame(cs->m, page);
	}
	if (!check_entry_rmap(cs, mm, vma, addr, page, folio))
		return false;
	if (pte_write(pte) && anon && !anon_writable_plainly_ok(cs, page))
		return check_anon_writable(cs, mm, addr, page);
	if (!anon)
		return check_writeback_entry(cs, mm, vma, addr, pte, folio);
	return true;
}

/*
 * The usual entries, decided inline: a run of the PTE table @e (entries
 * @i to @last, from @base) inside @vma, a VMA of no file (so no driver
 * hook and no writeback), each present, neither special nor uffd-wp,
 * mapping a small anon page that vm_normal_page() agrees on, live,
 * reached by the rmap from @vma at the entry's index, and - if writable -
 * exclusive, mapped once, with no pin set anywhere.  Then every rule of
 * check_pte() holds, and the entry is counted as check_pte() counts it.
 * What the VMA decides is read once for the run: the index steps with the
 * entry, and a page naming the anon_vma last found chained to @vma is
 * known by its mapping word (vma_chained_to() finds any other).  One
 * copy of the loop for each check (@full), neither inlined into the walk,
 * so each keeps its own registers across vm_normal_page().
 * Return: the index of the first entry not decided (check_pte() decides
 * it, and says why; nothing of it was counted), or @last + 1.
 */
static inline __attribute__((always_inline)) unsigned long
__check_anon_ptes(struct check_state *cs, struct vm_area_struct *vma,
		  const uint64_t *e, unsigned long base, unsigned long i,
		  unsigned long last, const bool full)
{
	const unsigned long odd = _PAGE_SPECIAL | _PAGE_UFFD_WP;
	const unsigned long other = 1UL << PG_table | 1UL << PG_kernel |
				    1UL << PG_buddy;
	struct machine *m = cs->m;
	struct page *const memmap = m->memmap;
	uint32_t *const seen = m->check_seen;
	const unsigned long ram_start = m->ram_start, ram_pages = m->ram_pages;
	const bool no_pins = cs->no_pins, pin_sets = cs->pin_sets;
	/* the index of entry 0 of the table, were @vma to reach it */
	const pgoff_t index0 = linear_page_index(vma, base + (i << PAGE_SHIFT)) - i;
	const void *chained = NULL;	/* the mapping word of an anon_vma @vma reaches */
	struct pte_class *cur = cs->cur;	/* only pte_class_note() drops it */
	long anon = 0;

	for (; i <= last; i++) {
		pte_t pte = __pte(e[i]);
		unsigned long idx = pte_pfn(pte) - ram_start;	/* pfn_valid(): < ram_pages */
		unsigned long addr = base + (i << PAGE_SHIFT);
		struct page *page;
		unsigned long flags;

		if (pte_none(pte))
			continue;
		if (!pte_present(pte) || (pte_val(pte) & odd) || idx >= ram_pages)
			break;
		page = &memmap[idx];
		flags = page->flags;
		/* small (no head, no tail): page_mapcount() is _mapcount + 1 */
		if ((flags & (1UL << PG_head)) || PageTail(page) ||
		    !page->_refcount || page->index != index0 + i)
			break;
		if (!chained || page->mapping != chained) {
			if (!folio_test_anon(page_folio(page)) ||
			    !vma_chained_to(cs, vma, folio_anon_vma(page_folio(page))))
				break;
			chained = page->mapping;
		}
		if ((pte_write(pte) && (!(flags & (1UL << PG_anon_exclusive)) ||
					page->_mapcount || pin_sets)) ||
		    vm_normal_page(vma, addr, pte) != page)
			break;
		if (!full) {
			__page_check_frame(m, page);
			continue;
		}
		/* the first entry of a frame mapped once: note it is plain */
		if (!seen[idx] && no_pins && page->_refcount == 1 &&
		    page->_mapcount == 0 && !(flags & other))
			seen[idx] = SEEN_PLAIN | 1;
		else
			seen[idx]++;
		anon++;
		if (unlikely(cur)) {
			pte_class_note(cs, pte, page_folio(page));
			cur = cs->cur;
		}
	}
	cs->rss[MM_ANONPAGES] += anon;
	return i;
}

static __attribute__((noinline)) unsigned long
check_anon_ptes_full(struct check_state *cs, struct vm_area_struct *vma,
		     const uint64_t *e, unsigned long base, unsigned long i,
		     unsigned long last)
{
	return __check_anon_ptes(cs, vma, e, base, i, last, true);
}

static __attribute__((noinline)) unsigned long
check_anon_ptes_changed(struct check_state *cs, struct vm_area_struct *vma,
			const uint64_t *e, unsigned long base, unsigned long i,
			unsigned long last)
{
	return __check_anon_ptes(cs, vma, e, base, i, last, false);
}

static unsigned long check_anon_ptes(struct check_state *cs,
				     struct vm_area_struct *vma, const uint64_t *e,
				     unsigned long base, unsigned long i,
				     unsigned long last)
{
	return cs->full ? check_anon_ptes_full(cs, vma, e, base, i, last) :
			  check_anon_ptes_changed(cs, vma, e, base, i, last);
}

/* ---- large folios: PMD leaves ------------------------------------------ */

/*
 * An anonymous PMD leaf: a THP or the huge zero folio.  Full: it counts
 * on every frame it maps (as page_table_check counts it); incremental:
 * its folio is queued, to be checked whole.
 */
static bool check_anon_huge_leaf(struct check_state *cs, struct mm_struct *mm,
				 struct vm_area_struct *vma, unsigned long a,
				 pmd_t pmd)
{
	unsigned long pfn = pmd_pfn(pmd);
	struct folio *folio;

	cs->anon_leaves++;
	if (is_huge_zero_pmd(pmd))
		return pmd_special(pmd) && !pmd_write(pmd) ? true :
		       fail(cs, "pid %d: huge zero PMD at %lx is writable or not special",
			    mm_pid(cs->m, mm), a);
	if (pmd_special(pmd) || !pfn_valid(pfn) || (pfn & (HPAGE_PMD_NR - 1)))
		return fail(cs, "pid %d: anon PMD at %lx maps no aligned THP (pfn %lx)",
			    mm_pid(cs->m, mm), a, pfn);
	folio = page_folio(pfn_to_page(pfn));
	if (&folio->page != pfn_to_page(pfn) || folio_order(folio) != HPAGE_PMD_ORDER ||
	    !folio_test_anon(folio) || !folio_ref_count(folio))
		return fail(cs, "pid %d: anon PMD at %lx maps no live anon THP head (%s)",
			    mm_pid(cs->m, mm), a, page_describe(&folio->page));
	if (vm_normal_page_pmd(vma, a, pmd) != &folio->page)
		return fail(cs, "pid %d: vm_normal_page_pmd disagrees with the PMD at %lx",
			    mm_pid(cs->m, mm), a);
	if (pmd_write(pmd) && (!PageAnonExclusive(&folio->page) ||
			       folio_large_mapcount(folio) != 1))
		return fail(cs, "pid %d: writable PMD at %lx to a THP mapped elsewhere too (%s)",
			    mm_pid(cs->m, mm), a, page_describe(&folio->page));
	if (cs->full) {
		for (unsigned long i = 0; i < HPAGE_PMD_NR; i++)
			(*seen_of(cs->m, folio_page(folio, i)))++;
		cs->rss[MM_ANONPAGES] += HPAGE_PMD_NR;
	} else {
		__page_check_frame(cs->m, &folio->page);
	}
	return true;
}

/*
 * Full: one deposited PTE table per anonymous leaf of the PMD table
 * @table_pfn, each empty, counted as owned by it (as page_table_check
 * counts a deposit).
 */
static bool check_deposits(struct check_state *cs, struct mm_struct *mm,
			   unsigned long table_pfn)
{
	int n = 0;

	for (unsigned long pfn = pgtable_deposited_first(table_pfn); pfn;
	     pfn = pgtable_deposited_next(pfn), n++) {
		struct page *tp = pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;
		const uint64_t *e = tp ? pgtable_entries(pfn) : NULL;

		if (!tp || !PageTable(tp) || n > PTRS_PER_PMD)
			return fail(cs, "pid %d: deposited table pfn %lx is not a page table",
				    mm_pid(cs->m, mm), pfn);
		for (int i = 0; i < PTRS_PER_PTE; i++)
			if (e[i])
				return fail(cs, "pid %d: deposited table pfn %lx is not empty",
					    mm_pid(cs->m, mm), pfn);
		(*seen_of(cs->m, tp))++;
	}
	if (n != cs->anon_leaves)
		return fail(cs, "pid %d: PMD table pfn %lx has %d anon PMD leaves but %d deposited tables",
			    mm_pid(cs->m, mm), table_pfn, cs->anon_leaves, n);
	return true;
}

/* 5 at PMD/PUD: a huge leaf is special, aligned, inside one PFN/mixed map. */
static bool check_huge_leaf(struct check_state *cs, struct mm_struct *mm,
			    unsigned long a, uint64_t e, int shift)
{
	struct vm_area_struct *vma = vma_lookup(mm, a);
	unsigned long pfn = (e & PTE_PFN_MASK) >> PAGE_SHIFT;
	struct page *page;

	if (!vma || a + (1UL << shift) > vma->vm_end)
		return fail(cs, "pid %d: huge entry at %lx outside one vma", mm_pid(cs->m, mm), a);
	if ((e & _PAGE_UFFD_WP) && (e & _PAGE_RW) && userfaultfd_wp(vma))
		return fail(cs, "pid %d: huge entry at %lx is uffd-wp and writable",
			    mm_pid(cs->m, mm), a);
	if (shift == PMD_SHIFT && pmd_is_anon_huge(vma, __pmd(e)))
		return check_anon_huge_leaf(cs, mm, vma, a, __pmd(e));
	if (!(e & _PAGE_SPECIAL))
		return fail(cs, "pid %d: huge entry at %lx is not special", mm_pid(cs->m, mm), a);
	if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)))
		return fail(cs, "pid %d: special huge entry at %lx in a normal vma", mm_pid(cs->m, mm), a);
	if (pfn & ((1UL << (shift - PAGE_SHIFT)) - 1))
		return fail(cs, "pid %d: huge entry at %lx maps unaligned pfn %lx", mm_pid(cs->m, mm), a, pfn);
	page = shift == PUD_SHIFT ? vm_normal_page_pud(vma, a, __pud(e)) :
				    vm_normal_page_pmd(vma, a, __pmd(e));
	if (page)
		return fail(cs, "pid %d: vm_normal_page returns a page for the special huge entry at %lx",
			    mm_pid(cs->m, mm), a);
	return true;
}

/* A table linked at @table_pfn: a live page-table page, counted as linked. */
static bool check_table(struct check_state *cs, struct mm_struct *mm,
			unsigned long table_pfn)
{
	struct page *tp = pfn_to_page(table_pfn);

	if (!pfn_valid(table_pfn) || !PageTable(tp) || tp->_refcount != 1)
		return fail(cs, "pid %d: table pfn %lx is not a live page-table page",
			    mm_pid(cs->m, mm), table_pfn);
	if (cs->full)
		(*seen_of(cs->m, tp))++;	/* owned by its parent entry */
	return true;
}

/* The VMA holding @addr, moving @cursor forward (entries come in order). */
static struct vm_area_struct *vma_at(struct mm_struct *mm,
				     struct vm_area_struct **cursor,
				     unsigned long addr)
{
	struct vm_area_struct *v = *cursor;

	/* entries come in address order: the cursor's VMA, or the next */
	if (v && addr >= v->vm_end) {
		v = vma_next(v);
		if (v && addr >= v->vm_end)
			v = find_vma(mm, addr);
	} else if (!v) {
		v = find_vma(mm, addr);
	}
	*cursor = v;
	return v && v->vm_start <= addr ? v : NULL;
}

/* ---- full: PTE tables that repeat (struct pte_class) ------------------ */

/* The facts of a VMA that check_pte() reads. */
static bool vma_same_facts(const struct vm_area_struct *a,
			   const struct vm_area_struct *b)
{
	return a->vm_start == b->vm_start && a->vm_end == b->vm_end &&
	       a->vm_pgoff == b->vm_pgoff && a->vm_flags == b->vm_flags &&
	       pgprot_val(a->vm_page_prot) == pgprot_val(b->vm_page_prot) &&
	       a->vm_file == b->vm_file && a->vm_ops == b->vm_ops &&
	       a->vm_private_data == b->vm_private_data &&
	       !a->anon_vma == !b->anon_vma;
}

/* The one VMA of @mm over the PTE table from @base, if one alone is. */
static struct vm_area_struct *table_vma(struct mm_struct *mm, unsigned long base)
{
	unsigned long end = base + PMD_SIZE;
	struct vm_area_struct *vma = find_vma(mm, base), *next;

	if (!vma || vma->vm_start >= end)
		return NULL;
	if (vma->vm_end < end) {
		next = find_vma(mm, vma->vm_end);
		if (next && next->vm_start < end)
			return NULL;
	}
	if (vma->vm_file && mmsim_file_driver(vma->vm_file))
		return NULL;
	return vma;
}

/*
 * The one bit of an entry no rule of check_pte() reads: fork makes the
 * child's entries old, and a table that differs from one checked only
 * there has the same verdicts (drivers' hooks, which might read it, are
 * never compared: table_vma()).
 */
#define PTE_BITS_UNCHECKED	_PAGE_ACCESSED

/*
 * @e has the entries of @c but for PTE_BITS_UNCHECKED: compared first
 * with the last table found a copy (byte for byte, as fork's children
 * repeat each other exactly), then bit by bit with @c's own; remembered.
 */
static bool pte_table_is_copy(struct pte_class *c, const uint64_t *e)
{
	uint64_t diff = 0;

	if (memcmp(c->like, e, PAGE_SIZE)) {
		for (int i = 0; i < PTRS_PER_PTE; i++)
			diff |= (c->entries[i] ^ e[i]) & ~PTE_BITS_UNCHECKED;
		if (diff)
			return false;
	}
	c->like = e;
	return true;
}

/*
 * Which remembered table to compare a table with (pte_table_is_copy()
 * decides): a rotate-and-xor per lane, which the compiler vectorizes,
 * mixed at the end.
 */
static uint64_t pte_table_hash(const uint64_t *e, unsigned long base)
{
	uint64_t h[8] = { base }, x = 0;

	for (int i = 0; i < PTRS_PER_PTE; i += 8)
		for (int j = 0; j < 8; j++)
			h[j] = ((h[j] << 7) | (h[j] >> 57)) ^
			       (e[i + j] & ~PTE_BITS_UNCHECKED);
	for (int j = 0; j < 8; j++)
		x = (x ^ h[j]) * 0x9e3779b97f4a7c15ULL;
	return x ^ (x >> 29);
}

static uint32_t *class_slot(struct check_state *cs, uint64_t hash, size_t i)
{
	return &cs->slots[(hash + i) & (cs->nr_slots - 1)];
}

/* The slot of cs->at_base for @base: its class's, or an empty one. */
static uint32_t *base_slot(struct check_state *cs, unsigned long base)
{
	size_t i = (base >> PMD_SHIFT) * 0x9e3779b97f4a7c15UL >> 20;

	for (;; i++) {
		uint32_t *slot = &cs->at_base[i & (cs->nr_slots - 1)];

		if (!*slot || cs->classes[*slot - 1].base == base)
			return slot;
	}
}

/* A remembered table equal to @e at @base under a VMA like @vma, or NULL. */
static struct pte_class *find_pte_class(struct check_state *cs, const uint64_t *e,
					unsigned long base, uint64_t hash,
					const struct vm_area_struct *vma)
{
	for (size_t i = 0; cs->nr_slots; i++) {
		uint32_t n = *class_slot(cs, hash, i);
		struct pte_class *c = n ? &cs->classes[n - 1] : NULL;

		if (!c)
			return NULL;
		if (c->hash == hash && c->base == base && vma_same_facts(c->vma, vma) &&
		    pte_table_is_copy(c, e))
			return c;
	}
	return NULL;
}

/* Room for one more class and its slot (false: out of host memory). */
static bool pte_class_room(struct check_state *cs)
{
	if (cs->nr_classes == cs->cap_classes) {
		size_t cap = cs->cap_classes ? 2 * cs->cap_classes : 64;
		struct pte_class *p = realloc(cs->classes, cap * sizeof(*p));

		if (!p)
			return false;
		cs->classes = p;
		cs->cap_classes = cap;
	}
	if (2 * (cs->nr_classes + 1) > cs->nr_slots) {
		size_t n = cs->nr_slots ? 2 * cs->nr_slots : 128;
		uint32_t *slots = calloc(2 * n, sizeof(*slots));

		if (!slots)
			return false;
		free(cs->slots);
		cs->slots = slots;
		cs->at_base = slots + n;
		cs->nr_slots = n;
		for (size_t k = 0; k < cs->nr_classes; k++) {
			size_t i = 0;

			while (*class_slot(cs, cs->classes[k].hash, i))
				i++;
			*class_slot(cs, cs->classes[k].hash, i) = k + 1;
			*base_slot(cs, cs->classes[k].base) = k + 1;
		}
	}
	return true;
}

/*
 * Full: the PTE table @e of @mm from @base, about to be checked entry by
 * entry (NULL) - or a copy of one checked already, counted here: its
 * RSS, and its VMA's reach to the anon_vma its pages name (3).
 */
static struct pte_class *pte_table_copy(struct check_state *cs, struct mm_struct *mm,
					const uint64_t *e, unsigned long base)
{
	struct vm_area_struct *vma = table_vma(mm, base);
	uint64_t hash;
	struct pte_class *c;

	cs->cur = NULL;
	if (!vma || !pte_class_room(cs))
		return NULL;
	/* the table last met here first: one read of the table when equal */
	c = *base_slot(cs, base) ? &cs->classes[*base_slot(cs, base) - 1] : NULL;
	if (c && (!vma_same_facts(c->vma, vma) || !pte_table_is_copy(c, e)))
		c = NULL;
	/* with no class remembered yet, the hash waits for pte_table_checked() */
	hash = c ? c->hash : cs->nr_classes ? pte_table_hash(e, base) : 0;
	if (!c && cs->nr_classes)
		c = find_pte_class(cs, e, base, hash, vma);
	if (c) {
		*base_slot(cs, base) = c - cs->classes + 1;
		if (c->anon && !vma_chained_to(cs, vma, c->anon))
			fail(cs, "pid %d: vma %lx-%lx: no chain to the anon_vma of the pages it maps",
			     mm_pid(cs->m, mm), vma->vm_start, vma->vm_end);
		for (int i = 0; i < NR_MM_COUNTERS; i++)
			cs->rss[i] += c->rss[i];
		c->copies++;
		return c;
	}
	cs->cur = &cs->classes[cs->nr_classes];
	*cs->cur = (struct pte_class){ .entries = e, .like = e, .vma = vma, .base = base,
				       .hash = hash, .ok = true };
	memcpy(cs->cur->rss, cs->rss, sizeof(cs->rss));	/* the RSS before */
	return NULL;
}

/* Full: the table just checked entry by entry is remembered if it may be. */
static void pte_table_checked(struct check_state *cs)
{
	struct pte_class *c = cs->cur;
	size_t i = 0;

	cs->cur = NULL;
	if (!c || !c->ok || cs->failed)
		return;
	for (int k = 0; k < NR_MM_COUNTERS; k++)
		c->rss[k] = cs->rss[k] - c->rss[k];
	if (!cs->nr_classes)	/* as when pte_table_copy() met it */
		c->hash = pte_table_hash(c->entries, c->base);
	while (*class_slot(cs, c->hash, i))
		i++;
	*class_slot(cs, c->hash, i) = ++cs->nr_classes;
	*base_slot(cs, c->base) = cs->nr_classes;
}

/* Full: each copy's entries on their frames, as its table's were. */
static void count_pte_copies(struct check_state *cs)
{
	for (size_t k = 0; k < cs->nr_classes; k++) {
		const struct pte_class *c = &cs->classes[k];

		for (int i = 0; c->copies && i < PTRS_PER_PTE; i++) {
			pte_t pte = __pte(c->entries[i]);

			if (pte_present(pte) && !pte_special(pte))
				*seen_of(cs->m, pfn_to_page(pte_pfn(pte))) += c->copies;
		}
	}
	free(cs->classes);
	free(cs->slots);
}

/* The last entry of the PTE table from @base, at most @last, inside @vma. */
static unsigned long vma_last_pte(const struct vm_area_struct *vma,
				  unsigned long base, unsigned long last)
{
	if (vma->vm_end - base >= PMD_SIZE)
		return last;
	return min(last, ((vma->vm_end - base) >> PAGE_SHIFT) - 1);
}

/*
 * The entries @i to @last of the PTE table @e from @base, in order: the
 * runs of them in a VMA of no file go to check_anon_ptes() first.
 */
static bool walk_ptes(struct check_state *cs, struct mm_struct *mm,
		      struct vm_area_struct **cursor, const uint64_t *e,
		      unsigned long base, unsigned long i, unsigned long last)
{
	while (i <= last) {
		unsigned long a = base + (i << PAGE_SHIFT), run;
		struct vm_area_struct *vma;

		if (!e[i]) {
			i++;
			continue;
		}
		vma = vma_at(mm, cursor, a);
		if (vma && !vma->vm_file) {
			run = vma_last_pte(vma, base, last);
			i = check_anon_ptes(cs, vma, e, base, i, run);
			if (i > run)
				continue;
			a = base + (i << PAGE_SHIFT);	/* not plain: why not? */
		}
		if (!check_pte(cs, mm, vma, a, __pte(e[i])))
			return false;
		i++;
	}
	return true;
}

/* The end of what four levels of tables map (48 bits). */
#define TABLES_END	(PTRS_PER_PGD * PGDIR_SIZE)

/*
 * The walk over @mm's tables, one function per level as the kernel's
 * walk_p*_range(): each checks the table it is given (check_table()),
 * then each entry of [addr, end) in it - a huge leaf where one is, else
 * the table it links.  Full walks see whole tables, and count deposits.
 */

/* The PTE table @table_pfn, entries [addr, end) (within one PMD). */
static bool walk_pte_range(struct check_state *cs, struct mm_struct *mm,
			   struct vm_area_struct **cursor, unsigned long table_pfn,
			   unsigned long addr, unsigned long end)
{
	unsigned long base = addr & PMD_MASK;
	const uint64_t *e;

	if (!check_table(cs, mm, table_pfn))
		return false;
	e = pgtable_entries(table_pfn);
	if (cs->full && pte_table_copy(cs, mm, e, base))
		return !cs->failed;
	if (!walk_ptes(cs, mm, cursor, e, base, pte_index(addr), pte_index(end - 1)))
		return false;
	if (cs->full)
		pte_table_checked(cs);
	return true;
}

/* Full: a PUD or PGD table holds no deposited PTE table. */
static bool no_deposits(struct check_state *cs, struct mm_struct *mm,
			unsigned long table_pfn)
{
	if (cs->full && pgtable_deposited_first(table_pfn))
		return fail(cs, "pid %d: table pfn %lx holds deposited tables",
			    mm_pid(cs->m, mm), table_pfn);
	return true;
}

static bool walk_pmd_range(struct check_state *cs, struct mm_struct *mm,
			   struct vm_area_struct **cursor, unsigned long table_pfn,
			   unsigned long addr, unsigned long end)
{
	const uint64_t *e;
	unsigned long next;

	if (!check_table(cs, mm, table_pfn))
		return false;
	e = pgtable_entries(table_pfn);
	cs->anon_leaves = 0;
	do {
		uint64_t entry = e[pmd_index(addr)];

		next = pmd_addr_end(addr, end);
		if (!entry)
			continue;
		if (entry & _PAGE_PSE) {
			if (!check_huge_leaf(cs, mm, addr & PMD_MASK, entry, PMD_SHIFT))
				return false;
		} else if (!walk_pte_range(cs, mm, cursor,
					   (entry & PTE_PFN_MASK) >> PAGE_SHIFT,
					   addr, next)) {
			return false;
		}
	} while (addr = next, addr != end);
	return cs->full ? check_deposits(cs, mm, table_pfn) : true;
}

static bool walk_pud_range(struct check_state *cs, struct mm_struct *mm,
			   struct vm_area_struct **cursor, unsigned long table_pfn,
			   unsigned long addr, unsigned long end)
{
	const uint64_t *e;
	unsigned long next;

	if (!check_table(cs, mm, table_pfn))
		return false;
	e = pgtable_entries(table_pfn);
	do {
		uint64_t entry = e[pud_index(addr)];

		next = pud_addr_end(addr, end);
		if (!entry)
			continue;
		if (entry & _PAGE_PSE) {
			if (!check_huge_leaf(cs, mm, addr & PUD_MASK, entry, PUD_SHIFT))
				return false;
		} else if (!walk_pmd_range(cs, mm, cursor,
					   (entry & PTE_PFN_MASK) >> PAGE_SHIFT,
					   addr, next)) {
			return false;
		}
	} while (addr = next, addr != end);
	return no_deposits(cs, mm, table_pfn);
}

/* A PSE bit at the top level is no leaf x86 has: check_huge_leaf() says so. */
static bool walk_pgd_range(struct check_state *cs, struct mm_struct *mm,
			   struct vm_area_struct **cursor, unsigned long addr,
			   unsigned long end)
{
	const uint64_t *e;
	unsigned long next;

	if (!check_table(cs, mm, mm->pgd))
		return false;
	e = pgtable_entries(mm->pgd);
	do {
		uint64_t entry = e[pgd_index(addr)];

		next = pgd_addr_end(addr, end);
		if (!entry)
			continue;
		if (entry & _PAGE_PSE) {
			if (!check_huge_leaf(cs, mm, addr & PGDIR_MASK, entry, PGDIR_SHIFT))
				return false;
		} else if (!walk_pud_range(cs, mm, cursor,
					   (entry & PTE_PFN_MASK) >> PAGE_SHIFT,
					   addr, next)) {
			return false;
		}
	} while (addr = next, addr != end);
	return no_deposits(cs, mm, mm->pgd);
}

/*
 * The size counters of /proc/PID/status and of the limits, from the
 * VMAs: total_vm, data_vm (private writable), and locked_vm (VM_LOCKED),
 * which may count more - as in Linux 6.18, MREMAP_DONTUNMAP of locked
 * memory unlocks the source without uncharging it.
 */
static bool check_vm_counters(struct check_state *cs, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;
	unsigned long total = 0, locked = 0, data = 0;
	struct vm_area_struct *vma;

	for_each_vma(mm, vma) {
		unsigned long pages = vma_pages(vma);

		total += pages;
		if (vma->vm_flags & VM_LOCKED)
			locked += pages;
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED | VM_STACK_FLAGS)) == VM_WRITE)
			data += pages;
	}
	if (total != mm->total_vm || locked > mm->locked_vm || data != mm->data_vm)
		return fail(cs, "pid %d: total/locked/data_vm %lu/%lu/%lu, VMAs say %lu/%lu/%lu",
			    t->pid, mm->total_vm, mm->locked_vm, mm->data_vm,
			    total, locked, data);
	return true;
}

/*
 * Every entry of @mm in [start, end); tables are counted only in full.
 * @cursor: NULL, or the first VMA ending after start - 1 (find_vma()'s).
 */
static bool walk_range(struct check_state *cs, struct mm_struct *mm,
		       unsigned long start, unsigned long end,
		       struct vm_area_struct *cursor)
{
	end = min(end, TABLES_END);
	return start >= end || walk_pgd_range(cs, mm, &cursor, start, end);
}

static bool check_rss(struct check_state *cs, struct task_struct *t,
		      const long *counted)
{
	struct mm_struct *mm = t->mm;

	for (int i = 0; i < NR_MM_COUNTERS; i++) {
		if (counted[i] != mm->rss_stat[i])
			return fail(cs, "pid %d: rss counter %d is %ld, entries say %ld",
				    t->pid, i, mm->rss_stat[i], counted[i]);
		if (counted[i] != mm->check_rss[i])
			return fail(cs, "pid %d: %ld entries count in rss %d, but %ld were set through set_pte_at()",
				    t->pid, counted[i], i, mm->check_rss[i]);
	}
	return true;
}

/* The MMU's cached PTE tables are those the page tables lead to now. */
static bool check_pde_cache(struct check_state *cs, struct task_struct *t)
{
	if (mmu_pde_cache_check(t->mm))
		return fail(cs, "pid %d: the MMU caches a PTE table the page tables no longer lead to",
			    t->pid);
	return true;
}

static bool check_task(struct check_state *cs, struct task_struct *t)
{
	memset(cs->rss, 0, sizeof(cs->rss));
	if (!check_pde_cache(cs, t) || !check_vmas(cs, t) || !check_vm_counters(cs, t) ||
	    !walk_range(cs, t->mm, 0, TABLES_END, NULL))
		return false;
	return check_rss(cs, t, cs->rss);
}

/* ---- 3: the reverse map ----------------------------------------------- */

struct rmap_count {
	struct check_state *cs;
	unsigned long pfn;
	int found;
	bool ok;
};

/*
 * Each entry the rmap finds: counted, and held to 4 and to writeback's
 * rule (7) from this side too.  The entry is confirmed as
 * page_vma_mapped() does (present, this pfn).
 */
static bool count_one(struct folio *folio, struct vm_area_struct *vma,
		      unsigned long addr, void *arg)
{
	struct rmap_count *rc = arg;
	pte_t *ptep = page_vma_mapped(vma, addr, rc->pfn);

	if (!ptep || pte_special(*ptep))
		return true;
	rc->found++;
	if (pte_write(*ptep) && folio_test_anon(folio) &&
	    !check_anon_writable(rc->cs, vma->vm_mm, addr, &folio->page))
		rc->ok = false;
	else if (!folio_test_anon(folio) &&
		 !check_writeback_entry(rc->cs, vma->vm_mm, vma, addr, *ptep, folio))
		rc->ok = false;
	return rc->ok;
}

static bool check_rmap(struct check_state *cs, struct page *page, uint32_t maps)
{
	struct rmap_count rc = { .cs = cs, .pfn = page_to_pfn(page), .ok = true };
	struct rmap_walk_control rwc = { .arg = &rc, .rmap_one = count_one };

	/* vm_insert_page()d driver memory: mapped, but nothing to walk */
	if (!page->mapping && PageKernel(page))
		return true;
	if (!page->mapping)
		return fail(cs, "mapped page with no rmap: %s", page_describe(page));
	rmap_walk(page_folio(page), &rwc);
	if (!rc.ok)
		return false;
	if ((uint32_t)rc.found != maps)
		return fail(cs, "rmap finds %d of %d mappings: %s", rc.found,
			    page_mapcount(page), page_describe(page));
	return true;
}

/* ---- 2: frames ---------------------------------------------------------- */

static bool in_page_cache(struct page *page)
{
	struct address_space *mapping;

	if (!page->mapping || folio_test_anon(page_folio(page)) || PageKernel(page))
		return false;
	mapping = page->mapping;
	return filemap_get_folio(mapping, page->index) == page_folio(page);
}

/*
 * One frame, against @maps: the entries found mapping (or linking) it;
 * with @walk_rmap, also what its reverse-map walk finds.
 */
static bool check_frame(struct check_state *cs, struct page *page,
			uint32_t maps, bool walk_rmap)
{
	unsigned long pfn = page_to_pfn(page);
	const struct gup_held *h = held_of(cs, pfn);
	const char *why;
	long expect;

	if (!page->_refcount)
		return maps ? fail(cs, "free pfn %lx is mapped", pfn) : true;
	if (PageTable(page))
		return maps == 1 ? true :
		       fail(cs, "page table pfn %lx is reachable %u times", pfn, maps);
	if (is_zero_pfn(pfn))
		return true;
	if ((uint32_t)page_mapcount(page) != maps)
		return fail(cs, "pfn %lx: mapcount %d but %u entries map it (%s)",
			    pfn, page_mapcount(page), maps, page_describe(page));
	if (h->pins && folio_test_anon(page_folio(page)) && !PageAnonExclusive(page))
		return fail(cs, "pfn %lx: pinned anon page is not exclusive", pfn);
	if (maps && walk_rmap && !check_rmap(cs, page, maps))
		return false;
	why = pincount_check(page, h->counted);
	if (why)
		return fail(cs, "pfn %lx: %s (pins %u, %s)", pfn, why, h->counted,
			    page_describe(page));
	expect = maps + h->refs +
		 (!folio_test_anon(page_folio(page)) && in_page_cache(page));
	if (PageKernel(page) ? page->_refcount < expect : page->_refcount != expect)
		return fail(cs, "pfn %lx: refcount %d, expected %ld (mapped %u, gup refs %ld, cache %d)",
			    pfn, page->_refcount, expect, maps, h->refs,
			    in_page_cache(page));
	return true;
}

/* ---- large folios: the folio and its pages ----------------------------- */

/* The entries counted mapping @page: recounted (full) or logged. */
static uint32_t frame_maps(const struct check_state *cs, struct page *page)
{
	return cs->full ? seen_count(*seen_of(cs->m, page)) :
			  page_ext_get(cs->m, page)->map_count;
}

/* What the rmap finds of one large folio: PTEs per page, PMDs, MMs. */
struct folio_rmap_count {
	struct check_state *cs;
	bool ok;		/* every writable entry found may be (4) */
	struct folio *folio;
	uint32_t *pte;		/* per page of the folio */
	long pmds;
	long slot[2];		/* mappings by the MMs in the folio's slots */
	mm_id_t first;		/* the first MM seen */
	bool several;		/* more than one MM maps it */
};

/*
 * A writable entry to an anon large folio that the rmap found (4), as
 * the walk over the tables holds it: a PTE to an exclusive page mapped
 * once, a PMD to a folio it alone maps, exclusively.
 */
static bool folio_entry_writable_ok(struct check_state *cs, struct folio *folio,
				    struct vm_area_struct *vma,
				    const struct page_vma_mapped_walk *pvmw)
{
	if (pvmw->pte)
		return !pte_write(*pvmw->pte) ||
		       check_anon_writable(cs, vma->vm_mm, pvmw->address,
					   pfn_to_page(pte_pfn(*pvmw->pte)));
	if (!pmd_write(*pvmw->pmd) || (PageAnonExclusive(&folio->page) &&
				       folio_large_mapcount(folio) == 1))
		return true;
	return fail(cs, "pid %d: writable PMD at %lx to a THP mapped elsewhere too (%s)",
		    mm_pid(cs->m, vma->vm_mm), pvmw->address, page_describe(&folio->page));
}

static bool count_folio_one(struct folio *folio, struct vm_area_struct *vma,
			    unsigned long addr, void *arg)
{
	struct folio_rmap_count *rc = arg;
	struct page_vma_mapped_walk pvmw = {
		.pfn = folio_pfn(folio), .nr_pages = folio_nr_pages(folio),
		.vma = vma, .address = addr,
	};
	mm_id_t id = vma->vm_mm->mm_id;

	while (page_vma_mapped_walk(&pvmw)) {
		if (pvmw.pte && pte_special(*pvmw.pte))
			continue;
		if (pvmw.pte)
			rc->pte[pte_pfn(*pvmw.pte) - folio_pfn(folio)]++;
		else
			rc->pmds++;
		if (rc->ok && folio_test_anon(folio) &&
		    !folio_entry_writable_ok(rc->cs, folio, vma, &pvmw))
			rc->ok = false;
		for (int s = 0; s < 2; s++)
			rc->slot[s] += folio_mm_id(folio, s) == id;
		if (!rc->first)
			rc->first = id;
		rc->several |= rc->first != id;
	}
	return rc->ok;
}

/*
 * Each MM slot counts no more than its MM maps (a slot taken while its
 * MM already mapped pages counts fewer, as the kernel allows); a folio
 * not "maybe shared" is mapped by one MM.
 */
static bool check_folio_slots(struct check_state *cs, struct folio *folio,
			      const struct folio_rmap_count *rc)
{
	unsigned long pfn = folio_pfn(folio);

	for (int s = 0; s < 2; s++) {
		long slot = folio->_mm_id_mapcount[s] + 1;

		if (folio_mm_id(folio, s) == MM_ID_DUMMY ? slot != 0 :
		    slot < 1 || slot > rc->slot[s])
			return fail(cs, "pfn %lx: MM slot %d (id %u) counts %ld, its MM maps %ld",
				    pfn, s, folio_mm_id(folio, s), slot, rc->slot[s]);
	}
	if (rc->several && !folio_maybe_mapped_shared(folio))
		return fail(cs, "pfn %lx: large folio mapped by several MMs is not maybe-shared",
			    pfn);
	return true;
}

/* The huge zero folio: never mapped as a normal page; its owner and GUP. */
static bool check_huge_zero_folio(struct check_state *cs, struct folio *folio)
{
	long refs = 1;

	for (long idx = 0; idx < folio_nr_pages(folio); idx++) {
		struct page *page = folio_page(folio, idx);

		if (frame_maps(cs, page) || page->_mapcount != -1)
			return fail(cs, "the huge zero folio is mapcounted (%s)",
				    page_describe(page));
		refs += held_of(cs, page_to_pfn(page))->refs;
	}
	if (folio_ref_count(folio) != refs || folio->_large_mapcount != -1)
		return fail(cs, "the huge zero folio has refcount %d, expected %ld",
			    folio_ref_count(folio), refs);
	return true;
}

/* A tail page: part of the large folio of the head it points at. */
static bool check_tail(struct check_state *cs, struct folio *folio, long idx)
{
	struct page *page = folio_page(folio, idx);

	if (compound_head(page) != &folio->page || page->_refcount || PageBuddy(page))
		return fail(cs, "pfn %lx: broken tail page (%s)", page_to_pfn(page),
			    page_describe(page));
	return true;
}

/* The counts of one page of a large folio; adds up the folio's totals. */
struct folio_totals {
	long pte_maps, pages_mapped, refs, pins;
};

static bool check_folio_page(struct check_state *cs, struct folio *folio,
			     long idx, const struct folio_rmap_count *rc,
			     struct folio_totals *ft)
{
	static const struct gup_held none;
	struct page *page = folio_page(folio, idx);
	unsigned long pfn = page_to_pfn(page);
	/* no pin anywhere: nothing held, and no design record to find */
	const struct gup_held *h = cs->no_pins ? &none : held_of(cs, pfn);
	uint32_t maps = frame_maps(cs, page), ptes = rc->pte[idx];
	/*
	 * A PMD mapping keeps PageAnonExclusive on the head page alone
	 * (__folio_add_anon_rmap(), RMAP_LEVEL_PMD) until a split hands it to
	 * every PTE; a page no PTE maps - PMD-mapped, or unmapped since -
	 * is as exclusive as the head says.
	 */
	bool pmd_exclusive = (rc->pmds || !ptes) && folio_test_pmd_mappable(folio) &&
			     PageAnonExclusive(&folio->page);
	const char *why;

	if (idx && !check_tail(cs, folio, idx))
		return false;
	if (maps != ptes + rc->pmds)
		return fail(cs, "pfn %lx: %u entries map it, the rmap finds %u PTEs and %ld PMDs (%s)",
			    pfn, maps, ptes, rc->pmds, page_describe(page));
	if (page->_mapcount + 1 != (int)ptes)
		return fail(cs, "pfn %lx: page mapcount %d but %u PTEs map it (%s)",
			    pfn, page->_mapcount + 1, ptes, page_describe(page));
	if (h->pins && folio_test_anon(folio) && !PageAnonExclusive(page) &&
	    !pmd_exclusive)
		return fail(cs, "pfn %lx: pinned anon page is not exclusive", pfn);
	why = cs->no_pins ? NULL : pincount_check(page, h->counted);
	if (why)
		return fail(cs, "pfn %lx: %s (pins %u, %s)", pfn, why, h->counted,
			    page_describe(page));
	ft->pte_maps += ptes;
	ft->pages_mapped += ptes > 0;
	ft->refs += h->refs;
	ft->pins += h->counted;
	return true;
}

/* The folio's own counts against what its pages added up to. */
static bool check_folio_counts(struct check_state *cs, struct folio *folio,
			       long entire, const struct folio_totals *ft)
{
	unsigned long pfn = folio_pfn(folio);

	if (folio_entire_mapcount(folio) != entire ||
	    folio_large_mapcount(folio) != ft->pte_maps + entire)
		return fail(cs, "pfn %lx: entire mapcount %d, large %d; PMDs %ld, PTEs %ld",
			    pfn, folio_entire_mapcount(folio), folio_large_mapcount(folio),
			    entire, ft->pte_maps);
	if (folio->_nr_pages_mapped != ft->pages_mapped + (entire ? ENTIRELY_MAPPED : 0))
		return fail(cs, "pfn %lx: _nr_pages_mapped %#x, %ld pages mapped by PTE%s",
			    pfn, folio->_nr_pages_mapped, ft->pages_mapped,
			    entire ? " and a PMD" : "");
	if (folio->_pincount != ft->pins || folio->_pincount > folio_ref_count(folio))
		return fail(cs, "pfn %lx: _pincount %d, %ld pins held, refcount %d", pfn,
			    folio->_pincount, ft->pins, folio_ref_count(folio));
	if (folio_ref_count(folio) != ft->pte_maps + entire + ft->refs)
		return fail(cs, "pfn %lx: refcount %d, expected %ld (PTEs %ld, PMDs %ld, gup refs %ld)",
			    pfn, folio_ref_count(folio), ft->pte_maps + entire + ft->refs,
			    ft->pte_maps, entire, ft->refs);
	if (folio_test_partially_mapped(folio) && list_empty(&folio->_deferred_list))
		return fail(cs, "pfn %lx: partially mapped folio not on the deferred split queue",
			    pfn);
	return true;
}

/*
 * A large folio, whole: its frames' counted entries against what the
 * rmap finds, then every count the model keeps for it.
 */
static bool check_large_folio(struct check_state *cs, struct folio *folio)
{
	long nr = folio_nr_pages(folio);
	unsigned long pfn = folio_pfn(folio);
	uint32_t pte[HPAGE_PMD_NR] = { 0 };
	struct folio_rmap_count rc = { .cs = cs, .ok = true, .folio = folio, .pte = pte };
	struct rmap_walk_control rwc = { .arg = &rc, .rmap_one = count_folio_one };
	struct folio_totals ft = { 0 };
	bool mapped = false;

	if (is_huge_zero_folio(folio))
		return check_huge_zero_folio(cs, folio);
	if (folio_order(folio) < 1 || folio_order(folio) > HPAGE_PMD_ORDER ||
	    (pfn & (nr - 1)))
		return fail(cs, "pfn %lx: bad large folio order %u", pfn, folio_order(folio));
	for (long idx = 0; idx < nr && !mapped; idx++)
		mapped = frame_maps(cs, folio_page(folio, idx)) != 0;
	if ((mapped || folio_large_mapcount(folio)) && !folio->page.mapping)
		return fail(cs, "mapped large folio with no rmap: %s",
			    page_describe(&folio->page));
	if (mapped || folio_large_mapcount(folio))
		rmap_walk(folio, &rwc);
	if (!rc.ok)
		return false;
	for (long idx = 0; idx < nr; idx++)
		if (!check_folio_page(cs, folio, idx, &rc, &ft))
			return false;
	if (!check_folio_counts(cs, folio, rc.pmds, &ft))
		return false;
	return rc.pmds + ft.pte_maps ? check_folio_slots(cs, folio, &rc) : true;
}

/*
 * Full: each frame of a large folio's recount against page_table_check's
 * count, then the folio; the scratch counts are zeroed.
 */
static void check_counted_folio(struct check_state *cs, struct folio *folio)
{
	long nr = folio_nr_pages(folio);

	for (long idx = 0; idx < nr && !cs->failed; idx++) {
		struct page *page = folio_page(folio, idx);
		uint32_t seen = seen_count(*seen_of(cs->m, page));

		if (seen != page_ext_get(cs->m, page)->map_count)
			fail(cs, "pfn %lx: %u entries map it, but %u were set through set_pte_at() (%s)",
			     page_to_pfn(page), seen, page_ext_get(cs->m, page)->map_count,
			     page_describe(page));
	}
	if (!cs->failed)
		check_large_folio(cs, folio);
	for (long idx = 0; idx < nr; idx++)
		*seen_of(cs->m, folio_page(folio, idx)) = 0;
}

/*
 * Full: a frame's recount against page_table_check's count, then the
 * frame itself; its scratch count is zeroed.
 */
static void check_counted_frame(struct check_state *cs, struct page *page)
{
	struct page_check *ext = page_ext_get(cs->m, page);
	uint32_t seen = seen_count(*seen_of(cs->m, page));

	if (PageHead(page))
		return check_counted_folio(cs, (struct folio *)page);
	*seen_of(cs->m, page) = 0;
	if (cs->failed)
		return;
	if (check_frame(cs, page, seen, false) && seen != ext->map_count)
		fail(cs, "pfn %lx: %u entries map it, but %u were set through set_pte_at() (%s)",
		     page_to_pfn(page), seen, ext->map_count, page_describe(page));
}

/*
 * The usual frame, decided inline: a small anon page (not free, not a
 * table, not a kernel page) mapped by @maps entries, not 0, while no pin
 * set holds a page and no pin design keeps a record, with mapcount and
 * refcount both @maps.  Then check_frame(cs, page, @maps, false) passes
 * it.  false: check_frame() decides (and says why).
 */
static inline bool frame_plainly_ok(const struct check_state *cs,
				    const struct page *page, uint32_t maps)
{
	const unsigned long odd = 1UL << PG_head | 1UL << PG_table |
				  1UL << PG_kernel | 1UL << PG_buddy;

	return cs->no_pins && maps && !(page->flags & odd) && !PageTail(page) &&
	       folio_test_anon((const struct folio *)page) &&
	       page->_refcount == (int32_t)maps && page->_mapcount + 1 == (int32_t)maps;
}

/*
 * Full: the usual frame @page, with its page_table_check record @ext and
 * the @seen entries recounted: allocated at order 0, plainly ok with
 * those entries, which page_table_check counted too.  Then check_block()
 * and check_counted_frame() find nothing wrong with it.
 */
static inline bool counted_frame_plainly_ok(const struct check_state *cs,
					    const struct page *page,
					    struct page_check ext, uint32_t seen)
{
	return !ext.order && ext.map_count == seen && frame_plainly_ok(cs, page, seen);
}

/* A frame's page_table_check record says: one entry, allocated at order 0. */
static inline bool page_check_single(struct page_check ext)
{
	return ext.map_count == 1 && !ext.order;
}

/*
 * Full: the frames from *@i up to @stop (in one pageblock) that are plain
 * because their one entry found them so (SEEN_PLAIN) and nothing else
 * maps them, which page_table_check counted too: counted in *@used as
 * allocated, their scratch count zeroed, *@i moved past them.
 * Return: whether it reached @stop.
 */
static inline bool frames_plain(uint32_t *seen, const struct page_check *ext,
				unsigned long *i, unsigned long stop,
				unsigned long *used)
{
	unsigned long j = *i;

	while (j < stop && seen[j] == (SEEN_PLAIN | 1) && page_check_single(ext[j]))
		seen[j++] = 0;
	*used += j - *i;
	*i = j;
	return j == stop;
}

/* ---- the buddy allocator ---------------------------------------------- */

/*
 * The free block of 2^@order frames at RAM index @i where the allocator
 * must have put it: aligned on its order (as its PFN), and not beside a
 * buddy that is a free block of the same order (__free_one_page() would
 * have merged the two; only the RAM the buddy has been given, above the
 * init frontier, can hold one).
 */
static bool free_block_placed(struct check_state *cs, unsigned long i,
			      unsigned int order)
{
	struct machine *m = cs->m;
	unsigned long pfn = m->ram_start + i, size = 1UL << order, b;

	if (pfn & (size - 1))
		return fail(cs, "free block at pfn %lx of order %u is not aligned on its order",
			    pfn, order);
	if (order == MAX_PAGE_ORDER)
		return true;
	b = (pfn ^ size) - m->ram_start;	/* wraps past ram_pages if below */
	if (b >= m->ram_frontier && b < m->ram_pages && PageBuddy(&m->memmap[b]) &&
	    m->memmap[b].private == order)
		return fail(cs, "free blocks at pfn %lx and %lx of order %u are buddies, not merged",
			    min(pfn, pfn ^ size), max(pfn, pfn ^ size), order);
	return true;
}

/*
 * The free block of 2^@order frames at RAM index @i is linked into the
 * free list of its order: the list starts with it, or its predecessor
 * (a free block of the same order) points at it, and its successor
 * points back.
 */
static bool free_block_linked(struct check_state *cs, unsigned long i,
			      unsigned int order)
{
	struct machine *m = cs->m;
	const struct page *page = &m->memmap[i];
	uint32_t prev = page->buddy.prev, next = page->buddy.next;
	bool ok;

	if (!prev)
		ok = m->free_head[order] == i + 1;
	else
		ok = prev <= m->ram_pages && PageBuddy(&m->memmap[prev - 1]) &&
		     m->memmap[prev - 1].private == order &&
		     m->memmap[prev - 1].buddy.next == i + 1;
	if (ok && next)
		ok = next <= m->ram_pages && m->memmap[next - 1].buddy.prev == i + 1;
	return ok ? true :
	       fail(cs, "free block at pfn %lx of order %u is not linked into the free list of its order",
		    m->ram_start + i, order);
}

/*
 * Incremental: a logged frame that nothing references or maps (freed, or
 * never handed out whole) lies in a free block placed and linked as the
 * allocator must leave it (free_block_placed(), free_block_linked()), or
 * in a block allocated without __GFP_COMP whose first frame holds the
 * reference.  The blocks that can hold it are the aligned ones of each
 * order around it, smallest first.
 */
static bool check_free_frame(struct check_state *cs, unsigned long i)
{
	struct machine *m = cs->m;
	unsigned long pfn = m->ram_start + i;

	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		unsigned long h = (pfn & ~((1UL << order) - 1)) - m->ram_start;
		const struct page *head;

		if (h < m->ram_frontier || h >= m->ram_pages)
			break;
		head = &m->memmap[h];
		if (PageBuddy(head) && head->private >= order)
			return free_block_placed(cs, h, head->private) &&
			       free_block_linked(cs, h, head->private);
		if (PageBuddy(head) || (head->_refcount &&
					page_ext_get(m, head)->order < order))
			break;		/* a block that ends before the frame */
		if (head->_refcount)
			return true;
	}
	return fail(cs, "pfn %lx is neither free nor allocated", pfn);
}

/*
 * Full: every free list, from its head - each entry a free block of the
 * list's order (PG_buddy, the order, no reference) in the buddy's RAM,
 * its back link right, placed as free_block_placed() says - and the
 * frames they hold are nr_free.  The back links end the walk: a list
 * that loops comes back to an entry from another one than it links
 * back to.  Its cost follows the free blocks, which the allocations and
 * frees since the frontier last moved make.
 */
static bool check_free_lists(struct check_state *cs)
{
	struct machine *m = cs->m;
	unsigned long frames = 0;

	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		unsigned long n = 0;
		uint32_t idx, prev = 0;

		for (idx = m->free_head[order]; idx; prev = idx, idx = m->memmap[idx - 1].buddy.next) {
			const struct page *page;

			if (idx - 1 < m->ram_frontier || idx > m->ram_pages)
				return fail(cs, "the free list of order %u links RAM index %u, outside the buddy's RAM",
					    order, idx - 1);
			page = &m->memmap[idx - 1];
			if (!PageBuddy(page) || page->private != order || page->_refcount)
				return fail(cs, "the free list of order %u holds pfn %lx, which is no free block of that order (%s)",
					    order, m->ram_start + idx - 1, page_describe(page));
			if (page->buddy.prev != prev)
				return fail(cs, "the free list of order %u: pfn %lx links back to RAM index %d, not %d",
					    order, m->ram_start + idx - 1, (int)page->buddy.prev - 1,
					    (int)prev - 1);
			n++;
			if (!free_block_placed(cs, idx - 1, order))
				return false;
		}
		frames += n << order;
	}
	if (frames != m->nr_free)
		return fail(cs, "the free lists hold %lu frames, nr_free counts %lu", frames,
			    m->nr_free);
	return true;
}

/*
 * One MAX_PAGE_ORDER block of RAM from @base, its frames in use from
 * @start (the init frontier may cut into it) to @end: each frame is in a
 * free buddy block (its head PG_buddy, with the order), or allocated (a
 * head with a reference, with the order it was allocated at).  Allocated
 * frames are counted per pageblock from @base into @used.
 */
static void check_block(struct check_state *cs, unsigned long base,
			unsigned long start, unsigned long end, unsigned long *used)
{
	struct machine *m = cs->m;
	struct page *const memmap = m->memmap;
	const struct page_check *const ext = m->page_ext;
	uint32_t *const seen = m->check_seen;
	unsigned long i = start;

	while (i < end) {
		struct page *page;
		unsigned int order;
		unsigned long n;

		/* plain when its one entry read it, and nothing else maps it */
		if (frames_plain(seen, ext, &i, min(end, ALIGN(i + 1, PAGEBLOCK_NR_PAGES)),
				 &used[(i - base) >> PAGEBLOCK_ORDER]))
			continue;
		page = &memmap[i];
		if (counted_frame_plainly_ok(cs, page, ext[i], seen_count(seen[i]))) {
			used[(i - base) >> PAGEBLOCK_ORDER]++;
			seen[i++] = 0;
			continue;
		}
		order = PageBuddy(page) ? min(page->private, MAX_PAGE_ORDER + 1UL) :
					  page_ext_get(m, page)->order;
		n = 1UL << order;

		if (i + n > end || (PageBuddy(page) && page->_refcount)) {
			fail(cs, "pfn %lx: a block of order %u that does not fit its place",
			     m->ram_start + i, order);
			n = 1;
		} else if (PageBuddy(page)) {
			free_block_linked(cs, i, order);
		} else if (!page->_refcount) {
			fail(cs, "pfn %lx is neither free nor allocated", m->ram_start + i);
			*seen_of(m, page) = 0;
			n = 1;
		} else {
			for (unsigned long j = 0; j < n; j++)
				used[(i + j - base) >> PAGEBLOCK_ORDER]++;
			check_counted_frame(cs, page);
		}
		i += n;
	}
}

/*
 * Full: the frames of every MAX_PAGE_ORDER block with a pageblock in use;
 * the allocated ones must be all the allocator has, pageblock by
 * pageblock, or one could hide in a pageblock counted empty.
 */
static void check_frames(struct check_state *cs)
{
	struct machine *m = cs->m;
	const unsigned long block = 1UL << MAX_PAGE_ORDER;
	unsigned long allocated = 0, b, pb;

	for (b = ALIGN_DOWN(m->ram_frontier, block); b < m->ram_pages; b += block) {
		unsigned long start = max(b, m->ram_frontier);
		unsigned long end = min(b + block, m->ram_pages);
		unsigned long used[1UL << (MAX_PAGE_ORDER - PAGEBLOCK_ORDER)] = { 0 };
		bool in_use = false;

		for (pb = b >> PAGEBLOCK_ORDER; pb << PAGEBLOCK_ORDER < end; pb++)
			in_use |= m->pb_used[pb] != 0;
		if (!in_use)
			continue;
		check_block(cs, b, start, end, used);
		for (pb = b >> PAGEBLOCK_ORDER; pb << PAGEBLOCK_ORDER < end; pb++) {
			unsigned long u = used[pb - (b >> PAGEBLOCK_ORDER)];

			allocated += u;
			if (u != m->pb_used[pb])
				fail(cs, "pageblock at pfn %lx: %lu frames allocated, the allocator counts %u",
				     m->ram_start + (pb << PAGEBLOCK_ORDER), u, m->pb_used[pb]);
		}
	}
	if (allocated != m->ram_pages - nr_free_pages(m))
		fail(cs, "%lu frames allocated in pageblocks in use, the allocator has %lu",
		     allocated, m->ram_pages - nr_free_pages(m));
	if (!cs->failed)
		check_free_lists(cs);
}

/* ---- 6: PAT tracking ---------------------------------------------------- */

static bool check_pat(struct check_state *cs)
{
	const char *why = pfnmap_track_check();

	return why ? fail(cs, "%s", why) : true;
}

/* ---- the page cache of every inode ------------------------------------ */

static bool check_page_caches(struct check_state *cs)
{
	struct inode *inode;

	list_for_each_entry(inode, &cs->m->inodes, i_sb_list) {
		const char *why = filemap_check(&inode->i_data);

		if (why)
			return fail(cs, "inode %s: %s", inode->name, why);
	}
	return true;
}

/* ---- 8: nothing left behind ------------------------------------------- */

static bool check_leaks(struct check_state *cs)
{
	struct machine *m = cs->m;

	if (!list_empty(&m->tasks) || !list_empty(&m->pin_sets) || m->nr_files ||
	    m->nr_zombies)
		return true;
	if (m->nr_inodes)
		return fail(cs, "%ld inodes left with no file open", m->nr_inodes);
	if (nr_free_pages(m) != m->ram_pages - 1) {
		unsigned long used = m->ram_pages - 1 - nr_free_pages(m);

		/* frames below the init frontier were never handed out */
		for (unsigned long i = m->ram_frontier; i < m->ram_pages; i++) {
			const char *owner = driver_page_owner(&m->memmap[i]);

			if (m->memmap[i]._refcount && owner)
				return fail(cs, "driver %s leaked pfn %lx: %lu frames still allocated with no process or file left",
					    owner, m->ram_start + i, used);
		}
		return fail(cs, "%lu frames still allocated with no process left", used);
	}
	if (m->live_objects)
		return fail(cs, "%ld objects still allocated with no process left",
			    m->live_objects);
	return true;
}

static int check_done(struct check_state *cs)
{
	struct machine *m = cs->m;

	page_table_check_log_reset(m);
	if (cs->full)
		m->ck.commands = 0;
	if (cs->failed && m->kernel_bug) {
		size_t n = strlen(m->check_report);

		snprintf(m->check_report + n, sizeof(m->check_report) - n,
			 " (expected: the model reproduced %s)", m->kernel_bug);
	}
	return cs->failed ? -EUCLEAN : 0;
}

int mm_check(struct machine *m)
{
	machine_enter(m);
	struct check_state cs = { .m = m, .full = true };
	unsigned int touched = m->design_touched;
	struct task_struct *t;
	const char *why;
	int ret;

	m->check_report[0] = '\0';
	if (count_pins(m)) {
		snprintf(m->check_report, sizeof(m->check_report), "out of host memory");
		m->design_touched = touched;
		return -ENOMEM;
	}
	cs.no_pins = !m->ck.nr_held && pincount_none_recorded(m);
	cs.pin_sets = !list_empty(&m->pin_sets);
	if (m->drv.error[0]) {
		fail(&cs, "%s", m->drv.error);
		m->drv.error[0] = '\0';	/* reported once */
	}
	machine_check_scratch_prepare(m);
	list_for_each_entry(t, &m->tasks, tasks)
		if (!cs.failed && !check_task(&cs, t))
			break;
	count_pte_copies(&cs);
	if (cs.failed)		/* the recount stopped short */
		free(cs.special.special);
	else if ((why = special_count_check(m, &cs.special)))
		fail(&cs, "%s", why);
	check_frames(&cs);
	if (!cs.failed)
		check_pat(&cs);
	if (!cs.failed)
		check_page_caches(&cs);
	if (!cs.failed)
		check_leaks(&cs);
	machine_check_scratch_release(m, cs.failed);	/* all zero again */
	ret = check_done(&cs);
	m->design_touched = touched;	/* the checker consults no design */
	return ret;
}

/* ---- the incremental check --------------------------------------------- */

/* The VMAs around a logged range, its seals, and its entries if they changed. */
static bool check_range(struct check_state *cs, const struct check_range *r)
{
	struct mm_struct *mm = r->mm;
	struct vm_area_struct *vma, *prev, *first;
	const char *why = mseal_check_range(mm, r->start, r->end);

	if (why)
		return fail(cs, "pid %d: %s", mm_pid(cs->m, mm), why);
	vma = first = find_vma(mm, r->start ? r->start - 1 : 0);
	prev = vma ? vma_prev(vma) : NULL;
	for (; vma && vma->vm_start <= r->end; prev = vma, vma = vma_next(vma))
		if (!node_checked(cs, vma) &&
		    (!check_one_vma(cs, mm, vma, prev, true) ||
		     !check_vma_rmap_paths(cs, mm, vma)))
			return false;
	return !r->walk || walk_range(cs, mm, r->start, r->end, first);
}

/*
 * A logged frame against the entries page_table_check counted.  Every
 * entry of it in a logged range was held to 3 and 4 as it was walked;
 * the others are as the last check found them, so its rmap is walked
 * only if the identity the rmap knows it by changed under entries that
 * mapped it when it was queued, or if one of them may be a writable
 * entry the page no longer allows: the page was exclusive when queued
 * (as the last check saw it: no writable entry maps any other) and is
 * not now, or is mapped more than once, or GUP holds something (4); or
 * the page was dirty when queued (no other page-cache page has a dirty
 * or writable entry in a mapping that writes back) and is clean now (7).
 * Not for a new folio, nor for one fork shares already: a COW copy in a
 * parent whose anon_vma 1,000 children share is found by checking its
 * one entry, not by visiting the 1,000 VMAs its rmap walk would.
 */
/*
 * Whether @folio was checked already in this incremental check; if not,
 * it is noted (while the set has room: past that a folio may be checked
 * again, which costs time, never a miss).  Its frames need not come in a
 * row: a PTE-mapped THP that mremap split and moved logs them amid
 * others.
 */
static bool large_done(struct check_state *cs, struct folio *folio)
{
	unsigned int i = ((uintptr_t)folio >> 6) & (LARGE_DONE_SLOTS - 1);

	while (cs->large_done[i]) {
		if (cs->large_done[i] == folio)
			return true;
		i = (i + 1) & (LARGE_DONE_SLOTS - 1);
	}
	if (cs->nr_large_done < LARGE_DONE_SLOTS * 3 / 4) {
		cs->large_done[i] = folio;
		cs->nr_large_done++;
	}
	return false;
}

static bool check_logged_frame(struct check_state *cs,
			       const struct check_frame_log *l)
{
	struct page *page = pfn_to_page(l->pfn);
	struct folio *folio = page_folio(page);
	bool moved = l->mapped &&
		     (page->mapping != l->mapping || page->index != l->index);
	uint32_t maps = page_ext_get(cs->m, page)->map_count;
	bool walk;

	if (folio_test_large(folio) && folio_ref_count(folio)) {
		if (large_done(cs, folio))	/* a folio is checked once */
			return true;
		return check_large_folio(cs, folio);
	}
	if (!page->_refcount || PageTable(page)) {
		long special = special_count_get(&cs->m->ck, l->pfn);

		if (special > 0)
			return fail(cs, "pfn %lx is %s, but %ld special entries map it (a driver mapped memory it does not own)",
				    l->pfn, page->_refcount ? "a page table" : "free", special);
		if (!page->_refcount && !maps)
			return check_free_frame(cs, page - cs->m->memmap);
	}
	/* an entry no command touched may be writable (4) only if the last
	 * check saw the page exclusive, or dirty (7) if it saw the page
	 * dirty: walk if it may no longer be so */
	walk = moved || (maps && ((l->exclusive && !anon_writable_plainly_ok(cs, page)) ||
				  (l->dirty && !PageDirty(page) && !folio_test_anon(folio))));
	if (!walk && frame_plainly_ok(cs, page, maps))
		return true;
	return check_frame(cs, page, maps, walk);
}

/* Would checking the log cost more than checking everything? */
static bool log_too_big(struct machine *m)
{
	unsigned long allocated = m->ram_pages - nr_free_pages(m);

	return !m->ck.logging || m->ck.overflow || m->ck.nr_pfns > allocated / 2;
}

int mm_check_changes(struct machine *m)
{
	machine_enter(m);
	const void *nodes[NODE_SET_SIZE];	/* read only where marked used */
	struct check_state cs = { .m = m, .nodes = nodes,
				  .pin_sets = !list_empty(&m->pin_sets) };
	struct check_log *ck = &m->ck;
	unsigned int touched = m->design_touched;
	struct task_struct *t;
	int ret;

	if (log_too_big(m)) {
		page_table_check_start_logging(m);	/* from now on */
		return mm_check(m);
	}
	m->check_report[0] = '\0';
	ck->commands++;
	if ((!ck->held_valid || (ck->global & CHECK_PINS)) && count_pins(m)) {
		snprintf(m->check_report, sizeof(m->check_report), "out of host memory");
		m->design_touched = touched;
		return -ENOMEM;
	}
	cs.no_pins = !ck->nr_held && pincount_none_recorded(m);
	if (m->drv.error[0]) {		/* a driver misbehaved: as mm_check() */
		fail(&cs, "%s", m->drv.error);
		m->drv.error[0] = '\0';
	}
	for (size_t i = 0; i < ck->nr_ranges && !cs.failed; i++)
		check_range(&cs, &ck->ranges[i]);
	/* walking ranges may queue more frames: index afresh each time */
	for (size_t i = 0; i < ck->nr_pfns && !cs.failed; i++)
		check_logged_frame(&cs, &ck->pfns[i]);
	list_for_each_entry(t, &m->tasks, tasks) {
		if (cs.failed)
			break;
		if (t->mm->map_count != t->mm->check_map_count)
			fail(&cs, "pid %d: map_count %d, but %d vmas were linked through vma_link_tree()",
			     t->pid, t->mm->map_count, t->mm->check_map_count);
		else if (check_pde_cache(&cs, t))
			check_rss(&cs, t, t->mm->check_rss);
	}
	if (!cs.failed && (ck->global & CHECK_PAT))
		check_pat(&cs);
	if (!cs.failed)
		check_leaks(&cs);
	ret = check_done(&cs);
	m->design_touched = touched;	/* the checker consults no design */
	return ret;
}

/*
 * mm_check_commands - how many incremental checks ran since the last
 * full one (for callers that run a full check every so many).
 */
unsigned long mm_check_commands(struct machine *m)
{
	return m->ck.commands;
}
