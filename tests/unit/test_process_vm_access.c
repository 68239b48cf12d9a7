// SPDX-License-Identifier: GPL-2.0
/*
 * test_process_vm_access.c - process_vm_readv(2)
 * (lib/mm/process_vm_access.c): what it reads, where it stops, and its
 * errors.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

TEST(process_vm_readv_reads_until_the_first_page_gup_refuses)
{
	struct task_struct *child;
	unsigned char buf[4 * 4096];
	struct fixture f;
	int parent;

	ASSERT_EQ(fixture_init(&f), 0);
	parent = task_pid_nr(f.t);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x11, 4 * PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 0x22, PG), 0);	/* parent's own copy */
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA + PG - 1, 2, buf), 2);
	ASSERT_EQ(buf[0], 0x11);
	ASSERT_EQ(buf[1], 0x22);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + 2 * PG, PG, PROT_NONE), 0);
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA, 4 * PG, buf), (long)(2 * PG));
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA + 2 * PG, PG, buf), -EFAULT);
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA + 64 * PG, PG, buf), -EFAULT);
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA, 0, buf), 0);
	ASSERT_EQ(sys_process_vm_readv(child, 9999, ARENA, PG, buf), -ESRCH);
	ASSERT_EQ(sys_process_vm_readv(child, 9999, ARENA, 0, buf), 0);	/* before the lookup */
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}

/*
 * A page of the target's whose fault goes to the target's userfaultfd
 * monitor: the reader waits in handle_userfault() for a monitor that
 * serves the target only during its own calls - for ever.  The call
 * never returns, even after reading a page; the page stays empty.
 */
TEST(process_vm_readv_of_another_processs_uffd_missing_page_blocks)
{
	struct task_struct *child;
	unsigned char buf[3 * 4096];
	struct fixture f;
	int parent;

	ASSERT_EQ(fixture_init(&f), 0);
	parent = task_pid_nr(f.t);
	ASSERT_EQ(map_anon(&f, ARENA, 3 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x11, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, 3 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA, PG, buf), (long)PG);
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA, 2 * PG, buf), SYSCALL_BLOCKS);
	ASSERT_EQ(sys_process_vm_readv(child, parent, ARENA + 2 * PG, PG, buf),
		  SYSCALL_BLOCKS);
	ASSERT_FALSE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	CHECK_MM(f.m);
	/*
	 * the owner's own accesses are its running monitor's: its read of
	 * itself is served (the zero page) and counts, its load is reported
	 */
	ASSERT_EQ(sys_process_vm_readv(f.t, parent, ARENA + PG, PG, buf), (long)PG);
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	ASSERT_EQ(peek(f.t, ARENA + 2 * PG), -UACCESS_UFFD_MISSING);
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}

/* UFFD_FEATURE_SIGBUS: no fault waits for the monitor, a remote one neither. */
TEST(process_vm_readv_of_a_uffd_sigbus_range_is_efault_not_blocks)
{
	struct task_struct *child;
	unsigned char buf[4096];
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_SIGBUS), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_process_vm_readv(child, task_pid_nr(f.t), ARENA, PG, buf), -EFAULT);
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}

/*
 * shmem: a hole under a range registered for missing faults, and a
 * cached page under one registered minor, each seen through the
 * child's shared mapping; the page cache and the child's entries stay
 * as they were.
 */
TEST(process_vm_readv_of_a_uffd_shmem_hole_or_minor_page_blocks)
{
	struct task_struct *child;
	unsigned char buf[4096];
	struct file *file;
	struct fixture f;
	int pid;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "u", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 2 * PG), 0);
	ASSERT_EQ(kernel_write(file, "\x07", 1, PG), 1);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, RW, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   file, 0), (long)ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	pid = task_pid_nr(child);
	ASSERT_EQ(uffd_register(child, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_register(child, ARENA + PG, PG, UFFDIO_REGISTER_MODE_MINOR), 0);
	ASSERT_EQ(sys_process_vm_readv(f.t, pid, ARENA, PG, buf), SYSCALL_BLOCKS);
	ASSERT_TRUE(!filemap_get_folio(&file->f_inode->i_data, 0));
	ASSERT_EQ(sys_process_vm_readv(f.t, pid, ARENA + PG, PG, buf), SYSCALL_BLOCKS);
	ASSERT_FALSE(pagemap(child, ARENA + PG) & PM_PRESENT);
	/* the parent's own mapping is not registered: it reads the page */
	ASSERT_EQ(sys_process_vm_readv(child, task_pid_nr(f.t), ARENA + PG, 1, buf), 1);
	ASSERT_EQ(buf[0], 7);
	CHECK_MM(f.m);
	sys_exit(child);
	fput(file);
	machine_destroy(f.m);
}

/* UFFD_FEATURE_EVENT_FORK: the child's kept registration is its own monitor's. */
TEST(process_vm_readv_of_a_child_registered_through_event_fork_blocks)
{
	struct task_struct *child;
	unsigned char buf[4096];
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_api(f.t, UFFD_FEATURE_EVENT_FORK), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(sys_process_vm_readv(f.t, task_pid_nr(child), ARENA, PG, buf),
		  SYSCALL_BLOCKS);
	ASSERT_EQ(sys_process_vm_readv(child, task_pid_nr(f.t), ARENA, PG, buf),
		  SYSCALL_BLOCKS);
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}
