// SPDX-License-Identifier: GPL-2.0
/*
 * test_thp_split.c - splitting THPs to an order (lib/mm/huge_memory.c
 * split_folio_to_order()) and debugfs split_huge_pages
 * (split_huge_pages_pid()): each refusal, the counts and references the
 * new folios get, pieces nothing maps going back to the allocator, and
 * the walk's stops and skips.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define THP_SIZE	(2UL << 20)

/* Four THPs at ARENA, written, under thp=madvise with MADV_HUGEPAGE. */
static int four_thps(struct fixture *f)
{
	if (thp_fixture(f, MMSIM_THP_MADVISE) ||
	    map_anon(f, ARENA, 4 * THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE) != ARENA ||
	    sys_madvise(f->t, ARENA, 4 * THP_SIZE, MADV_HUGEPAGE))
		return -1;
	return uaccess_memset(f->t, ARENA, 7, 4 * THP_SIZE);
}

static struct folio *folio_at(struct task_struct *t, unsigned long addr)
{
	pmd_t *leaf = NULL;
	pte_t *ptep;

	machine_enter(t->machine);
	ptep = walk_to_pte(t->mm, addr, &leaf, NULL);
	if (leaf)
		return page_folio(pfn_to_page(pmd_pfn(*leaf)));
	return ptep && pte_present(*ptep) ? page_folio(pfn_to_page(pte_pfn(*ptep))) : NULL;
}

TEST(split_folio_to_order_refuses_order_1_too_high_orders_and_extra_references)
{
	struct fixture f;
	struct pin_set *ps;
	struct folio *folio;

	ASSERT_EQ(four_thps(&f), 0);
	folio = folio_at(f.t, ARENA);
	ASSERT_EQ(split_folio_to_order(folio, 1), -EINVAL);
	ASSERT_EQ(split_folio_to_order(folio, 9), -EINVAL);
	ASSERT_EQ(split_folio_to_order(folio, 12), -EINVAL);
	ASSERT_EQ(pin_range(f.t, ARENA + 3 * PG, PG, false, &ps), 0);
	ASSERT_EQ(split_folio_to_order(folio, 2), -EAGAIN);
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA, ARENA + THP_SIZE, 2), 0);
	/* refused: still one PMD-mapped THP */
	ASSERT_TRUE(folio_at(f.t, ARENA + 100 * PG) == folio);
	ASSERT_EQ(folio_order(folio), 9);
	pin_release(ps);
	ASSERT_EQ(split_folio_to_order(folio, 2), 0);
	ASSERT_EQ(folio_order(folio_at(f.t, ARENA)), 2);
	/* an order-2 folio splits on to order 0; a small one is not large */
	ASSERT_EQ(split_folio_to_order(folio_at(f.t, ARENA), 0), 0);
	ASSERT_EQ(split_folio_to_order(folio_at(f.t, ARENA), 2), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(split_to_order_gives_each_new_folio_its_mappings_and_references)
{
	struct fixture f;
	struct task_struct *child;
	struct folio *a, *b;

	ASSERT_EQ(four_thps(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA, ARENA + THP_SIZE, 3), 1);
	a = folio_at(f.t, ARENA + 8 * PG);
	ASSERT_EQ(folio_order(a), 3);
	ASSERT_TRUE(folio_at(child, ARENA + 15 * PG) == a);
	ASSERT_EQ(folio_ref_count(a), 16);
	ASSERT_EQ(folio_mapcount(a), 16);
	ASSERT_EQ(folio_entire_mapcount(a), 0);
	ASSERT_TRUE(folio_maybe_mapped_shared(a));
	ASSERT_EQ(a->page.index, folio_at(f.t, ARENA)->page.index + 8);
	ASSERT_EQ(f.t->mm->rss_stat[MM_ANONPAGES], 4 * 512);
	ASSERT_EQ(child->mm->rss_stat[MM_ANONPAGES], 4 * 512);
	sys_exit(child);
	ASSERT_EQ(folio_ref_count(a), 8);
	ASSERT_FALSE(folio_maybe_mapped_shared(a));
	/* the next THP is untouched */
	b = folio_at(f.t, ARENA + THP_SIZE);
	ASSERT_EQ(folio_order(b), 9);
	ASSERT_EQ(folio_entire_mapcount(b), 1);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(split_to_order_frees_the_pieces_nothing_maps)
{
	struct fixture f;
	unsigned long before;

	ASSERT_EQ(four_thps(&f), 0);
	/* unmap pages 4..11 of the first THP: two order-2 pieces */
	ASSERT_EQ(sys_munmap(f.t, ARENA + 4 * PG, 8 * PG), 0);
	machine_enter(f.m);
	before = nr_free_pages(f.m);
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA, ARENA + 4 * PG, 2), 1);
	ASSERT_EQ(nr_free_pages(f.m), before + 8);
	ASSERT_EQ(folio_ref_count(folio_at(f.t, ARENA + 12 * PG)), 4);
	ASSERT_FALSE(folio_test_partially_mapped(folio_at(f.t, ARENA)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(split_huge_pages_stops_at_a_hole_and_counts_what_it_split)
{
	struct fixture f;

	ASSERT_EQ(four_thps(&f), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA + 2 * THP_SIZE, PG), 0);
	/* THP 0 and 1 split; the hole at THP 2 ends the walk */
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA, ARENA + 4 * THP_SIZE, 0), 2);
	ASSERT_EQ(folio_order(folio_at(f.t, ARENA + 3 * THP_SIZE)), 9);
	/* unaligned bounds are rounded down to pages */
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA + 3 * THP_SIZE + 5,
				       ARENA + 3 * THP_SIZE + 7, 0), 0);
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA + 3 * THP_SIZE + 5,
				       ARENA + 3 * THP_SIZE + PG + 7, 0), 1);
	ASSERT_FALSE(folio_test_large(folio_at(f.t, ARENA + 3 * THP_SIZE)));
	/* nothing large left, and nothing mapped at all below the arena */
	ASSERT_EQ(split_huge_pages_pid(f.t, ARENA, ARENA + 4 * THP_SIZE, 0), 0);
	ASSERT_EQ(split_huge_pages_pid(f.t, 0, PG, 0), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
