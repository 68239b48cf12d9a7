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
