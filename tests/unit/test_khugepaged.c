// SPDX-License-Identifier: GPL-2.0
/*
 * test_khugepaged.c - MADV_COLLAPSE's error paths that a scenario cannot
 * reach on demand: the new THP cannot be allocated.  The call is then
 * ENOMEM, the PTE table and every page under it stay as they were, and
 * nothing leaks (the scenarios tests/scenarios/khugepaged-*.mms and
 * thp-collapse-*.mms state the rest, host-verified).
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define THP_SIZE	(2UL << 20)
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE	25	/* Linux 6.1 */
#endif

/* @len of small pages at ARENA (THP never: no fault maps a PMD), page i
 * holding byte i + 1. */
static int small_pages(struct fixture *f, unsigned long len)
{
	if (thp_fixture(f, MMSIM_THP_NEVER) ||
	    map_anon(f, ARENA, len, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)ARENA)
		return -1;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE)
		if (uaccess_memset(f->t, ARENA + off, (int)(off / PAGE_SIZE + 1) & 0xff,
				   PAGE_SIZE))
			return -1;
	return 0;
}

static bool pmd_mapped(struct task_struct *t, unsigned long addr)
{
	pmd_t *leaf = NULL;

	walk_to_pte(t->mm, addr, &leaf, NULL);
	return leaf != NULL;
}

TEST(collapse_without_a_thp_to_allocate_is_enomem_and_keeps_the_ptes)
{
	struct fixture f;
	uint64_t pfn3;

	ASSERT_EQ(small_pages(&f, THP_SIZE), 0);
	pfn3 = pfn_of(f.t, ARENA + 3 * PAGE_SIZE);
	mmsim_fail_nth(f.m, 1);		/* the THP's folio_alloc() */
	ASSERT_EQ(sys_madvise(f.t, ARENA, THP_SIZE, MADV_COLLAPSE), -ENOMEM);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	mmsim_fail_nth(f.m, 0);
	ASSERT_FALSE(pmd_mapped(f.t, ARENA));
	ASSERT_EQ(pfn_of(f.t, ARENA + 3 * PAGE_SIZE), pfn3);
	for (unsigned long i = 0; i < THP_SIZE / PAGE_SIZE; i++)
		ASSERT_EQ(peek(f.t, ARENA + i * PAGE_SIZE), (int)((i + 1) & 0xff));
	CHECK_MM(f.m);
	/* nothing was left half done: the same call now collapses */
	ASSERT_EQ(sys_madvise(f.t, ARENA, THP_SIZE, MADV_COLLAPSE), 0);
	ASSERT_TRUE(pmd_mapped(f.t, ARENA));
	ASSERT_EQ(peek(f.t, ARENA + 511 * PAGE_SIZE), 512 & 0xff);
	CHECK_MM(f.m);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
