// SPDX-License-Identifier: GPL-2.0
/*
 * maple_tree.c - a B-tree of ranges with gap tracking, shaped like the
 * kernel's maple tree (lib/maple_tree.c) and reduced to what the VMA
 * tree needs: load, find forwards and backwards, store over a range
 * (overwriting what is there), erase, and the highest free range of a
 * given size (mas_empty_area_rev).
 *
 * Every node keeps, for each slot, the first and last index the slot
 * covers: a leaf's slots are the stored ranges, in order and disjoint;
 * an internal node's slots are its children, with the first index of
 * the child's first range, the last index of its last range, and the
 * largest free gap between two ranges inside the child (@gap).  A
 * node's own summary is therefore computed from its slots alone, and a
 * change in a leaf is carried up the parent pointers until a summary
 * stops changing.
 *
 * Invariants (mt_validate() checks them all): every leaf is at the same
 * depth; every node but the root holds at least MAPLE_MIN_LEAF (leaves)
 * or MAPLE_MIN_ARANGE (internal) slots, the root at least one (an
 * internal root at least two); ranges are disjoint and ascending across
 * the whole tree; each child's parent and offset point back at the slot
 * that holds it, and that slot's first, last and gap are the child's.
 *
 * Nodes come from kmalloc.  A store that inserts a range takes its nodes
 * from the tree's preallocation (mas_preallocate()), so that once an
 * operation has preallocated, nothing left can fail.  Nodes a store or
 * erase empties are freed at once.
 */
#include "internal.h"
#include <mmsim/maple_tree.h>

#define MAPLE_MIN_LEAF		(MAPLE_RANGE64_SLOTS / 2 - 2)
#define MAPLE_MIN_ARANGE	(MAPLE_ARANGE64_SLOTS / 2 - 2)

static unsigned int mt_slots(const struct maple_node *n)
{
	return n->leaf ? MAPLE_RANGE64_SLOTS : MAPLE_ARANGE64_SLOTS;
}

static unsigned int mt_min_slots(const struct maple_node *n)
{
	return n->leaf ? MAPLE_MIN_LEAF : MAPLE_MIN_ARANGE;
}

static struct maple_node *mte_child(const struct maple_node *n, unsigned int i)
{
	return n->slot[i];
}

/* ---- node allocation ---------------------------------------------------- */

int mas_preallocate(struct ma_state *mas, void *entry)
{
	struct maple_tree *mt = mas->tree;
	/*
	 * Enough for any one store (the tree keeps what it does not use for
	 * the next): into free space it splits at most one node per level
	 * and adds a root; inside a range it may insert two ranges.
	 */
	unsigned int need = 2 * (mt->ma_height + 1) + 1;

	while (mt->ma_nr_alloc < need) {
		struct maple_node *n = kmalloc(sizeof(*n), GFP_KERNEL);

		if (!n)
			return -ENOMEM;
		n->parent = mt->ma_alloc;
		mt->ma_alloc = n;
		mt->ma_nr_alloc++;
	}
	return 0;
}

static struct maple_node *mt_node_take(struct maple_tree *mt, bool leaf)
{
	struct maple_node *n = mt->ma_alloc;

	VM_BUG_ON(!n);		/* the caller did not preallocate */
	mt->ma_alloc = n->parent;
	mt->ma_nr_alloc--;
	memset(n, 0, sizeof(*n));
	n->leaf = leaf;
	return n;
}

static void mt_node_free(struct maple_node *n)
{
	kfree(n);
}

/* ---- summaries ---------------------------------------------------------- */

/* The largest free gap between the ranges under @n. */
static unsigned long mt_node_gap(const struct maple_node *n)
{
	unsigned long gap = 0, d;
	unsigned int i;

	for (i = 1; i < n->count; i++) {
		d = n->min[i] - n->pivot[i - 1] - 1;
		gap = d > gap ? d : gap;
	}
	if (!n->leaf)
		for (i = 0; i < n->count; i++)
			gap = n->gap[i] > gap ? n->gap[i] : gap;
	return gap;
}

/* The gaps slot @o of internal @p adds: inside it, and to each neighbour. */
static unsigned long mt_slot_gaps(const struct maple_node *p, unsigned int o)
{
	unsigned long gap = p->gap[o], d;

	if (o > 0) {
		d = p->min[o] - p->pivot[o - 1] - 1;
		gap = d > gap ? d : gap;
	}
	if (o + 1 < p->count) {
		d = p->min[o + 1] - p->pivot[o] - 1;
		gap = d > gap ? d : gap;
	}
	return gap;
}

/* Write @n's summary into its parent's slot; false if nothing changed. */
static bool mt_set_parent_slot(struct maple_node *n)
{
	struct maple_node *p = n->parent;
	unsigned int o = n->offset;
	unsigned long first = n->min[0], last = n->pivot[n->count - 1];
	unsigned long gap = mt_node_gap(n);

	if (p->min[o] == first && p->pivot[o] == last && p->gap[o] == gap)
		return false;
	p->min[o] = first;
	p->pivot[o] = last;
	p->gap[o] = gap;
	return true;
}

/*
 * Carry a change of @n up until a summary stays the same.  Above @n,
 * each node's largest gap follows from the one slot that changed in it
 * and the largest gap its parent records for it (a rescan only when
 * that slot may have held the largest), as the kernel's mas_update_gap()
 * goes up.
 */
static void mt_update_path(struct maple_node *n)
{
	unsigned long gap;

	if (!n->parent)
		return;
	gap = mt_node_gap(n);
	for (struct maple_node *p; (p = n->parent); n = p) {
		unsigned int o = n->offset;
		unsigned long first = n->min[0], last = n->pivot[n->count - 1];
		unsigned long old_local, new_local, old_max;

		if (p->min[o] == first && p->pivot[o] == last && p->gap[o] == gap)
			return;
		old_local = mt_slot_gaps(p, o);
		p->min[o] = first;
		p->pivot[o] = last;
		p->gap[o] = gap;
		if (!p->parent)
			return;
		/*
		 * @p's largest gap, from what slot @o brought and took away:
		 * a scan only when the old largest may have been lost.
		 */
		old_max = p->parent->gap[p->offset];
		new_local = mt_slot_gaps(p, o);
		if (new_local >= old_max)
			gap = new_local;
		else if (old_local < old_max)
			gap = old_max;
		else
			gap = mt_node_gap(p);
	}
}

/* Fix the parent pointers and offsets of @n's children from @from on. */
static void mt_adopt(struct maple_node *n, unsigned int from)
{
	if (n->leaf)
		return;
	for (unsigned int i = from; i < n->count; i++) {
		struct maple_node *c = mte_child(n, i);

		c->parent = n;
		c->offset = i;
	}
}

/* Move @nr slots from @src at @s to @dst at @d (no overlap). */
static void mt_copy_slots(struct maple_node *dst, unsigned int d,
			  const struct maple_node *src, unsigned int s,
			  unsigned int nr)
{
	memcpy(&dst->min[d], &src->min[s], nr * sizeof(dst->min[0]));
	memcpy(&dst->pivot[d], &src->pivot[s], nr * sizeof(dst->pivot[0]));
	memcpy(&dst->slot[d], &src->slot[s], nr * sizeof(dst->slot[0]));
	if (!src->leaf)
		memcpy(&dst->gap[d], &src->gap[s], nr * sizeof(dst->gap[0]));
}

/* Open (@delta 1) or close (@delta -1) a slot at @i of @n. */
static void mt_shift_slots(struct maple_node *n, unsigned int i, int delta)
{
	unsigned int from = delta > 0 ? i : i + 1;
	unsigned int nr = n->count - from;

	memmove(&n->min[from + delta], &n->min[from], nr * sizeof(n->min[0]));
	memmove(&n->pivot[from + delta], &n->pivot[from], nr * sizeof(n->pivot[0]));
	memmove(&n->slot[from + delta], &n->slot[from], nr * sizeof(n->slot[0]));
	if (!n->leaf)
		memmove(&n->gap[from + delta], &n->gap[from], nr * sizeof(n->gap[0]));
	n->count += delta;
}

/* ---- search ------------------------------------------------------------- */

/* The first slot of @n whose last index is >= @index, or @n->count. */
static unsigned int mt_pivot_slot(const struct maple_node *n, unsigned long index)
{
	unsigned int lo = 0, hi = n->count;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (n->pivot[mid] < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The leaf slot of the first range whose last index is >= @index: the
 * child to enter at each level is the first whose last index is.
 */
static bool mt_descend(const struct maple_tree *mt, unsigned long index,
		       struct maple_node **np, unsigned char *op)
{
	struct maple_node *n = mt->ma_root;
	unsigned int i;

	if (!n)
		return false;
	for (;;) {
		i = mt_pivot_slot(n, index);
		if (i == n->count)
			return false;
		if (n->leaf)
			break;
		n = mte_child(n, i);
	}
	*np = n;
	*op = i;
	return true;
}

static void *mas_entry(struct ma_state *mas)
{
	mas->gen = mas->tree->ma_gen;
	mas->index = mas->node->min[mas->offset];
	mas->last = mas->node->pivot[mas->offset];
	return mas->node->slot[mas->offset];
}

/* Step to the next (@dir 1) or previous (-1) range; false at the end. */
static bool mas_step(struct ma_state *mas, int dir)
{
	struct maple_node *n = mas->node;
	int o = mas->offset + dir;

	while (o < 0 || o >= n->count) {
		if (!n->parent)
			return false;
		o = n->offset + dir;
		n = n->parent;
	}
	while (!n->leaf) {
		n = mte_child(n, o);
		o = dir > 0 ? 0 : n->count - 1;
	}
	mas->node = n;
	mas->offset = o;
	return true;
}

void *mas_walk(struct ma_state *mas)
{
	if (!mt_descend(mas->tree, mas->index, &mas->node, &mas->offset) ||
	    mas->node->min[mas->offset] > mas->index) {
		mas->node = NULL;
		return NULL;
	}
	return mas_entry(mas);
}

/*
 * mas_find - the first range at or after @mas's position that starts at
 * or below @max; a second call goes on after the range the first found.
 */
void *mas_find(struct ma_state *mas, unsigned long max)
{
	if (mas->node && mas->gen != mas->tree->ma_gen) {
		/* the tree changed: on from after the range found last */
		if (mas->last == ~0UL)
			goto none;
		mas->index = mas->last + 1;
		mas->node = NULL;
	}
	if (mas->node) {
		if (!mas_step(mas, 1))
			goto none;
	} else if (!mt_descend(mas->tree, mas->index, &mas->node, &mas->offset)) {
		goto none;
	}
	if (mas->node->min[mas->offset] > max)
		goto none;
	return mas_entry(mas);
none:
	mas->node = NULL;
	return NULL;
}

/* mas_find_rev - the last range at or before @mas's position ending at or above @min. */
void *mas_find_rev(struct ma_state *mas, unsigned long min)
{
	if (mas->node && mas->gen != mas->tree->ma_gen) {
		if (!mas->index)
			goto none;
		mas->index--;
		mas->node = NULL;
	}
	if (mas->node) {
		if (!mas_step(mas, -1))
			goto none;
	} else if (!mt_descend(mas->tree, mas->index, &mas->node, &mas->offset)) {
		/* nothing ends at or after index: the last range of all */
		struct maple_node *n = mas->tree->ma_root;

		if (!n)
			goto none;
		while (!n->leaf)
			n = mte_child(n, n->count - 1);
		mas->node = n;
		mas->offset = n->count - 1;
	} else if (mas->node->min[mas->offset] > mas->index &&
		   !mas_step(mas, -1)) {
		goto none;
	}
	if (mas->node->pivot[mas->offset] < min)
		goto none;
	return mas_entry(mas);
none:
	mas->node = NULL;
	return NULL;
}

/* The entry at @index: mas_walk()'s descent, with no state to fill. */
void *mtree_load(struct maple_tree *mt, unsigned long index)
{
	struct maple_node *n;
	unsigned char o;

	if (!mt_descend(mt, index, &n, &o) || n->min[o] > index)
		return NULL;
	return n->slot[o];
}

/* Move slots [@s, @s + @nr) of @n to @d (they may overlap). */
static void mt_move_within(struct maple_node *n, unsigned int d,
			   unsigned int s, unsigned int nr)
{
	memmove(&n->min[d], &n->min[s], nr * sizeof(n->min[0]));
	memmove(&n->pivot[d], &n->pivot[s], nr * sizeof(n->pivot[0]));
	memmove(&n->slot[d], &n->slot[s], nr * sizeof(n->slot[0]));
	if (!n->leaf)
		memmove(&n->gap[d], &n->gap[s], nr * sizeof(n->gap[0]));
}

/* Move @k slots of sibling @from into @n: @from's last if it is @n's left. */
static void mt_move_slots(struct maple_node *n, struct maple_node *from,
			  bool left, unsigned int k)
{
	if (left) {
		mt_move_within(n, k, 0, n->count);
		mt_copy_slots(n, 0, from, from->count - k, k);
	} else {
		mt_copy_slots(n, n->count, from, 0, k);
		mt_move_within(from, 0, k, from->count - k);
	}
	n->count += k;
	from->count -= k;
	mt_adopt(n, 0);
	mt_adopt(from, 0);
	mt_set_parent_slot(from);
	mt_set_parent_slot(n);
	mt_update_path(n->parent);
}

/* Move one slot from sibling @from into @n (its left or right neighbour). */
static void mt_borrow(struct maple_node *n, struct maple_node *from, bool left)
{
	mt_move_slots(n, from, left, 1);
}

/*
 * Full @n is about to take a slot at *@i: push slots to a sibling with
 * room instead of splitting (the kernel's mas_push_data()), as many as
 * fill it (from the side away from the insertion point), which keeps
 * nodes full and the tree low, and spares the next inserts another push.
 * False if neither sibling has room for two.
 */
static bool mt_push_data(struct maple_node *n, unsigned int *i)
{
	struct maple_node *p = n->parent, *sib;
	unsigned int max = mt_slots(n), k;

	if (!p)
		return false;
	if (n->offset > 0 && *i > 0 &&
	    (sib = mte_child(p, n->offset - 1))->count < max - 1) {
		k = max - sib->count;
		k = k < *i ? k : *i;
		mt_move_slots(sib, n, false, k);
		*i -= k;
		return true;
	}
	if (n->offset + 1 < p->count && *i < n->count &&
	    (sib = mte_child(p, n->offset + 1))->count < max - 1) {
		k = max - sib->count;
		k = k < n->count - *i ? k : n->count - *i;
		mt_move_slots(sib, n, true, k);
		return true;
	}
	return false;
}

/* ---- insertion ---------------------------------------------------------- */

/* Put a new root above @n and @right, its two halves. */
static void mt_grow_root(struct maple_tree *mt, struct maple_node *n,
			 struct maple_node *right)
{
	struct maple_node *root = mt_node_take(mt, false);

	root->count = 2;
	root->slot[0] = n;
	root->slot[1] = right;
	mt_adopt(root, 0);
	mt_set_parent_slot(n);
	mt_set_parent_slot(right);
	mt->ma_root = root;
	mt->ma_height++;
}

static void mt_insert_slot(struct maple_tree *mt, struct maple_node *n,
			   unsigned int i, unsigned long min,
			   unsigned long pivot, void *slot);

/*
 * Split full @n, then insert the slot at @i: the lower half stays in @n,
 * the upper half goes to a new right sibling, which joins the parent.
 */
static void mt_split_insert(struct maple_tree *mt, struct maple_node *n,
			    unsigned int i, unsigned long min,
			    unsigned long pivot, void *slot)
{
	struct maple_node *right = mt_node_take(mt, n->leaf);
	unsigned int half = (n->count + 2) / 2;	/* the left's share, with the new slot */
	unsigned int keep = i < half ? half - 1 : half;
	struct maple_node *dst = n;

	mt_copy_slots(right, 0, n, keep, n->count - keep);
	right->count = n->count - keep;
	n->count = keep;
	if (i >= half) {
		dst = right;
		i -= keep;
	}
	mt_shift_slots(dst, i, 1);
	dst->min[i] = min;
	dst->pivot[i] = pivot;
	dst->slot[i] = slot;
	if (!dst->leaf) {
		struct maple_node *c = slot;

		dst->gap[i] = mt_node_gap(c);
	}
	mt_adopt(n, 0);
	mt_adopt(right, 0);
	if (!n->parent) {
		mt_grow_root(mt, n, right);
		return;
	}
	mt_set_parent_slot(n);
	mt_insert_slot(mt, n->parent, n->offset + 1, right->min[0],
		       right->pivot[right->count - 1], right);
}

/* Insert a slot at @i of @n (a range in a leaf, a child above). */
static void mt_insert_slot(struct maple_tree *mt, struct maple_node *n,
			   unsigned int i, unsigned long min,
			   unsigned long pivot, void *slot)
{
	if (n->count == mt_slots(n) && !mt_push_data(n, &i)) {
		mt_split_insert(mt, n, i, min, pivot, slot);
		return;
	}
	mt_shift_slots(n, i, 1);
	n->min[i] = min;
	n->pivot[i] = pivot;
	n->slot[i] = slot;
	if (!n->leaf) {
		n->gap[i] = mt_node_gap(slot);
		mt_adopt(n, i);
	}
	mt_update_path(n);
}

/* Insert [first, last] -> @entry, which overlaps nothing. */
static void mt_insert_range(struct maple_tree *mt, unsigned long first,
			    unsigned long last, void *entry)
{
	struct maple_node *n = mt->ma_root;
	unsigned int i;

	if (!n) {
		n = mt_node_take(mt, true);
		n->count = 1;
		n->min[0] = first;
		n->pivot[0] = last;
		n->slot[0] = entry;
		mt->ma_root = n;
		mt->ma_height = 1;
		return;
	}
	for (;;) {
		i = mt_pivot_slot(n, first);
		if (n->leaf)
			break;
		n = mte_child(n, i < n->count ? i : n->count - 1U);
	}
	mt_insert_slot(mt, n, i, first, last, entry);
}

/* ---- removal ------------------------------------------------------------ */

static void mt_remove_slot(struct maple_tree *mt, struct maple_node *n,
			   unsigned int i);

/* Merge @right into @left, its sibling just after it; @right is freed. */
static void mt_merge(struct maple_tree *mt, struct maple_node *left,
		     struct maple_node *right)
{
	struct maple_node *p = left->parent;
	unsigned int o = right->offset;

	mt_copy_slots(left, left->count, right, 0, right->count);
	left->count += right->count;
	mt_adopt(left, 0);
	mt_node_free(right);
	mt_set_parent_slot(left);
	mt_remove_slot(mt, p, o);
}

/* Move one slot from sibling @from into @n (its left or right neighbour). */

/* @n has fewer slots than a node may: borrow from a sibling, or merge. */
static void mt_rebalance(struct maple_tree *mt, struct maple_node *n)
{
	struct maple_node *p = n->parent;
	struct maple_node *left, *right;

	if (n->offset > 0) {
		left = mte_child(p, n->offset - 1);
		right = n;
	} else {
		left = n;
		right = mte_child(p, 1);
	}
	if (left->count + right->count <= mt_slots(n)) {
		mt_merge(mt, left, right);
		return;
	}
	/* a store into one leaf may have taken several slots from it */
	while (n->count < mt_min_slots(n)) {
		if (left == n)
			mt_borrow(n, right, false);
		else
			mt_borrow(n, left, true);
	}
}

/* The root lost slots: shrink the tree while the root has one child. */
static void mt_shrink_root(struct maple_tree *mt)
{
	struct maple_node *root = mt->ma_root;

	while (root && !root->leaf && root->count == 1) {
		struct maple_node *child = mte_child(root, 0);

		child->parent = NULL;
		child->offset = 0;
		mt_node_free(root);
		root = child;
		mt->ma_height--;
	}
	if (root && root->count == 0) {
		mt_node_free(root);
		root = NULL;
		mt->ma_height = 0;
	}
	mt->ma_root = root;
}

static void mt_remove_slot(struct maple_tree *mt, struct maple_node *n,
			   unsigned int i)
{
	mt_shift_slots(n, i, -1);
	mt_adopt(n, i);
	if (!n->parent) {
		mt_shrink_root(mt);
		return;
	}
	if (n->count >= mt_min_slots(n)) {
		mt_update_path(n);
		return;
	}
	mt_rebalance(mt, n);
}

/* ---- store and erase ---------------------------------------------------- */

/* Set the range of the slot at @mas in place (order is kept). */
static void mas_set_slot_range(struct ma_state *mas, unsigned long first,
			       unsigned long last)
{
	mas->node->min[mas->offset] = first;
	mas->node->pivot[mas->offset] = last;
	mt_update_path(mas->node);
}

/*
 * Can the range at @mas (found by a walk) take [@mas->index, @mas->last]
 * without meeting its neighbours?
 */
static bool mas_fits_in_place(const struct ma_state *mas)
{
	struct ma_state prev = *mas, next = *mas;

	if (mas->index > mas->last)
		return false;
	if (mas_step(&prev, -1) && prev.node->pivot[prev.offset] >= mas->index)
		return false;
	return !mas_step(&next, 1) || next.node->min[next.offset] > mas->last;
}

/*
 * mas_move_range - give the range that mas_walk() found new bounds
 * [@first, @last], which may grow into free space and shrink, but not
 * meet another range: what the kernel's VMA code does with a store of
 * the VMA over its new range and a store of NULL over what it gave up,
 * done in place.  Return: 0, or -EINVAL (no range found, or the new
 * bounds meet a neighbour) with nothing changed.
 */
int mas_move_range(struct ma_state *mas, unsigned long first,
		   unsigned long last)
{
	if (!mas->node || mas->gen != mas->tree->ma_gen)
		return -EINVAL;
	mas->index = first;
	mas->last = last;
	if (!mas_fits_in_place(mas))
		return -EINVAL;
	mas_set_slot_range(mas, first, last);
	mas->gen = ++mas->tree->ma_gen;	/* the position still holds */
	return 0;
}

/*
 * Is [@mas->index, @mas->last] free, and the range @mas is on (where
 * mas_find() left it) the first one after it?  Then a store inserts
 * there without a walk.
 */
/*
 * Does the leaf @mas is on hold a range ending at or after @index, with
 * none before it in the leaf ending below it?  Then a walk from the root
 * for @index ends in this leaf (the ranges of the leaves before it all
 * end below its first), and the store can begin here, as the kernel's
 * mas_wr_prealloc_setup() keeps an active state whose node spans the
 * range.
 */
static bool mas_leaf_holds(const struct ma_state *mas, unsigned long index)
{
	const struct maple_node *n = mas->node;

	return n->leaf && n->count && n->min[0] <= index &&
	       index <= n->pivot[n->count - 1];
}

static bool mas_free_before(const struct ma_state *mas)
{
	struct ma_state prev = *mas;

	if (mas->index > mas->last || mas->node->min[mas->offset] <= mas->last)
		return false;
	return !mas_step(&prev, -1) || prev.node->pivot[prev.offset] < mas->index;
}

/*
 * The store within one leaf (the kernel's mas_wr_node_store()): when
 * every range [@first, @last] meets lies in the leaf @cur found (on the
 * first of them), that leaf's slots are rewritten at once and its
 * summary is carried up once, so that the split of a range in two, or
 * the merge of neighbours into one, changes no gap on the way.  False
 * if the store reaches past the leaf or would overfill it by more than
 * the one slot a split makes room for.
 */
static bool mas_wr_node_store(struct maple_tree *mt, struct ma_state *cur,
			      unsigned long first, unsigned long last,
			      void *entry)
{
	struct maple_node *n = cur->node;
	unsigned int j0 = cur->offset, j1 = j0, nr = 0, at, count;
	unsigned long min[3], pivot[3];
	void *slot[3];
	bool same_cover;

	while (j1 + 1 < n->count && n->min[j1 + 1] <= last)
		j1++;
	/* the ranges it meets, end to end, and it within them: no gap moves */
	same_cover = entry && first >= n->min[j0] && last <= n->pivot[j1];
	for (unsigned int j = j0; same_cover && j < j1; j++)
		same_cover = n->min[j + 1] == n->pivot[j] + 1;
	if (j1 + 1 == n->count) {
		struct ma_state nxt = { .node = n, .offset = j1 };

		if (mas_step(&nxt, 1) && nxt.node->min[nxt.offset] <= last)
			return false;
	}
	if (n->min[j0] < first) {
		min[nr] = n->min[j0];
		pivot[nr] = first - 1;
		slot[nr++] = n->slot[j0];
	}
	at = nr;
	if (entry) {
		min[nr] = first;
		pivot[nr] = last;
		slot[nr++] = entry;
	}
	if (n->pivot[j1] > last) {
		min[nr] = last + 1;
		pivot[nr] = n->pivot[j1];
		slot[nr++] = n->slot[j1];
	}
	count = n->count - (j1 - j0 + 1) + nr;
	if (count == MAPLE_RANGE64_SLOTS + 1 && nr == j1 - j0 + 2) {
		/*
		 * One slot more than fits: the pieces but the last replace
		 * the ranges they cover, and the last goes in by an insert,
		 * which splits the leaf and carries both halves up.
		 */
		for (unsigned int k = 0; k + 1 < nr; k++) {
			n->min[j0 + k] = min[k];
			n->pivot[j0 + k] = pivot[k];
			n->slot[j0 + k] = slot[k];
		}
		mt_insert_slot(mt, n, j1 + 1, min[nr - 1], pivot[nr - 1],
			       slot[nr - 1]);
		cur->node = NULL;
		return true;
	}
	if (count > MAPLE_RANGE64_SLOTS)
		return false;
	count = n->count - j1 - 1;		/* the slots after the store */
	memmove(&n->min[j0 + nr], &n->min[j1 + 1], count * sizeof(n->min[0]));
	memmove(&n->pivot[j0 + nr], &n->pivot[j1 + 1], count * sizeof(n->pivot[0]));
	memmove(&n->slot[j0 + nr], &n->slot[j1 + 1], count * sizeof(n->slot[0]));
	memcpy(&n->min[j0], min, nr * sizeof(min[0]));
	memcpy(&n->pivot[j0], pivot, nr * sizeof(pivot[0]));
	memcpy(&n->slot[j0], slot, nr * sizeof(slot[0]));
	n->count = j0 + nr + count;
	if (!n->parent || n->count < mt_min_slots(n)) {
		if (!n->parent)
			mt_shrink_root(mt);
		else
			mt_rebalance(mt, n);
		cur->node = NULL;
		return true;
	}
	if (!same_cover)
		mt_update_path(n);
	/* the leaf stays: @cur is left on what was stored */
	cur->offset = j0 + at;
	return true;
}

/*
 * mas_store_prealloc - map [@mas->index, @mas->last] to @entry (NULL:
 * unmap it).  Ranges it overlaps lose the overlap (one it falls inside
 * of is cut in two); @entry's own range, when it is the only one there,
 * is stretched in place.  A range stored into free space just before
 * the range mas_find() left @mas on goes in there without a walk (set
 * @mas->index and @mas->last after the find), and so does a store that
 * begins within that range's leaf.  Nodes come from mas_preallocate().
 * Afterwards @mas is on @entry when the store rewrote one leaf in place
 * (a mas_find() then goes on after it, as after a find), else unset.
 */
void mas_store_prealloc(struct ma_state *mas, void *entry)
{
	struct maple_tree *mt = mas->tree;
	unsigned long first = mas->index, last = mas->last;
	struct ma_state cur = { .tree = mt };
	bool positioned = mas->node && mas->gen == mt->ma_gen;

	mt->ma_gen++;
	if (entry && positioned && mas_free_before(mas)) {
		mt_insert_slot(mt, mas->node, mas->offset, first, last, entry);
		goto out;
	}
	for (;;) {
		unsigned long emin, emax;
		void *e;

		if (positioned && mas_leaf_holds(mas, first)) {
			/* the leaf a find left @mas on: where a walk would end */
			cur.node = mas->node;
			cur.offset = mt_pivot_slot(cur.node, first);
		} else if (!mt_descend(mt, first, &cur.node, &cur.offset)) {
			break;
		}
		positioned = false;		/* the store changes the tree */
		e = mas_entry(&cur);
		emin = cur.index;
		emax = cur.last;
		if (emin > last) {
			/* free: the new range goes just before this one */
			if (entry)
				mt_insert_slot(mt, cur.node, cur.offset, first, last,
					       entry);
			goto out;
		}
		if (emin <= first && emax >= last && e == entry)
			goto out;			/* there already */
		if (mas_wr_node_store(mt, &cur, first, last, entry)) {
			if (!entry || !cur.node)
				goto out;
			/* on @entry in its leaf, as the kernel's state after a store */
			mas->node = cur.node;
			mas->offset = cur.offset;
			mas->gen = mt->ma_gen;
			return;
		}
		if (emin < first && emax > last) {	/* cut in two */
			mas_set_slot_range(&cur, emin, first - 1);
			mt_insert_range(mt, last + 1, emax, e);
			break;
		}
		if (emin < first) {
			mas_set_slot_range(&cur, emin, first - 1);
			continue;
		}
		if (emax > last) {
			mas_set_slot_range(&cur, last + 1, emax);
			break;
		}
		if (e == entry && entry) {
			struct ma_state nxt = cur;

			if (!mas_step(&nxt, 1) || nxt.node->min[nxt.offset] > last) {
				mas_set_slot_range(&cur, first, last);
				goto out;
			}
		}
		mt_remove_slot(mt, cur.node, cur.offset);
	}
	if (entry)
		mt_insert_range(mt, first, last, entry);
out:
	mas->node = NULL;
}

int mtree_store_range(struct maple_tree *mt, unsigned long first,
		      unsigned long last, void *entry)
{
	MA_STATE(mas, mt, first, last);
	int err;

	if (first > last)
		return -EINVAL;
	err = mas_preallocate(&mas, entry);
	if (err)
		return err;
	mas_store_prealloc(&mas, entry);
	return 0;
}

int mtree_insert_range(struct maple_tree *mt, unsigned long first,
		       unsigned long last, void *entry)
{
	MA_STATE(mas, mt, first, last);

	if (first > last || !entry)
		return -EINVAL;
	if (mas_find(&mas, last))
		return -EEXIST;
	mas_set_range(&mas, first, last);
	return mtree_store_range(mt, first, last, entry);
}

/* mas_erase - unmap the whole range that holds @mas->index. */
void mas_erase(struct ma_state *mas)
{
	/* where a walk or find left it, or a walk now */
	if (!(mas->node && mas->gen == mas->tree->ma_gen &&
	      mas->node->min[mas->offset] <= mas->index &&
	      mas->node->pivot[mas->offset] >= mas->index) && !mas_walk(mas))
		return;
	mas->tree->ma_gen++;
	mt_remove_slot(mas->tree, mas->node, mas->offset);
	mas->node = NULL;
}

void *mtree_erase(struct maple_tree *mt, unsigned long index)
{
	MA_STATE(mas, mt, index, index);
	void *entry = mas_walk(&mas);

	if (entry)
		mas_erase(&mas);
	return entry;
}

static void mt_free_subtree(struct maple_node *n)
{
	if (!n->leaf)
		for (unsigned int i = 0; i < n->count; i++)
			mt_free_subtree(mte_child(n, i));
	mt_node_free(n);
}

/* mtree_destroy - free every node (the entries are the caller's). */
void mtree_destroy(struct maple_tree *mt)
{
	unsigned long gen;

	if (mt->ma_root)
		mt_free_subtree(mt->ma_root);
	while (mt->ma_alloc) {
		struct maple_node *n = mt->ma_alloc;

		mt->ma_alloc = n->parent;
		mt_node_free(n);
	}
	gen = mt->ma_gen;
	mt_init(mt);
	mt->ma_gen = gen + 1;
}

/* ---- free space --------------------------------------------------------- */

/* The highest @size indices of [gs, ge] within [min, max], into *@out. */
static bool mt_gap_fit(unsigned long gs, unsigned long ge, unsigned long size,
		       unsigned long min, unsigned long max, unsigned long *out)
{
	if (gs < min)
		gs = min;
	if (ge > max)
		ge = max;
	if (gs > ge || ge - gs < size - 1)
		return false;
	*out = ge - size + 1;
	return true;
}

/*
 * The highest fit among the gaps between the ranges under @n, from the
 * top: the gap above each slot, then (internal nodes) the child itself
 * when its largest gap is big enough and it reaches into [min, max].
 */
static bool mt_gap_rev(const struct maple_node *n, unsigned long size,
		       unsigned long min, unsigned long max, unsigned long *out)
{
	for (int i = n->count - 1; i >= 0; i--) {
		if (i < n->count - 1 && n->min[i + 1] - n->pivot[i] > size &&
		    mt_gap_fit(n->pivot[i] + 1, n->min[i + 1] - 1, size,
			       min, max, out))
			return true;
		if (n->pivot[i] < min)
			return false;	/* everything further down is too */
		if (!n->leaf && n->gap[i] >= size && n->min[i] <= max &&
		    mt_gap_rev(mte_child(n, i), size, min, max, out))
			return true;
	}
	return false;
}

/*
 * mas_empty_area_rev - the highest free range of @size indices within
 * [@min, @max]: 0 with it in [@mas->index, @mas->last], or -EBUSY.
 */
int mas_empty_area_rev(struct ma_state *mas, unsigned long min,
		       unsigned long max, unsigned long size)
{
	const struct maple_node *root = mas->tree->ma_root;
	unsigned long first, last, addr;
	bool found;

	if (!size || min > max || max - min < size - 1)
		return -EBUSY;
	if (!root) {
		found = mt_gap_fit(0, ~0UL, size, min, max, &addr);
	} else {
		first = root->min[0];
		last = root->pivot[root->count - 1];
		found = (last != ~0UL &&
			 mt_gap_fit(last + 1, ~0UL, size, min, max, &addr)) ||
			mt_gap_rev(root, size, min, max, &addr) ||
			(first && mt_gap_fit(0, first - 1, size, min, max, &addr));
	}
	if (!found)
		return -EBUSY;
	mas->index = addr;
	mas->last = addr + size - 1;
	mas->node = NULL;
	return 0;
}

/* ---- validation (mm_check, tests) ---------------------------------------- */

/* @c against its slot in its parent @p: NULL or what is wrong. */
static const char *mt_check_slot(const struct maple_node *p, unsigned int o,
				 const struct maple_node *c)
{
	if (c->parent != p || c->offset != o)
		return "a child's parent or offset is wrong";
	if (!c->count || p->min[o] != c->min[0] ||
	    p->pivot[o] != c->pivot[c->count - 1])
		return "a node's first or last index differs from its child's";
	if (p->gap[o] != mt_node_gap(c))
		return "a node's recorded gap differs from its child's largest gap";
	return NULL;
}

/* One node's own slots: ordered, disjoint, well filled. */
static const char *mt_check_node(const struct maple_node *n, bool root)
{
	if (n->count > mt_slots(n))
		return "a node holds more slots than it has";
	if (root ? !n->count || (!n->leaf && n->count < 2) :
	    n->count < mt_min_slots(n))
		return "a node holds too few slots";
	for (unsigned int i = 0; i < n->count; i++) {
		if (n->min[i] > n->pivot[i])
			return "a range ends before it starts";
		if (i && n->min[i] <= n->pivot[i - 1])
			return "ranges overlap or are out of order";
		if (n->leaf && !n->slot[i])
			return "a leaf slot holds no entry";
	}
	return NULL;
}

static const char *mt_validate_node(const struct maple_node *n,
				    unsigned int depth, unsigned int height,
				    const unsigned long **prev_last)
{
	const char *why = mt_check_node(n, depth == 1);

	if (why)
		return why;
	if (n->leaf != (depth == height))
		return "leaves at different depths";
	if (*prev_last && n->min[0] <= **prev_last)
		return "ranges overlap or are out of order across nodes";
	if (n->leaf) {
		*prev_last = &n->pivot[n->count - 1];
		return NULL;
	}
	for (unsigned int i = 0; i < n->count; i++) {
		const struct maple_node *c = mte_child(n, i);

		why = mt_check_slot(n, i, c);
		if (!why)
			why = mt_validate_node(c, depth + 1, height, prev_last);
		if (why)
			return why;
	}
	return NULL;
}

/* mt_validate - every invariant of the whole tree: NULL, or what is wrong. */
const char *mt_validate(const struct maple_tree *mt)
{
	const unsigned long *prev_last = NULL;

	if (!mt->ma_root)
		return mt->ma_height ? "an empty tree with a height" : NULL;
	if (mt->ma_root->parent)
		return "the root has a parent";
	return mt_validate_node(mt->ma_root, 1, mt->ma_height, &prev_last);
}

/*
 * mas_validate_path_seen - the invariants of the nodes from @mas's leaf
 * up to the root, and of the slots that hold them (after a change
 * there), stopping below the first node @seen reports as validated
 * already in the same pass: paths from neighbouring entries share their
 * upper nodes, whose checks then run once.  @seen records each node it
 * is asked about (a NULL @seen validates the whole path).  The leaf's
 * depth is counted to the root either way.
 */
const char *mas_validate_path_seen(const struct ma_state *mas,
				   bool (*seen)(void *priv, const void *node),
				   void *priv)
{
	const struct maple_node *n = mas->node;
	unsigned int depth = 0;
	bool checking = true;
	const char *why;

	if (!n)
		return "no position";
	for (; n; n = n->parent) {
		depth++;
		if (checking && seen && seen(priv, n))
			checking = false;
		if (!checking)
			continue;
		why = mt_check_node(n, !n->parent);
		if (!why && n->parent)
			why = mt_check_slot(n->parent, n->offset, n);
		if (!why && n->parent && mte_child(n->parent, n->offset) != n)
			why = "a child is not in its parent's slot";
		if (why)
			return why;
	}
	return depth == mas->tree->ma_height ? NULL :
	       "a leaf's depth differs from the tree's height";
}

/*
 * mas_validate_path - the invariants of the nodes from the root down to
 * @mas's leaf, and of the slots that hold them (after a change there).
 */
const char *mas_validate_path(const struct ma_state *mas)
{
	return mas_validate_path_seen(mas, NULL, NULL);
}
