// SPDX-License-Identifier: GPL-2.0
/*
 * test_mmap_hint.c - mmap(2)'s hint (lib/arch/x86/kernel/sys_x86_64.c):
 * taken where the range is free and below TASK_SIZE, ignored (a top-down
 * search instead) where it overlaps, passes TASK_SIZE, or sits below
 * mmap_min_addr.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

TEST(mmap_hint_is_taken_only_where_the_range_is_free)
{
	struct fixture f;
	long a;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, RW, ANON, NULL, 0), ARENA);
	/* one page into the first mapping: searched for instead */
	a = sys_mmap(f.t, ARENA + PG, 2 * PG, RW, ANON, NULL, 0);
	ASSERT_TRUE(a > 0 && (unsigned long)a != ARENA + PG);
	ASSERT_TRUE((unsigned long)a + 2 * PG <= TASK_SIZE);
	/* right after it: free, taken (and merged with it) */
	ASSERT_EQ(sys_mmap(f.t, ARENA + 2 * PG, PG, RW, ANON, NULL, 0), ARENA + 2 * PG);
	/* an unaligned hint is rounded down first */
	ASSERT_EQ(sys_mmap(f.t, ARENA + 8 * PG + 100, PG, RW, ANON, NULL, 0), ARENA + 8 * PG);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mmap_hint_past_task_size_or_below_mmap_min_addr_is_ignored)
{
	struct fixture f;
	long a;

	ASSERT_EQ(fixture_init(&f), 0);
	/* the last page below 2^47 is not user space */
	a = sys_mmap(f.t, TASK_SIZE, PG, RW, ANON, NULL, 0);
	ASSERT_TRUE(a > 0 && (unsigned long)a + PG <= TASK_SIZE);
	/* a range ending exactly at TASK_SIZE is */
	ASSERT_EQ(sys_mmap(f.t, TASK_SIZE - PG, PG, RW, ANON, NULL, 0), (long)(TASK_SIZE - PG));
	a = sys_mmap(f.t, 1UL << 48, PG, RW, ANON, NULL, 0);
	ASSERT_TRUE(a > 0 && (unsigned long)a < TASK_SIZE);
	a = sys_mmap(f.t, -1UL, PG, RW, ANON, NULL, 0);
	ASSERT_TRUE(a > 0 && (unsigned long)a < TASK_SIZE);
	/* raised to mmap_min_addr, where it is free */
	ASSERT_EQ(sys_mmap(f.t, PG, PG, RW, ANON, NULL, 0), (long)MMAP_MIN_ADDR);
	/* MAP_FIXED takes no detour: past TASK_SIZE is ENOMEM */
	ASSERT_EQ(sys_mmap(f.t, TASK_SIZE, PG, RW, ANON | MAP_FIXED, NULL, 0), -ENOMEM);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mmap_falls_back_to_bottom_up_when_nothing_is_free_below_the_base)
{
	const unsigned long base = 0x7ff000000000UL;	/* the model's mmap base */
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_mmap(f.t, MMAP_MIN_ADDR, base - MMAP_MIN_ADDR, PROT_READ,
			   ANON | MAP_FIXED_NOREPLACE, NULL, 0), (long)MMAP_MIN_ADDR);
	/* the lowest free range from TASK_UNMAPPED_BASE up: the base itself */
	ASSERT_EQ(sys_mmap(f.t, 0, PG, PROT_READ, ANON, NULL, 0), (long)base);
	ASSERT_EQ(sys_mmap(f.t, 0, PG, PROT_WRITE, ANON, NULL, 0), (long)(base + PG));
	ASSERT_EQ(sys_mmap(f.t, 0, TASK_SIZE - base - 2 * PG, PROT_READ, ANON, NULL, 0),
		  (long)(base + 2 * PG));
	ASSERT_EQ(sys_mmap(f.t, 0, PG, PROT_READ, ANON, NULL, 0), -ENOMEM);
	ASSERT_EQ(sys_mmap(f.t, 1UL << 45, PG, PROT_READ, ANON, NULL, 0), -ENOMEM);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
