/* SPDX-License-Identifier: GPL-2.0 */
/*
 * interval_tree_generic.h - an interval tree over any node type, as the
 * kernel's INTERVAL_TREE_DEFINE() generates them: an rbtree ordered by
 * each node's start, augmented with the largest last value of every
 * subtree.  mm/interval_tree.c instantiates it for the file rmap
 * (VMAs in mapping->i_mmap) and the anon rmap (anon_vma_chains in
 * anon_vma->rb_root).
 *
 * INTERVAL_TREE_DEFINE(STRUCT, RB, TYPE, SUBTREE, START, LAST, PREFIX)
 *   STRUCT   the node type; RB its struct rb_node member;
 *   TYPE     the key type; SUBTREE the member caching the subtree's last;
 *   START, LAST  functions giving a node's closed interval [start, last];
 *   PREFIX   names PREFIX_insert, _remove, _iter_first, _iter_next.
 *
 * Invariants: in-order traversal gives non-decreasing starts (equal keys
 * are inserted to the right, keeping insertion order); SUBTREE is the
 * largest LAST in the node's subtree.  Queries take a closed interval
 * and visit overlapping nodes in ascending start order, pruning subtrees
 * whose SUBTREE ends before the query and stopping at the first node that
 * begins after it: O(log n + k).
 */
#ifndef MMSIM_INTERVAL_TREE_GENERIC_H
#define MMSIM_INTERVAL_TREE_GENERIC_H

#include <mmsim/rbtree.h>

#define INTERVAL_TREE_DEFINE(STRUCT, RB, TYPE, SUBTREE, START, LAST, PREFIX) \
									\
static inline STRUCT *PREFIX##_node(const struct rb_node *rb)		\
{									\
	return rb_entry_safe(rb, STRUCT, RB);				\
}									\
									\
static inline TYPE PREFIX##_sublast(const struct rb_node *rb)		\
{									\
	return PREFIX##_node(rb)->SUBTREE;				\
}									\
									\
static TYPE PREFIX##_compute(const STRUCT *n)				\
{									\
	TYPE last = LAST(n);						\
									\
	if (n->RB.rb_left && PREFIX##_sublast(n->RB.rb_left) > last)	\
		last = PREFIX##_sublast(n->RB.rb_left);			\
	if (n->RB.rb_right && PREFIX##_sublast(n->RB.rb_right) > last)	\
		last = PREFIX##_sublast(n->RB.rb_right);			\
	return last;							\
}									\
									\
static void PREFIX##_propagate(struct rb_node *rb, struct rb_node *stop) \
{									\
	while (rb != stop) {						\
		STRUCT *n = PREFIX##_node(rb);				\
		TYPE last = PREFIX##_compute(n);			\
									\
		if (n->SUBTREE == last)					\
			break;						\
		n->SUBTREE = last;					\
		rb = rb_parent(rb);					\
	}								\
}									\
									\
static void PREFIX##_copy(struct rb_node *old, struct rb_node *new)	\
{									\
	PREFIX##_node(new)->SUBTREE = PREFIX##_sublast(old);		\
}									\
									\
static void PREFIX##_rotate(struct rb_node *old, struct rb_node *new)	\
{									\
	PREFIX##_node(new)->SUBTREE = PREFIX##_sublast(old);		\
	PREFIX##_node(old)->SUBTREE = PREFIX##_compute(PREFIX##_node(old)); \
}									\
									\
static const struct rb_augment_callbacks PREFIX##_augment = {		\
	.propagate = PREFIX##_propagate,				\
	.copy = PREFIX##_copy,						\
	.rotate = PREFIX##_rotate,					\
};									\
									\
void PREFIX##_insert(STRUCT *node, struct rb_root *root)		\
{									\
	struct rb_node **link = &root->rb_node, *parent = NULL;		\
	TYPE start = START(node), last = LAST(node);			\
									\
	/* Every ancestor's subtree gains @node: raise its max. */	\
	while (*link) {							\
		STRUCT *n = PREFIX##_node(*link);			\
									\
		parent = *link;						\
		if (n->SUBTREE < last)					\
			n->SUBTREE = last;				\
		if (start < START(n))					\
			link = &parent->rb_left;			\
		else							\
			link = &parent->rb_right;			\
	}								\
	node->SUBTREE = last;						\
	rb_link_node(&node->RB, parent, link);				\
	rb_insert_augmented(&node->RB, root, &PREFIX##_augment);	\
}									\
									\
void PREFIX##_remove(STRUCT *node, struct rb_root *root)		\
{									\
	rb_erase_augmented(&node->RB, root, &PREFIX##_augment);		\
	RB_CLEAR_NODE(&node->RB);					\
}									\
									\
/*									\
 * The leftmost node under @rb overlapping [start, last], or NULL;	\
 * rb's SUBTREE >= start.  Going left whenever the left subtree reaches	\
 * @start is safe: if nothing there overlaps, whatever in it reaches	\
 * @start begins after @last, and so does everything to its right.	\
 */									\
static STRUCT *PREFIX##_subtree_first(struct rb_node *rb, TYPE start,	\
				      TYPE last)			\
{									\
	for (;;) {							\
		STRUCT *n = PREFIX##_node(rb);				\
									\
		if (rb->rb_left && PREFIX##_sublast(rb->rb_left) >= start) { \
			rb = rb->rb_left;				\
			continue;					\
		}							\
		if (START(n) > last)					\
			return NULL;					\
		if (LAST(n) >= start)					\
			return n;					\
		rb = rb->rb_right;					\
		if (!rb || PREFIX##_sublast(rb) < start)		\
			return NULL;					\
	}								\
}									\
									\
STRUCT *PREFIX##_iter_first(struct rb_root *root, TYPE start, TYPE last) \
{									\
	struct rb_node *rb = root->rb_node;				\
									\
	if (!rb || PREFIX##_sublast(rb) < start)			\
		return NULL;						\
	return PREFIX##_subtree_first(rb, start, last);			\
}									\
									\
/*									\
 * Everything left of @node has been reported.  Next: @node's right	\
 * subtree, then each ancestor reached from its left side and that	\
 * ancestor's right subtree.  A right subtree reaching @start with no	\
 * overlap holds a node beginning after @last: its answer is final.	\
 */									\
STRUCT *PREFIX##_iter_next(STRUCT *node, TYPE start, TYPE last)		\
{									\
	struct rb_node *rb = &node->RB, *parent;			\
									\
	for (;;) {							\
		STRUCT *n;						\
									\
		if (rb->rb_right && PREFIX##_sublast(rb->rb_right) >= start) \
			return PREFIX##_subtree_first(rb->rb_right, start, last); \
		while ((parent = rb_parent(rb)) && rb == parent->rb_right) \
			rb = parent;					\
		if (!parent)						\
			return NULL;					\
		rb = parent;						\
		n = PREFIX##_node(rb);					\
		if (START(n) > last)					\
			return NULL;					\
		if (LAST(n) >= start)					\
			return n;					\
	}								\
}									\
									\
/*									\
 * A check of one node: its subtree cache is right and its children	\
 * are on the right sides.  Checking every node checks the tree.	\
 */									\
bool PREFIX##_node_ok(const STRUCT *n)					\
{									\
	const struct rb_node *l = n->RB.rb_left, *r = n->RB.rb_right;	\
									\
	if (l && START(PREFIX##_node(l)) > START(n))			\
		return false;						\
	if (r && START(PREFIX##_node(r)) < START(n))			\
		return false;						\
	return n->SUBTREE == PREFIX##_compute(n);			\
}									\
									\
/* @n and every ancestor are right (after a change at @n). */		\
bool PREFIX##_path_ok(const STRUCT *n)					\
{									\
	const struct rb_node *rb;					\
									\
	for (rb = &n->RB; rb; rb = rb_parent(rb))			\
		if (!PREFIX##_node_ok(PREFIX##_node(rb)))		\
			return false;					\
	return true;							\
}

#endif /* MMSIM_INTERVAL_TREE_GENERIC_H */
