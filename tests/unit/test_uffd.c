// SPDX-License-Identifier: GPL-2.0
/*
 * test_uffd.c - userfaultfd's asynchronous write-protection, markers,
 * missing and minor faults, UFFD_FEATURE_SIGBUS, UFFDIO_API's checks,
 * uffdio_register.ioctls, the fills UFFDIO_COPY, _ZEROPAGE, _POISON and
 * _CONTINUE in anonymous and shmem memory (lib/mm/userfaultfd.c, the fault
 * paths in lib/mm/shmem.c and
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

/* A memfd of @pages pages mapped at ARENA with @flags (MAP_SHARED or _PRIVATE). */
static int shmem_fixture(struct fixture *f, struct file **file,
			 unsigned long pages, int flags)
{
	if (fixture_init(f) || sys_memfd_create(f->m, "u", file) ||
	    vfs_truncate(*file, pages * PG))
		return -1;
	return sys_mmap(f->t, ARENA, pages * PG, RW, flags | MAP_FIXED_NOREPLACE,
			*file, 0) == (long)ARENA ? 0 : -1;
}

static struct folio *cached(struct file *file, pgoff_t index)
{
	return filemap_get_folio(&file->f_inode->i_data, index);
}

TEST(uffd_api_refuses_a_wrong_api_and_stays_uninitialized)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(uffd_api_version(f.t, 0xab, 0), -EINVAL);
	ASSERT_FALSE(f.t->mm->uffd_ctx.initialized);
	ASSERT_EQ(uffd_api_version(f.t, UFFD_API_VERSION, 1ULL << 63), -EINVAL);
	ASSERT_FALSE(f.t->mm->uffd_ctx.initialized);
	ASSERT_EQ(uffd_api_version(f.t, UFFD_API_VERSION, UFFD_FEATURE_SIGBUS), 0);
	ASSERT_EQ(f.t->mm->uffd_ctx.features, UFFD_FEATURE_SIGBUS);
	machine_destroy(f.m);
}

TEST(uffd_register_ioctls_offer_writeprotect_and_continue_only_with_their_modes)
{
	const uint64_t base = (1ULL << _UFFDIO_WAKE) | (1ULL << _UFFDIO_COPY) |
			      (1ULL << _UFFDIO_ZEROPAGE) | (1ULL << _UFFDIO_MOVE) |
			      (1ULL << _UFFDIO_POISON);
	struct fixture f;
	struct file *file;
	uint64_t ioctls = 0;

	ASSERT_EQ(shmem_fixture(&f, &file, 2, MAP_SHARED), 0);
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, PG, RW, MAP_PRIVATE), (long)(ARENA + 4 * PG));
	ASSERT_EQ(uffd_register_ioctls(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING, &ioctls), 0);
	ASSERT_EQ(ioctls, base);
	ASSERT_EQ(uffd_register_ioctls(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_WP, &ioctls), 0);
	ASSERT_EQ(ioctls, base | (1ULL << _UFFDIO_WRITEPROTECT));
	ASSERT_EQ(uffd_register_ioctls(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MINOR, &ioctls), 0);
	ASSERT_EQ(ioctls, base | (1ULL << _UFFDIO_CONTINUE));
	ASSERT_TRUE(find_vma(f.t->mm, ARENA)->vm_flags & VM_UFFD_MINOR);
	/* minor faults need a page cache: not anonymous memory */
	ASSERT_EQ(uffd_register_ioctls(f.t, ARENA + 4 * PG, PG, UFFDIO_REGISTER_MODE_MINOR,
				       &ioctls), -EINVAL);
	ASSERT_EQ(uffd_register_ioctls(f.t, ARENA + 4 * PG, PG, 0, &ioctls), -EINVAL);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(uffd_zeropage_maps_the_zero_page_read_only_but_not_over_a_marker)
{
	struct fixture f;
	pte_t pte;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 3 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, PG, 0), -EINVAL);		/* no API */
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_WP_UNPOPULATED), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING |
				UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, PG, UFFDIO_COPY_MODE_WP), -EINVAL);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, PG, 0), (long)PG);
	pte = pte_at(f.t, ARENA);
	ASSERT_EQ(pte_pfn(pte), f.m->zero_pfn);
	ASSERT_TRUE(pte_special(pte));
	ASSERT_FALSE(pte_write(pte));
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, PG, 0), -EEXIST);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA + 2 * PG, PG, 0), -ENOENT);	/* unregistered */
	/* a uffd-wp marker is not empty for UFFDIO_ZEROPAGE */
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA + PG, PG, true), 0);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA + PG, PG, 0), -EEXIST);
	/* the first page filled, the second not: a short count */
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA + PG, PG, false), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_DONTNEED), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 3, 1), UACCESS_UFFD_MISSING);
	ASSERT_EQ(uffd_copy(f.t, ARENA + PG, PG, 3, 0), (long)PG);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, 2 * PG, 0), (long)PG);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_fills_of_shared_shmem_go_to_the_page_cache)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(shmem_fixture(&f, &file, 4, MAP_SHARED), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, 4 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(peek(f.t, ARENA), -UACCESS_UFFD_MISSING);
	ASSERT_TRUE(cached(file, 0) == NULL);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 7, 0), (long)PG);
	ASSERT_TRUE(cached(file, 0) != NULL);
	ASSERT_TRUE(pte_write(pte_at(f.t, ARENA)));	/* shared: writable */
	ASSERT_EQ(uffd_zeropage(f.t, ARENA + PG, PG, 0), (long)PG);
	ASSERT_TRUE(cached(file, 1) != NULL);
	ASSERT_NE(pte_pfn(pte_at(f.t, ARENA + PG)), f.m->zero_pfn);
	/* a cached page, even not mapped here, makes the fill EEXIST */
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_DONTNEED), 0);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 8, 0), -EEXIST);
	ASSERT_EQ(peek(f.t, ARENA), 7);
	/* past the end of the file: EFAULT */
	ASSERT_EQ(vfs_truncate(file, 2 * PG), 0);
	ASSERT_EQ(uffd_copy(f.t, ARENA + 3 * PG, PG, 1, 0), -EFAULT);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA + 2 * PG, PG, 0), -EFAULT);
	ASSERT_EQ(uffd_poison(f.t, ARENA + 2 * PG, PG, 0), -EFAULT);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(uffd_poison_marker_is_sigbus_refuses_poison_and_zeropage_not_copy)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_poison(f.t, ARENA, PG, UFFDIO_COPY_MODE_WP), -EINVAL);
	ASSERT_EQ(uffd_poison(f.t, ARENA, PG, 0), (long)PG);
	ASSERT_TRUE(is_poisoned_pte_marker(pte_at(f.t, ARENA)));
	ASSERT_EQ(peek(f.t, ARENA), -SIGBUS);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), SIGBUS);
	CHECK_MM(f.m);
	ASSERT_EQ(uffd_poison(f.t, ARENA, PG, 0), -EEXIST);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, PG, 0), -EEXIST);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 4, 0), (long)PG);
	ASSERT_EQ(peek(f.t, ARENA), 4);
	/* MADV_DONTNEED drops a poisoned marker: the page is missing again */
	ASSERT_EQ(uffd_poison(f.t, ARENA + PG, PG, 0), (long)PG);
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_DONTNEED), 0);
	ASSERT_TRUE(pte_none(pte_at(f.t, ARENA + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_minor_fault_goes_to_the_monitor_and_continue_maps_the_cached_page)
{
	struct fixture f;
	struct file *file;
	pte_t pte;

	ASSERT_EQ(shmem_fixture(&f, &file, 2, MAP_PRIVATE), 0);
	ASSERT_EQ(kernel_write(file, "\x05", 1, 0), 1);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MINOR), 0);
	ASSERT_EQ(peek(f.t, ARENA), -UACCESS_UFFD_MINOR);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), UACCESS_UFFD_MINOR);	/* COW too */
	ASSERT_TRUE(pte_none(pte_at(f.t, ARENA)));
	/* a hole is no minor fault: shmem fills it */
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(uffd_continue(f.t, ARENA, PG, UFFDIO_CONTINUE_MODE_WP), -EINVAL);
	ASSERT_EQ(uffd_continue(f.t, ARENA, PG, 0), (long)PG);
	pte = pte_at(f.t, ARENA);
	ASSERT_EQ(pte_pfn(pte), folio_pfn(cached(file, 0)));
	ASSERT_FALSE(pte_write(pte));	/* a cached page in a private mapping */
	ASSERT_EQ(peek(f.t, ARENA), 5);
	ASSERT_EQ(uffd_continue(f.t, ARENA, PG, 0), -EEXIST);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(uffd_continue_needs_shmem_and_a_cached_page)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(shmem_fixture(&f, &file, 2, MAP_SHARED), 0);
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, PG, RW, MAP_PRIVATE), (long)(ARENA + 4 * PG));
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MINOR), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA + 4 * PG, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_continue(f.t, ARENA + 4 * PG, PG, 0), -EINVAL);	/* anon */
	ASSERT_EQ(uffd_continue(f.t, ARENA, PG, 0), -EFAULT);		/* nothing cached */
	ASSERT_EQ(kernel_write(file, "\x06", 1, PG), 1);
	ASSERT_EQ(uffd_continue(f.t, ARENA + PG, PG, 0), (long)PG);
	ASSERT_TRUE(pte_write(pte_at(f.t, ARENA + PG)));	/* shared: writable */
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 9, 1), 0);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(uffd_feature_sigbus_turns_a_fault_for_the_monitor_into_sigbus)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_SIGBUS), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING |
				UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(peek(f.t, ARENA), -SIGBUS);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 2, UFFDIO_COPY_MODE_WP), (long)PG);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1), SIGBUS);	/* write-protected */
	ASSERT_EQ(peek(f.t, ARENA), 2);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_move_hands_the_page_and_its_rmap_to_the_destination)
{
	struct task_struct *child;
	struct fixture f;
	struct page *page;
	unsigned long src = ARENA + 4 * PG;
	uint64_t pfn;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, src, 2 * PG, RW, MAP_PRIVATE), (long)src);
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 0), -EINVAL);	/* no API */
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 4), -EINVAL);	/* unknown mode */
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 0), -ENOENT);	/* a hole */
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 2), (long)PG);	/* ALLOW_SRC_HOLES */
	ASSERT_EQ(uaccess_memset(f.t, src, 9, 2 * PG), 0);
	pfn = pfn_of(f.t, src);
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 0), (long)PG);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn);
	ASSERT_TRUE(pte_none(pte_at(f.t, src)));
	page = pfn_to_page(pfn);
	ASSERT_EQ(page->index, linear_page_index(find_vma(f.t->mm, ARENA), ARENA));
	ASSERT_TRUE(page->mapping == (void *)((unsigned long)find_vma(f.t->mm, ARENA)->anon_vma |
					      PAGE_MAPPING_ANON));
	ASSERT_TRUE(pte_write(pte_at(f.t, ARENA)) && pte_dirty(pte_at(f.t, ARENA)));
	ASSERT_EQ(peek(f.t, ARENA), 9);
	CHECK_MM(f.m);
	ASSERT_EQ(uffd_move(f.t, ARENA, src + PG, PG, 0), -EEXIST);
	/* a shared page (since fork) is no longer exclusive: EBUSY */
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uffd_move(f.t, ARENA + PG, src + PG, PG, 0), -EBUSY);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_event_fork_child_keeps_registration_and_uffd_wp_even_in_an_early_cow)
{
	struct task_struct *child, *bare;
	struct pin_set *pin;
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_SIGBUS), 0);
	/* nothing registered yet: the child gets no userfaultfd */
	ASSERT_EQ(sys_fork(f.t, &bare), 0);
	ASSERT_FALSE(bare->mm->uffd_ctx.initialized);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING |
				UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 1, UFFDIO_COPY_MODE_WP), (long)PG);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &pin), -EFAULT);	/* wp: SIGBUS */
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, false), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &pin), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_TRUE(child->mm->uffd_ctx.initialized);
	ASSERT_EQ(child->mm->uffd_ctx.features, f.t->mm->uffd_ctx.features);
	ASSERT_TRUE(find_vma(child->mm, ARENA)->vm_flags & VM_UFFD_MISSING);
	/* the pinned page was copied at fork, and the copy kept uffd-wp */
	ASSERT_NE(pfn_of(child, ARENA), pfn_of(f.t, ARENA));
	ASSERT_TRUE(pte_uffd_wp(pte_at(child, ARENA)));
	ASSERT_EQ(peek(child, ARENA + PG), -SIGBUS);	/* the child's features */
	pin_release(pin);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(uffd_fills_refuse_a_file_that_is_not_shmem_and_unaligned_ranges)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(vfs_tmpfile(f.m, "t", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 2 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, RW, MAP_PRIVATE | MAP_FIXED_NOREPLACE,
			   file, 0), (long)ARENA);
	/* WP_ASYNC lets WP alone register any memory; no fill works there */
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_WP_ASYNC), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_copy(f.t, ARENA, PG, 1, 0), -EINVAL);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA, PG, 0), -EINVAL);
	ASSERT_EQ(uffd_poison(f.t, ARENA, PG, 0), -EINVAL);
	ASSERT_EQ(uffd_continue(f.t, ARENA, PG, 0), -EINVAL);
	ASSERT_EQ(uffd_zeropage(f.t, ARENA + 1, PG, 0), -EINVAL);
	ASSERT_EQ(uffd_poison(f.t, ARENA, PG + 1, 0), -EINVAL);
	ASSERT_EQ(uffd_continue(f.t, ARENA, 0, 0), -EINVAL);
	ASSERT_EQ(uffd_move(f.t, ARENA, ARENA + PG, PG, 0), -EINVAL);	/* not anon */
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(uffd_move_refuses_unlike_vmas)
{
	struct fixture f;
	unsigned long src = ARENA + 4 * PG, other = ARENA + 8 * PG;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, src, PG, RW, MAP_PRIVATE), (long)src);
	ASSERT_EQ(map_anon(&f, other, PG, RW, MAP_PRIVATE), (long)other);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uaccess_memset(f.t, src, 1, PG), 0);
	ASSERT_EQ(uffd_move(f.t, other, src, PG, 0), -EINVAL);		/* dst unregistered */
	ASSERT_EQ(uffd_move(f.t, ARENA, src + 2 * PG, PG, 0), -ENOENT);	/* no src VMA */
	ASSERT_EQ(sys_mlock(f.t, src, PG), 0);
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 0), -EINVAL);		/* one locked */
	ASSERT_EQ(sys_munlock(f.t, src, PG), 0);
	ASSERT_EQ(sys_mprotect(f.t, src, PG, PROT_READ), 0);
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 0), -EINVAL);		/* protections differ */
	ASSERT_EQ(sys_mprotect(f.t, src, PG, RW), 0);
	ASSERT_EQ(uffd_move(f.t, ARENA, src, PG, 0), (long)PG);
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
	/* small pages (a THP would make one region of its 512) */
	ASSERT_EQ(sys_madvise(f.t, ARENA, 1200 * PG, MADV_NOHUGEPAGE), 0);
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
	CHECK_MM(f.m);		/* a marker may outlive the registration */
	find_vma(f.t->mm, ARENA + PG)->vm_flags |= VM_DROPPABLE;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "uffd-wp marker") != NULL);
	find_vma(f.t->mm, ARENA + PG)->vm_flags &= ~VM_DROPPABLE;
	find_vma(f.t->mm, ARENA + PG)->vm_flags |= VM_UFFD_WP;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * Linux 6.18 on the host: register again without wp mode, write (the
 * stale uffd-wp bit becomes writable), register wp again - the next
 * write reaches no monitor.  The model does the same, and says that the
 * checker's complaint is that kernel's (uffd-register-without-wp-...).
 */
TEST(uffd_stale_wp_bit_made_writable_is_the_kernels_bug)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), (long)ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	CHECK_MM(f.m);
	ASSERT_TRUE(mmsim_kernel_bug(f.m) == NULL);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);	/* reused, writable */
	ASSERT_TRUE(pte_uffd_wp(pte_at(f.t, ARENA)) && pte_write(pte_at(f.t, ARENA)));
	ASSERT_TRUE(mmsim_kernel_bug(f.m) != NULL);
	CHECK_MM(f.m);			/* no VM_UFFD_WP: nothing broken yet */
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1), 0);	/* untracked */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "uffd-wp and writable (expected: "
			   "the model reproduced Linux 6.18's userfaultfd") != NULL);
	machine_destroy(f.m);
}
