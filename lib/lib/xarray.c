// SPDX-License-Identifier: GPL-2.0
/*
 * xarray.c - the sparse array behind the page cache: a radix tree of
 * 64-slot nodes (lib/xarray.c in the kernel, reduced to what the model
 * uses: load, insert, erase, find, and one mark - the page cache's
 * PAGECACHE_TAG_DIRTY).
 *
 * A node at @shift holds, in slot i, the entry or the child covering
 * indices [i << shift, (i + 1) << shift) of its range; leaves have
 * shift 0.  The head node's range starts at 0, so the tree's height
 * follows the largest index stored, not the number of entries: index
 * 2^51 - 1 (the last page of a 2^63-byte file) is nine levels down.
 *
 * Invariants: a node's @count is the number of its non-NULL slots and
 * never 0 (an emptied node is freed at once, up the path); the head is
 * never a node whose only occupied slot is slot 0 with shift > 0 (the
 * tree shrinks back), so an array costs what it stores.  Nodes come
 * from kmalloc: insertion can fail with -ENOMEM, and then leaves the
 * array as it was.
 *
 * Marks: bit i of a node's @marks is set iff slot i holds a marked entry
 * (a leaf) or a subtree with one (an inner node), so a search for marked
 * entries costs the height of the tree times the marked entries it
 * passes, never the unmarked ones.  The model keeps one mark (XA_MARK_0).
 */
#include "internal.h"

struct xa_node {
	unsigned char shift;		/* bits of index below this node */
	unsigned char offset;		/* slot in the parent */
	unsigned char count;		/* occupied slots */
	uint64_t marks;			/* XA_MARK_0 per slot (see above) */
	struct xa_node *parent;
	void *slots[XA_CHUNK_SIZE];
};

static unsigned int xa_slot(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & (XA_CHUNK_SIZE - 1);
}

/* The largest index a head node at @shift can reach. */
static unsigned long xa_node_max(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT >= 64)
		return ~0UL;
	return (XA_CHUNK_SIZE << shift) - 1;
}

void *xa_load(const struct xarray *xa, unsigned long index)
{
	struct xa_node *node = xa->xa_head;

	if (!node || index > xa_node_max(node->shift))
		return NULL;
	for (;;) {
		void *entry = node->slots[xa_slot(node, index)];

		if (!node->shift || !entry)
			return entry;
		node = entry;
	}
}

static struct xa_node *xa_node_alloc(unsigned int shift,
				     struct xa_node *parent,
				     unsigned int offset)
{
	struct xa_node *node = kzalloc(sizeof(*node), GFP_KERNEL);

	if (!node)
		return NULL;
	node->shift = shift;
	node->parent = parent;
	node->offset = offset;
	return node;
}

/* Free @node if it is empty, and its ancestors as they empty in turn. */
static void xa_delete_empty(struct xarray *xa, struct xa_node *node)
{
	while (node && !node->count) {
		struct xa_node *parent = node->parent;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
		} else {
			xa->xa_head = NULL;
		}
		kfree(node);
		node = parent;
	}
}

/* While the head holds only slot 0, its child can be the head. */
static void xa_shrink(struct xarray *xa)
{
	struct xa_node *head = xa->xa_head;

	while (head && head->shift && head->count == 1 && head->slots[0]) {
		struct xa_node *child = head->slots[0];

		child->parent = NULL;
		child->offset = 0;
		xa->xa_head = child;
		kfree(head);
		head = child;
	}
}

/* Raise the tree until the head reaches @index; -ENOMEM. */
static int xa_expand(struct xarray *xa, unsigned long index)
{
	unsigned int shift = 0;
	struct xa_node *head = xa->xa_head;

	if (head)
		shift = head->shift;
	while (index > xa_node_max(shift))
		shift += XA_CHUNK_SHIFT;
	if (!head) {
		xa->xa_head = xa_node_alloc(shift, NULL, 0);
		return xa->xa_head ? 0 : -ENOMEM;
	}
	while (head->shift < shift) {
		struct xa_node *top = xa_node_alloc(head->shift + XA_CHUNK_SHIFT,
						    NULL, 0);

		if (!top) {
			xa_shrink(xa);
			return -ENOMEM;
		}
		top->slots[0] = head;
		top->count = 1;
		top->marks = head->marks ? 1 : 0;
		head->parent = top;
		head->offset = 0;
		xa->xa_head = top;
		head = top;
	}
	return 0;
}

/*
 * xa_insert - store @entry at @index if nothing is stored there.
 * Return: 0, -EBUSY if the index is occupied, -ENOMEM (the array is
 * unchanged).
 */
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *node;

	VM_BUG_ON(!entry);
	if (xa_load(xa, index))
		return -EBUSY;
	if (xa_expand(xa, index))
		return -ENOMEM;
	node = xa->xa_head;
	while (node->shift) {
		unsigned int slot = xa_slot(node, index);
		struct xa_node *child = node->slots[slot];

		if (!child) {
			child = xa_node_alloc(node->shift - XA_CHUNK_SHIFT,
					      node, slot);
			if (!child) {
				xa_delete_empty(xa, node);
				xa_shrink(xa);
				return -ENOMEM;
			}
			node->slots[slot] = child;
			node->count++;
		}
		node = child;
	}
	node->slots[xa_slot(node, index)] = entry;
	node->count++;
	return 0;
}

/* Remove what is stored at @index; return it, or NULL. */
void *xa_erase(struct xarray *xa, unsigned long index)
{
	struct xa_node *node = xa->xa_head;
	void *entry;

	if (!node || index > xa_node_max(node->shift))
		return NULL;
	while (node->shift) {
		node = node->slots[xa_slot(node, index)];
		if (!node)
			return NULL;
	}
	entry = node->slots[xa_slot(node, index)];
	if (!entry)
		return NULL;
	xa_clear_mark(xa, index, XA_MARK_0);
	node->slots[xa_slot(node, index)] = NULL;
	node->count--;
	xa_delete_empty(xa, node);
	xa_shrink(xa);
	return entry;
}

/*
 * The first entry (@marked: marked entry) at or above @index in @node's
 * subtree, up to @max.
 */
static void *xa_find_node(struct xa_node *node, unsigned long *index,
			  unsigned long max, bool marked)
{
	for (unsigned int slot = xa_slot(node, *index); slot < XA_CHUNK_SIZE; slot++) {
		unsigned long base = (*index >> node->shift >> XA_CHUNK_SHIFT
				      << XA_CHUNK_SHIFT | slot) << node->shift;
		void *entry = node->slots[slot];

		if (base > max)
			return NULL;
		if (base > *index)
			*index = base;
		if (!entry || (marked && !(node->marks & (1ULL << slot))))
			continue;
		if (!node->shift)
			return entry;
		entry = xa_find_node(entry, index, max, marked);
		if (entry)
			return entry;
		/* the subtree had nothing from *index on: next slot */
		if (slot == XA_CHUNK_SIZE - 1 || base + (1UL << node->shift) == 0)
			return NULL;
		*index = base + (1UL << node->shift);
		if (*index > max)
			return NULL;
	}
	return NULL;
}

/*
 * xa_find - the first entry at an index in [*@index, @max]; *@index is
 * set to its index.  Return: the entry, or NULL (then *@index is
 * unspecified).
 */
void *xa_find(const struct xarray *xa, unsigned long *index, unsigned long max)
{
	struct xa_node *head = xa->xa_head;

	if (!head || *index > max || *index > xa_node_max(head->shift))
		return NULL;
	return xa_find_node(head, index, max, false);
}

/* xa_find_marked - xa_find() for entries marked @mark. */
void *xa_find_marked(const struct xarray *xa, unsigned long *index,
		     unsigned long max, xa_mark_t mark)
{
	struct xa_node *head = xa->xa_head;

	VM_BUG_ON(mark != XA_MARK_0);
	if (!head || *index > max || *index > xa_node_max(head->shift))
		return NULL;
	return xa_find_node(head, index, max, true);
}

/* The leaf node holding @index, or NULL if nothing is stored there. */
static struct xa_node *xa_leaf(const struct xarray *xa, unsigned long index)
{
	struct xa_node *node = xa->xa_head;

	if (!node || index > xa_node_max(node->shift))
		return NULL;
	while (node->shift) {
		node = node->slots[xa_slot(node, index)];
		if (!node)
			return NULL;
	}
	return node->slots[xa_slot(node, index)] ? node : NULL;
}

bool xa_get_mark(const struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct xa_node *node = xa_leaf(xa, index);

	VM_BUG_ON(mark != XA_MARK_0);
	return node && (node->marks & (1ULL << xa_slot(node, index)));
}

/* Mark the entry at @index and every node on its path; nothing if absent. */
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct xa_node *node = xa_leaf(xa, index);
	unsigned int slot;

	VM_BUG_ON(mark != XA_MARK_0);
	if (!node)
		return;
	slot = xa_slot(node, index);
	while (node) {
		node->marks |= 1ULL << slot;
		slot = node->offset;
		node = node->parent;
	}
}

/* Unmark @index; ancestors lose the bit once no slot below is marked. */
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct xa_node *node = xa_leaf(xa, index);
	unsigned int slot;

	VM_BUG_ON(mark != XA_MARK_0);
	if (!node)
		return;
	slot = xa_slot(node, index);
	while (node) {
		node->marks &= ~(1ULL << slot);
		if (node->marks)
			break;
		slot = node->offset;
		node = node->parent;
	}
}

static size_t xa_node_bytes_rec(const struct xa_node *node)
{
	size_t n = sizeof(*node);

	if (node->shift)
		for (unsigned int i = 0; i < XA_CHUNK_SIZE; i++)
			if (node->slots[i])
				n += xa_node_bytes_rec(node->slots[i]);
	return n;
}

size_t xa_node_bytes(const struct xarray *xa)
{
	return xa->xa_head ? xa_node_bytes_rec(xa->xa_head) : 0;
}
