// SPDX-License-Identifier: GPL-2.0
/*
 * test_uffd_monitor.c - the scenario's userfaultfd monitor
 * (userfaultfd_monitor_serve(), lib/mm/userfaultfd.c): a fault of the
 * process's own kernel-mode access (lib/model/mmu.c, through
 * lib/lib/usercopy.c) or of a GUP of its own memory that may wait
 * (lib/mm/gup.c, populating in lib/mm/memory.c) is served as the native
 * agent's monitor serves it - the zero page for a missing fault in
 * private memory, a zero-filled page cached and mapped in shared shmem,
 * the protection resolved for a write-protect fault, the cached page
 * mapped for a minor one - and the access completes.  User-mode accesses
 * are still reported, a GUP that may not wait is EFAULT, another
 * process's GUP blocks, and UFFD_FEATURE_SIGBUS serves nothing.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

static pte_t pte_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep ? ptep_get(ptep) : __pte(0);
}

/* @pages of private anonymous memory at ARENA registered with @mode, and a memfd. */
static int anon_fixture(struct fixture *f, struct file **file, unsigned long pages,
			unsigned long mode)
{
	if (fixture_init(f) || sys_memfd_create(f->m, "src", file) ||
	    kernel_write(*file, "\x11\x11", 2, 0) != 2 || vfs_truncate(*file, 4 * PG) ||
	    map_anon(f, ARENA, pages * PG, RW, MAP_PRIVATE) != (long)ARENA)
		return -1;
	return uffd_register(f->t, ARENA, pages * PG, mode);
}

/* A shared shmem mapping of a memfd at ARENA, registered with @mode. */
static int shmem_fixture(struct fixture *f, struct file **file, unsigned long pages,
			 unsigned long mode)
{
	if (fixture_init(f) || sys_memfd_create(f->m, "shm", file) ||
	    vfs_truncate(*file, pages * PG) ||
	    sys_mmap(f->t, ARENA, pages * PG, RW, MAP_SHARED | MAP_FIXED_NOREPLACE,
		     *file, 0) != (long)ARENA)
		return -1;
	return uffd_register(f->t, ARENA, pages * PG, mode);
}

static bool maps_zero_page(struct task_struct *t, unsigned long addr)
{
	pte_t pte = pte_at(t, addr);

	return pte_present(pte) && pte_pfn(pte) == t->machine->zero_pfn;
}

/*
 * read(2) into an empty page registered for missing faults: the copy's
 * kernel-mode write fault goes to the monitor, which maps the zero page;
 * the retried write breaks COW into a page of the process's own.
 */
TEST(uffd_monitor_serves_a_kernel_mode_write_with_the_zero_page_then_cow)
{
	struct fixture f;
	struct file *src;

	ASSERT_EQ(anon_fixture(&f, &src, 2, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_pread64(f.t, src, ARENA, 2, 0), 2);
	ASSERT_EQ(pagemap(f.t, ARENA) & (PM_PRESENT | PM_MMAP_EXCLUSIVE),
		  PM_PRESENT | PM_MMAP_EXCLUSIVE);
	ASSERT_FALSE(maps_zero_page(f.t, ARENA));
	ASSERT_EQ(peek(f.t, ARENA + 1), 0x11);
	/* the process's own load of the other page is still reported */
	ASSERT_EQ(peek(f.t, ARENA + PG), -UACCESS_UFFD_MISSING);
	ASSERT_TRUE(pte_none(pte_at(f.t, ARENA + PG)));
	CHECK_MM(f.m);
	fput(src);
	machine_destroy(f.m);
}

/* write(2) from an empty registered page: a kernel-mode read, the zero page. */
TEST(uffd_monitor_serves_a_kernel_mode_read_with_the_zero_page)
{
	unsigned char b = 0xff;
	struct fixture f;
	struct file *src;

	ASSERT_EQ(anon_fixture(&f, &src, 1, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_pwrite64(f.t, src, ARENA, PG, 0), (long)PG);
	ASSERT_TRUE(maps_zero_page(f.t, ARENA));
	ASSERT_EQ(kernel_read(src, &b, 1, 0), 1);
	ASSERT_EQ(b, 0);
	CHECK_MM(f.m);
	fput(src);
	machine_destroy(f.m);
}

/* Shared shmem: UFFDIO_ZEROPAGE puts a zeroed page in the cache and maps it. */
TEST(uffd_monitor_serves_a_shmem_hole_with_a_cached_zero_page)
{
	struct fixture f;
	struct file *file, *src;

	ASSERT_EQ(shmem_fixture(&f, &file, 1, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "src", &src), 0);
	ASSERT_EQ(kernel_write(src, "\x22", 1, 0), 1);
	ASSERT_EQ(sys_pread64(f.t, src, ARENA + 5, 1, 0), 1);
	ASSERT_TRUE(filemap_get_folio(&file->f_inode->i_data, 0) != NULL);
	ASSERT_EQ(pagemap(f.t, ARENA) & (PM_PRESENT | PM_FILE), PM_PRESENT | PM_FILE);
	ASSERT_EQ(peek(f.t, ARENA + 5), 0x22);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	CHECK_MM(f.m);
	fput(src);
	fput(file);
	machine_destroy(f.m);
}

/* A write-protected page: the monitor resolves the protection, the copy writes. */
TEST(uffd_monitor_resolves_write_protection_for_a_kernel_mode_write)
{
	struct fixture f;
	struct file *src;

	ASSERT_EQ(anon_fixture(&f, &src, 2, UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x33, 2 * PG), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, 2 * PG, true), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), UACCESS_UFFD_WP);
	ASSERT_EQ(sys_pread64(f.t, src, ARENA, 1, 0), 1);
	ASSERT_FALSE(pte_uffd_wp(pte_at(f.t, ARENA)));
	ASSERT_EQ(peek(f.t, ARENA), 0x11);
	/* one page served: the other keeps its protection */
	ASSERT_TRUE(pte_uffd_wp(pte_at(f.t, ARENA + PG)));
	ASSERT_EQ(peek(f.t, ARENA + PG), 0x33);
	CHECK_MM(f.m);
	fput(src);
	machine_destroy(f.m);
}

/* A minor fault: UFFDIO_CONTINUE maps the page the cache holds. */
TEST(uffd_monitor_continues_a_minor_fault_with_the_cached_page)
{
	struct fixture f;
	struct file *file, *dst;

	ASSERT_EQ(shmem_fixture(&f, &file, 1, UFFDIO_REGISTER_MODE_MINOR), 0);
	ASSERT_EQ(kernel_write(file, "\x44", 1, 0), 1);
	ASSERT_EQ(peek(f.t, ARENA), -UACCESS_UFFD_MINOR);
	ASSERT_EQ(sys_memfd_create(f.m, "dst", &dst), 0);
	ASSERT_EQ(sys_pwrite64(f.t, dst, ARENA, 1, 0), 1);
	ASSERT_EQ(pte_pfn(pte_at(f.t, ARENA)),
		  folio_pfn(filemap_get_folio(&file->f_inode->i_data, 0)));
	ASSERT_EQ(peek(f.t, ARENA), 0x44);
	CHECK_MM(f.m);
	fput(dst);
	fput(file);
	machine_destroy(f.m);
}

/* UFFD_FEATURE_SIGBUS: no monitor is asked; the kernel-mode copy stops. */
TEST(uffd_monitor_serves_nothing_under_feature_sigbus)
{
	struct fixture f;
	struct file *src;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "src", &src), 0);
	ASSERT_EQ(vfs_truncate(src, PG), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_SIGBUS), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_pread64(f.t, src, ARENA, PG, 0), -EFAULT);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_POPULATE_READ), -EFAULT);
	ASSERT_TRUE(pte_none(pte_at(f.t, ARENA)));
	CHECK_MM(f.m);
	fput(src);
	machine_destroy(f.m);
}

/*
 * GUP of the process's own memory that may wait: a writable pin gets the
 * zero page from the monitor and then its own copy; a read-only
 * reference (vmsplice) keeps the zero page.
 */
TEST(uffd_monitor_serves_pins_and_references_of_the_processs_own_memory)
{
	struct pin_set *pin, *ref;
	struct fixture f;
	struct file *src;

	ASSERT_EQ(anon_fixture(&f, &src, 2, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &pin), 0);
	ASSERT_TRUE(pte_present(pte_at(f.t, ARENA)) && !maps_zero_page(f.t, ARENA));
	ASSERT_TRUE(PageAnonExclusive(pin->pages[0]));
	ASSERT_EQ(gup_get_range(f.t, "r", ARENA + PG, PG, &ref), 0);
	ASSERT_TRUE(maps_zero_page(f.t, ARENA + PG));
	CHECK_MM(f.m);
	pin_release(ref);
	pin_release(pin);
	fput(src);
	machine_destroy(f.m);
}

/* process_vm_readv(2) of itself: its own monitor serves (another's blocks). */
TEST(uffd_monitor_serves_process_vm_readv_of_the_processs_own_memory)
{
	unsigned char buf[2 * 4096];
	struct fixture f;
	struct file *src;

	ASSERT_EQ(anon_fixture(&f, &src, 2, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_process_vm_readv(f.t, task_pid_nr(f.t), ARENA, 2 * PG, buf),
		  (long)(2 * PG));
	ASSERT_TRUE(maps_zero_page(f.t, ARENA) && maps_zero_page(f.t, ARENA + PG));
	CHECK_MM(f.m);
	fput(src);
	machine_destroy(f.m);
}

/*
 * Populating: MADV_POPULATE_READ maps the zero page, _WRITE a page of its
 * own, mlock of a shared mapping caches and maps zeroed pages, and a
 * write-protected page is resolved before it is populated for write.
 */
TEST(uffd_monitor_serves_populating_by_madvise_and_mlock)
{
	struct fixture f;
	struct file *src, *shm;

	ASSERT_EQ(anon_fixture(&f, &src, 3, UFFDIO_REGISTER_MODE_MISSING |
			       UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_POPULATE_READ), 0);
	ASSERT_TRUE(maps_zero_page(f.t, ARENA));
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_POPULATE_WRITE), 0);
	ASSERT_TRUE(pte_write(pte_at(f.t, ARENA + PG)) && !maps_zero_page(f.t, ARENA + PG));
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 7, PG), UACCESS_UFFD_MISSING);
	ASSERT_EQ(uffd_copy(f.t, ARENA + 2 * PG, PG, 7, UFFDIO_COPY_MODE_WP), (long)PG);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 2 * PG, PG, MADV_POPULATE_WRITE), 0);
	ASSERT_FALSE(pte_uffd_wp(pte_at(f.t, ARENA + 2 * PG)));
	ASSERT_EQ(peek(f.t, ARENA + 2 * PG), 7);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_memfd_create(f.m, "shm", &shm), 0);
	ASSERT_EQ(vfs_truncate(shm, 2 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + (1UL << 30), 2 * PG, RW,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, shm, 0), (long)(ARENA + (1UL << 30)));
	ASSERT_EQ(uffd_register(f.t, ARENA + (1UL << 30), 2 * PG,
				UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_mlock(f.t, ARENA + (1UL << 30), 2 * PG), 0);
	ASSERT_TRUE(filemap_get_folio(&shm->f_inode->i_data, 1) != NULL);
	ASSERT_EQ(pagemap(f.t, ARENA + (1UL << 30) + PG) & (PM_PRESENT | PM_FILE),
		  PM_PRESENT | PM_FILE);
	CHECK_MM(f.m);
	fput(shm);
	fput(src);
	machine_destroy(f.m);
}

/* mremap growing a locked mapping populates the new pages through the monitor. */
TEST(uffd_monitor_serves_mremap_growing_a_locked_mapping)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 4 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, RW, MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0),
		  (long)ARENA);
	ASSERT_EQ(sys_mlock(f.t, ARENA, PG), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_mremap(f.t, ARENA, PG, 3 * PG, 0, 0), (long)ARENA);
	for (unsigned long i = 1; i < 3; i++) {
		ASSERT_TRUE(pte_present(pte_at(f.t, ARENA + i * PG)));
		ASSERT_TRUE(filemap_get_folio(&file->f_inode->i_data, i) != NULL);
	}
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

/*
 * A GUP that may not wait gets handle_userfault()'s SIGBUS: /proc/PID/mem
 * (access_remote_vm without @locked) is EFAULT, and mprotect making a
 * locked private mapping writable leaves a protected page as it was.
 */
TEST(uffd_monitor_does_not_serve_a_gup_that_may_not_wait)
{
	unsigned char b = 1;
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mlock(f.t, ARENA + PG, PG), 0);	/* the zero page */
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING |
				UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(access_remote_vm(f.t->mm, ARENA, &b, 1, FOLL_FORCE), -EFAULT);
	ASSERT_TRUE(pte_none(pte_at(f.t, ARENA)));
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA + PG, PG, true), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, RW), 0);
	ASSERT_TRUE(maps_zero_page(f.t, ARENA + PG));
	ASSERT_TRUE(pte_uffd_wp(pte_at(f.t, ARENA + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A missing fault on a uffd-wp marker: UFFDIO_ZEROPAGE refuses the marker
 * (EEXIST), the monitor only wakes the task, which faults again.  The
 * host's task retries for as long as the monitor wakes it; the model's
 * gives up after UFFD_MONITOR_RETRIES and the copy stops (EFAULT).
 */
TEST(uffd_monitor_gives_up_a_fault_its_zeropage_cannot_fix)
{
	struct fixture f;
	struct file *src;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "src", &src), 0);
	ASSERT_EQ(vfs_truncate(src, PG), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_WP_UNPOPULATED), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING |
				UFFDIO_REGISTER_MODE_WP), 0);
	ASSERT_EQ(uffd_writeprotect(f.t, ARENA, PG, true), 0);
	ASSERT_TRUE(pte_marker_uffd_wp(pte_at(f.t, ARENA)));
	ASSERT_EQ(sys_pwrite64(f.t, src, ARENA, 1, 0), -EFAULT);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_POPULATE_READ), -EFAULT);
	ASSERT_TRUE(pte_marker_uffd_wp(pte_at(f.t, ARENA)));
	CHECK_MM(f.m);
	fput(src);
	machine_destroy(f.m);
}
