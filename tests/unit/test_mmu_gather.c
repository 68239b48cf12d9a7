// SPDX-License-Identifier: GPL-2.0
/*
 * test_mmu_gather.c - a zap's batch of unmapped folios (lib/tlb.h,
 * mm/mmu_gather.c, mm/swap.c folios_put_refs(), page_alloc.c
 * free_unref_folios()): every reference the cleared entries held is
 * dropped by the end of the zap, however many folios the zap met,
 * whatever their size, and a folio someone else still holds survives it.
 */
#include "helpers.h"
#include "../../lib/internal.h"
#include "../../lib/pagevec.h"

#define RW (PROT_READ | PROT_WRITE)

/*
 * More folios than one folio_batch holds (PAGEVEC_SIZE), over two page
 * tables: the batch is flushed when full and at the end, and nothing is
 * left behind.  Both an munmap (unmap_vmas) and MADV_DONTNEED
 * (unmap_page_range) gather.
 */
TEST(zap_frees_every_folio_of_a_batch_many_times_a_folio_batch)
{
	const unsigned long npages = 5 * PAGEVEC_SIZE + 3;
	const unsigned long addr = ARENA + (2UL << 20) - 64 * PG; /* two tables */
	struct fixture f;
	unsigned long free0, tables;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, addr, npages * PG, RW, MAP_PRIVATE), addr);
	/* the tables stay until munmap: count them into the baseline */
	ASSERT_EQ(uaccess_memset(f.t, addr, 1, npages * PG), 0);
	free0 = nr_free_pages(f.m) + npages;
	ASSERT_EQ(sys_madvise(f.t, addr, npages * PG, MADV_DONTNEED), 0);
	ASSERT_EQ(nr_free_pages(f.m), free0);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, addr, 2, npages * PG), 0);
	ASSERT_EQ(nr_free_pages(f.m), free0 - npages);
	tables = f.t->mm->pgtables_bytes / PG;
	ASSERT_EQ(sys_munmap(f.t, addr, npages * PG), 0);
	CHECK_MM(f.m);
	/* and the page tables nothing else used with them */
	tables -= f.t->mm->pgtables_bytes / PG;
	ASSERT_GE(tables, 2);
	ASSERT_EQ(nr_free_pages(f.m), free0 + tables);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A pinned page's folio is in the batch with one reference to drop and
 * one more held by the pin: the zap leaves it allocated, the last unpin
 * frees it.
 */
TEST(a_pinned_folio_outlives_the_zap_and_the_last_unpin_frees_it)
{
	struct fixture f;
	struct page *p;
	unsigned long free0;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 4 * PG), 0);
	ASSERT_EQ(pin_user_pages_remote(f.t->mm, ARENA + PG, 1, FOLL_WRITE, &p, NULL), 1);
	free0 = nr_free_pages(f.m);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 4 * PG, MADV_DONTNEED), 0);
	/* three freed, the pinned one held by its pin alone */
	ASSERT_EQ(nr_free_pages(f.m), free0 + 3);
	ASSERT_FALSE(PageBuddy(p));
	ASSERT_EQ(folio_ref_count(page_folio(p)), GUP_PIN_COUNTING_BIAS);
	ASSERT_EQ(folio_mapcount(page_folio(p)), 0);
	/* (no check here: a pin held outside any driver is a leak to it) */
	unpin_user_pages(&p, 1);
	ASSERT_EQ(nr_free_pages(f.m), free0 + 4);
	CHECK_MM(f.m);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A large folio mapped by PTEs (an mTHP of order 4) goes into the batch
 * once, with the sixteen references its entries held; the flush drops
 * them together and frees the whole block.  A partial zap leaves the
 * folio with the references of the entries that remain.
 */
TEST(zap_drops_all_references_of_a_pte_mapped_large_folio_at_once)
{
	struct fixture f;
	struct mmsim_profile prof;
	struct folio *folio;
	unsigned long free0;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_get_profile(f.m, &prof);
	prof.thp_enabled = MMSIM_THP_ALWAYS;
	prof.thp_anon[4] = MMSIM_THP_ALWAYS;
	machine_set_profile(f.m, &prof);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, 16 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	ASSERT_TRUE(ptep && pte_present(*ptep));
	folio = page_folio(pfn_to_page(pte_pfn(*ptep)));
	ASSERT_EQ(folio_order(folio), 4);
	ASSERT_EQ(folio_ref_count(folio), 16);
	free0 = nr_free_pages(f.m);

	/* the last four entries: four references, the folio stays */
	ASSERT_EQ(sys_madvise(f.t, ARENA + 12 * PG, 4 * PG, MADV_DONTNEED), 0);
	ASSERT_EQ(folio_ref_count(folio), 12);
	ASSERT_EQ(nr_free_pages(f.m), free0);
	CHECK_MM(f.m);
	/* the rest: the whole block back to the buddy */
	ASSERT_EQ(sys_madvise(f.t, ARENA, 12 * PG, MADV_DONTNEED), 0);
	ASSERT_EQ(nr_free_pages(f.m), free0 + 16);
	CHECK_MM(f.m);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
