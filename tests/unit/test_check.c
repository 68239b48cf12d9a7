// SPDX-License-Identifier: GPL-2.0
/*
 * test_check.c - mm_check() notices broken invariants: each test breaks
 * one on purpose (through the internals) and expects -EUCLEAN, then
 * repairs it.  A checker that cannot fail would make every other test
 * meaningless.
 */
#include "helpers.h"
#include "../../lib/internal.h"

static struct page *page_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return pfn_to_page(pte_pfn(*ptep));
}

TEST(check_catches_a_wrong_mapcount)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	CHECK_MM(f.m);
	p = page_at(f.t, ARENA);
	p->_mapcount++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "mapcount") != NULL);
	p->_mapcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_leaked_reference)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	p = page_at(f.t, ARENA);
	p->_refcount++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "refcount") != NULL);
	p->_refcount--;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_writable_entry_to_a_shared_anon_page)
{
	struct fixture f;
	struct task_struct *child;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	*ptep = pte_mkwrite(*ptep);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "writable") != NULL);
	*ptep = pte_wrprotect(*ptep);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_non_special_entry_without_struct_page)
{
	struct fixture f;
	unsigned long io, nr;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	pte_t saved = *ptep;

	machine_io_range(f.m, &io, &nr);
	*ptep = pfn_pte(io, __pgprot(PAGE_READONLY));
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	*ptep = saved;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_leaked_frames_after_every_process_exits)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	p = page_at(f.t, ARENA);
	p->_refcount++;			/* a reference nobody will drop */
	sys_exit(f.t);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	p->_refcount--;
	__free_pages(p, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
