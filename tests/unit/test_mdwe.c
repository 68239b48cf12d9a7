// SPDX-License-Identifier: GPL-2.0
/*
 * test_mdwe.c - PR_SET_MDWE (lib/kernel/sys.c, and its checks in mmap
 * and mprotect): no mapping becomes writable and executable, nor
 * executable when it was not; once set it stays; fork passes it on
 * unless PR_MDWE_NO_INHERIT.  As the host answered.
 */
#include "helpers.h"
#include "../../lib/internal.h"

TEST(mdwe_refuses_write_exec_and_exec_gain_and_cannot_be_undone)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_MDWE, 0, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 0, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 2, 0, 0, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 7, 0, 0, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 1, 0, 0, 7), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_MDWE, 0, 7, 0, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, 12345, 0, 0, 0, 0), -EINVAL);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 1, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 1, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 3, 0, 0, 0), -EPERM);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 0, 0, 0, 0), -EPERM);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_MDWE, 0, 0, 0, 0), 1);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), PG, PROT_WRITE | PROT_EXEC, MAP_PRIVATE),
		  -EACCES);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), PG, PROT_READ | PROT_EXEC, MAP_PRIVATE),
		  ARENA + (1UL << 30));
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ | PROT_EXEC), -EACCES);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + (1UL << 30), PG, PROT_READ | PROT_EXEC), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + (1UL << 30), PG, PROT_WRITE | PROT_EXEC), -EACCES);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + (1UL << 30), PG, PROT_NONE), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + (1UL << 30), PG, PROT_EXEC), -EACCES);
	/* MAP_FIXED replaces: the new mapping is judged on its own */
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ | PROT_EXEC,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0), ARENA);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mdwe_is_inherited_across_fork_unless_no_inherit)
{
	struct fixture f;
	struct task_struct *child, *grandchild;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_MDWE, 1, 0, 0, 0), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(sys_prctl(child, PR_GET_MDWE, 0, 0, 0, 0), 1);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	sys_exit(child);
	ASSERT_EQ(task_create(f.m, &child), 0);
	ASSERT_EQ(sys_prctl(child, PR_SET_MDWE, 3, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(child, PR_GET_MDWE, 0, 0, 0, 0), 3);
	ASSERT_EQ(sys_fork(child, &grandchild), 0);
	ASSERT_EQ(sys_prctl(grandchild, PR_GET_MDWE, 0, 0, 0, 0), 0);
	ASSERT_EQ(sys_mmap(grandchild, ARENA, PG, PROT_WRITE | PROT_EXEC,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0), ARENA);
	CHECK_MM(f.m);
	sys_exit(grandchild);
	sys_exit(child);
	machine_destroy(f.m);
}
