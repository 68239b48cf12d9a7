// SPDX-License-Identifier: GPL-2.0
/*
 * vma.c - the per-mm VMA tree and the kernel's split and merge rules.
 *
 * VMAs live in an rbtree keyed by vm_start (O(log n) lookup); neighbours
 * are rb_prev/rb_next.  Two VMAs merge when they touch and would be one
 * VMA had they been created together:
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
 * Everything that can fail (allocation, ->may_split) happens before the
 * tree is changed.
 */
#include "internal.h"

#define MAX_MAP_COUNT	65530

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

void vma_link_tree(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		struct vm_area_struct *v = rb_entry(*link, struct vm_area_struct, vm_rb);

		parent = *link;
		link = vma->vm_start < v->vm_start ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	mm->map_count++;
}

void vma_unlink_tree(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	RB_CLEAR_NODE(&vma->vm_rb);
	mm->map_count--;
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	RB_CLEAR_NODE(&vma->vm_rb);
	RB_CLEAR_NODE(&vma->shared.rb);
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	*vma = *orig;
	vma->pfnmap_track_ctx = NULL;
	if (vma_pfnmap_track_ctx_dup(orig, vma)) {
		kfree(vma);
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
	kfree(vma);
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
	if (vma->vm_ops && vma->vm_ops->may_split) {
		int err = vma->vm_ops->may_split(vma, addr);

		if (err)
			return err;
	}
	if (vma->vm_mm->map_count >= MAX_MAP_COUNT)
		return -ENOMEM;
	return 0;
}

/* Move @vma's bounds, keeping the file rmap keyed correctly. */
static void vma_set_range(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, pgoff_t pgoff)
{
	if (vma->vm_file)
		vma_unlink_file(vma);
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	if (vma->vm_file)
		vma_link_file(vma);
}

int split_vma(struct vm_area_struct *vma, unsigned long addr, int new_below)
{
	struct vm_area_struct *new;
	pgoff_t delta = (addr - vma->vm_start) >> PAGE_SHIFT;
	int err = vma_can_split(vma, addr);

	if (err)
		return err;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	err = anon_vma_clone(new, vma);
	if (err) {
		vm_area_free(new);
		return err;
	}
	vma_adjust_trans_huge(vma, addr);
	if (new_below) {
		new->vm_end = addr;
		vma_set_range(vma, addr, vma->vm_end, vma->vm_pgoff + delta);
	} else {
		new->vm_start = addr;
		new->vm_pgoff += delta;
		vma_set_range(vma, vma->vm_start, addr, vma->vm_pgoff);
	}
	vma_link(vma->vm_mm, new);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	return 0;
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
	prev = next ? vma_prev(next) :
		      rb_entry_safe(rb_last(&mm->mm_rb), struct vm_area_struct, vm_rb);
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
 * copy_vma - a VMA for @vma's pages at [addr, addr+len) with file offset
 * @pgoff: merged into a neighbour there, or a new linked copy.
 */
struct vm_area_struct *copy_vma(struct vm_area_struct *vma, unsigned long addr,
				unsigned long len, pgoff_t pgoff)
{
	struct vm_area_struct *new;

	new = __vma_merge_new(vma->vm_mm, addr, addr + len, vma->vm_flags,
			      vma->vm_file, pgoff, vma);
	if (new)
		return new;
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
	return vma;
}
