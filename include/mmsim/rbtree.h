/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbtree.h - red-black trees with the kernel's interface (lib/lib/lib/rbtree.c),
 * including augmented trees (used by the i_mmap interval tree).
 *
 * The caller walks down to find the insertion point, links the node with
 * rb_link_node() and rebalances with rb_insert_color(); lookups are plain
 * loops over rb_left / rb_right in the caller.
 */
#ifndef MMSIM_RBTREE_H
#define MMSIM_RBTREE_H

#include <stdbool.h>
#include <stddef.h>

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT (struct rb_root) { NULL, }

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_entry(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define rb_entry_safe(ptr, type, member) \
	((ptr) ? rb_entry(ptr, type, member) : NULL)
#define RB_EMPTY_ROOT(root) ((root)->rb_node == NULL)
/* An unlinked node points at itself, as in the kernel. */
#define RB_EMPTY_NODE(node) \
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) \
	((node)->__rb_parent_color = (unsigned long)(node))

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * Augmented trees: each node caches a value computed from its subtree.
 * @propagate recomputes the value from @node up to (not including) @stop;
 * @copy copies it from @old to @new; @rotate is called after a rotation
 * that made @new the parent of @old, and must fix both.
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

#endif /* MMSIM_RBTREE_H */
