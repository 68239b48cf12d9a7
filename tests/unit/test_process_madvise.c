// SPDX-License-Identifier: GPL-2.0
/*
 * test_process_madvise.c - process_madvise(2) (lib/mm/madvise.c): the
 * order of its checks, what a remote caller may advise, the partial
 * count, and the advice landing in the target's memory.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

TEST(process_madvise_counts_the_ranges_before_the_first_failure)
{
	struct iovec_range vec[3] = {
		{ ARENA, PG }, { ARENA + 64 * PG, PG }, { ARENA + 2 * PG, PG },
	};
	struct fixture f;
	int self;

	ASSERT_EQ(fixture_init(&f), 0);
	self = task_pid_nr(f.t);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 4 * PG), 0);
	ASSERT_EQ(sys_process_madvise(f.t, self, vec, 3, MADV_DONTNEED, 0), (long)PG);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + 2 * PG), 1);	/* after the hole: untouched */
	ASSERT_EQ(sys_process_madvise(f.t, self, vec + 1, 1, MADV_DONTNEED, 0), -ENOMEM);
	ASSERT_EQ(sys_process_madvise(f.t, self, vec, 1025, MADV_DONTNEED, 0), -EINVAL);
	ASSERT_EQ(sys_process_madvise(f.t, self, vec, 1, MADV_DONTNEED, 1), -EINVAL);
	/* flags are checked before the pidfd */
	ASSERT_EQ(sys_process_madvise(f.t, -EBADF, vec, 1, MADV_DONTNEED, 1), -EINVAL);
	ASSERT_EQ(sys_process_madvise(f.t, -EBADF, vec, 1, MADV_DONTNEED, 0), -EBADF);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(process_madvise_remote_takes_only_hints_and_needs_cap_sys_nice)
{
	struct iovec_range vec[1] = { { ARENA, PG } };
	struct task_struct *child;
	struct fixture f;
	int parent;

	ASSERT_EQ(fixture_init(&f), 0);
	parent = task_pid_nr(f.t);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);	/* the parent's own page */
	ASSERT_EQ(sys_process_madvise(child, parent, vec, 1, MADV_DONTNEED, 0), -EINVAL);
	ASSERT_EQ(sys_process_madvise(child, parent, vec, 1, MADV_COLD, 0), (long)PG);
	ASSERT_FALSE(pte_young(ptep_get(walk_to_pte(f.t->mm, ARENA, NULL, NULL))));
	ASSERT_EQ(capset_effective(child, 23, false), 0);	/* CAP_SYS_NICE */
	ASSERT_EQ(sys_process_madvise(child, parent, vec, 1, MADV_COLD, 0), -EPERM);
	ASSERT_EQ(sys_process_madvise(f.t, task_pid_nr(child), vec, 1, MADV_COLD, 0),
		  (long)PG);
	sys_exit(child);
	ASSERT_EQ(sys_process_madvise(f.t, 2, vec, 1, MADV_COLD, 0), -ESRCH);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
