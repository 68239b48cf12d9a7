// SPDX-License-Identifier: GPL-2.0
/*
 * rbtree.c - red-black trees, plain and augmented (API in <mmsim/rbtree.h>).
 *
 * Invariants kept by every operation here:
 *  - the root is black, a red node has no red child, and every path from
 *    a node down to a NULL link crosses the same number of black nodes;
 *  - __rb_parent_color holds the parent pointer with the colour in bit 0
 *    (0 = red, 1 = black), so a freshly linked node (rb_link_node) is red;
 *  - for augmented trees, every node's cached value is correct whenever
 *    control returns to the caller: structural changes are followed by
 *    @propagate, and each rotation by @rotate(old, new) once @new has
 *    taken @old's place.
 */
#include <mmsim/rbtree.h>

#define RB_RED		0UL
#define RB_BLACK	1UL

static inline unsigned long rb_color(const struct rb_node *n)
{
	return n->__rb_parent_color & 1UL;
}

static inline bool rb_is_red(const struct rb_node *n)
{
	return n && rb_color(n) == RB_RED;
}

static inline bool rb_is_black(const struct rb_node *n)
{
	return !rb_is_red(n);
}

static inline void rb_set_color(struct rb_node *n, unsigned long color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

static inline void rb_set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = (unsigned long)p | rb_color(n);
}

/* Make @parent (or the root) point at @new where it pointed at @old. */
static void rb_change_child(struct rb_node *old, struct rb_node *new,
			    struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

static void rb_rotated(struct rb_node *old, struct rb_node *new,
		       const struct rb_augment_callbacks *aug)
{
	if (aug)
		aug->rotate(old, new);
}

/* @x's right child takes @x's place; @x becomes its left child. */
static void rb_rotate_left(struct rb_node *x, struct rb_root *root,
			   const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = x->rb_right;
	struct rb_node *p = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);
	rb_set_parent(y, p);
	rb_change_child(x, y, p, root);
	y->rb_left = x;
	rb_set_parent(x, y);
	rb_rotated(x, y, aug);
}

/* @x's left child takes @x's place; @x becomes its right child. */
static void rb_rotate_right(struct rb_node *x, struct rb_root *root,
			    const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = x->rb_left;
	struct rb_node *p = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		rb_set_parent(y->rb_right, x);
	rb_set_parent(y, p);
	rb_change_child(x, y, p, root);
	y->rb_right = x;
	rb_set_parent(x, y);
	rb_rotated(x, y, aug);
}

/*
 * Restore the colour rules after @node was linked red.  Only a red parent
 * is a violation; a red uncle pushes it two levels up by recolouring, a
 * black uncle ends it with at most two rotations.
 */
static void rb_insert_fixup(struct rb_node *node, struct rb_root *root,
			    const struct rb_augment_callbacks *aug)
{
	for (;;) {
		struct rb_node *parent = rb_parent(node), *gparent, *uncle;
		bool left;

		if (!parent) {
			rb_set_color(node, RB_BLACK);
			return;
		}
		if (rb_is_black(parent))
			return;
		gparent = rb_parent(parent);	/* a red node is not the root */
		left = parent == gparent->rb_left;
		uncle = left ? gparent->rb_right : gparent->rb_left;
		if (rb_is_red(uncle)) {
			rb_set_color(parent, RB_BLACK);
			rb_set_color(uncle, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (left && node == parent->rb_right) {
			rb_rotate_left(parent, root, aug);
			parent = node;
		} else if (!left && node == parent->rb_left) {
			rb_rotate_right(parent, root, aug);
			parent = node;
		}
		rb_set_color(parent, RB_BLACK);
		rb_set_color(gparent, RB_RED);
		if (left)
			rb_rotate_right(gparent, root, aug);
		else
			rb_rotate_left(gparent, root, aug);
		return;
	}
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	rb_insert_fixup(node, root, NULL);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	rb_insert_fixup(node, root, augment);
}

/*
 * One black node is missing on every path through @x (possibly NULL),
 * whose parent is @parent.  Borrow from the sibling's side or move the
 * deficit up until it can be absorbed.  Written once for both sides:
 * "near" and "far" are the sibling's children nearer to and farther
 * from @x.
 */
static void rb_erase_fixup(struct rb_node *x, struct rb_node *parent,
			   struct rb_root *root,
			   const struct rb_augment_callbacks *aug)
{
	while (parent && rb_is_black(x)) {
		bool left = x == parent->rb_left;
		struct rb_node *w = left ? parent->rb_right : parent->rb_left;
		struct rb_node *near, *far;

		if (rb_is_red(w)) {
			rb_set_color(w, RB_BLACK);
			rb_set_color(parent, RB_RED);
			if (left)
				rb_rotate_left(parent, root, aug);
			else
				rb_rotate_right(parent, root, aug);
			w = left ? parent->rb_right : parent->rb_left;
		}
		near = left ? w->rb_left : w->rb_right;
		far = left ? w->rb_right : w->rb_left;
		if (rb_is_black(near) && rb_is_black(far)) {
			rb_set_color(w, RB_RED);
			x = parent;
			parent = rb_parent(x);
			continue;
		}
		if (rb_is_black(far)) {
			rb_set_color(near, RB_BLACK);
			rb_set_color(w, RB_RED);
			if (left)
				rb_rotate_right(w, root, aug);
			else
				rb_rotate_left(w, root, aug);
			far = w;
			w = near;
		}
		rb_set_color(w, rb_color(parent));
		rb_set_color(parent, RB_BLACK);
		rb_set_color(far, RB_BLACK);
		if (left)
			rb_rotate_left(parent, root, aug);
		else
			rb_rotate_right(parent, root, aug);
		return;
	}
	if (x)
		rb_set_color(x, RB_BLACK);
}

static void rb_propagate(struct rb_node *node, struct rb_node *stop,
			 const struct rb_augment_callbacks *aug)
{
	if (aug && node)
		aug->propagate(node, stop);
}

/* Unlink @node, which has at most one child. */
static void rb_erase_simple(struct rb_node *node, struct rb_root *root,
			    const struct rb_augment_callbacks *aug)
{
	struct rb_node *child = node->rb_left ? node->rb_left : node->rb_right;
	struct rb_node *parent = rb_parent(node);
	bool black = rb_is_black(node);

	rb_change_child(node, child, parent, root);
	if (child)
		rb_set_parent(child, parent);
	rb_propagate(parent, NULL, aug);
	if (!black)
		return;
	if (child)	/* a lone child under a black node is red */
		rb_set_color(child, RB_BLACK);
	else
		rb_erase_fixup(NULL, parent, root, aug);
}

/*
 * Unlink @node, which has two children: its in-order successor (leftmost
 * of the right subtree, no left child) takes its place and colour, and
 * the successor's old slot is where a black node may be missing.
 */
static void rb_erase_inner(struct rb_node *node, struct rb_root *root,
			   const struct rb_augment_callbacks *aug)
{
	struct rb_node *succ = node->rb_right, *x, *xparent;
	bool black;

	while (succ->rb_left)
		succ = succ->rb_left;
	black = rb_is_black(succ);
	x = succ->rb_right;
	if (succ == node->rb_right) {
		xparent = succ;
	} else {
		xparent = rb_parent(succ);
		xparent->rb_left = x;
		if (x)
			rb_set_parent(x, xparent);
		succ->rb_right = node->rb_right;
		rb_set_parent(succ->rb_right, succ);
	}
	succ->rb_left = node->rb_left;
	rb_set_parent(succ->rb_left, succ);
	rb_change_child(node, succ, rb_parent(node), root);
	succ->__rb_parent_color = node->__rb_parent_color;

	if (aug) {
		aug->copy(node, succ);
		if (xparent != succ)
			aug->propagate(xparent, succ);
		aug->propagate(succ, NULL);
	}
	if (!black)
		return;
	if (x)
		rb_set_color(x, RB_BLACK);
	else
		rb_erase_fixup(NULL, xparent, root, aug);
}

static void rb_erase_common(struct rb_node *node, struct rb_root *root,
			    const struct rb_augment_callbacks *aug)
{
	if (node->rb_left && node->rb_right)
		rb_erase_inner(node, root, aug);
	else
		rb_erase_simple(node, root, aug);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_common(node, root, NULL);
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	rb_erase_common(node, root, augment);
}

/* @new takes @victim's place, colour and links; no rebalancing needed. */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	rb_change_child(victim, new, parent, root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	/* Climb while we come up from a right child. */
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
