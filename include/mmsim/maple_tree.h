/* SPDX-License-Identifier: GPL-2.0 */
/*
 * maple_tree.h - a B-tree of non-overlapping ranges [first, last] of
 * unsigned long, each mapped to a pointer, shaped like the kernel's
 * maple tree (include/linux/maple_tree.h, Linux 6.1+): 16-slot leaves,
 * 10-slot internal nodes that record, for each child, the largest gap
 * between the ranges inside it, so that mas_empty_area_rev() finds the
 * highest free range of a given size in O(log n) node visits.  An mm
 * keeps its VMAs in one (mm->mm_mt).
 *
 * The model's variant stores only the occupied ranges (each slot keeps
 * its own first and last index; the free ranges between them are
 * implicit), where the kernel's stores NULL ranges in slots of their own.
 *
 * Nodes come from kmalloc.  Whatever may insert a range must first make
 * sure of the nodes it may need (mas_preallocate(), which can fail with
 * -ENOMEM), and then cannot fail: validate and preallocate, then commit.
 */
#ifndef MMSIM_MAPLE_TREE_H
#define MMSIM_MAPLE_TREE_H

#include <stdbool.h>
#include <stddef.h>

#define MAPLE_RANGE64_SLOTS	16	/* leaf: ranges */
#define MAPLE_ARANGE64_SLOTS	10	/* internal: children, with gaps */

/*
 * struct maple_node - a node: slots [0, @count) hold, in order, ranges
 * [@min[i], @pivot[i]] (a leaf: the entries) or children (internal: the
 * first and last index under the child, and in @gap the largest free
 * range between two ranges inside it).
 */
struct maple_node {
	struct maple_node *parent;	/* NULL at the root */
	unsigned char offset;		/* slot in the parent */
	unsigned char count;		/* slots in use */
	bool leaf;
	unsigned long min[MAPLE_RANGE64_SLOTS];
	unsigned long pivot[MAPLE_RANGE64_SLOTS];
	unsigned long gap[MAPLE_ARANGE64_SLOTS];
	void *slot[MAPLE_RANGE64_SLOTS];
};

/*
 * struct maple_tree - the tree.  All zeroes is an empty tree (MTREE_INIT).
 * @ma_root:	the root node, NULL when empty
 * @ma_height:	levels (0 when empty; 1: the root is a leaf)
 * @ma_alloc:	preallocated nodes for the next insertion (a list)
 * @ma_nr_alloc: how many
 * @ma_gen:	changes so far (an ma_state's position holds until the next)
 */
struct maple_tree {
	struct maple_node *ma_root;
	unsigned int ma_height;
	unsigned int ma_nr_alloc;
	struct maple_node *ma_alloc;
	unsigned long ma_gen;
};

#define MTREE_INIT(name)	{ .ma_root = NULL }

/*
 * struct ma_state - a position in a tree: the range [@index, @last] of
 * the entry found (or the range searched for), and the leaf @node and
 * @offset that hold it, valid while the tree's @ma_gen is still @gen (a
 * store or erase through another state makes it stale, and the
 * operations that would use it walk again).
 */
struct ma_state {
	struct maple_tree *tree;
	unsigned long index;
	unsigned long last;
	struct maple_node *node;
	unsigned char offset;
	unsigned long gen;
};

#define MA_STATE(name, mt, first, end)					\
	struct ma_state name = { .tree = (mt), .index = (first),	\
				 .last = (end), .node = NULL, .offset = 0 }

static inline void mt_init(struct maple_tree *mt)
{
	*mt = (struct maple_tree)MTREE_INIT(*mt);
}

static inline bool mtree_empty(const struct maple_tree *mt)
{
	return !mt->ma_root;
}

/* mas_set_range - search from [@first, @last] next. */
static inline void mas_set_range(struct ma_state *mas, unsigned long first,
				 unsigned long last)
{
	mas->index = first;
	mas->last = last;
	mas->node = NULL;
}

void *mtree_load(struct maple_tree *mt, unsigned long index);
int mtree_insert_range(struct maple_tree *mt, unsigned long first,
		       unsigned long last, void *entry);
int mtree_store_range(struct maple_tree *mt, unsigned long first,
		      unsigned long last, void *entry);
void *mtree_erase(struct maple_tree *mt, unsigned long index);
void mtree_destroy(struct maple_tree *mt);

void *mas_walk(struct ma_state *mas);
void *mas_find(struct ma_state *mas, unsigned long max);
void *mas_find_rev(struct ma_state *mas, unsigned long min);
int mas_preallocate(struct ma_state *mas, void *entry);
void mas_store_prealloc(struct ma_state *mas, void *entry);
void mas_erase(struct ma_state *mas);
int mas_move_range(struct ma_state *mas, unsigned long first,
		   unsigned long last);
int mas_empty_area_rev(struct ma_state *mas, unsigned long min,
		       unsigned long max, unsigned long size);

const char *mt_validate(const struct maple_tree *mt);
const char *mas_validate_path(const struct ma_state *mas);
const char *mas_validate_path_seen(const struct ma_state *mas,
				   bool (*seen)(void *priv, const void *node),
				   void *priv);

#endif /* MMSIM_MAPLE_TREE_H */
