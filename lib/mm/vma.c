// SPDX-License-Identifier: GPL-2.0
/*
 * vma.c - the per-mm VMA tree and the kernel's split and merge rules.
 *
 * VMAs live in the mm's maple tree (mm->mm_mt, lib/lib/maple_tree.c),
 * keyed by their ranges [vm_start, vm_end - 1]: find_vma() and
 * vma_lookup() are a descent of 16-slot nodes, and the tree's per-child
 * gaps let vma_find_gap_topdown() find the highest free range of a
 * given size in O(log n) nodes.  As in Linux up to 6.0, VMAs are also
 * linked in address order (vm_next, vm_prev), so that vma_next() and
 * vma_prev() cost nothing.  A VMA's range changes only through
 * vma_set_range(), which also re-keys it in the rmap trees (i_mmap, and
 * the anon_vma trees of its anon_vma_chains) and moves its bounds in
 * the tree in place.  Linking needs tree nodes: whatever may fail
 * preallocates them first (vma_tree_prealloc()), so that vma_link()
 * cannot.
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
#include <limits.h>

#include "internal.h"

struct vm_area_struct *vma_first(struct mm_struct *mm)
{
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	return mas_find(&mas, ULONG_MAX);
}

/* The highest VMA of @mm, or NULL. */
static struct vm_area_struct *vma_last(struct mm_struct *mm)
{
	MA_STATE(mas, &mm->mm_mt, ULONG_MAX, ULONG_MAX);

	return mas_find_rev(&mas, 0);
}

struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return vma->vm_next;
}

struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return vma->vm_prev;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	MA_STATE(mas, &mm->mm_mt, addr, addr);

	return mas_find(&mas, ULONG_MAX);
}

/*
 * The model remembers the VMA it found last, valid while the tree has
 * not changed since (its generation): a fault after a fault in the same
 * VMA skips the descent (vma_lookup(), inline in internal.h, checks it;
 * this is its walk of the tree).  The kernel walks the tree each time
 * (its per-thread vmacache went in 6.1); the answer is the same.
 */
struct vm_area_struct *vma_lookup_tree(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = mtree_load(&mm->mm_mt, addr);

	mm->vma_last = vma;
	mm->vma_last_gen = mm->mm_mt.ma_gen;
	return vma;
}

/* The out-of-line vma_lookup() drivers call (include/mmsim/mm.h). */
struct vm_area_struct *(vma_lookup)(struct mm_struct *mm, unsigned long addr)
{
	return __vma_lookup(mm, addr);
}

/* ---- the tree ----------------------------------------------------------- */

unsigned long vma_find_gap_topdown(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	if (!len || high <= low ||
	    mas_empty_area_rev(&mas, low, high - 1, len))
		return 0;
	return mas.index;
}

/*
 * @v is in its mm's tree at exactly its range, between the VMAs its
 * vm_prev and vm_next name: what the incremental check asks of a VMA
 * near a change (vma_tree_ok() asks it of all in one pass).
 */
static const char *vma_tree_entry_check(const struct vm_area_struct *v,
					struct ma_state *mas)
{
	struct ma_state around;

	if (v->detached)
		return "detached";
	if (mas_walk(mas) != v || mas->index != v->vm_start ||
	    mas->last != v->vm_end - 1)
		return "not in the tree at its range";
	around = *mas;
	if (mas_find_rev(&around, 0) != v->vm_prev)
		return "the tree's previous entry is not vm_prev";
	around = *mas;
	if (mas_find(&around, ULONG_MAX) != v->vm_next)
		return "the tree's next entry is not vm_next";
	if ((v->vm_next && v->vm_next->vm_prev != v) ||
	    (v->vm_prev && v->vm_prev->vm_next != v))
		return "vm_next and vm_prev disagree";
	return NULL;
}

/*
 * vma_tree_ok - what vma_tree_entry_check() asks of every VMA of @mm, in one
 * pass: the whole tree validated once, then its entries walked in order
 * beside the vm_next list from the first VMA (each entry the VMA at its
 * range, not detached, its vm_prev the entry before it, the list ending
 * with the tree).  Return: true if all is right; if not, *@bad is the
 * first VMA found wrong (the first VMA, or NULL for an empty list, when
 * the tree itself is broken).
 */
bool vma_tree_ok(struct mm_struct *mm, const struct vm_area_struct **bad)
{
	MA_STATE(mas, &mm->mm_mt, 0, 0);
	struct vm_area_struct *v = vma_first(mm), *prev = NULL;

	*bad = v;
	if (mt_validate(&mm->mm_mt))
		return false;
	for (; v; prev = v, v = v->vm_next) {
		*bad = v;
		if (mas_find(&mas, ULONG_MAX) != v || v->detached ||
		    mas.index != v->vm_start || mas.last != v->vm_end - 1 ||
		    v->vm_prev != prev)
			return false;
	}
	return !mas_find(&mas, ULONG_MAX);
}

/*
 * @v's entry and every node from the root down to it (after a change at
 * @v), the nodes @seen reports validated already in this pass skipped
 * with their ancestors (mas_validate_path_seen(); NULL: none).
 */
bool vma_gap_path_ok(const struct vm_area_struct *v,
		     bool (*seen)(void *priv, const void *node), void *priv)
{
	MA_STATE(mas, &v->vm_mm->mm_mt, v->vm_start, v->vm_start);

	return !vma_tree_entry_check(v, &mas) &&
	       !mas_validate_path_seen(&mas, seen, priv);
}

/*
 * vma_tree_prealloc - make sure of the tree nodes that linking @vma will
 * need (the kernel's vma_iter_prealloc()), so that vma_link() cannot fail.
 */
int vma_tree_prealloc(struct mm_struct *mm, struct vm_area_struct *vma)
{
	MA_STATE(mas, &mm->mm_mt, vma->vm_start, vma->vm_end - 1);

	return mas_preallocate(&mas, vma);
}

/* @vma, now in the tree, between @prev and @next in the list. */
static void vma_list_link(struct mm_struct *mm, struct vm_area_struct *vma,
			  struct vm_area_struct *prev,
			  struct vm_area_struct *next)
{
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	if (next)
		next->vm_prev = vma;
	vma->detached = false;
	mm->map_count++;
	page_table_check_vma_link(vma, 1);
}

/*
 * Is @mas where a find at @vma's start left it, and still valid: on the
 * first VMA after @vma's range, with the one before it below the range?
 */
static bool vma_mas_before(struct mm_struct *mm, struct vm_area_struct *vma,
			   struct ma_state *mas)
{
	struct vm_area_struct *next;

	if (!mas->node || mas->gen != mm->mm_mt.ma_gen)
		return false;
	next = mas->node->slot[mas->offset];
	return next->vm_start >= vma->vm_end &&
	       (!next->vm_prev || next->vm_prev->vm_end <= vma->vm_start);
}

void vma_link_tree_at(struct mm_struct *mm, struct vm_area_struct *vma,
		      struct ma_state *mas)
{
	struct vm_area_struct *next, *prev;

	if (vma_mas_before(mm, vma, mas)) {
		next = mas->node->slot[mas->offset];
	} else {
		mas_set_range(mas, vma->vm_start, vma->vm_start);
		next = mas_find(mas, ULONG_MAX);
	}
	prev = next ? next->vm_prev : vma_last(mm);
	VM_BUG_ON_VMA(next && next->vm_start < vma->vm_end, vma);
	/* the store goes in just before @next, where the find left @mas */
	mas->index = vma->vm_start;
	mas->last = vma->vm_end - 1;
	/* a no-op after vma_tree_prealloc(), which every fallible path calls */
	VM_BUG_ON(mas_preallocate(mas, vma));
	mas_store_prealloc(mas, vma);
	vma_list_link(mm, vma, prev, next);
}

void vma_link_tree(struct mm_struct *mm, struct vm_area_struct *vma)
{
	MA_STATE(mas, &mm->mm_mt, vma->vm_start, vma->vm_start);

	vma_link_tree_at(mm, vma, &mas);
}

/*
 * Link @new, the part of @vma's old range a split gave it: one store of
 * @new over that part cuts @vma's range in the tree, in one leaf write
 * (as the kernel's __split_vma() stores the new VMA through its
 * vma_iterator), and @new joins the list beside @vma.
 */
static void vma_link_split(struct ma_state *vmi, struct vm_area_struct *vma,
			   struct vm_area_struct *new, int new_below)
{
	struct mm_struct *mm = vma->vm_mm;

	VM_BUG_ON_VMA(vma->detached, vma);
	/* from where @vmi was left (a find of @vma), if the tree is unchanged */
	vmi->index = new->vm_start;
	vmi->last = new->vm_end - 1;
	VM_BUG_ON(mas_preallocate(vmi, new));
	mas_store_prealloc(vmi, new);
	if (new_below)
		vma_list_link(mm, new, vma->vm_prev, vma);
	else
		vma_list_link(mm, new, vma, vma->vm_next);
	if (new->vm_file)
		vma_link_file(new);
}

/* @vma, no longer in the tree, leaves the list. */
static void vma_list_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
	vma->vm_prev = vma->vm_next = NULL;
	vma->detached = true;
	mm->map_count--;
}

void vma_unlink_tree_at(struct mm_struct *mm, struct vm_area_struct *vma,
			struct ma_state *mas)
{
	page_table_check_vma_link(vma, -1);
	/* the find that gave @vma left @mas on it, unless the tree changed */
	if (!(mas->node && mas->gen == mm->mm_mt.ma_gen &&
	      mas->node->slot[mas->offset] == vma)) {
		mas_set_range(mas, vma->vm_start, vma->vm_start);
		VM_BUG_ON_VMA(mas_walk(mas) != vma, vma);
	}
	mas_erase(mas);
	vma_list_unlink(mm, vma);
}

void vma_unlink_tree(struct mm_struct *mm, struct vm_area_struct *vma)
{
	MA_STATE(mas, &mm->mm_mt, vma->vm_start, vma->vm_start);

	vma_unlink_tree_at(mm, vma, &mas);
}

/*
 * vm_area_cachep: VMAs come from a slab cache (slab.c), aligned to a
 * cache line as the kernel's SLAB_HWCACHE_ALIGN cache hands them out,
 * so that reading a VMA's bounds and neighbours touches one line.
 * Counted in live_objects as kmalloc() is, and failed by injection.
 */
static struct vm_area_struct *vm_area_cache_alloc(void)
{
	struct machine *m = current_machine();
	struct vm_area_struct *vma;

	if (mm_should_fail())
		return NULL;
	if (!m->vm_area_cachep.size)
		kmem_cache_init(&m->vm_area_cachep, sizeof(*vma), 64);
	vma = kmem_cache_alloc(&m->vm_area_cachep, GFP_KERNEL);
	if (vma)
		m->live_objects++;
	return vma;
}

static void vm_area_cache_free(struct vm_area_struct *vma)
{
	struct machine *m = current_machine();

	m->live_objects--;
	kmem_cache_free(&m->vm_area_cachep, vma);
}

void vm_area_cache_exit(struct machine *m)
{
	if (m->vm_area_cachep.size)
		kmem_cache_destroy(&m->vm_area_cachep);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = vm_area_cache_alloc();

	if (!vma)
		return NULL;
	memset(vma, 0, sizeof(*vma));
	vma->vm_mm = mm;
	vma->detached = true;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
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
	vma->vm_next = vma->vm_prev = NULL;
	vma->detached = true;
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

void vma_link_at(struct mm_struct *mm, struct vm_area_struct *vma,
		 struct ma_state *mas)
{
	vma_link_tree_at(mm, vma, mas);
	if (vma->vm_file)
		vma_link_file(vma);
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	MA_STATE(mas, &mm->mm_mt, vma->vm_start, vma->vm_start);

	vma_link_at(mm, vma, &mas);
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
 * tree, there (in place, with the gaps around it).  The new range must
 * not meet a neighbour.
 */
/* vma_set_range() but the mm's tree. */
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
	MA_STATE(mas, &vma->vm_mm->mm_mt, vma->vm_start, vma->vm_start);
	bool linked = !vma->detached;

	if (linked)
		VM_BUG_ON_VMA(mas_walk(&mas) != vma, vma);
	__vma_set_range(vma, start, end, pgoff);
	if (linked)
		VM_BUG_ON_VMA(mas_move_range(&mas, start, end - 1), vma);
}

int __split_vma(struct ma_state *vmi, struct vm_area_struct *vma,
		unsigned long addr, int new_below)
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
	err = vma_tree_prealloc(vma->vm_mm, new);
	if (!err)
		err = anon_vma_clone(new, vma);
	if (err) {
		vm_area_free(new);
		return err;
	}
	vma_adjust_trans_huge(vma, addr);
	/* the rmap trees first; then @new's store moves @vma's tree range */
	if (new_below)
		__vma_set_range(vma, addr, vma->vm_end, vma->vm_pgoff + delta);
	else
		__vma_set_range(vma, vma->vm_start, addr, vma->vm_pgoff);
	vma_link_split(vmi, vma, new, new_below);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return 0;
}

int split_vma(struct ma_state *vmi, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	if (vma->vm_mm->map_count >= sysctl_max_map_count())
		return -ENOMEM;
	return __split_vma(vmi, vma, addr, new_below);
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

/*
 * @into grows to [@start, @end) over the tree ranges of the neighbours
 * a merge removes (or of the part of one it takes): one store of @into
 * over its new range, as the kernel's vma_iter_store() does, so that no
 * gap opens in between.  The nodes were preallocated.
 */
static void vma_store_range(struct vm_area_struct *into, unsigned long start,
			    unsigned long end, pgoff_t pgoff)
{
	MA_STATE(mas, &into->vm_mm->mm_mt, start, end - 1);

	__vma_set_range(into, start, end, pgoff);
	mas_store_prealloc(&mas, into);
}

/*
 * Remove a VMA swallowed by a merge into @into, which keeps its sticky
 * flags; vma_store_range(@into) has taken its range in the tree.
 */
static void vma_merge_remove(struct vm_area_struct *vma,
			     struct vm_area_struct *into)
{
	struct mm_struct *mm = vma->vm_mm;

	VM_BUG_ON_VMA(mtree_load(&mm->mm_mt, vma->vm_start) != into, vma);
	vm_flags_set(into, vma->vm_flags & VM_STICKY);
	page_table_check_vma_link(vma, -1);
	vma_list_unlink(mm, vma);
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
					      struct vm_area_struct *src,
					      struct vm_area_struct *next)
{
	struct anon_vma *av = src ? src->anon_vma : NULL;
	struct vm_area_struct *prev;
	bool left, right;

	if (flags & VM_SPECIAL)
		return NULL;
	prev = next ? vma_prev(next) : vma_last(mm);
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
	if ((left || right) && vma_tree_prealloc(mm, left ? prev : next))
		return NULL;
	if ((left && src && dup_anon_vma(prev, src)) ||
	    (right && src && dup_anon_vma(next, src)))
		return NULL;
	if (left && right) {
		if (dup_anon_vma(prev, next))
			return NULL;
		vma_store_range(prev, prev->vm_start, next->vm_end, prev->vm_pgoff);
		vma_merge_remove(next, prev);
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
	return __vma_merge_new(mm, start, end, flags, file, pgoff, NULL,
			       find_vma(mm, start));
}

struct vm_area_struct *vma_merge_new_range_next(struct mm_struct *mm,
						struct vm_area_struct *next,
						unsigned long start,
						unsigned long end,
						vm_flags_t flags,
						struct file *file, pgoff_t pgoff)
{
	return __vma_merge_new(mm, start, end, flags, file, pgoff, NULL, next);
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
			      vma->vm_file, pgoff, vma, find_vma(vma->vm_mm, addr));
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
	if (vma_tree_prealloc(vma->vm_mm, new) || anon_vma_clone(new, vma)) {
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
	if ((left || right) && (*err = vma_tree_prealloc(vma->vm_mm, vma)))
		return NULL;
	/*
	 * The shrinking VMA's rmap keys first; then one store of the VMA
	 * that grows takes, in the tree, the ranges of those it removes and
	 * the part the shrinking one gave up.
	 */
	if (left) {
		bool whole = end == vma->vm_end;

		if ((*err = dup_anon_vma(prev, vma)) ||
		    (right && (*err = dup_anon_vma(prev, next))))
			return NULL;
		if (!whole) {
			vma_adjust_trans_huge(vma, end);
			__vma_set_range(vma, end, vma->vm_end,
					vma->vm_pgoff + ((end - vma->vm_start) >> PAGE_SHIFT));
		}
		vma_store_range(prev, prev->vm_start, right ? next->vm_end : end,
				prev->vm_pgoff);
		if (right)
			vma_merge_remove(next, prev);
		if (whole)
			vma_merge_remove(vma, prev);
		return prev;
	}
	if (right) {
		if ((*err = dup_anon_vma(next, vma)))
			return NULL;
		if (start != vma->vm_start) {
			vma_adjust_trans_huge(vma, start);
			__vma_set_range(vma, vma->vm_start, start, vma->vm_pgoff);
		}
		vma_store_range(next, start, next->vm_end, pgoff);
		if (start == vma->vm_start)
			vma_merge_remove(vma, next);
		return next;
	}
	return NULL;
}

struct vm_area_struct *vma_modify_flags_at(struct ma_state *vmi,
					   struct vm_area_struct *vma,
					   unsigned long start,
					   unsigned long end,
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
		*err = split_vma(vmi, vma, start, 1);
		if (*err)
			return NULL;
	}
	if (end < vma->vm_end) {
		*err = split_vma(vmi, vma, end, 0);
		if (*err)
			return NULL;
	}
	vma->vm_flags = flags;
	vma_check_range(vma->vm_mm, start, end, true);
	return vma;
}

struct vm_area_struct *vma_modify_flags(struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					vm_flags_t flags, int *err)
{
	MA_STATE(vmi, &vma->vm_mm->mm_mt, start, start);

	return vma_modify_flags_at(&vmi, vma, start, end, flags, err);
}

/*
 * Whether an anon_vma of @a may serve @b, its neighbour above: adjacent,
 * the same file at the offset that follows, and the same flags but for
 * the access bits and soft-dirty - what a later mprotect could merge.
 */
static bool anon_vma_compatible(struct vm_area_struct *a, struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_file == b->vm_file &&
	       !((a->vm_flags ^ b->vm_flags) & ~(VM_ACCESS_FLAGS | VM_SOFTDIRTY)) &&
	       b->vm_pgoff == a->vm_pgoff + ((b->vm_start - a->vm_start) >> PAGE_SHIFT);
}

/* @old's anon_vma, if it has one of its own (not inherited) and a, b fit. */
static struct anon_vma *reusable_anon_vma(struct vm_area_struct *old,
					  struct vm_area_struct *a,
					  struct vm_area_struct *b)
{
	if (anon_vma_compatible(a, b) && old->anon_vma &&
	    list_is_singular(&old->anon_vma_chain))
		return old->anon_vma;
	return NULL;
}

/**
 * find_mergeable_anon_vma - an anon_vma a neighbour of @vma can share
 * with it, so that the two may merge again later (after an mprotect
 * split them): the next VMA's first, then the previous one's.
 * @vma: a VMA without anon_vma.
 *
 * Return: the anon_vma, or NULL when neither neighbour has one to share.
 */
struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma), *prev = vma_prev(vma);
	struct anon_vma *av = next ? reusable_anon_vma(next, vma, next) : NULL;

	if (!av && prev)
		av = reusable_anon_vma(prev, prev, vma);
	return av;
}
