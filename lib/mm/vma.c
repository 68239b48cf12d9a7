// SPDX-License-Identifier: GPL-2.0
/*
 * vma.c - the per-mm VMA tree and the kernel's split and merge rules.
 *
 * VMAs live in an rbtree keyed by vm_start (O(log n) lookup); neighbours
 * are rb_prev/rb_next.  The tree is augmented, as the kernel's maple tree
 * tracks gaps: each node caches the first start and last end of its
 * subtree and the largest free gap between the VMAs inside it, so that
 * vma_find_gap_topdown() finds the highest free range of a given size in
 * O(log n).  A VMA's range changes only through vma_set_range(), which
 * also re-keys it in the rmap trees (i_mmap, and the anon_vma trees of
 * its anon_vma_chains) and refreshes the gaps.
 *
 * Two VMAs merge when they touch and would be one VMA had they been
 * created together:
 *
 *   - flags equal apart from VM_IGNORE_MERGE (the sticky flags
 *     soft-dirty and maybe-guard, which the merged VMA keeps if any
 *     part had them),
 *   - same file and contiguous pgoff (anonymous VMAs: pgoff is the
 *     address in pages, so contiguity follows from adjacency unless the
 *     VMA was moved by mremap),
 *   - compatible anon_vmas (equal, or one unset on a VMA whose chain is
 *     a single link: a forked VMA shares its parent's and never merges
 *     with a fresh one),
 *   - nothing VM_SPECIAL, and no vm_ops->close on a VMA the merge would
 *     delete.
 *
 * Everything that can fail (allocation, ->may_split, the map count)
 * happens before the tree is changed.  split_vma() refuses to go past
 * vm.max_map_count (ENOMEM); __split_vma() is for callers that checked.
 */
#include "internal.h"

struct vm_area_struct *vma_first(struct mm_struct *mm)
{
	struct rb_node *n = rb_first(&mm->mm_rb);

	return rb_entry_safe(n, struct vm_area_struct, vm_rb);
}

struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	struct rb_node *n = rb_next(&vma->vm_rb);

	return rb_entry_safe(n, struct vm_area_struct, vm_rb);
}

struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	struct rb_node *n = rb_prev(&vma->vm_rb);

	return rb_entry_safe(n, struct vm_area_struct, vm_rb);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *n = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (n) {
		struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);

		if (v->vm_end > addr) {
			found = v;
			if (v->vm_start <= addr)
				break;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return found;
}

struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v = find_vma(mm, addr);

	return v && v->vm_start <= addr ? v : NULL;
}

/* ---- the gap-augmented tree ------------------------------------------ */

static inline struct vm_area_struct *rb_vma(const struct rb_node *rb)
{
	return rb_entry_safe(rb, struct vm_area_struct, vm_rb);
}

/* The subtree's span and its largest gap, from the children's caches. */
static void vma_gap_compute(const struct vm_area_struct *v, unsigned long *first,
			    unsigned long *last, unsigned long *gap)
{
	const struct vm_area_struct *l = rb_vma(v->vm_rb.rb_left);
	const struct vm_area_struct *r = rb_vma(v->vm_rb.rb_right);

	*first = l ? l->rb_subtree_first : v->vm_start;
	*last = r ? r->rb_subtree_last : v->vm_end;
	*gap = 0;
	if (l)
		*gap = max(l->rb_subtree_gap, v->vm_start - l->rb_subtree_last);
	if (r)
		*gap = max(*gap, max(r->rb_subtree_gap,
				     r->rb_subtree_first - v->vm_end));
}

/* Recompute @v's cache; false if it did not change. */
static bool vma_gap_update(struct vm_area_struct *v)
{
	unsigned long first, last, gap;

	vma_gap_compute(v, &first, &last, &gap);
	if (v->rb_subtree_first == first && v->rb_subtree_last == last &&
	    v->rb_subtree_gap == gap)
		return false;
	v->rb_subtree_first = first;
	v->rb_subtree_last = last;
	v->rb_subtree_gap = gap;
	return true;
}

static void vma_gap_propagate(struct rb_node *rb, struct rb_node *stop)
{
	while (rb != stop && vma_gap_update(rb_vma(rb)))
		rb = rb_parent(rb);
}

static void vma_gap_copy(struct rb_node *old, struct rb_node *new)
{
	struct vm_area_struct *o = rb_vma(old), *n = rb_vma(new);

	n->rb_subtree_first = o->rb_subtree_first;
	n->rb_subtree_last = o->rb_subtree_last;
	n->rb_subtree_gap = o->rb_subtree_gap;
}

static void vma_gap_rotate(struct rb_node *old, struct rb_node *new)
{
	vma_gap_copy(old, new);
	vma_gap_update(rb_vma(old));
}

static const struct rb_augment_callbacks vma_gap_callbacks = {
	.propagate = vma_gap_propagate,
	.copy = vma_gap_copy,
	.rotate = vma_gap_rotate,
};

/* A check of one node (mm_check): its cache matches its children. */
bool vma_gap_node_ok(const struct vm_area_struct *v)
{
	unsigned long first, last, gap;

	vma_gap_compute(v, &first, &last, &gap);
	return v->rb_subtree_first == first && v->rb_subtree_last == last &&
	       v->rb_subtree_gap == gap;
}

/* @v and every ancestor in the tree are right (after a change at @v). */
bool vma_gap_path_ok(const struct vm_area_struct *v)
{
	const struct rb_node *rb;

	for (rb = &v->vm_rb; rb; rb = rb_parent(rb))
		if (!vma_gap_node_ok(rb_vma(rb)))
			return false;
	return true;
}

/* The highest @len bytes of [gs, ge) within [low, high), or 0. */
static unsigned long gap_fit(unsigned long gs, unsigned long ge,
			     unsigned long len, unsigned long low,
			     unsigned long high)
{
	gs = max(gs, low);
	ge = min(ge, high);
	return ge > gs && ge - gs >= len ? ge - len : 0;
}

/*
 * The highest fit among the gaps between the VMAs under @rb.  A subtree
 * is entered only if its largest gap is big enough and its span meets
 * [low, high); every subtree lying wholly inside [low, high) with a big
 * enough gap holds an answer, so the search follows O(log n) paths.
 */
static unsigned long gap_topdown(const struct rb_node *rb, unsigned long len,
				 unsigned long low, unsigned long high)
{
	const struct vm_area_struct *v = rb_vma(rb), *l, *r;
	unsigned long addr;

	if (!v || v->rb_subtree_gap < len || v->rb_subtree_last <= low ||
	    v->rb_subtree_first >= high)
		return 0;
	r = rb_vma(rb->rb_right);
	l = rb_vma(rb->rb_left);
	if (r) {
		addr = gap_topdown(rb->rb_right, len, low, high);
		if (!addr)
			addr = gap_fit(v->vm_end, r->rb_subtree_first, len, low, high);
		if (addr)
			return addr;
	}
	if (!l)
		return 0;
	addr = gap_fit(l->rb_subtree_last, v->vm_start, len, low, high);
	return addr ? addr : gap_topdown(rb->rb_left, len, low, high);
}

unsigned long vma_find_gap_topdown(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	const struct vm_area_struct *root = rb_vma(mm->mm_rb.rb_node);
	unsigned long addr;

	if (len > high - low)
		return 0;
	if (!root)
		return high - len;
	addr = gap_fit(root->rb_subtree_last, high, len, low, high);
	if (!addr)
		addr = gap_topdown(&root->vm_rb, len, low, high);
	if (!addr)
		addr = gap_fit(low, root->rb_subtree_first, len, low, high);
	return addr;
}

void vma_link_tree(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		struct vm_area_struct *v = rb_vma(*link);

		parent = *link;
		link = vma->vm_start < v->vm_start ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	vma_gap_update(vma);
	vma_gap_propagate(parent, NULL);
	rb_insert_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	mm->map_count++;
	page_table_check_vma_link(vma, 1);
}

void vma_unlink_tree(struct mm_struct *mm, struct vm_area_struct *vma)
{
	page_table_check_vma_link(vma, -1);
	rb_erase_augmented(&vma->vm_rb, &mm->mm_rb, &vma_gap_callbacks);
	RB_CLEAR_NODE(&vma->vm_rb);
	mm->map_count--;
}

/*
 * vm_area_cachep: VMAs are aligned to a cache line, as the kernel's slab
 * cache for them (SLAB_HWCACHE_ALIGN) hands them out, so that a walk of
 * the VMA tree reads one line per node; freed ones are kept for reuse
 * (a few, and none under AddressSanitizer, which must see every free).
 * Counted in live_objects as kmalloc() is, and failed by injection.
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)	/* clang's spelling */
#define __SANITIZE_ADDRESS__ 1
#endif
#endif
#ifdef __SANITIZE_ADDRESS__
#define VMA_CACHE_MAX	0
#else
#define VMA_CACHE_MAX	64
#endif
#define VMA_ALLOC_SIZE	ALIGN(sizeof(struct vm_area_struct), 64)

static struct vm_area_struct *vm_area_cache_alloc(void)
{
	struct machine *m = current_machine();
	struct vm_area_struct *vma = m->vma_cache;

	if (mm_should_fail())
		return NULL;
	if (vma) {
		m->vma_cache = *(struct vm_area_struct **)vma;
		m->nr_vma_cache--;
	} else {
		vma = aligned_alloc(64, VMA_ALLOC_SIZE);
		if (!vma)
			return NULL;
	}
	m->live_objects++;
	return vma;
}

static void vm_area_cache_free(struct vm_area_struct *vma)
{
	struct machine *m = current_machine();

	m->live_objects--;
	if (m->nr_vma_cache >= VMA_CACHE_MAX) {
		free(vma);
		return;
	}
	*(struct vm_area_struct **)vma = m->vma_cache;
	m->vma_cache = vma;
	m->nr_vma_cache++;
}

void vm_area_cache_exit(struct machine *m)
{
	while (m->vma_cache) {
		struct vm_area_struct *vma = m->vma_cache;

		m->vma_cache = *(struct vm_area_struct **)vma;
		free(vma);
	}
	m->nr_vma_cache = 0;
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = vm_area_cache_alloc();

	if (!vma)
		return NULL;
	memset(vma, 0, sizeof(*vma));
	vma->vm_mm = mm;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	RB_CLEAR_NODE(&vma->vm_rb);
	RB_CLEAR_NODE(&vma->shared.rb);
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = vm_area_cache_alloc();

	if (!vma)
		return NULL;
	*vma = *orig;
	vma->pfnmap_track_ctx = NULL;
	if (vma_pfnmap_track_ctx_dup(orig, vma)) {
		vm_area_cache_free(vma);
		return NULL;
	}
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	RB_CLEAR_NODE(&vma->vm_rb);
	RB_CLEAR_NODE(&vma->shared.rb);
	if (vma->vm_file)
		get_file(vma->vm_file);
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	vma_pfnmap_track_ctx_release(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_cache_free(vma);
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma_link_tree(mm, vma);
	if (vma->vm_file)
		vma_link_file(vma);
}

void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		vma_unlink_file(vma);
	unlink_anon_vmas(vma);
	vm_area_free(vma);
}

int vma_can_split(struct vm_area_struct *vma, unsigned long addr)
{
	if (vma->vm_ops && vma->vm_ops->may_split)
		return vma->vm_ops->may_split(vma, addr);
	return 0;
}

static void anon_vma_interval_tree_pre_update_vma(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		anon_vma_interval_tree_remove(avc, &avc->anon_vma->rb_root);
}

static void anon_vma_interval_tree_post_update_vma(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;

	list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
		anon_vma_interval_tree_insert(avc, &avc->anon_vma->rb_root);
}

/*
 * vma_set_range - move @vma's bounds and offset.  It is re-keyed in the
 * rmap trees that index it by page offset, and, if it is in its mm's
 * tree, the gaps around it are refreshed.  The new range must not cross
 * a neighbour.
 */
/* vma_set_range() but the gaps, which the caller refreshes. */
static void __vma_set_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, pgoff_t pgoff)
{
	vma_check_range(vma->vm_mm, min(start, vma->vm_start),
			max(end, vma->vm_end), false);
	if (vma->vm_file)
		vma_unlink_file(vma);
	anon_vma_interval_tree_pre_update_vma(vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	anon_vma_interval_tree_post_update_vma(vma);
	if (vma->vm_file)
		vma_link_file(vma);
}

void vma_set_range(struct vm_area_struct *vma, unsigned long start,
		   unsigned long end, pgoff_t pgoff)
{
	__vma_set_range(vma, start, end, pgoff);
	if (!RB_EMPTY_NODE(&vma->vm_rb))
		vma_gap_propagate(&vma->vm_rb, NULL);
}

int __split_vma(struct vm_area_struct *vma, unsigned long addr, int new_below)
{
	struct vm_area_struct *new;
	pgoff_t delta = (addr - vma->vm_start) >> PAGE_SHIFT;
	int err = vma_can_split(vma, addr);

	if (err)
		return err;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	/* the new part's range first: its chains are keyed by it */
	if (new_below) {
		new->vm_end = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += delta;
	}
	err = anon_vma_clone(new, vma);
	if (err) {
		vm_area_free(new);
		return err;
	}
	vma_adjust_trans_huge(vma, addr);
	/*
	 * The gaps once both parts are in the tree: refreshed in between,
	 * they would open a one-VMA hole all the way up to the root and
	 * close it again.
	 */
	if (new_below)
		__vma_set_range(vma, addr, vma->vm_end, vma->vm_pgoff + delta);
	else
		__vma_set_range(vma, vma->vm_start, addr, vma->vm_pgoff);
	vma_link(vma->vm_mm, new);
	vma_gap_propagate(&vma->vm_rb, NULL);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return 0;
}

int split_vma(struct vm_area_struct *vma, unsigned long addr, int new_below)
{
	if (vma->vm_mm->map_count >= sysctl_max_map_count())
		return -ENOMEM;
	return __split_vma(vma, addr, new_below);
}

/* A VMA that shares anon_vmas with a fork parent: merging would spread them. */
static bool vma_had_uncowed_parents(struct vm_area_struct *vma)
{
	return vma && vma->anon_vma &&
	       !(vma->anon_vma_chain.next != &vma->anon_vma_chain &&
		 vma->anon_vma_chain.next == vma->anon_vma_chain.prev);
}

/*
 * Can @tgt absorb pages whose anon_vma is @src_anon (from VMA @src, or a
 * new range when @src is NULL)?
 */
static bool anon_vma_mergeable(struct vm_area_struct *tgt,
			       struct anon_vma *src_anon,
			       struct vm_area_struct *src)
{
	if (!tgt->anon_vma && src_anon)
		return !vma_had_uncowed_parents(src);
	if (tgt->anon_vma && !src_anon)
		return !vma_had_uncowed_parents(tgt);
	return tgt->anon_vma == src_anon;
}

/* Can two neighbours holding @a and @b become one VMA? */
static bool anon_vmas_compatible(struct anon_vma *a, struct anon_vma *b)
{
	return !a || !b || a == b;
}

static bool is_mergeable_vma(struct vm_area_struct *vma, vm_flags_t flags,
			     struct file *file)
{
	if ((vma->vm_flags ^ flags) & ~VM_IGNORE_MERGE)
		return false;
	if (vma->vm_file != file)
		return false;
	return !(flags & VM_SPECIAL);
}

static bool can_remove_vma(struct vm_area_struct *vma)
{
	return !vma->vm_ops || !vma->vm_ops->close;
}

/* Can @prev be extended up over [.., pgoff ...) with these attributes? */
static bool can_merge_after(struct vm_area_struct *prev, vm_flags_t flags,
			    struct file *file, struct anon_vma *av,
			    struct vm_area_struct *src, pgoff_t pgoff)
{
	return is_mergeable_vma(prev, flags, file) &&
	       anon_vma_mergeable(prev, av, src) &&
	       prev->vm_pgoff + vma_pages(prev) == pgoff;
}

static bool can_merge_before(struct vm_area_struct *next, vm_flags_t flags,
			     struct file *file, struct anon_vma *av,
			     struct vm_area_struct *src, pgoff_t pgoff,
			     unsigned long len)
{
	return is_mergeable_vma(next, flags, file) &&
	       anon_vma_mergeable(next, av, src) &&
	       next->vm_pgoff == pgoff + (len >> PAGE_SHIFT);
}

/* @dst takes over @src's pages: it must share @src's anon_vma. */
static int dup_anon_vma(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	if (src->anon_vma && !dst->anon_vma) {
		int err = anon_vma_clone(dst, src);

		if (err)
			return err;
		dst->anon_vma = src->anon_vma;
	}
	return 0;
}

/* Remove a VMA swallowed by a merge into @into, which keeps its sticky flags. */
static void vma_merge_remove(struct vm_area_struct *vma,
			     struct vm_area_struct *into)
{
	vm_flags_set(into, vma->vm_flags & VM_STICKY);
	vma_unlink_tree(vma->vm_mm, vma);
	remove_vma(vma);
}

/*
 * Merge the new range [start, end) into its neighbours.  @src, when set,
 * is the VMA whose pages (and anon_vma) the range brings along (mremap).
 */
static struct vm_area_struct *__vma_merge_new(struct mm_struct *mm,
					      unsigned long start,
					      unsigned long end,
					      vm_flags_t flags,
					      struct file *file, pgoff_t pgoff,
					      struct vm_area_struct *src)
{
	struct anon_vma *av = src ? src->anon_vma : NULL;
	struct vm_area_struct *next = find_vma(mm, start);
	struct vm_area_struct *prev;
	bool left, right;

	if (flags & VM_SPECIAL)
		return NULL;
	prev = next ? vma_prev(next) : rb_vma(rb_last(&mm->mm_rb));
	if (next && next->vm_start != end)
		next = NULL;
	if (prev && prev->vm_end != start)
		prev = NULL;
	left = prev && can_merge_after(prev, flags, file, av, src, pgoff);
	right = next && can_merge_before(next, flags, file, av, src,
					 pgoff, end - start);
	if (left && right &&
	    (!anon_vmas_compatible(prev->anon_vma, next->anon_vma) ||
	     !can_remove_vma(next)))
		right = false;
	if ((left && src && dup_anon_vma(prev, src)) ||
	    (right && src && dup_anon_vma(next, src)))
		return NULL;
	if (left && right) {
		unsigned long nend = next->vm_end;

		if (dup_anon_vma(prev, next))
			return NULL;
		vma_merge_remove(next, prev);
		vma_set_range(prev, prev->vm_start, nend, prev->vm_pgoff);
		vm_flags_set(prev, flags & VM_STICKY);
		return prev;
	}
	if (left) {
		vma_set_range(prev, prev->vm_start, end, prev->vm_pgoff);
		vm_flags_set(prev, flags & VM_STICKY);
		return prev;
	}
	if (right) {
		vma_set_range(next, start, next->vm_end, pgoff);
		vm_flags_set(next, flags & VM_STICKY);
		return next;
	}
	return NULL;
}

struct vm_area_struct *vma_merge_new_range(struct mm_struct *mm,
					   unsigned long start,
					   unsigned long end, vm_flags_t flags,
					   struct file *file, pgoff_t pgoff)
{
	return __vma_merge_new(mm, start, end, flags, file, pgoff, NULL);
}

/*
 * copy_vma - a VMA for *@vmap's pages at [addr, addr+len) with file
 * offset @pgoff: merged into a neighbour there, or a new linked copy.
 * The source itself may be that neighbour, merged away: only a VMA never
 * faulted (mremap gave it the pgoff of its new address) can be, and
 * *@vmap is then the merged VMA, as in the kernel.
 */
struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				unsigned long len, pgoff_t pgoff)
{
	struct vm_area_struct *vma = *vmap, *new;
	unsigned long vma_start = vma->vm_start;
	bool faulted = vma->anon_vma;

	new = __vma_merge_new(vma->vm_mm, addr, addr + len, vma->vm_flags,
			      vma->vm_file, pgoff, vma);
	if (new) {
		if (vma_start >= new->vm_start && vma_start < new->vm_end) {
			VM_BUG_ON(faulted);
			*vmap = new;
		}
		return new;
	}
	new = vm_area_dup(vma);
	if (!new)
		return NULL;
	new->vm_start = addr;
	new->vm_end = addr + len;
	new->vm_pgoff = pgoff;
	if (anon_vma_clone(new, vma)) {
		vm_area_free(new);
		return NULL;
	}
	vma_link(vma->vm_mm, new);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return new;
}

/*
 * Merge the modified range [start, end) of @vma (whose new flags are
 * @flags) with its neighbours.  Returns the merged VMA, NULL when no
 * merge applies, or sets *err.
 */
static struct vm_area_struct *vma_merge_existing(struct vm_area_struct *vma,
						 unsigned long start,
						 unsigned long end,
						 vm_flags_t flags, int *err)
{
	struct vm_area_struct *prev = vma_prev(vma), *next = vma_next(vma);
	pgoff_t pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	bool left, right;

	if (flags & VM_SPECIAL)
		return NULL;
	left = start == vma->vm_start && prev && prev->vm_end == start &&
	       can_merge_after(prev, flags, vma->vm_file,
			       vma->anon_vma, vma, pgoff);
	right = end == vma->vm_end && next && next->vm_start == end &&
		can_merge_before(next, flags, vma->vm_file,
				 vma->anon_vma, vma, pgoff, end - start);
	if (left && right &&
	    (!anon_vmas_compatible(prev->anon_vma, next->anon_vma) ||
	     !can_remove_vma(next)))
		right = false;
	if ((left || right) && start == vma->vm_start && end == vma->vm_end &&
	    !can_remove_vma(vma))
		return NULL;
	if (left) {
		bool whole = end == vma->vm_end;

		if ((*err = dup_anon_vma(prev, vma)) ||
		    (right && (*err = dup_anon_vma(prev, next))))
			return NULL;
		if (right) {
			unsigned long nend = next->vm_end;

			vma_merge_remove(next, prev);
			end = nend;
		}
		if (whole) {
			vma_merge_remove(vma, prev);
		} else {
			vma_adjust_trans_huge(vma, end);
			vma_set_range(vma, end, vma->vm_end,
				      vma->vm_pgoff + ((end - vma->vm_start) >> PAGE_SHIFT));
		}
		vma_set_range(prev, prev->vm_start, end, prev->vm_pgoff);
		return prev;
	}
	if (right) {
		if ((*err = dup_anon_vma(next, vma)))
			return NULL;
		if (start == vma->vm_start) {
			vma_merge_remove(vma, next);
		} else {
			vma_adjust_trans_huge(vma, start);
			vma_set_range(vma, vma->vm_start, start, vma->vm_pgoff);
		}
		vma_set_range(next, start, next->vm_end, pgoff);
		return next;
	}
	return NULL;
}

struct vm_area_struct *vma_modify_flags(struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					vm_flags_t flags, int *err)
{
	struct vm_area_struct *merged;

	*err = 0;
	merged = vma_merge_existing(vma, start, end, flags, err);
	if (*err)
		return NULL;
	if (merged) {
		merged->vm_flags = (merged->vm_flags & VM_STICKY) | flags;
		vma_check_range(merged->vm_mm, start, end, true);
		return merged;
	}
	/* No merge: split off what stays as it was. */
	if (start > vma->vm_start) {
		*err = split_vma(vma, start, 1);
		if (*err)
			return NULL;
	}
	if (end < vma->vm_end) {
		*err = split_vma(vma, end, 0);
		if (*err)
			return NULL;
	}
	vma->vm_flags = flags;
	vma_check_range(vma->vm_mm, start, end, true);
	return vma;
}
