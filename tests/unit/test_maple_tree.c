// SPDX-License-Identifier: GPL-2.0
/*
 * test_maple_tree.c - lib/lib/maple_tree.c against a reference array of
 * small indices (one entry per index): random stores over ranges
 * (overwriting, cutting ranges in two, stretching an entry in place,
 * moving a range's bounds with mas_move_range(), stores from a position
 * a find left, which stay on what they stored),
 * inserts and erases; after every operation mt_validate() and a
 * comparison of every range, of mas_find/mas_find_rev and of
 * mas_empty_area_rev() with a brute-force search; and allocation
 * failure at every node allocation leaves the tree as it was.
 */
#include <stdlib.h>

#include <mmsim/maple_tree.h>

#include "helpers.h"
#include "../../lib/internal.h"

#define NR_IDX	3000	/* indices 0 .. NR_IDX - 1 hold entries */

/* Distinct entries: &vals[k] stands for value k. */
static char vals[64];

/* The reference: ref[i] is the entry at index i, or NULL. */
static void *ref[NR_IDX];

static void ref_store(unsigned long first, unsigned long last, void *entry)
{
	for (unsigned long i = first; i <= last; i++)
		ref[i] = entry;
}

/*
 * The tree holds exactly the reference's entries.  Adjacent indices
 * with one entry may be one range or several (a cut leaves two), so
 * the check walks the tree's ranges and compares each index.
 */
static const char *compare(struct maple_tree *mt)
{
	MA_STATE(mas, mt, 0, 0);
	unsigned long next = 0, i;
	void *e;
	const char *why = mt_validate(mt);

	if (why)
		return why;
	while ((e = mas_find(&mas, ~0UL))) {
		if (mas.last >= NR_IDX)
			return "a range past the reference";
		for (i = next; i < mas.index; i++)
			if (ref[i])
				return "an entry missing from the tree";
		for (i = mas.index; i <= mas.last; i++)
			if (ref[i] != e)
				return "a range holds the wrong entry";
		if (mtree_load(mt, mas.index) != e || mtree_load(mt, mas.last) != e)
			return "mtree_load disagrees with mas_find";
		next = mas.last + 1;
	}
	for (i = next; i < NR_IDX; i++)
		if (ref[i])
			return "an entry missing from the tree at the end";
	return NULL;
}

/* The highest free [a, a + size) in [min, max] of the reference. */
static long brute_rev(unsigned long min, unsigned long max, unsigned long size)
{
	unsigned long run = 0;

	for (long i = (long)max; i >= (long)min; i--) {
		run = ref[i] ? 0 : run + 1;
		if (run == size)
			return i;
	}
	return -1;
}

static void *random_entry(void)
{
	return &vals[rand() % 64];
}

TEST(maple_tree_matches_a_reference_array_under_random_stores)
{
	struct fixture f;
	struct maple_tree mt;
	unsigned int tallest = 0;
	int op;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	mt_init(&mt);
	memset(ref, 0, sizeof(ref));
	srand(1313);
	for (op = 0; op < 20000; op++) {
		unsigned long first = rand() % NR_IDX;
		unsigned long len = rand() % 4 ? 1 + rand() % 8 : 1 + rand() % 200;
		unsigned long last = first + len - 1 < NR_IDX ? first + len - 1 : NR_IDX - 1;
		int kind = rand() % 10;
		const char *why;
		void *e;

		/* more stores than erases while small, so the tree grows tall */
		if (kind < 5 || (kind < 7 && op < 10000)) {
			e = random_entry();
			if (rand() % 2) {
				ASSERT_EQ(mtree_store_range(&mt, first, last, e), 0);
			} else {
				/*
				 * A store at the position a find left: at
				 * @first, or anywhere (often another leaf,
				 * where the store must walk).
				 */
				unsigned long from = rand() % 2 ? first : (unsigned long)rand() % NR_IDX;
				MA_STATE(mas, &mt, from, from);

				mas_find(&mas, ~0UL);
				mas.index = first;
				mas.last = last;
				ASSERT_EQ(mas_preallocate(&mas, e), 0);
				mas_store_prealloc(&mas, e);
				if (mas.node) {
					/* left on what it stored: a find goes on after it */
					MA_STATE(w, &mt, last + 1, last + 1);
					void *after = mas_find(&w, ~0UL);

					ASSERT_TRUE(mas.node->slot[mas.offset] == e);
					ASSERT_EQ(mas.index, first);
					ASSERT_EQ(mas.last, last);
					ASSERT_TRUE(mas_find(&mas, ~0UL) == after);
					if (after)
						ASSERT_EQ(mas.index, w.index);
				}
			}
			ref_store(first, last, e);
		} else if (kind < 7) {
			ASSERT_EQ(mtree_store_range(&mt, first, last, NULL), 0);
			ref_store(first, last, NULL);
		} else if (kind < 8) {
			bool busy = false;

			for (unsigned long i = first; i <= last; i++)
				busy |= ref[i] != NULL;
			e = random_entry();
			ASSERT_EQ(mtree_insert_range(&mt, first, last, e),
				  busy ? -EEXIST : 0);
			if (!busy)
				ref_store(first, last, e);
		} else if (kind < 9) {
			/* erase the whole range holding @first */
			MA_STATE(mas, &mt, first, first);

			e = mas_walk(&mas);
			ASSERT_TRUE(e == ref[first]);
			if (e) {
				unsigned long a = mas.index, b = mas.last;

				ASSERT_TRUE(mtree_erase(&mt, first) == e);
				ref_store(a, b, NULL);
			}
		} else {
			/*
			 * move the bounds of the range holding @first within
			 * the free space around it, or stretch it over all of
			 * that space with a store
			 */
			MA_STATE(mas, &mt, first, first);

			e = mas_walk(&mas);
			if (e) {
				unsigned long a0 = mas.index, b0 = mas.last;
				unsigned long a = a0, b = b0, na, nb;

				while (a > 0 && !ref[a - 1])
					a--;
				while (b + 1 < NR_IDX && !ref[b + 1])
					b++;
				if (rand() % 2) {
					ASSERT_EQ(mtree_store_range(&mt, a, b, e), 0);
					ref_store(a, b, e);
				} else {
					na = a + rand() % (b - a + 1);
					nb = na + rand() % (b - na + 1);
					ASSERT_EQ(mas_move_range(&mas, na, nb), 0);
					ref_store(a0, b0, NULL);
					ref_store(na, nb, e);
					/* bounds that meet a neighbour are refused */
					mas_set_range(&mas, na, na);
					ASSERT_TRUE(mas_walk(&mas) == e);
					if (a > 0)
						ASSERT_EQ(mas_move_range(&mas, a - 1, nb), -EINVAL);
					if (b + 1 < NR_IDX && ref[b + 1])
						ASSERT_EQ(mas_move_range(&mas, na, b + 1), -EINVAL);
				}
			}
		}
		if (mt.ma_height > tallest)
			tallest = mt.ma_height;
		why = compare(&mt);
		if (why)
			TEST_FAIL("op %d [%lu, %lu]: %s", op, first, last, why);
		if (op % 16 == 0) {
			unsigned long lo = rand() % NR_IDX, hi = rand() % NR_IDX;
			unsigned long size = 1 + rand() % 40;
			MA_STATE(mas, &mt, 0, 0);
			long want;
			int err;

			if (lo > hi) {
				unsigned long t = lo;

				lo = hi;
				hi = t;
			}
			want = brute_rev(lo, hi, size);
			err = mas_empty_area_rev(&mas, lo, hi, size);
			if (want < 0 ? err != -EBUSY :
			    err || mas.index != (unsigned long)want ||
			    mas.last != want + size - 1)
				TEST_FAIL("op %d: empty area of %lu in [%lu, %lu]: %d at %lu, brute force %ld",
					  op, size, lo, hi, err, mas.index, want);
		}
	}
	ASSERT_GT(tallest, 2);	/* splits and merges above the leaves ran */
	mtree_destroy(&mt);
	ASSERT_TRUE(mtree_empty(&mt));
	machine_destroy(f.m);
}

TEST(maple_tree_find_and_find_rev_visit_every_range_in_order)
{
	struct fixture f;
	struct maple_tree mt;
	unsigned long i, n = 0;
	void *e;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	mt_init(&mt);
	for (i = 0; i < 2000; i++)
		ASSERT_EQ(mtree_insert_range(&mt, 10 * i + 5, 10 * i + 7, &vals[i % 64]), 0);
	{
		MA_STATE(mas, &mt, 0, 0);

		while ((e = mas_find(&mas, ~0UL))) {
			ASSERT_EQ(mas.index, 10 * n + 5);
			ASSERT_TRUE(e == &vals[n % 64]);
			n++;
		}
		ASSERT_EQ(n, 2000);
	}
	{
		/* from the middle of a gap backwards, down to a bound */
		MA_STATE(mas, &mt, 10 * 1000 + 9, 0);

		n = 1000;
		while ((e = mas_find_rev(&mas, 10 * 500 + 6))) {
			ASSERT_EQ(mas.index, 10 * n + 5);
			n--;
		}
		ASSERT_EQ(n, 499);
	}
	{
		/* a search bound stops mas_find; a search past the end finds none */
		MA_STATE(mas, &mt, 10 * 1999 + 8, 0);

		ASSERT_TRUE(mas_find(&mas, ~0UL) == NULL);
		mas_set_range(&mas, 10 * 7 + 8, 0);
		ASSERT_TRUE(mas_find(&mas, 10 * 8 + 4) == NULL);
		mas_set_range(&mas, ~0UL, ~0UL);
		ASSERT_TRUE(mas_find_rev(&mas, 0) == &vals[1999 % 64]);
		ASSERT_EQ(mas.index, 10 * 1999 + 5);
	}
	ASSERT_EQ(mtree_insert_range(&mt, 7, 5, &vals[0]), -EINVAL);
	ASSERT_EQ(mtree_insert_range(&mt, 0, 5, &vals[0]), -EEXIST);
	ASSERT_EQ(mtree_insert_range(&mt, 0, 4, NULL), -EINVAL);
	/* erase everything from the front: the tree shrinks to nothing */
	for (i = 0; i < 2000; i++) {
		ASSERT_TRUE(mtree_erase(&mt, 10 * i + 6) == &vals[i % 64]);
		if (!(i % 100))
			ASSERT_TRUE(mt_validate(&mt) == NULL);
	}
	ASSERT_TRUE(mtree_empty(&mt));
	ASSERT_EQ(mt.ma_height, 0);
	ASSERT_TRUE(mtree_erase(&mt, 6) == NULL);
	mtree_destroy(&mt);
	machine_destroy(f.m);
}

/* The gaps at the ends of the index space and of the tree's span. */
TEST(maple_tree_empty_area_rev_at_the_edges)
{
	struct fixture f;
	struct maple_tree mt;
	MA_STATE(mas, &mt, 0, 0);

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	mt_init(&mt);
	ASSERT_EQ(mas_empty_area_rev(&mas, 0, ~0UL, 16), 0);
	ASSERT_EQ(mas.index, ~0UL - 15);
	ASSERT_EQ(mas.last, ~0UL);
	ASSERT_EQ(mtree_insert_range(&mt, 100, ~0UL, &vals[1]), 0);
	ASSERT_EQ(mas_empty_area_rev(&mas, 0, ~0UL, 100), 0);
	ASSERT_EQ(mas.index, 0);
	ASSERT_EQ(mas_empty_area_rev(&mas, 0, ~0UL, 101), -EBUSY);
	ASSERT_EQ(mas_empty_area_rev(&mas, 10, 20, 11), 0);
	ASSERT_EQ(mas.index, 10);
	ASSERT_EQ(mas_empty_area_rev(&mas, 10, 20, 12), -EBUSY);
	ASSERT_EQ(mas_empty_area_rev(&mas, 20, 10, 1), -EBUSY);
	ASSERT_EQ(mas_empty_area_rev(&mas, 0, ~0UL, 0), -EBUSY);
	mtree_destroy(&mt);
	machine_destroy(f.m);
}

/*
 * A store that needs nodes fails with ENOMEM when an allocation fails,
 * and then has changed nothing; the same store with nothing failing
 * succeeds.
 */
TEST(maple_tree_store_fails_cleanly_at_every_allocation)
{
	struct fixture f;
	struct maple_tree mt;
	unsigned long i, nth;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	mt_init(&mt);
	memset(ref, 0, sizeof(ref));
	for (i = 0; i < 600; i++) {
		ASSERT_EQ(mtree_store_range(&mt, 4 * i, 4 * i + 2, &vals[i % 64]), 0);
		ref_store(4 * i, 4 * i + 2, &vals[i % 64]);
	}
	mtree_destroy(&mt);	/* no preallocation left over */
	for (i = 0; i < 600; i++)
		ASSERT_EQ(mtree_store_range(&mt, 4 * i, 4 * i + 2, &vals[i % 64]), 0);
	while (mt.ma_alloc) {	/* drop the spares so that the store allocates */
		struct maple_tree spare = { .ma_alloc = mt.ma_alloc };

		mt.ma_alloc = NULL;
		mt.ma_nr_alloc = 0;
		mtree_destroy(&spare);
	}
	for (nth = 1;; nth++) {
		int err;

		mmsim_fail_nth(f.m, nth);
		/* inside a range: cuts it in two and inserts */
		err = mtree_store_range(&mt, 1001, 1001, &vals[7]);
		if (!mmsim_fail_injected(f.m)) {
			ASSERT_EQ(err, 0);
			break;
		}
		ASSERT_EQ(err, -ENOMEM);
		ASSERT_TRUE(compare(&mt) == NULL);
	}
	mmsim_fail_nth(f.m, 0);
	ASSERT_GT(nth, 1);
	ref_store(1001, 1001, &vals[7]);
	ASSERT_TRUE(compare(&mt) == NULL);
	mtree_destroy(&mt);
	machine_destroy(f.m);
}

/* mt_validate() and mas_validate_path() see each kind of damage. */
TEST(maple_tree_validation_catches_a_damaged_node)
{
	struct fixture f;
	struct maple_tree mt;
	struct maple_node *root, *leaf;
	MA_STATE(mas, &mt, 0, 0);
	unsigned long i, saved;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	mt_init(&mt);
	for (i = 0; i < 200; i++)
		ASSERT_EQ(mtree_insert_range(&mt, 4 * i, 4 * i + 1, &vals[i % 64]), 0);
	ASSERT_GT(mt.ma_height, 1);
	mas_set_range(&mas, 2 * 4, 2 * 4);
	ASSERT_TRUE(mas_walk(&mas) != NULL);
	ASSERT_TRUE(mt_validate(&mt) == NULL);
	ASSERT_TRUE(mas_validate_path(&mas) == NULL);
	root = mt.ma_root;
	leaf = mas.node;
	/* a recorded gap */
	root->gap[0]++;
	ASSERT_TRUE(mt_validate(&mt) != NULL);
	ASSERT_TRUE(strstr(mas_validate_path(&mas), "gap") != NULL);
	root->gap[0]--;
	/* a range's last index past the next one's first */
	saved = leaf->pivot[2];
	leaf->pivot[2] = leaf->min[3];
	ASSERT_TRUE(mt_validate(&mt) != NULL);
	ASSERT_TRUE(mas_validate_path(&mas) != NULL);
	leaf->pivot[2] = saved;
	/* a child's offset */
	leaf->offset++;
	ASSERT_TRUE(strstr(mt_validate(&mt), "offset") != NULL);
	ASSERT_TRUE(mas_validate_path(&mas) != NULL);
	leaf->offset--;
	/* the height */
	mt.ma_height++;
	ASSERT_TRUE(mt_validate(&mt) != NULL);
	ASSERT_TRUE(mas_validate_path(&mas) != NULL);
	mt.ma_height--;
	ASSERT_TRUE(mt_validate(&mt) == NULL);
	ASSERT_TRUE(mas_validate_path(&mas) == NULL);
	mtree_destroy(&mt);
	machine_destroy(f.m);
}

/*
 * A position left by a find goes stale when the tree changes through
 * another state: a find then goes on after the range it had found, an
 * erase and a move walk again (they would otherwise use a freed node).
 */
TEST(maple_tree_a_stale_position_walks_again)
{
	struct fixture f;
	struct maple_tree mt;
	unsigned long i;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	mt_init(&mt);
	for (i = 0; i < 300; i++)
		ASSERT_EQ(mtree_insert_range(&mt, 10 * i, 10 * i + 4, &vals[i % 64]), 0);
	{
		MA_STATE(a, &mt, 1000, 1000);
		MA_STATE(b, &mt, 1010, 1010);

		ASSERT_TRUE(mas_find(&a, ~0UL) == &vals[100 % 64]);
		ASSERT_TRUE(mas_walk(&b) == &vals[101 % 64]);
		/* erase ranges around through other states: nodes merge */
		for (i = 50; i < 250; i++)
			if (i != 100 && i != 101)
				ASSERT_TRUE(mtree_erase(&mt, 10 * i) != NULL);
		ASSERT_TRUE(mt_validate(&mt) == NULL);
		ASSERT_TRUE(mas_find(&a, ~0UL) == &vals[101 % 64]);
		ASSERT_EQ(a.index, 1010);
		/* b is stale: the erase walks to what holds 1010 */
		mas_erase(&b);
		ASSERT_TRUE(mtree_load(&mt, 1010) == NULL);
		ASSERT_TRUE(mtree_load(&mt, 1000) == &vals[100 % 64]);
		/* a is stale too: a move refuses it; after a walk it works */
		ASSERT_EQ(mas_move_range(&a, 1000, 1020), -EINVAL);
		mas_set_range(&a, 1000, 1000);
		ASSERT_TRUE(mas_walk(&a) == &vals[100 % 64]);
		ASSERT_EQ(mas_move_range(&a, 1000, 1020), 0);
		ASSERT_EQ(mas_move_range(&a, 990, 1020), 0);	/* still positioned */
		ASSERT_TRUE(mtree_load(&mt, 1020) == &vals[100 % 64]);
		ASSERT_TRUE(mt_validate(&mt) == NULL);
	}
	mtree_destroy(&mt);
	machine_destroy(f.m);
}
