// SPDX-License-Identifier: GPL-2.0
/*
 * test_mark_accessed.c - the uses of a page that no accessed bit records
 * (lib/mm/swap.c folio_mark_accessed(), lib/mm/gup.c FOLL_TOUCH and
 * GUP-fast): PG_referenced and PG_active as smaps' Referenced shows
 * them.  Each test is named by the property it shows and runs mm_check()
 * after every step.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

static struct page *head_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep && pte_present(*ptep) ?
	       &page_folio(pfn_to_page(pte_pfn(*ptep)))->page : NULL;
}

/* A page of ARENA written, then its accessed bit and PG_referenced cleared. */
static void touched_then_cleared(struct fixture *f, unsigned long len)
{
	ASSERT_EQ(fixture_init(f), 0);
	ASSERT_EQ(map_anon(f, ARENA, len, RW, MAP_PRIVATE), ARENA);
	for (unsigned long a = ARENA; a < ARENA + len; a += PG)
		ASSERT_EQ(uaccess_touch(f->t, a, true), 0);
	ASSERT_EQ(clear_refs_write(f->t, 1), 0);
	CHECK_MM(f->m);
}

static void remote_get(struct fixture *f, unsigned long addr)
{
	struct page *p;

	ASSERT_EQ(get_user_pages_remote(f->t->mm, addr, 1, 0, &p, NULL), 1);
	put_user_pages(&p, 1);
	CHECK_MM(f->m);
}

TEST(remote_gup_marks_referenced_then_active_then_referenced_again)
{
	struct fixture f;
	struct page *h;

	touched_then_cleared(&f, PG);
	h = head_at(f.t, ARENA);
	ASSERT_FALSE(PageReferenced(h));
	remote_get(&f, ARENA);
	ASSERT_TRUE(PageReferenced(h));
	ASSERT_FALSE(PageActive(h));
	remote_get(&f, ARENA);
	ASSERT_FALSE(PageReferenced(h));
	ASSERT_TRUE(PageActive(h));
	remote_get(&f, ARENA);
	ASSERT_TRUE(PageReferenced(h));
	remote_get(&f, ARENA);		/* active and referenced: stays */
	ASSERT_TRUE(PageReferenced(h));
	ASSERT_TRUE(PageActive(h));
	machine_destroy(f.m);
}

TEST(remote_gup_leaves_the_entry_old)
{
	struct fixture f;
	pte_t *ptep;

	touched_then_cleared(&f, PG);
	remote_get(&f, ARENA);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	ASSERT_TRUE(ptep && pte_present(*ptep));
	ASSERT_FALSE(pte_young(*ptep));
	machine_destroy(f.m);
}

TEST(a_page_mlocked_through_its_vma_stays_referenced)
{
	struct fixture f;
	struct page *h;

	touched_then_cleared(&f, PG);
	ASSERT_EQ(sys_mlock(f.t, ARENA, PG), 0);	/* populates: referenced */
	h = head_at(f.t, ARENA);
	ASSERT_TRUE(PageReferenced(h));
	remote_get(&f, ARENA);
	ASSERT_TRUE(PageReferenced(h));
	ASSERT_FALSE(PageActive(h));
	machine_destroy(f.m);
}

TEST(gup_fast_sets_referenced_without_activating)
{
	struct fixture f;
	struct pin_set *a, *b;
	struct page *h;

	touched_then_cleared(&f, PG);
	h = head_at(f.t, ARENA);
	ASSERT_EQ(gup_get_range(f.t, "a", ARENA, PG, &a), 0);
	ASSERT_TRUE(PageReferenced(h));
	ASSERT_EQ(gup_get_range(f.t, "b", ARENA, PG, &b), 0);
	ASSERT_TRUE(PageReferenced(h));
	ASSERT_FALSE(PageActive(h));
	CHECK_MM(f.m);
	pin_release(a);
	pin_release(b);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(gup_fast_falls_back_to_touching_from_the_first_absent_page)
{
	struct fixture f;
	struct pin_set *a;

	touched_then_cleared(&f, PG);
	ASSERT_EQ(map_anon(&f, ARENA + PG, 2 * PG, RW, MAP_PRIVATE | MAP_FIXED), ARENA + PG);
	ASSERT_EQ(uaccess_touch(f.t, ARENA + 2 * PG, true), 0);
	ASSERT_EQ(clear_refs_write(f.t, 1), 0);
	/* the present first page referenced twice: fast, so not activated */
	ASSERT_EQ(gup_get_range(f.t, "a", ARENA, PG, &a), 0);
	pin_release(a);
	ASSERT_EQ(pin_range(f.t, ARENA, 3 * PG, false, &a), 0);	/* writes: no zero page */
	ASSERT_TRUE(PageReferenced(head_at(f.t, ARENA)));
	ASSERT_FALSE(PageActive(head_at(f.t, ARENA)));
	/* the absent second page faulted in and touched by the slow path */
	ASSERT_TRUE(PageReferenced(head_at(f.t, ARENA + PG)));
	/* the present third page after it: touched too, a first time */
	ASSERT_TRUE(PageReferenced(head_at(f.t, ARENA + 2 * PG)));
	ASSERT_FALSE(PageActive(head_at(f.t, ARENA + 2 * PG)));
	CHECK_MM(f.m);
	pin_release(a);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
