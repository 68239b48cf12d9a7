// SPDX-License-Identifier: GPL-2.0
/*
 * test_interval_tree.c - lib/mm/interval_tree.c against brute force: after
 * random inserts and removes of VMAs with random pgoff ranges, every query
 * reports each overlapping VMA exactly once, in ascending start order,
 * and the cached rb_subtree_last is right everywhere.
 */
#include <stdlib.h>

#include "../../lib/internal.h"
#include "test.h"

#define NR_VMAS	300
#define NR_OPS	3000

static struct vm_area_struct *new_vma(pgoff_t pgoff, unsigned long pages)
{
	struct vm_area_struct *vma = calloc(1, sizeof(*vma));

	if (!vma)
		abort();
	vma->vm_start = 0x100000;
	vma->vm_end = vma->vm_start + pages * PAGE_SIZE;
	vma->vm_pgoff = pgoff;
	return vma;
}

static void random_range(struct vm_area_struct *vma)
{
	unsigned long pages = 1 + rand() % (rand() % 8 ? 16 : 400);

	vma->vm_pgoff = rand() % 2000;
	vma->vm_end = vma->vm_start + pages * PAGE_SIZE;
}

static bool overlaps(const struct vm_area_struct *v, pgoff_t start,
		     pgoff_t last)
{
	return vma_start_pgoff(v) <= last && vma_last_pgoff(v) >= start;
}

/* Every rb_subtree_last under @rb is right; *out = @rb's own. */
static bool check_sublast(const struct rb_node *rb, unsigned long *out)
{
	const struct vm_area_struct *v;
	unsigned long last, sub;

	if (!rb)
		return true;
	v = rb_entry(rb, struct vm_area_struct, shared.rb);
	last = vma_last_pgoff(v);
	if (rb->rb_left) {
		if (!check_sublast(rb->rb_left, &sub))
			return false;
		last = sub > last ? sub : last;
	}
	if (rb->rb_right) {
		if (!check_sublast(rb->rb_right, &sub))
			return false;
		last = sub > last ? sub : last;
	}
	*out = last;
	return v->shared.rb_subtree_last == last;
}

/* One query: the tree's answer equals the brute-force answer, in order. */
static bool query_matches(struct rb_root *root, struct vm_area_struct **vmas,
			  const bool *in, pgoff_t start, pgoff_t last)
{
	struct vm_area_struct *v, *prev = NULL;
	bool seen[NR_VMAS] = { false };
	int want = 0, got = 0;

	for (int i = 0; i < NR_VMAS; i++)
		want += in[i] && overlaps(vmas[i], start, last);
	vma_interval_tree_foreach(v, root, start, last) {
		int i = 0;

		while (i < NR_VMAS && vmas[i] != v)
			i++;
		if (i == NR_VMAS || !in[i] || seen[i] || !overlaps(v, start, last))
			return false;
		if (prev && vma_start_pgoff(prev) > vma_start_pgoff(v))
			return false;
		seen[i] = true;
		got++;
		prev = v;
	}
	return got == want;
}

static bool random_queries(struct rb_root *root, struct vm_area_struct **vmas,
			   const bool *in)
{
	for (int q = 0; q < 20; q++) {
		pgoff_t start = rand() % 2500;
		pgoff_t last = start + rand() % (q & 1 ? 5 : 300);

		if (!query_matches(root, vmas, in, start, last)) {
			fprintf(stderr, "  query [%lu, %lu]\n", start, last);
			return false;
		}
	}
	return true;
}

TEST(interval_tree_finds_every_overlap_once_in_start_order)
{
	static struct vm_area_struct *vmas[NR_VMAS];
	static bool in[NR_VMAS];
	struct rb_root root = RB_ROOT;
	unsigned long sub;
	bool ok = true;

	srand(7);
	for (int i = 0; i < NR_VMAS; i++) {
		vmas[i] = new_vma(0, 1);
		in[i] = false;
	}
	for (int op = 0; op < NR_OPS && ok; op++) {
		int i = rand() % NR_VMAS;

		if (in[i]) {
			vma_interval_tree_remove(vmas[i], &root);
		} else {
			random_range(vmas[i]);
			vma_interval_tree_insert(vmas[i], &root);
		}
		in[i] = !in[i];
		ok = check_sublast(root.rb_node, &sub) &&
		     random_queries(&root, vmas, in);
		if (!ok)
			fprintf(stderr, "  after op %d\n", op);
	}
	for (int i = 0; i < NR_VMAS; i++)
		free(vmas[i]);
	ASSERT_TRUE(ok);
}

TEST(interval_tree_boundaries_are_inclusive)
{
	struct vm_area_struct *a = new_vma(10, 5);	/* [10, 14] */
	struct vm_area_struct *b = new_vma(15, 1);	/* [15, 15] */
	struct rb_root root = RB_ROOT;
	struct vm_area_struct *v;

	vma_interval_tree_insert(a, &root);
	vma_interval_tree_insert(b, &root);
	ASSERT_TRUE(vma_interval_tree_iter_first(&root, 0, 9) == NULL);
	ASSERT_TRUE(vma_interval_tree_iter_first(&root, 16, 100) == NULL);
	ASSERT_TRUE(vma_interval_tree_iter_first(&root, 0, 10) == a);
	v = vma_interval_tree_iter_first(&root, 14, 15);
	ASSERT_TRUE(v == a);
	ASSERT_TRUE(vma_interval_tree_iter_next(v, 14, 15) == b);
	ASSERT_TRUE(vma_interval_tree_iter_next(b, 14, 15) == NULL);
	ASSERT_TRUE(vma_interval_tree_iter_first(&root, 15, 15) == b);
	vma_interval_tree_remove(a, &root);
	vma_interval_tree_remove(b, &root);
	ASSERT_TRUE(RB_EMPTY_ROOT(&root));
	free(a);
	free(b);
}

TEST(interval_tree_equal_ranges_all_reported)
{
	struct vm_area_struct *v[8];
	struct rb_root root = RB_ROOT;
	struct vm_area_struct *it;
	int n = 0;

	for (int i = 0; i < 8; i++) {
		v[i] = new_vma(100, 4);
		vma_interval_tree_insert(v[i], &root);
	}
	vma_interval_tree_foreach(it, &root, 103, 103)
		n++;
	ASSERT_EQ(n, 8);
	for (int i = 0; i < 8; i++) {
		vma_interval_tree_remove(v[i], &root);
		free(v[i]);
	}
	ASSERT_TRUE(RB_EMPTY_ROOT(&root));
}
