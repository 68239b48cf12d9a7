// SPDX-License-Identifier: GPL-2.0
/*
 * test_rbtree.c - lib/lib/rbtree.c against a sorted-array oracle: order,
 * parent links, red-black colour rules and black height after every
 * random insert and erase, and the cached subtree maximum of an
 * augmented tree under the same random operations.
 */
#include <stdlib.h>

#include <mmsim/rbtree.h>

#include "test.h"

#define NR_ITEMS 600
#define NR_OPS	 6000

struct item {
	struct rb_node rb;
	int key;
	int val;
	int max;	/* augmented: largest val in the subtree */
	bool in_tree;
};

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static bool node_red(const struct rb_node *n)
{
	return n && !(n->__rb_parent_color & 1);
}

static int item_key(const struct rb_node *n)
{
	return rb_entry(n, struct item, rb)->key;
}

/* Black height of @n's subtree, or -1 with a message if a rule breaks. */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent,
			 bool augmented)
{
	const struct item *it;
	int lh, rh, max;

	if (!n)
		return 1;
	if (rb_parent(n) != parent) {
		fprintf(stderr, "  bad parent link at key %d\n", item_key(n));
		return -1;
	}
	if (node_red(n) && (node_red(n->rb_left) || node_red(n->rb_right))) {
		fprintf(stderr, "  red-red at key %d\n", item_key(n));
		return -1;
	}
	lh = check_subtree(n->rb_left, n, augmented);
	rh = check_subtree(n->rb_right, n, augmented);
	if (lh < 0 || rh < 0)
		return -1;
	if (lh != rh) {
		fprintf(stderr, "  black height %d vs %d at key %d\n", lh, rh,
			item_key(n));
		return -1;
	}
	it = rb_entry(n, struct item, rb);
	max = it->val;
	if (n->rb_left)
		max = imax(max, rb_entry(n->rb_left, struct item, rb)->max);
	if (n->rb_right)
		max = imax(max, rb_entry(n->rb_right, struct item, rb)->max);
	if (augmented && it->max != max) {
		fprintf(stderr, "  stale max %d (want %d) at key %d\n",
			it->max, max, it->key);
		return -1;
	}
	return lh + !node_red(n);
}

static bool tree_valid(const struct rb_root *root, bool augmented)
{
	if (node_red(root->rb_node)) {
		fprintf(stderr, "  red root\n");
		return false;
	}
	return check_subtree(root->rb_node, NULL, augmented) > 0;
}

/* In-order keys, forwards and backwards, equal the sorted oracle. */
static bool tree_matches(const struct rb_root *root, const int *keys, int n)
{
	const struct rb_node *rb;
	int i = 0;

	for (rb = rb_first(root); rb; rb = rb_next(rb), i++)
		if (i >= n || item_key(rb) != keys[i])
			return false;
	if (i != n)
		return false;
	for (rb = rb_last(root); rb; rb = rb_prev(rb))
		if (--i < 0 || item_key(rb) != keys[i])
			return false;
	return i == 0;
}

static int max_of(struct rb_node *rb)
{
	struct item *it = rb_entry(rb, struct item, rb);
	int max = it->val;

	if (rb->rb_left)
		max = imax(max, rb_entry(rb->rb_left, struct item, rb)->max);
	if (rb->rb_right)
		max = imax(max, rb_entry(rb->rb_right, struct item, rb)->max);
	return max;
}

static void aug_propagate(struct rb_node *rb, struct rb_node *stop)
{
	for (; rb != stop; rb = rb_parent(rb))
		rb_entry(rb, struct item, rb)->max = max_of(rb);
}

static void aug_copy(struct rb_node *old, struct rb_node *new)
{
	rb_entry(new, struct item, rb)->max = rb_entry(old, struct item, rb)->max;
}

static void aug_rotate(struct rb_node *old, struct rb_node *new)
{
	aug_copy(old, new);
	rb_entry(old, struct item, rb)->max = max_of(old);
}

static const struct rb_augment_callbacks aug_cb = {
	aug_propagate, aug_copy, aug_rotate,
};

static void tree_insert(struct rb_root *root, struct item *it, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	it->max = it->val;
	while (*link) {
		struct item *cur = rb_entry(*link, struct item, rb);

		parent = *link;
		if (augmented)
			cur->max = imax(cur->max, it->val);
		link = it->key < cur->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	if (augmented)
		rb_insert_augmented(&it->rb, root, &aug_cb);
	else
		rb_insert_color(&it->rb, root);
	it->in_tree = true;
}

static void oracle_add(int *keys, int *n, int key)
{
	int i = *n;

	while (i > 0 && keys[i - 1] > key) {
		keys[i] = keys[i - 1];
		i--;
	}
	keys[i] = key;
	(*n)++;
}

static void oracle_del(int *keys, int *n, int key)
{
	int i = 0;

	while (keys[i] != key)
		i++;
	memmove(&keys[i], &keys[i + 1], (*n - i - 1) * sizeof(*keys));
	(*n)--;
}

/* Random inserts and erases with duplicate keys; checks after every op. */
static bool random_ops(bool augmented, unsigned int seed)
{
	static struct item items[NR_ITEMS];
	static int keys[NR_ITEMS];
	struct rb_root root = RB_ROOT;
	int n = 0;

	srand(seed);
	memset(items, 0, sizeof(items));
	for (int op = 0; op < NR_OPS; op++) {
		struct item *it = &items[rand() % NR_ITEMS];

		if (it->in_tree) {
			if (augmented)
				rb_erase_augmented(&it->rb, &root, &aug_cb);
			else
				rb_erase(&it->rb, &root);
			it->in_tree = false;
			oracle_del(keys, &n, it->key);
		} else {
			it->key = rand() % 1000;
			it->val = rand() % 100000;
			tree_insert(&root, it, augmented);
			oracle_add(keys, &n, it->key);
		}
		if (!tree_valid(&root, augmented) || !tree_matches(&root, keys, n)) {
			fprintf(stderr, "  after op %d (seed %u)\n", op, seed);
			return false;
		}
	}
	return true;
}

TEST(rbtree_random_ops_keep_order_and_colour_rules)
{
	for (unsigned int seed = 1; seed <= 4; seed++)
		ASSERT_TRUE(random_ops(false, seed));
}

TEST(rbtree_augmented_max_maintained_under_random_ops)
{
	for (unsigned int seed = 1; seed <= 4; seed++)
		ASSERT_TRUE(random_ops(true, seed));
}

TEST(rbtree_sequential_inserts_stay_balanced)
{
	static struct item items[4096];
	struct rb_root root = RB_ROOT;
	int depth = 0;

	for (int i = 0; i < 4096; i++) {
		items[i].key = i;
		tree_insert(&root, &items[i], false);
	}
	ASSERT_TRUE(tree_valid(&root, false));
	for (struct rb_node *rb = rb_first(&root); rb; rb = rb_parent(rb))
		depth++;
	ASSERT_LE(depth, 2 * 13);	/* height <= 2 log2(n + 1) */
	for (int i = 0; i < 4096; i += 2)
		rb_erase(&items[i].rb, &root);
	ASSERT_TRUE(tree_valid(&root, false));
	ASSERT_EQ(item_key(rb_first(&root)), 1);
	ASSERT_EQ(item_key(rb_last(&root)), 4095);
}

TEST(rbtree_replace_node_keeps_shape_and_order)
{
	static struct item items[64], spare;
	static int keys[64];
	struct rb_root root = RB_ROOT;

	for (int i = 0; i < 64; i++) {
		items[i].key = keys[i] = i * 2;
		tree_insert(&root, &items[i], false);
	}
	for (int i = 0; i < 64; i++) {
		spare.key = items[i].key;
		rb_replace_node(&items[i].rb, &spare.rb, &root);
		ASSERT_TRUE(tree_valid(&root, false));
		ASSERT_TRUE(tree_matches(&root, keys, 64));
		rb_replace_node(&spare.rb, &items[i].rb, &root);
	}
	ASSERT_TRUE(tree_valid(&root, false));
}

TEST(rbtree_empty_tree_and_unlinked_node_iterate_to_null)
{
	struct rb_root root = RB_ROOT;
	struct item it;

	ASSERT_TRUE(rb_first(&root) == NULL);
	ASSERT_TRUE(rb_last(&root) == NULL);
	RB_CLEAR_NODE(&it.rb);
	ASSERT_TRUE(rb_next(&it.rb) == NULL);
	ASSERT_TRUE(rb_prev(&it.rb) == NULL);
	it.key = 5;
	tree_insert(&root, &it, false);
	ASSERT_TRUE(rb_first(&root) == &it.rb && rb_last(&root) == &it.rb);
	ASSERT_TRUE(rb_next(&it.rb) == NULL && rb_prev(&it.rb) == NULL);
	rb_erase(&it.rb, &root);
	ASSERT_TRUE(RB_EMPTY_ROOT(&root));
}
