// SPDX-License-Identifier: GPL-2.0
/*
 * test_xarray.c - the page cache's sparse array (lib/lib/xarray.c):
 * what is stored is found again, in index order; the tree costs the
 * height of its largest index, shrinks back when entries go, and an
 * insertion that cannot allocate leaves it as it was.
 */
#include "helpers.h"
#include "../../lib/internal.h"

static const unsigned long idx[] = {
	0, 1, 63, 64, 4095, 4096, 1UL << 28, (1UL << 51) - 1, ~0UL - 1, ~0UL,
};

#define N (sizeof(idx) / sizeof(idx[0]))

static void *entry_for(unsigned long i)
{
	return (void *)(uintptr_t)(0x1000 + 8 * i);	/* never NULL */
}

TEST(xarray_finds_every_entry_in_index_order_and_nothing_else)
{
	struct xarray xa = XARRAY_INIT;
	struct fixture f;
	unsigned long index = 0, i;
	void *e;

	ASSERT_EQ(fixture_init(&f), 0);
	for (i = N; i-- > 0; )
		ASSERT_EQ(xa_insert(&xa, idx[i], entry_for(i), GFP_KERNEL), 0);
	for (i = 0; i < N; i++)
		ASSERT_TRUE(xa_load(&xa, idx[i]) == entry_for(i));
	ASSERT_TRUE(xa_load(&xa, 2) == NULL);
	ASSERT_TRUE(xa_load(&xa, (1UL << 28) + 1) == NULL);
	ASSERT_TRUE(xa_load(&xa, 1UL << 51) == NULL);
	for (i = 0; i < N; i++, index++) {
		e = xa_find(&xa, &index, ~0UL);
		ASSERT_TRUE(e == entry_for(i));
		ASSERT_EQ(index, idx[i]);
		if (index == ~0UL)
			break;
	}
	ASSERT_EQ(i, N - 1);
	index = 65;
	ASSERT_TRUE(xa_find(&xa, &index, 4094) == NULL);	/* none in [65, 4094] */
	index = 65;
	ASSERT_TRUE(xa_find(&xa, &index, 4095) == entry_for(4));
	ASSERT_EQ(index, 4095);
	ASSERT_EQ(xa_insert(&xa, 4096, entry_for(0), GFP_KERNEL), -EBUSY);
	for (i = 0; i < N; i++)
		ASSERT_TRUE(xa_erase(&xa, idx[i]) == entry_for(i));
	ASSERT_TRUE(xa_empty(&xa));
	ASSERT_TRUE(xa_erase(&xa, 5) == NULL);
	machine_destroy(f.m);
}

TEST(xarray_costs_the_height_of_its_largest_index_and_shrinks_back)
{
	struct xarray xa = XARRAY_INIT;
	struct fixture f;
	size_t one, tall;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(xa_insert(&xa, 0, entry_for(0), GFP_KERNEL), 0);
	one = xa_node_bytes(&xa);
	ASSERT_GT(one, 0);
	/*
	 * Index 2^28 needs ceil(29 / 6) = 5 levels: the head and one node
	 * per level down to 2^28, plus the leaf of index 0 and the three
	 * nodes between it and the head: 9 nodes, whatever the file size.
	 */
	ASSERT_EQ(xa_insert(&xa, 1UL << 28, entry_for(1), GFP_KERNEL), 0);
	tall = xa_node_bytes(&xa);
	ASSERT_EQ(tall, 9 * one);
	ASSERT_TRUE(xa_erase(&xa, 1UL << 28) == entry_for(1));
	ASSERT_EQ(xa_node_bytes(&xa), one);
	ASSERT_TRUE(xa_erase(&xa, 0) == entry_for(0));
	ASSERT_EQ(xa_node_bytes(&xa), 0);
	CHECK_MM(f.m);		/* no node leaked: nothing allocated is left */
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(xarray_insert_failing_to_allocate_leaves_the_array_as_it_was)
{
	struct xarray xa = XARRAY_INIT;
	struct fixture f;
	size_t before;
	unsigned long n;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(xa_insert(&xa, 3, entry_for(3), GFP_KERNEL), 0);
	before = xa_node_bytes(&xa);
	for (n = 1; n < 16; n++) {
		int err;

		mmsim_fail_nth(f.m, n);
		err = xa_insert(&xa, (1UL << 40) + 7, entry_for(7), GFP_KERNEL);
		mmsim_fail_nth(f.m, 0);
		if (!err)
			break;
		ASSERT_EQ(err, -ENOMEM);
		ASSERT_EQ(xa_node_bytes(&xa), before);
		ASSERT_TRUE(xa_load(&xa, 3) == entry_for(3));
	}
	ASSERT_GT(n, 5);	/* the insertion allocated several nodes */
	ASSERT_TRUE(xa_load(&xa, (1UL << 40) + 7) == entry_for(7));
	xa_erase(&xa, (1UL << 40) + 7);
	xa_erase(&xa, 3);
	ASSERT_TRUE(xa_empty(&xa));
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The dirty tag's mark: found only where set, in index order, lost with
 * xa_clear_mark and with the entry itself; inner nodes stop claiming a
 * mark once the last one below them goes (else a search would find a
 * cleared entry or walk forever through empty subtrees).
 */
TEST(xarray_marks_find_only_marked_entries_and_go_with_the_entry)
{
	struct xarray xa = XARRAY_INIT;
	struct fixture f;
	unsigned long index, i;

	ASSERT_EQ(fixture_init(&f), 0);
	for (i = 0; i < N; i++)
		ASSERT_EQ(xa_insert(&xa, idx[i], entry_for(i), GFP_KERNEL), 0);
	xa_set_mark(&xa, 5, XA_MARK_0);			/* absent: nothing */
	ASSERT_FALSE(xa_get_mark(&xa, 5, XA_MARK_0));
	for (i = 1; i < N; i += 3)
		xa_set_mark(&xa, idx[i], XA_MARK_0);
	index = 0;
	for (i = 1; i < N; i += 3) {
		ASSERT_TRUE(xa_find_marked(&xa, &index, ~0UL, XA_MARK_0) == entry_for(i));
		ASSERT_EQ(index, idx[i]);
		ASSERT_TRUE(xa_get_mark(&xa, idx[i], XA_MARK_0));
		index++;
	}
	ASSERT_TRUE(xa_find_marked(&xa, &index, ~0UL, XA_MARK_0) == NULL);
	ASSERT_FALSE(xa_get_mark(&xa, idx[0], XA_MARK_0));
	/* clearing idx[4] (4095) leaves the mark on idx[7] found from 64 on */
	xa_clear_mark(&xa, idx[4], XA_MARK_0);
	index = 64;
	ASSERT_TRUE(xa_find_marked(&xa, &index, ~0UL, XA_MARK_0) == entry_for(7));
	/* erasing a marked entry takes its mark along */
	xa_erase(&xa, idx[7]);
	index = 64;
	ASSERT_TRUE(xa_find_marked(&xa, &index, ~0UL - 1, XA_MARK_0) == NULL);
	ASSERT_EQ(xa_insert(&xa, idx[7], entry_for(7), GFP_KERNEL), 0);
	ASSERT_FALSE(xa_get_mark(&xa, idx[7], XA_MARK_0));
	for (i = 0; i < N; i++)
		xa_erase(&xa, idx[i]);
	ASSERT_TRUE(xa_empty(&xa));
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
