// SPDX-License-Identifier: GPL-2.0
/*
 * test_gup.c - get_user_pages / pin_user_pages (lib/mm/gup.c), the pin
 * accounting designs (lib/model/pincount.c), PageAnonExclusive, userfaultfd-wp
 * and soft-dirty: each test is named by the property it shows, runs
 * mm_check() after every step, and the error paths each have one.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

static struct page *page_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep && pte_present(*ptep) ? pfn_to_page(pte_pfn(*ptep)) : NULL;
}

static int set_design(struct fixture *f, const char *line)
{
	struct seq_buf s;
	int err;

	seq_buf_init(&s);
	err = mmsim_ctl(f->t, line, &s);
	seq_buf_free(&s);
	return err;
}

static bool has_pinned(struct task_struct *t)
{
	return t->mm->flags & (1UL << MMF_HAS_PINNED);
}

TEST(gup_rejects_invalid_flag_combinations)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(pin_user_pages_remote(f.t->mm, ARENA, 1, FOLL_GET, &p, NULL), -EINVAL);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 1, FOLL_PIN, &p, NULL), -EINVAL);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 1, FOLL_LONGTERM, &p, NULL), -EINVAL);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA + 1, 1, 0, &p, NULL), -EINVAL);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 0, 0, &p, NULL), 0);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, TASK_SIZE, 1, 0, &p, NULL), -EFAULT);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(gup_on_a_hole_is_efault_and_a_short_result_is_the_partial_count)
{
	struct fixture f;
	struct page *p[2];

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 1, 0, p, NULL), -EFAULT);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	/* the kernel's convention: the pages taken before the hole */
	ASSERT_EQ(pin_user_pages_remote(f.t->mm, ARENA, 2, FOLL_WRITE, p, NULL), 1);
	ASSERT_TRUE(folio_maybe_dma_pinned(page_folio(page_at(f.t, ARENA))));
	unpin_user_pages(p, 1);
	ASSERT_EQ(page_ref_count(page_at(f.t, ARENA)), 1);
	ASSERT_FALSE(folio_maybe_dma_pinned(page_folio(page_at(f.t, ARENA))));
	ASSERT_TRUE(has_pinned(f.t));	/* set by the attempt, sticky */
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 2, 0, p, NULL), 1);
	put_user_pages(p, 1);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(gup_write_to_read_only_vma_needs_force_and_a_private_mapping)
{
	struct fixture f;
	struct file *file;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 1, FOLL_WRITE, &p, NULL), -EFAULT);
	ASSERT_EQ(sys_memfd_create(f.m, "g", &file), 0);
	ASSERT_EQ(vfs_truncate(file, PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + PG, PG, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   file, 0), (long)(ARENA + PG));
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA + PG, 1, FOLL_WRITE | FOLL_FORCE, &p, NULL), -EFAULT);
	ASSERT_EQ(map_anon(&f, ARENA + 2 * PG, PG, PROT_NONE, MAP_PRIVATE), ARENA + 2 * PG);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA + 2 * PG, 1, 0, &p, NULL), -EFAULT);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA + 2 * PG, 1, FOLL_FORCE, &p, NULL), 1);
	put_user_pages(&p, 1);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(forced_write_into_read_only_private_file_mapping_breaks_cow_only)
{
	struct fixture f;
	struct file *file;
	unsigned char b = 0x5a, r = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &file), 0);
	ASSERT_EQ(kernel_write(file, "\x01", 1, 0), 1);
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE,
			   file, 0), (long)ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 1);
	ASSERT_EQ(access_remote_vm(f.t->mm, ARENA, &b, 1, FOLL_WRITE | FOLL_FORCE), 1);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA), 0x5a);
	ASSERT_TRUE(folio_test_anon(page_folio(page_at(f.t, ARENA))));
	ASSERT_TRUE(PageAnonExclusive(page_at(f.t, ARENA)));
	ASSERT_FALSE(pte_write(*walk_to_pte(f.t->mm, ARENA, NULL, NULL)));
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 1), SIGSEGV);	/* still R/O */
	ASSERT_EQ(kernel_read(file, &r, 1, 0), 1);
	ASSERT_EQ(r, 1);					/* file untouched */
	ASSERT_EQ(access_remote_vm(f.t->mm, ARENA, &b, 1, FOLL_WRITE), -EFAULT);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(forced_write_into_read_only_anon_zero_page_gets_a_private_page)
{
	struct fixture f;
	unsigned char b = 0x77;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(access_remote_vm(f.t->mm, ARENA, &b, 1, FOLL_WRITE | FOLL_FORCE), 1);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA), 0x77);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(access_remote_vm(f.t->mm, ARENA + PG, &b, 1, 0), 1);
	ASSERT_EQ(b, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pin_sets_mm_has_pinned_but_get_does_not_and_fork_drops_it)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 1, 0, &p, NULL), 1);
	ASSERT_FALSE(has_pinned(f.t));
	put_user_pages(&p, 1);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &ps), 0);
	ASSERT_TRUE(has_pinned(f.t));
	CHECK_MM(f.m);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_FALSE(has_pinned(child));
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(read_only_pin_unshares_a_cow_shared_anon_page)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_FALSE(PageAnonExclusive(page_at(f.t, ARENA)));
	CHECK_MM(f.m);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &ps), 0);
	CHECK_MM(f.m);
	ASSERT_NE(page_at(f.t, ARENA), page_at(child, ARENA));
	ASSERT_TRUE(PageAnonExclusive(ps->pages[0]));
	ASSERT_FALSE(pte_write(*walk_to_pte(f.t->mm, ARENA, NULL, NULL)));
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);	/* reuses */
	ASSERT_EQ(page_at(f.t, ARENA), ps->pages[0]);
	ASSERT_EQ(pin_set_read(ps), 0xff);
	ASSERT_EQ(peek(child, ARENA), 1);
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(short_term_read_only_pin_may_take_the_zero_page_uncounted)
{
	struct fixture f;
	struct page *p;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(pin_user_pages_remote(f.t->mm, ARENA, 1, 0, &p, NULL), 1);
	ASSERT_EQ(page_to_pfn(p), f.m->zero_pfn);
	unpin_user_pages(&p, 1);
	CHECK_MM(f.m);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &ps), 0);	/* long-term */
	ASSERT_NE(page_to_pfn(ps->pages[0]), f.m->zero_pfn);
	CHECK_MM(f.m);
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(write_fault_reuses_exclusive_page_and_copies_a_referenced_shared_one)
{
	struct fixture f;
	struct task_struct *child;
	struct page *orig;
	struct pin_set *ref;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	orig = page_at(f.t, ARENA);
	ASSERT_TRUE(PageAnonExclusive(orig));
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(gup_get_range(child, "R", ARENA, PG, &ref), 0);	/* vmsplice */
	sys_munmap(child, ARENA, PG);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	ASSERT_NE(page_at(f.t, ARENA), orig);	/* extra reference: copy */
	ASSERT_EQ(ref->pages[0], orig);
	ASSERT_EQ(pin_set_read(ref), 1);
	CHECK_MM(f.m);
	pin_release(ref);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static void pin_fork_in_design(const char *design, bool neighbour_copied)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;
	char line[64];

	ASSERT_EQ(fixture_init(&f), 0);
	snprintf(line, sizeof(line), "design pins=%s", design);
	ASSERT_EQ(set_design(&f, line), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	CHECK_MM(f.m);
	ASSERT_TRUE(folio_maybe_dma_pinned(page_folio(ps->pages[0])));
	ASSERT_EQ(set_design(&f, "design pins=bias"), strcmp(design, "bias") ? -EBUSY : 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	ASSERT_NE(page_at(f.t, ARENA), page_at(child, ARENA));
	ASSERT_EQ(page_at(f.t, ARENA + PG) != page_at(child, ARENA + PG), neighbour_copied);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	ASSERT_EQ(pin_set_read(ps), 0xff);
	ASSERT_EQ(peek(child, ARENA), 1);
	pin_release(ps);
	CHECK_MM(f.m);
	ASSERT_EQ(set_design(&f, "design pins=bias"), 0);
	machine_destroy(f.m);
}

TEST(every_design_makes_fork_copy_a_pinned_page)
{
	pin_fork_in_design("bias", false);
	pin_fork_in_design("shadow", false);
	pin_fork_in_design("pmd", true);	/* 2 MiB granularity */
	pin_fork_in_design("pte-extra", false);	/* exact per entry */
}

TEST(shadow_design_counts_exactly_with_one_reference_per_pin)
{
	struct fixture f;
	struct pin_set *a, *b;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(set_design(&f, "design pins=shadow"), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &a), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &b), 0);
	ASSERT_EQ(page_ref_count(a->pages[0]), 3);
	ASSERT_EQ(f.m->pins.shadow[a->pages[0] - f.m->memmap]._pincount, 2);
	ASSERT_EQ(pincount_bytes(f.m), f.m->ram_pages * sizeof(struct page));
	CHECK_MM(f.m);
	pin_release(a);
	ASSERT_TRUE(folio_maybe_dma_pinned(page_folio(b->pages[0])));
	pin_release(b);
	ASSERT_FALSE(folio_maybe_dma_pinned(page_folio(page_at(f.t, ARENA))));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pmd_design_survives_unmap_of_the_pinned_range)
{
	struct fixture f;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(set_design(&f, "design pins=pmd"), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_GT(pincount_bytes(f.m), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	CHECK_MM(f.m);
	ASSERT_FALSE(folio_maybe_dma_pinned(page_folio(ps->pages[0])));	/* unmapped */
	ASSERT_EQ(pin_set_read(ps), 1);
	pin_release(ps);
	CHECK_MM(f.m);
	sys_exit(f.t);
	ASSERT_EQ(pincount_bytes(f.m), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static void pin_fails_cleanly_when_allocation_fails(const char *design)
{
	struct fixture f;
	struct pin_set *ps;
	int err = -ENOMEM;
	unsigned long n;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(set_design(&f, design), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	for (n = 1; err == -ENOMEM && n < 64; n++) {
		mmsim_fail_nth(f.m, n);
		err = pin_range(f.t, ARENA, PG, false, &ps);
		mmsim_fail_nth(f.m, 0);
		CHECK_MM(f.m);
	}
	ASSERT_EQ(err, 0);
	ASSERT_GT(n, 2);
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pin_allocation_failure_is_enomem_in_every_design)
{
	pin_fails_cleanly_when_allocation_fails("design pins=bias");
	pin_fails_cleanly_when_allocation_fails("design pins=shadow");
	pin_fails_cleanly_when_allocation_fails("design pins=pmd");
	pin_fails_cleanly_when_allocation_fails("design pins=pte-extra");
}

/*
 * pte-extra (Nadav Amit's extra PTEs): exact per mapping - the page
 * mapped twice and pinned through one mapping is pinned, its neighbour
 * in the same PTE table is not - and 4 KiB per page table holding a
 * pin; the pin goes unseen once its mapping is unmapped.
 */
TEST(pte_extra_design_is_exact_per_mapping_and_blind_after_unmap)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;
	struct page *pinned;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(set_design(&f, "design pins=pte-extra"), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_SHARED), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(peek(child, ARENA), 1);		/* the child maps page 0 too */
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	pinned = ps->pages[0];
	ASSERT_EQ(page_ref_count(pinned), 4);		/* cache, 2 maps, 1 pin */
	ASSERT_TRUE(folio_maybe_dma_pinned(page_folio(pinned)));
	ASSERT_FALSE(folio_maybe_dma_pinned(page_folio(page_at(f.t, ARENA + PG))));
	ASSERT_GE(pincount_bytes(f.m), 4096);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);	/* the pinning mapping */
	ASSERT_FALSE(folio_maybe_dma_pinned(page_folio(pinned)));	/* missed */
	ASSERT_EQ(pin_set_read(ps), 1);
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * pmd and pte-extra count a pin in the page table it was taken through;
 * mremap moves the page's entry and no count with it, so fork shares the
 * pinned page.  The checker catches it, and the report says the break is
 * the proposal's own (mmsim_note_kernel_bug), not the model's; bias, the
 * mainline design, copies the page.
 */
static void pin_mremap_fork(const char *design, bool lost)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;
	const unsigned long to = ARENA + (1UL << 30);

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(set_design(&f, design), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_EQ(sys_mremap(f.t, ARENA, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, to),
		  (long)to);
	CHECK_MM(f.m);
	ASSERT_TRUE(mmsim_kernel_bug(f.m) == NULL);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	if (lost) {
		ASSERT_EQ(mm_check(f.m), -EUCLEAN);
		ASSERT_TRUE(strstr(mm_check_report(f.m), "pinned anon page is not exclusive"));
		ASSERT_TRUE(mmsim_kernel_bug(f.m) &&
			    strstr(mmsim_kernel_bug(f.m), "pins=pmd/pte-extra"));
		ASSERT_TRUE(strstr(mm_check_report(f.m), "expected: the model reproduced"));
	} else {
		CHECK_MM(f.m);
		ASSERT_NE(page_at(f.t, to), page_at(child, to));
		ASSERT_TRUE(mmsim_kernel_bug(f.m) == NULL);
	}
	pin_release(ps);
	machine_destroy(f.m);
}

TEST(block_designs_lose_a_pin_mremap_moved_and_the_report_blames_the_proposal)
{
	pin_mremap_fork("design pins=bias", false);
	pin_mremap_fork("design pins=shadow", false);
	pin_mremap_fork("design pins=pmd", true);
	pin_mremap_fork("design pins=pte-extra", true);
}

TEST(gup_get_reference_errors_and_read_back)
{
	struct fixture f;
	struct pin_set *ps, *other;
	struct seq_buf s;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(gup_get_range(f.t, "", ARENA, PG, &ps), -EINVAL);
	ASSERT_EQ(gup_get_range(f.t, "R", ARENA, 0, &ps), -EINVAL);
	ASSERT_EQ(gup_get_range(f.t, "R", ARENA, 3 * PG, &ps), -EFAULT);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1), 0);
	ASSERT_EQ(gup_get_range(f.t, "R", ARENA, 2 * PG, &ps), 0);
	ASSERT_EQ(gup_get_range(f.t, "R", ARENA, PG, &other), -EEXIST);
	ASSERT_EQ(pin_set_read(ps), -1);		/* 3 then zeroes: mixed */
	ASSERT_EQ(pin_set_find("R"), ps);
	CHECK_MM(f.m);
	seq_buf_init(&s);
	ASSERT_EQ(mmsim_ctl(f.t, "gup_put nosuch", &s), -ENOENT);
	ASSERT_EQ(mmsim_ctl(f.t, "pin_read R", &s), -ENOENT);	/* not a pin */
	ASSERT_EQ(mmsim_ctl(f.t, "gup_get X 0x100000000000 1q", &s), -EINVAL);
	ASSERT_EQ(mmsim_ctl(f.t, "gup_read R", &s), 0);
	ASSERT_STREQ(s.buf, "mixed");
	ASSERT_EQ(mmsim_ctl(f.t, "gup_put R", &s), 0);
	seq_buf_free(&s);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pfnmap_and_io_vmas_have_no_pages_for_gup)
{
	struct fixture f;
	struct vm_area_struct *vma;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	vma = vma_lookup(f.t->mm, ARENA);
	vma->vm_flags |= VM_IO;
	ASSERT_EQ(get_user_pages_remote(f.t->mm, ARENA, 1, 0, &p, NULL), -EFAULT);
	vma->vm_flags &= ~VM_IO;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_wp_write_reports_then_resolves_and_reuses)
{
	struct fixture f;
	struct page *orig;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	orig = page_at(f.t, ARENA);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), -EINVAL);	/* no API yet */
	ASSERT_EQ(uffd_register(f.t, ARENA + 1, PG, UFFDIO_REGISTER_MODE_WP), -EINVAL);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), UACCESS_UFFD_WP);
	ASSERT_EQ(peek(f.t, ARENA), 1);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, false), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_EQ(page_at(f.t, ARENA), orig);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(clear_refs_write_protects_and_mprotect_does_not_set_soft_dirty)
{
	struct mmsim_profile prof = { .zero_page = true, .soft_dirty = true };
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_set_profile(f.m, &prof);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_SOFT_DIRTY);
	ASSERT_EQ(clear_refs_write(f.t, 4), 0);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_SOFT_DIRTY);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, RW), 0);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_SOFT_DIRTY);
	ASSERT_FALSE(pte_write(*walk_to_pte(f.t->mm, ARENA, NULL, NULL)));
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_SOFT_DIRTY);
	ASSERT_EQ(clear_refs_write(f.t, 6), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_design_count_that_disagrees_with_the_pins)
{
	struct fixture f;
	struct pin_set *ps;
	int32_t *count;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(set_design(&f, "design pins=shadow"), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	CHECK_MM(f.m);
	count = &f.m->pins.shadow[ps->pages[0] - f.m->memmap]._pincount;
	(*count)++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "shadow pin count") != NULL);
	(*count)--;
	ClearPageAnonExclusive(ps->pages[0]);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	SetPageAnonExclusive(ps->pages[0]);
	CHECK_MM(f.m);
	pin_release(ps);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mem_write_reports_eio_when_nothing_is_writable)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(proc_mem_write(f.t, ARENA, 1, 1), -EIO);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(proc_mem_write(f.t, ARENA + PG - 1, 9, 2), 0);	/* short */
	ASSERT_EQ(peek(f.t, ARENA + PG - 1), 9);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
