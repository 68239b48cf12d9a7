// SPDX-License-Identifier: GPL-2.0
/*
 * interval_tree.c - the i_mmap interval tree: VMAs of one address_space
 * in an augmented rbtree on vma->shared.rb.
 *
 * Invariants: in-order traversal gives non-decreasing vma_start_pgoff
 * (equal keys are inserted to the right, so they keep insertion order);
 * vma->shared.rb_subtree_last is the largest vma_last_pgoff in the subtree
 * rooted at the VMA.  Queries take the closed interval [start, last] and
 * visit overlapping VMAs in in-order (ascending start) order, pruning
 * subtrees whose rb_subtree_last ends before @start and stopping at the
 * first VMA that begins after @last: O(log n + k).
 */
#include "internal.h"

static inline struct vm_area_struct *itree_vma(const struct rb_node *rb)
{
	return rb_entry_safe(rb, struct vm_area_struct, shared.rb);
}

static inline unsigned long itree_sublast(const struct rb_node *rb)
{
	return itree_vma(rb)->shared.rb_subtree_last;
}

static unsigned long itree_compute(const struct vm_area_struct *v)
{
	unsigned long last = vma_last_pgoff(v);

	if (v->shared.rb.rb_left)
		last = max(last, itree_sublast(v->shared.rb.rb_left));
	if (v->shared.rb.rb_right)
		last = max(last, itree_sublast(v->shared.rb.rb_right));
	return last;
}

static void itree_propagate(struct rb_node *rb, struct rb_node *stop)
{
	while (rb != stop) {
		struct vm_area_struct *v = itree_vma(rb);
		unsigned long last = itree_compute(v);

		if (v->shared.rb_subtree_last == last)
			break;
		v->shared.rb_subtree_last = last;
		rb = rb_parent(rb);
	}
}

static void itree_copy(struct rb_node *old, struct rb_node *new)
{
	itree_vma(new)->shared.rb_subtree_last = itree_sublast(old);
}

static void itree_rotate(struct rb_node *old, struct rb_node *new)
{
	itree_vma(new)->shared.rb_subtree_last = itree_sublast(old);
	itree_vma(old)->shared.rb_subtree_last = itree_compute(itree_vma(old));
}

static const struct rb_augment_callbacks itree_callbacks = {
	.propagate = itree_propagate,
	.copy = itree_copy,
	.rotate = itree_rotate,
};

void vma_interval_tree_insert(struct vm_area_struct *node, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;
	pgoff_t start = vma_start_pgoff(node), last = vma_last_pgoff(node);

	/* Every ancestor's subtree gains @node: raise its max on the way. */
	while (*link) {
		struct vm_area_struct *v = itree_vma(*link);

		parent = *link;
		if (v->shared.rb_subtree_last < last)
			v->shared.rb_subtree_last = last;
		if (start < vma_start_pgoff(v))
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	node->shared.rb_subtree_last = last;
	rb_link_node(&node->shared.rb, parent, link);
	rb_insert_augmented(&node->shared.rb, root, &itree_callbacks);
}

void vma_interval_tree_remove(struct vm_area_struct *node, struct rb_root *root)
{
	rb_erase_augmented(&node->shared.rb, root, &itree_callbacks);
}

/*
 * The leftmost VMA under @rb overlapping [start, last], or NULL.  Callers
 * guarantee rb's rb_subtree_last >= start.  Going left whenever the left
 * subtree reaches @start is safe: if nothing there overlaps, whatever in
 * it reaches @start begins after @last, and so does everything to its
 * right, this node included.
 */
static struct vm_area_struct *itree_subtree_first(struct rb_node *rb,
						  pgoff_t start, pgoff_t last)
{
	for (;;) {
		struct vm_area_struct *v = itree_vma(rb);

		if (rb->rb_left && itree_sublast(rb->rb_left) >= start) {
			rb = rb->rb_left;
			continue;
		}
		if (vma_start_pgoff(v) > last)
			return NULL;
		if (vma_last_pgoff(v) >= start)
			return v;
		rb = rb->rb_right;
		if (!rb || itree_sublast(rb) < start)
			return NULL;
	}
}

struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root *root,
						    pgoff_t start, pgoff_t last)
{
	struct rb_node *rb = root->rb_node;

	if (!rb || itree_sublast(rb) < start)
		return NULL;
	return itree_subtree_first(rb, start, last);
}

/*
 * Everything left of @node has been reported.  Next candidates, in order:
 * @node's right subtree, then each ancestor reached from its left side
 * followed by that ancestor's right subtree.  A right subtree that
 * reaches @start but holds no overlap holds a VMA beginning after @last,
 * so nothing further right can overlap either: its answer is final.
 */
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *node,
						   pgoff_t start, pgoff_t last)
{
	struct rb_node *rb = &node->shared.rb, *parent;

	for (;;) {
		struct vm_area_struct *v;

		if (rb->rb_right && itree_sublast(rb->rb_right) >= start)
			return itree_subtree_first(rb->rb_right, start, last);
		while ((parent = rb_parent(rb)) && rb == parent->rb_right)
			rb = parent;
		if (!parent)
			return NULL;
		rb = parent;
		v = itree_vma(rb);
		if (vma_start_pgoff(v) > last)
			return NULL;
		if (vma_last_pgoff(v) >= start)
			return v;
	}
}
