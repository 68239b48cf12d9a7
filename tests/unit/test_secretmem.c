// SPDX-License-Identifier: GPL-2.0
/*
 * test_secretmem.c - memfd_secret(2) (lib/mm/secretmem.c): what may be
 * done with the file and its mappings, and every refusal: flags, private
 * mappings, the memlock limit, the size set twice, positional I/O, GUP
 * (pins, /proc/PID/mem), population, munlock.
 */
#include <fcntl.h>
#include <sys/resource.h>

#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

static long map_secret(struct fixture *f, struct file *s, unsigned long addr,
		       unsigned long len, int prot, int flags)
{
	return sys_mmap(f->t, addr, len, prot, flags | MAP_FIXED_NOREPLACE, s, 0);
}

TEST(memfd_secret_refuses_flags_private_exec_and_a_second_size)
{
	struct fixture f;
	struct file *s;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_secret(f.m, 1, &s), -EINVAL);
	ASSERT_EQ(sys_memfd_secret(f.m, O_CLOEXEC, &s), 0);
	ASSERT_EQ(map_secret(&f, s, ARENA, PG, RW, MAP_PRIVATE), -EINVAL);
	ASSERT_EQ(map_secret(&f, s, ARENA, PG, PROT_READ | PROT_EXEC, MAP_SHARED), -EPERM);
	ASSERT_EQ(vfs_truncate(s, 2 * PG), 0);
	ASSERT_EQ(vfs_truncate(s, 2 * PG), -EINVAL);
	ASSERT_EQ(vfs_truncate(s, PG), -EINVAL);
	ASSERT_EQ(sys_pread64(f.t, s, ARENA, 1, 0), -ESPIPE);
	ASSERT_EQ(sys_pwrite64(f.t, s, ARENA, 1, 0), -ESPIPE);
	ASSERT_EQ(sys_pread64(f.t, s, ARENA, 1, -1), -EINVAL);	/* position first */
	ASSERT_EQ(vfs_fsync(s), -EINVAL);
	CHECK_MM(f.m);
	fput(s);
	machine_destroy(f.m);
}

TEST(memfd_secret_mapping_is_locked_charged_and_stays_locked)
{
	struct fixture f;
	struct file *s;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_secret(f.m, 0, &s), 0);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_MEMLOCK, 4 * PG, 4 * PG), 0);
	ASSERT_EQ(capset_effective(f.t, 14, false), 0);	/* CAP_IPC_LOCK */
	ASSERT_EQ(map_secret(&f, s, ARENA, 8 * PG, RW, MAP_SHARED), -EAGAIN);
	ASSERT_EQ(map_secret(&f, s, ARENA, 4 * PG, RW, MAP_SHARED), ARENA);
	ASSERT_EQ(f.t->mm->locked_vm, 4);
	ASSERT_TRUE(find_vma(f.t->mm, ARENA)->vm_flags & VM_LOCKED);
	ASSERT_TRUE(find_vma(f.t->mm, ARENA)->vm_flags & VM_DONTDUMP);
	ASSERT_EQ(map_secret(&f, s, ARENA + 8 * PG, PG, RW, MAP_SHARED), -EAGAIN);
	/* munlock passes over it: still locked, still charged */
	ASSERT_EQ(sys_munlock(f.t, ARENA, PG), 0);
	ASSERT_TRUE(find_vma(f.t->mm, ARENA)->vm_flags & VM_LOCKED);
	ASSERT_EQ(f.t->mm->locked_vm, 4);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 4 * PG), 0);
	ASSERT_EQ(f.t->mm->locked_vm, 0);
	CHECK_MM(f.m);
	fput(s);
	machine_destroy(f.m);
}

TEST(memfd_secret_pages_fault_in_but_gup_and_population_are_refused)
{
	struct page *pages[1];
	struct fixture f;
	struct file *s;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_secret(f.m, 0, &s), 0);
	ASSERT_EQ(map_secret(&f, s, ARENA, 2 * PG, RW, MAP_SHARED), ARENA);
	/* nothing populated at mmap, and nothing to fault before the size */
	ASSERT_EQ(pagemap(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA), -SIGBUS);
	ASSERT_EQ(vfs_truncate(s, PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x55, PG), 0);
	ASSERT_EQ(peek(f.t, ARENA), 0x55);
	ASSERT_EQ(peek(f.t, ARENA + PG), -SIGBUS);
	ASSERT_EQ(pin_user_pages_remote(f.t->mm, ARENA, 1, FOLL_WRITE | FOLL_LONGTERM,
					pages, NULL), -EFAULT);
	ASSERT_EQ(pin_user_pages_remote(f.t->mm, ARENA, 1, FOLL_LONGTERM, pages, NULL),
		  -EFAULT);
	ASSERT_EQ(proc_mem_write(f.t, ARENA, 0x11, 1), -EIO);
	ASSERT_EQ(peek(f.t, ARENA), 0x55);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_POPULATE_READ), -EINVAL);
	ASSERT_EQ(sys_mlock(f.t, ARENA, PG), -ENOMEM);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	fput(s);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
