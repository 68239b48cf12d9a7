// SPDX-License-Identifier: GPL-2.0
/*
 * test_thp.c - large folios and transparent huge pages: the folio's shape
 * on the buddy allocator, the THP policy (thp_vma_allowable_orders), the
 * fallback when a large allocation fails, the profile keys, and mm_check
 * catching each large-folio invariant broken on purpose (through the
 * internals), then repaired.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define THP_SIZE	(2UL << 20)

/* @len of anonymous memory at @addr, MADV_HUGEPAGE, every page written. */
static int thp_map(struct fixture *f, unsigned long addr, unsigned long len)
{
	if (map_anon(f, addr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)addr ||
	    sys_madvise(f->t, addr, len, MADV_HUGEPAGE))
		return -1;
	return uaccess_memset(f->t, addr, 1, len);
}

static pmd_t *pmd_at(struct task_struct *t, unsigned long addr)
{
	pmd_t *leaf = NULL;

	walk_to_pte(t->mm, addr, &leaf, NULL);
	return leaf;
}

static struct folio *folio_at(struct task_struct *t, unsigned long addr)
{
	pmd_t *leaf = NULL;
	pte_t *ptep = walk_to_pte(t->mm, addr, &leaf, NULL);

	if (leaf)
		return page_folio(pfn_to_page(pmd_pfn(*leaf)));
	return ptep && pte_present(*ptep) ? page_folio(pfn_to_page(pte_pfn(*ptep))) : NULL;
}

static pte_t thp_pte_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep ? ptep_get(ptep) : __pte(0);
}

static bool report_has(struct machine *m, const char *what)
{
	return strstr(mm_check_report(m), what) != NULL;
}

/* ---- the folio's shape ------------------------------------------------ */

TEST(thp_struct_page_stays_64_bytes_and_folio_fields_fit_three_pages)
{
	ASSERT_EQ(sizeof(struct page), 64);
	ASSERT_LE(sizeof(struct folio), 3 * sizeof(struct page));
	/* the second page's own contents and mapcount are not lent out */
	ASSERT_GE(offsetof(struct folio, _mm_ids) + sizeof(unsigned long),
		  sizeof(struct page) + offsetof(struct page, mapping));
	ASSERT_LE(offsetof(struct folio, _mm_ids) + sizeof(unsigned long),
		  sizeof(struct page) + offsetof(struct page, data));
}

TEST(thp_folio_alloc_makes_an_aligned_compound_folio)
{
	struct fixture f;
	struct folio *folio;
	long before;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	before = (long)nr_free_pages(f.m);
	folio = folio_alloc(GFP_TRANSHUGE, HPAGE_PMD_ORDER);
	ASSERT_TRUE(folio != NULL);
	ASSERT_EQ(folio_pfn(folio) & (HPAGE_PMD_NR - 1), 0);
	ASSERT_TRUE(folio_test_large(folio));
	ASSERT_EQ(folio_order(folio), HPAGE_PMD_ORDER);
	ASSERT_EQ(folio_nr_pages(folio), 512);
	ASSERT_EQ(folio_ref_count(folio), 1);
	ASSERT_EQ(folio_mapcount(folio), 0);
	ASSERT_TRUE(folio_test_large_rmappable(folio));
	ASSERT_TRUE(page_folio(folio_page(folio, 511)) == folio);
	ASSERT_TRUE(page_folio(folio_page(folio, 1)) == folio);
	ASSERT_EQ(folio_page(folio, 300)->_refcount, 0);
	ASSERT_EQ((long)nr_free_pages(f.m), before - 512);
	folio_put(folio);
	ASSERT_EQ((long)nr_free_pages(f.m), before);
	/* the block went back whole: the next order-9 folio is the same */
	ASSERT_TRUE(folio_alloc(GFP_TRANSHUGE, HPAGE_PMD_ORDER) == folio);
	ASSERT_FALSE(PageTail(folio_page(folio, 0)));
	folio_put(folio);
	machine_destroy(f.m);
}

/* ---- the policy --------------------------------------------------------- */

TEST(thp_policy_follows_enabled_madvise_and_per_size_settings)
{
	struct fixture f;
	struct vm_area_struct *vma;
	struct mmsim_profile p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	machine_enter(f.m);
	vma = vma_lookup(f.t->mm, ARENA);
	machine_get_profile(f.m, &p);
	/* always (the default): the PMD order, without advice */
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags, TVA_PAGEFAULT, THP_ORDERS_ALL_ANON),
		  BIT(PMD_ORDER));
	/* madvise: only with VM_HUGEPAGE */
	p.thp_enabled = MMSIM_THP_MADVISE;
	machine_set_profile(f.m, &p);
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags, TVA_PAGEFAULT, THP_ORDERS_ALL_ANON), 0);
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags | VM_HUGEPAGE, TVA_PAGEFAULT,
					   THP_ORDERS_ALL_ANON), BIT(PMD_ORDER));
	/* VM_NOHUGEPAGE wins over everything, MADV_COLLAPSE included */
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags | VM_NOHUGEPAGE,
					   TVA_FORCED_COLLAPSE, THP_ORDERS_ALL_ANON), 0);
	/* a per-size "always" needs no advice; "madvise" needs it */
	p.thp_anon[4] = MMSIM_THP_ALWAYS;
	p.thp_anon[3] = MMSIM_THP_MADVISE;
	machine_set_profile(f.m, &p);
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags, TVA_PAGEFAULT, THP_ORDERS_ALL_ANON),
		  BIT(4));
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags | VM_HUGEPAGE, TVA_PAGEFAULT,
					   THP_ORDERS_ALL_ANON), BIT(3) | BIT(4) | BIT(PMD_ORDER));
	/* never: inherit is off, the per-size always still counts */
	p.thp_enabled = MMSIM_THP_NEVER;
	machine_set_profile(f.m, &p);
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags | VM_HUGEPAGE, TVA_PAGEFAULT,
					   THP_ORDERS_ALL_ANON), BIT(3) | BIT(4));
	/* MADV_COLLAPSE ignores sysfs but needs the anon_vma and the room */
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags, TVA_FORCED_COLLAPSE,
					   BIT(PMD_ORDER)), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(thp_vma_allowable_orders(vma, vma->vm_flags, TVA_FORCED_COLLAPSE,
					   BIT(PMD_ORDER)), BIT(PMD_ORDER));
	/* smaps: an order must fit in the VMA */
	ASSERT_FALSE(thp_vma_suitable_order(vma, ARENA, PMD_ORDER + 3));
	ASSERT_TRUE(thp_vma_suitable_order(vma, ARENA + THP_SIZE + PG, PMD_ORDER));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(thp_profile_keys_parse_print_and_refuse)
{
	struct mmsim_profile p;
	char buf[32];

	mmsim_profile_defaults(&p);
	ASSERT_EQ(p.thp_enabled, MMSIM_THP_ALWAYS);
	ASSERT_EQ(p.thp_anon[9], MMSIM_THP_INHERIT);
	ASSERT_EQ(p.thp_anon[4], MMSIM_THP_NEVER);
	ASSERT_TRUE(p.thp_use_zero_page);
	ASSERT_EQ(mmsim_profile_set(&p, "thp", "madvise"), 0);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_64k", "always"), 0);
	ASSERT_EQ(p.thp_anon[4], MMSIM_THP_ALWAYS);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_zero_page", "off"), 0);
	ASSERT_EQ(mmsim_profile_get(&p, "thp", buf, sizeof(buf)), 0);
	ASSERT_STREQ(buf, "madvise");
	ASSERT_EQ(mmsim_profile_get(&p, "thp_zero_page", buf, sizeof(buf)), 0);
	ASSERT_STREQ(buf, "off");
	ASSERT_EQ(mmsim_profile_set(&p, "thp", "inherit"), -EINVAL);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_2048k", "sometimes"), -EINVAL);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_8k", "always"), -ENOENT);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_4096k", "always"), -ENOENT);
	ASSERT_EQ(mmsim_profile_get(&p, "nothing", buf, sizeof(buf)), -ENOENT);
	ASSERT_TRUE(mmsim_profile_values("nothing") == NULL);
	ASSERT_STREQ(mmsim_profile_values("thp_1024k"), "always|inherit|madvise|never");
	/* khugepaged/max_ptes_none and shrink_underused */
	ASSERT_EQ(p.thp_max_ptes_none, 511);
	ASSERT_TRUE(p.thp_shrink_underused);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", "0"), 0);
	ASSERT_EQ(p.thp_max_ptes_none, 0);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", "511"), 0);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", "255"), 0);
	ASSERT_EQ(mmsim_profile_get(&p, "thp_max_ptes_none", buf, sizeof(buf)), 0);
	ASSERT_STREQ(buf, "255");
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", "512"), -EINVAL);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", "-1"), -EINVAL);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", "1x"), -EINVAL);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_max_ptes_none", ""), -EINVAL);
	ASSERT_EQ(p.thp_max_ptes_none, 255);
	ASSERT_EQ(mmsim_profile_set(&p, "thp_shrink_underused", "off"), 0);
	ASSERT_EQ(mmsim_profile_get(&p, "thp_shrink_underused", buf, sizeof(buf)), 0);
	ASSERT_STREQ(buf, "off");
	ASSERT_STREQ(mmsim_profile_values("thp_max_ptes_none"), "0..511");
	ASSERT_STREQ(mmsim_profile_values("thp_shrink_underused"), "on|off");
}

/* ---- a failed large allocation falls back, never errors ----------------- */

TEST(thp_fault_falls_back_to_small_pages_when_the_thp_cannot_be_had)
{
	struct fixture f;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_ALWAYS), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	/* tables and anon_vma exist: the next allocation is the THP itself */
	ASSERT_EQ(uaccess_memset(f.t, ARENA + THP_SIZE, 1, 1), 0);
	ASSERT_TRUE(pmd_at(f.t, ARENA + THP_SIZE) != NULL);
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	ASSERT_TRUE(pmd_at(f.t, ARENA) == NULL);
	ASSERT_FALSE(folio_test_large(folio_at(f.t, ARENA)));
	ASSERT_EQ(f.m->ev.thp_fault_fallback, 1);
	ASSERT_EQ(peek(f.t, ARENA), 2);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mthp_fault_falls_back_order_by_order)
{
	struct fixture f;
	struct mmsim_profile p;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_get_profile(f.m, &p);
	p.thp_anon[PMD_ORDER] = MMSIM_THP_NEVER;
	p.thp_anon[4] = MMSIM_THP_ALWAYS;	/* 64 kB */
	p.thp_anon[2] = MMSIM_THP_ALWAYS;	/* 16 kB */
	machine_set_profile(f.m, &p);
	ASSERT_EQ(map_anon(&f, ARENA, 1UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + (512UL << 10), 1, 1), 0);
	ASSERT_EQ(folio_order(folio_at(f.t, ARENA + (512UL << 10))), 4);
	/* the 64 kB folio fails: 16 kB */
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(folio_order(folio_at(f.t, ARENA)), 2);
	ASSERT_EQ(f.m->ev.mthp_anon_fallback[4], 1);
	/* with 64 kB the only size: one page */
	p.thp_anon[2] = MMSIM_THP_NEVER;
	machine_set_profile(f.m, &p);
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + (256UL << 10), 1, 1), 0);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	ASSERT_FALSE(folio_test_large(folio_at(f.t, ARENA + (256UL << 10))));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(thp_split_keeps_a_pinned_folio_whole)
{
	struct fixture f;
	struct pin_set *ps;
	struct folio *folio;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_MADVISE), 0);
	ASSERT_EQ(thp_map(&f, ARENA, THP_SIZE), 0);
	ASSERT_EQ(pin_range(f.t, ARENA + 5 * PG, PG, false, &ps), 0);
	folio = folio_at(f.t, ARENA);
	ASSERT_EQ(folio->_pincount, 1);
	ASSERT_EQ(split_folio(folio), -EAGAIN);
	ASSERT_TRUE(pmd_at(f.t, ARENA) != NULL);
	pin_release(ps);
	ASSERT_EQ(split_folio(folio), 0);
	ASSERT_TRUE(pmd_at(f.t, ARENA) == NULL);
	ASSERT_FALSE(folio_test_large(folio_at(f.t, ARENA + 5 * PG)));
	ASSERT_EQ(f.t->mm->rss_stat[MM_ANONPAGES], 512);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- mm_check: each large-folio invariant, broken on purpose ----------- */

/* A PMD-mapped THP at ARENA, and a PTE-mapped one at ARENA + 2 MiB. */
static int two_thps(struct fixture *f)
{
	if (thp_fixture(f, MMSIM_THP_MADVISE) || thp_map(f, ARENA, 2 * THP_SIZE))
		return -1;
	/* PTE-map the second (mprotect R then RW of one page) */
	if (sys_mprotect(f->t, ARENA + THP_SIZE + PG, PG, PROT_READ) ||
	    sys_mprotect(f->t, ARENA + THP_SIZE + PG, PG, PROT_READ | PROT_WRITE))
		return -1;
	machine_enter(f->m);
	return mm_check(f->m);
}

/*
 * PageAnonExclusive cleared under a writable PMD and under a writable
 * PTE of a PTE-mapped THP, no entry touched: only the folio is logged,
 * and the incremental check walks its rmap whole.  Both checks must hold
 * the entries it finds to 4.  Catches a large folio's rmap walk that
 * counts the entries without judging the writable ones
 * (folio_entry_writable_ok()).
 */
TEST(both_checks_catch_a_thp_made_shared_under_its_writable_entries)
{
	static const struct {
		unsigned long addr;
		const char *report;
	} cases[] = {
		{ ARENA, "writable PMD at 100000000000 to a THP mapped elsewhere too" },
		{ ARENA + THP_SIZE + 3 * PG,
		  "writable entry at 100000203000 to a shared anon page" },
	};

	for (int c = 0; c < 2; c++)
		for (int incremental = 0; incremental < 2; incremental++) {
			struct fixture f;
			struct folio *folio;
			struct page *page;

			ASSERT_EQ(two_thps(&f), 0);
			if (incremental)
				ASSERT_EQ(mm_check_changes(f.m), 0);
			folio = folio_at(f.t, cases[c].addr);
			page = c ? pfn_to_page(pte_pfn(thp_pte_at(f.t, cases[c].addr))) :
				   &folio->page;
			ASSERT_TRUE(folio_test_large(folio) && PageAnonExclusive(page));
			ClearPageAnonExclusive(page);
			ASSERT_EQ(f.m->ck.nr_ranges, 0);
			ASSERT_EQ(incremental ? mm_check_changes(f.m) : mm_check(f.m),
				  -EUCLEAN);
			ASSERT_EQ(mm_check_commands(f.m), (unsigned long)incremental);
			ASSERT_TRUE(report_has(f.m, cases[c].report));
			SetPageAnonExclusive(page);
			CHECK_MM(f.m);
			machine_destroy(f.m);
		}
}

TEST(check_catches_a_pmd_leaf_not_mapping_a_thp_head)
{
	struct fixture f;
	pmd_t *pmd;

	ASSERT_EQ(two_thps(&f), 0);
	pmd = pmd_at(f.t, ARENA);
	pmd->pmd += PG;		/* points into the folio, not at its head */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "no aligned THP"));
	pmd->pmd -= PG;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_writable_huge_zero_pmd)
{
	struct fixture f;
	pmd_t *pmd;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_MADVISE), 0);
	ASSERT_EQ(map_anon(&f, ARENA, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, THP_SIZE, MADV_HUGEPAGE), 0);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	pmd = pmd_at(f.t, ARENA);
	ASSERT_TRUE(pmd && is_huge_zero_pmd(*pmd));
	pmd->pmd |= _PAGE_RW;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "huge zero PMD"));
	pmd->pmd &= ~_PAGE_RW;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_writable_pmd_to_a_shared_thp)
{
	struct fixture f;
	struct task_struct *child;
	pmd_t *pmd;

	ASSERT_EQ(two_thps(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	pmd = pmd_at(f.t, ARENA);
	pmd->pmd |= _PAGE_RW;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "writable PMD"));
	pmd->pmd &= ~_PAGE_RW;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_missing_deposited_table)
{
	struct fixture f;
	unsigned long pgtable;

	ASSERT_EQ(two_thps(&f), 0);
	pgtable = pgtable_trans_huge_withdraw(f.t->mm, ARENA);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "deposited"));
	pgtable_trans_huge_deposit(f.t->mm, ARENA, pgtable);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* Break one count of the folio at @addr, check, repair. */
#define BREAK_COUNT(f, field, delta, what) do {				\
		(field) += (delta);					\
		ASSERT_EQ(mm_check((f)->m), -EUCLEAN);			\
		if (!report_has((f)->m, what))				\
			fprintf(stderr, "  report: %s\n", mm_check_report((f)->m)); \
		ASSERT_TRUE(report_has((f)->m, what));			\
		(field) -= (delta);					\
		CHECK_MM((f)->m);					\
	} while (0)

TEST(check_catches_each_wrong_large_folio_count)
{
	struct fixture f;
	struct folio *pmd_folio, *pte_folio;

	ASSERT_EQ(two_thps(&f), 0);
	pmd_folio = folio_at(f.t, ARENA);
	pte_folio = folio_at(f.t, ARENA + THP_SIZE);
	ASSERT_EQ(folio_entire_mapcount(pmd_folio), 1);
	ASSERT_EQ(folio_large_mapcount(pte_folio), 512);
	BREAK_COUNT(&f, folio_page(pte_folio, 7)->_mapcount, 1, "mapcount");
	BREAK_COUNT(&f, pmd_folio->_entire_mapcount, 1, "entire mapcount");
	BREAK_COUNT(&f, pte_folio->_large_mapcount, -1, "entire mapcount");
	BREAK_COUNT(&f, pte_folio->_nr_pages_mapped, -1, "_nr_pages_mapped");
	BREAK_COUNT(&f, pmd_folio->_nr_pages_mapped, -ENTIRELY_MAPPED, "_nr_pages_mapped");
	BREAK_COUNT(&f, pmd_folio->_pincount, 1, "_pincount");
	BREAK_COUNT(&f, pte_folio->page._refcount, 1, "refcount");
	BREAK_COUNT(&f, pte_folio->_mm_id_mapcount[0], 1, "MM slot");
	machine_destroy(f.m);
}

TEST(check_catches_a_pincount_above_the_refcount)
{
	struct fixture f;
	struct folio *folio;
	struct pin_set *ps;

	ASSERT_EQ(two_thps(&f), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, 2 * PG, false, &ps), 0);
	folio = folio_at(f.t, ARENA);
	ASSERT_EQ(folio_ref_count(folio), 3);
	ASSERT_EQ(folio->_pincount, 2);
	folio->page._refcount -= 2;	/* pincount 2 > refcount 1 */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "_pincount 2, 2 pins held, refcount 1"));
	folio->page._refcount += 2;
	CHECK_MM(f.m);
	pin_release(ps);
	machine_destroy(f.m);
}

TEST(check_catches_a_folio_shared_by_two_mms_marked_exclusive)
{
	struct fixture f;
	struct task_struct *child;
	struct folio *folio;

	ASSERT_EQ(two_thps(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	folio = folio_at(f.t, ARENA + THP_SIZE);
	ASSERT_TRUE(folio_maybe_mapped_shared(folio));
	folio->_mm_ids &= ~FOLIO_MM_IDS_SHARED_BIT;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "not maybe-shared"));
	folio->_mm_ids |= FOLIO_MM_IDS_SHARED_BIT;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_broken_tail_page)
{
	struct fixture f;
	struct folio *folio;
	struct page *tail;
	unsigned long head;

	ASSERT_EQ(two_thps(&f), 0);
	folio = folio_at(f.t, ARENA);
	tail = folio_page(folio, 3);
	head = tail->compound_head;
	tail->compound_head = (unsigned long)folio_page(folio, 1) | 1;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "tail"));
	tail->compound_head = head;
	tail->_refcount = 1;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	tail->_refcount = 0;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_pinned_page_of_a_large_folio_not_exclusive)
{
	struct fixture f;
	struct pin_set *ps;
	struct page *page;

	ASSERT_EQ(two_thps(&f), 0);
	ASSERT_EQ(pin_range(f.t, ARENA + THP_SIZE + 3 * PG, PG, false, &ps), 0);
	/* read-only, so that no writable entry is checked first */
	ASSERT_EQ(sys_mprotect(f.t, ARENA + THP_SIZE, THP_SIZE, PROT_READ), 0);
	page = folio_page(folio_at(f.t, ARENA + THP_SIZE), 3);
	ClearPageAnonExclusive(page);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "not exclusive"));
	SetPageAnonExclusive(page);
	CHECK_MM(f.m);
	pin_release(ps);
	machine_destroy(f.m);
}

TEST(check_catches_a_partially_mapped_folio_off_the_queue)
{
	struct fixture f;
	struct folio *folio;

	ASSERT_EQ(two_thps(&f), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA + THP_SIZE, PG), 0);
	folio = folio_at(f.t, ARENA + THP_SIZE + PG);
	ASSERT_TRUE(folio_test_partially_mapped(folio));
	list_del_init(&folio->_deferred_list);
	f.m->thp.split_queue_len--;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "deferred split"));
	deferred_split_folio(folio, true);
	CHECK_MM(f.m);
	ASSERT_EQ(deferred_split_scan(), 1);
	/* the unmapped page is free now: the folio's other pages are small */
	ASSERT_FALSE(folio_test_large(folio_at(f.t, ARENA + THP_SIZE + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_mapcounted_huge_zero_folio)
{
	struct fixture f;
	struct folio *zero;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_MADVISE), 0);
	ASSERT_EQ(map_anon(&f, ARENA, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, THP_SIZE, MADV_HUGEPAGE), 0);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	zero = f.m->thp.huge_zero_folio;
	ASSERT_TRUE(zero != NULL);
	folio_page(zero, 9)->_mapcount++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "huge zero folio"));
	folio_page(zero, 9)->_mapcount--;
	CHECK_MM(f.m);
	/* the last mm holding it goes: so does the huge zero folio */
	sys_exit(f.t);
	ASSERT_TRUE(f.m->thp.huge_zero_folio == NULL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * uffd-wp over a whole THP keeps the PMD, protected: x86's
 * pmd_mkuffd_wp() takes the write bit away with it, and a writable
 * uffd-wp leaf is what page_table_check (and mm_check) refuse.
 */
TEST(uffd_wp_on_a_whole_thp_write_protects_the_pmd_and_check_catches_a_writable_one)
{
	struct fixture f;
	pmd_t *pmd;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_MADVISE), 0);
	ASSERT_EQ(thp_map(&f, ARENA, THP_SIZE), 0);
	pmd = pmd_at(f.t, ARENA);
	ASSERT_TRUE(pmd && pmd_write(*pmd));
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_WP_ASYNC), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, THP_SIZE, UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, THP_SIZE, true), 0);
	pmd = pmd_at(f.t, ARENA);
	ASSERT_TRUE(pmd && pmd_uffd_wp(*pmd) && !pmd_write(*pmd));
	CHECK_MM(f.m);
	pmd->pmd |= _PAGE_RW;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(report_has(f.m, "uffd-wp and writable"));
	pmd->pmd &= ~_PAGE_RW;
	CHECK_MM(f.m);
	/* unprotecting leaves the write bit to the next write fault */
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, THP_SIZE, false), 0);
	pmd = pmd_at(f.t, ARENA);
	ASSERT_TRUE(pmd && !pmd_uffd_wp(*pmd) && !pmd_write(*pmd));
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	pmd = pmd_at(f.t, ARENA);
	ASSERT_TRUE(pmd && pmd_write(*pmd));	/* reused whole, not split */
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * UFFDIO_MOVE of a whole, aligned THP: the PMD leaf moves (with its
 * deposited table: mm_check counts them), the folio goes over to the
 * destination VMA's anon_vma and index, dirty and writable; a range not
 * covering a THP, or an unaligned destination, splits the PMD and each
 * moved page's folio.
 */
TEST(uffd_move_moves_an_aligned_thp_whole_and_splits_one_it_cannot)
{
	const unsigned long dst = ARENA + 4 * THP_SIZE;
	struct vm_area_struct *dst_vma;
	struct folio *folio;
	struct fixture f;
	pmd_t *pmd;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_MADVISE), 0);
	ASSERT_EQ(thp_map(&f, ARENA, 2 * THP_SIZE), 0);
	ASSERT_EQ(map_anon(&f, dst, 2 * THP_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), (long)dst);
	ASSERT_EQ(uffd_api(f.t, 0), 0);
	ASSERT_EQ(uffd_register(f.t, dst, 2 * THP_SIZE,
				UFFDIO_REGISTER_MODE_MISSING), 0);
	folio = folio_at(f.t, ARENA);
	ASSERT_TRUE(folio && folio_order(folio) == HPAGE_PMD_ORDER);
	ASSERT_EQ(uffd_move(f.t, dst, ARENA, THP_SIZE, 0), (long)THP_SIZE);
	pmd = pmd_at(f.t, dst);
	ASSERT_TRUE(pmd && pmd_write(*pmd) && pmd_dirty(*pmd));
	ASSERT_EQ(pmd_pfn(*pmd), folio_pfn(folio));
	ASSERT_TRUE(pmd_at(f.t, ARENA) == NULL && folio_at(f.t, ARENA) == NULL);
	dst_vma = find_vma(f.t->mm, dst);
	ASSERT_EQ(folio->page.index, linear_page_index(dst_vma, dst));
	ASSERT_TRUE(folio->page.mapping ==
		    (void *)((unsigned long)dst_vma->anon_vma | PAGE_MAPPING_ANON));
	ASSERT_EQ(peek(f.t, dst + THP_SIZE - 1), 1);
	CHECK_MM(f.m);
	/* one page, to an unaligned destination: PMD and folio split */
	folio = folio_at(f.t, ARENA + THP_SIZE);
	ASSERT_EQ(uffd_move(f.t, dst + THP_SIZE + PG, ARENA + THP_SIZE, PG, 0),
		  (long)PG);
	ASSERT_TRUE(pmd_at(f.t, ARENA + THP_SIZE) == NULL);
	ASSERT_TRUE(!folio_test_large(folio_at(f.t, dst + THP_SIZE + PG)));
	ASSERT_TRUE(!folio_test_large(folio_at(f.t, ARENA + THP_SIZE + PG)));
	ASSERT_TRUE(folio_at(f.t, ARENA + THP_SIZE) == NULL);
	ASSERT_EQ(peek(f.t, dst + THP_SIZE + PG), 1);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The huge zero PMD moves whole too (the model follows the fix to 6.18's
 * move_pages_huge_pmd(): the source entry, special and read-only), and
 * splits into small zero pages when it cannot.
 */
TEST(uffd_move_moves_the_huge_zero_pmd_as_it_is_or_splits_it)
{
	const unsigned long dst = ARENA + 4 * THP_SIZE;
	struct fixture f;
	pmd_t *pmd;

	ASSERT_EQ(thp_fixture(&f, MMSIM_THP_MADVISE), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * THP_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * THP_SIZE, MADV_HUGEPAGE), 0);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + THP_SIZE), 0);
	pmd = pmd_at(f.t, ARENA);
	ASSERT_TRUE(pmd && is_huge_zero_pmd(*pmd));
	ASSERT_EQ(map_anon(&f, dst, 2 * THP_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), (long)dst);
	ASSERT_EQ(uffd_api(f.t, 0), 0);
	ASSERT_EQ(uffd_register(f.t, dst, 2 * THP_SIZE,
				UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_move(f.t, dst, ARENA, THP_SIZE, 0), (long)THP_SIZE);
	pmd = pmd_at(f.t, dst);
	ASSERT_TRUE(pmd && is_huge_zero_pmd(*pmd) && pmd_special(*pmd) &&
		    !pmd_write(*pmd));
	ASSERT_TRUE(pmd_at(f.t, ARENA) == NULL);
	CHECK_MM(f.m);
	ASSERT_EQ(uffd_move(f.t, dst + THP_SIZE, ARENA + THP_SIZE + PG, PG, 0),
		  (long)PG);
	ASSERT_TRUE(pmd_at(f.t, ARENA + THP_SIZE) == NULL);
	ASSERT_EQ(pte_pfn(thp_pte_at(f.t, dst + THP_SIZE)), f.m->zero_pfn);
	ASSERT_EQ(pte_pfn(thp_pte_at(f.t, ARENA + THP_SIZE)), f.m->zero_pfn);
	ASSERT_TRUE(pte_none(thp_pte_at(f.t, ARENA + THP_SIZE + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
