// SPDX-License-Identifier: GPL-2.0
/*
 * test_uffd.c - userfaultfd's asynchronous write-protection, markers,
 * missing faults and UFFDIO_COPY (lib/mm/userfaultfd.c, the fault paths
 * in lib/mm/memory.c), the PAGEMAP_SCAN ioctl (lib/fs/proc/pagemap_scan.c)
 * and the checker's uffd-wp invariants.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

static pte_t pte_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep ? ptep_get(ptep) : __pte(0);
}

static long scan(struct task_struct *t, unsigned long start, unsigned long len,
		 uint64_t flags, uint64_t mask, uint64_t ret_mask,
		 uint64_t max_pages, struct page_region *vec, uint64_t vec_len,
		 uint64_t *walk_end)
{
	struct pm_scan_arg arg = {
		.size = sizeof(arg), .flags = flags, .start = start,
		.end = start + len, .vec = vec ? 1 : 0, .vec_len = vec_len,
		.max_pages = max_pages, .category_mask = mask,
		.return_mask = ret_mask,
	};
	long ret = pagemap_scan(t, &arg, vec);

	if (walk_end)
		*walk_end = arg.walk_end;
	return ret;
}

/* A process with an async uffd-wp registration over [ARENA, +pages). */
static int async_fixture(struct fixture *f, unsigned long pages)
{
	if (fixture_init(f) ||
	    map_anon(f, ARENA, pages * PG, RW, MAP_PRIVATE) != (long)ARENA ||
	    uffd_api(f->t, UFFD_FEATURE_WP_ASYNC) ||
	    uffd_register(f->t, ARENA, pages * PG, UFFDIO_REGISTER_MODE_WP))
		return -1;
	return 0;
}

TEST(uffd_api_once_and_wp_async_brings_wp_unpopulated)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(uffd_api(f.t, 1ULL << 20), -EINVAL);	/* unknown feature */
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_WP_ASYNC), 0);
	ASSERT_EQ(f.t->mm->uffd_ctx.features,
		  UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED);
	ASSERT_EQ(uffd_api(f.t, 0), -EINVAL);		/* only once */
	machine_destroy(f.m);
}

TEST(uffd_wp_async_write_resolves_in_the_fault_and_reuses_the_page)
{
	struct fixture f;
	uint64_t before;

	ASSERT_EQ(async_fixture(&f, 1), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	before = pfn_of(f.t, ARENA);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), 0);
	ASSERT_TRUE(pte_uffd_wp(pte_at(f.t, ARENA)));
	ASSERT_FALSE(pte_write(pte_at(f.t, ARENA)));
	CHECK_MM(f.m);
	/* not handed to a monitor: the store completes */
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_EQ(peek(f.t, ARENA), 2);
	ASSERT_FALSE(pte_uffd_wp(pte_at(f.t, ARENA)));
	ASSERT_EQ(pfn_of(f.t, ARENA), before);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_wp_unpopulated_marks_empty_entries_and_faults_keep_the_protection)
{
	struct fixture f;

	ASSERT_EQ(async_fixture(&f, 2), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, 2 * PG, true), 0);
	ASSERT_TRUE(pte_marker_uffd_wp(pte_at(f.t, ARENA)));
	ASSERT_EQ(pagemap(f.t, ARENA) & (PM_SWAP | PM_UFFD_WP), PM_SWAP | PM_UFFD_WP);
	CHECK_MM(f.m);
	/* a read maps the zero page, still protected */
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_TRUE(pte_present(pte_at(f.t, ARENA)));
	ASSERT_TRUE(pte_uffd_wp(pte_at(f.t, ARENA)));
	/* a write fills the page, then resolves the protection */
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 3, 1), 0);
	ASSERT_FALSE(pte_uffd_wp(pte_at(f.t, ARENA + PG)));
	ASSERT_TRUE(pte_write(pte_at(f.t, ARENA + PG)));
	CHECK_MM(f.m);
	/* unregistering resolves what is left: the marker goes */
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA + PG, PG, true), 0);
	ASSERT_EQ(uffd_unregister(f.t, ARENA, 2 * PG), 0);
	ASSERT_FALSE(pte_uffd_wp(pte_at(f.t, ARENA)));
	ASSERT_FALSE(pte_uffd_wp(pte_at(f.t, ARENA + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_missing_fault_goes_to_the_monitor)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(peek(f.t, ARENA), -UACCESS_UFFD_MISSING);
	ASSERT_TRUE(pte_none(pte_at(f.t, ARENA)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_copy_into_a_read_only_vma_is_dirty_but_never_writable)
{
	struct fixture f;
	pte_t pte;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 1, 0), -EINVAL);	/* no API */
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 1, UFFDIO_COPY_MODE_WP), -EINVAL);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 1, 0), (long)PG);
	pte = pte_at(f.t, ARENA);
	ASSERT_TRUE(pte_dirty(pte));
	ASSERT_FALSE(pte_write(pte));
	ASSERT_EQ(peek(f.t, ARENA), 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), SIGSEGV);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 1, 0), -EEXIST);
	ASSERT_EQ(uffd_copy(f.t, ARENA, 3 * PG, 1, 0), -ENOENT);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pagemap_scan_splits_regions_at_the_bounce_buffer_and_stops_at_max_pages)
{
	struct page_region vec[600];
	struct fixture f;
	uint64_t walk_end;
	long ret;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 1200 * PG, RW, MAP_PRIVATE), ARENA);
	for (unsigned long i = 0; i < 1200; i += 2)	/* 600 separate pages */
		ASSERT_EQ(uaccess_memset(f.t, ARENA + i * PG, 1, 1), 0);
	ret = scan(f.t, ARENA, 1200 * PG, 0, PAGE_IS_PRESENT, PAGE_IS_PRESENT,
		   0, vec, 600, &walk_end);
	ASSERT_EQ(ret, 600);
	/* the first pass filled the 512-region buffer and stopped at page
	 * 1024; the second finished without moving walk_end (as the host) */
	ASSERT_EQ(walk_end, ARENA + 1024 * PG);
	ASSERT_EQ(vec[599].start, ARENA + 1198 * PG);
	ret = scan(f.t, ARENA, 1200 * PG, 0, PAGE_IS_PRESENT, PAGE_IS_PRESENT,
		   3, vec, 600, &walk_end);
	ASSERT_EQ(ret, 3);
	ASSERT_EQ(walk_end, ARENA + 6 * PG);	/* where the 4th page would start */
	ret = scan(f.t, ARENA, 1200 * PG, 0, 0, PAGE_IS_PRESENT, 0, vec, 1, &walk_end);
	ASSERT_EQ(ret, 1);
	ASSERT_EQ(vec[0].end, ARENA + PG);
	ASSERT_EQ(walk_end, ARENA + PG);
	machine_destroy(f.m);
}

TEST(pagemap_scan_rejects_bad_arguments)
{
	struct page_region vec[4];
	struct pm_scan_arg arg = { .size = sizeof(arg) - 1, .start = ARENA,
				   .end = ARENA + PG, .vec = 1, .vec_len = 4 };
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(pagemap_scan(f.t, &arg, vec), -EINVAL);
	ASSERT_EQ(scan(f.t, ARENA, PG, 4, 0, 0, 0, vec, 4, NULL), -EINVAL);
	ASSERT_EQ(scan(f.t, ARENA, PG, 0, 1 << 9, 0, 0, vec, 4, NULL), -EINVAL);
	ASSERT_EQ(scan(f.t, ARENA + 1, PG, 0, 0, 0, 0, vec, 4, NULL), -EINVAL);
	ASSERT_EQ(scan(f.t, ARENA, 1UL << 47, 0, 0, 0, 0, vec, 4, NULL), -EFAULT);
	ASSERT_EQ(scan(f.t, ARENA, PG, 0, 0, 0, 0, NULL, 4, NULL), -EINVAL);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(scan(f.t, ARENA, PG, PM_SCAN_CHECK_WPASYNC, 0, 0, 0, vec, 4, NULL),
		  -EPERM);
	machine_destroy(f.m);
}

TEST(pagemap_scan_wp_matching_reports_written_pages_and_protects_them)
{
	struct page_region vec[4];
	struct fixture f;

	ASSERT_EQ(async_fixture(&f, 4), 0);
	/* nothing mapped yet: the holes are written, and get markers */
	ASSERT_EQ(scan(f.t, ARENA, 4 * PG, PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC,
		       PAGE_IS_WRITTEN, PAGE_IS_WRITTEN, 0, NULL, 0, NULL), 0);
	ASSERT_TRUE(pte_marker_uffd_wp(pte_at(f.t, ARENA + 3 * PG)));
	ASSERT_EQ(scan(f.t, ARENA, 4 * PG, 0, PAGE_IS_WRITTEN, PAGE_IS_WRITTEN,
		       0, vec, 4, NULL), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 2 * PG), 0);
	ASSERT_EQ(scan(f.t, ARENA, 4 * PG, PM_SCAN_WP_MATCHING, PAGE_IS_WRITTEN,
		       PAGE_IS_WRITTEN, 0, vec, 4, NULL), 1);
	ASSERT_EQ(vec[0].start, ARENA + PG);
	ASSERT_EQ(vec[0].end, ARENA + 3 * PG);
	ASSERT_TRUE(pte_uffd_wp(pte_at(f.t, ARENA + PG)));
	ASSERT_EQ(scan(f.t, ARENA, 4 * PG, 0, PAGE_IS_WRITTEN, PAGE_IS_WRITTEN,
		       0, vec, 4, NULL), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_writable_uffd_wp_entry_and_a_stray_uffd_wp_marker)
{
	struct fixture f;
	pte_t *ptep;

	ASSERT_EQ(async_fixture(&f, 2), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	set_pte_at(f.t->mm, ARENA, ptep, pte_mkwrite(ptep_get(ptep)));
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "uffd-wp and writable") != NULL);
	set_pte_at(f.t->mm, ARENA, ptep, pte_wrprotect(ptep_get(ptep)));
	CHECK_MM(f.m);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA + PG, PG, true), 0);
	find_vma(f.t->mm, ARENA + PG)->vm_flags &= ~VM_UFFD_WP;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "uffd-wp marker") != NULL);
	find_vma(f.t->mm, ARENA + PG)->vm_flags |= VM_UFFD_WP;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
