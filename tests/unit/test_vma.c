// SPDX-License-Identifier: GPL-2.0
/*
 * test_vma.c - split and merge by the kernel's rules (lib/mm/vma.c,
 * mprotect.c, mremap.c, madvise.c, mlock.c), seen through /proc/PID/maps.
 *
 *   0123	pages of the arena
 *   AAAA	one VMA
 *   A B A	mprotect of page 1 splits it in three ...
 *   AAAA	... and restoring page 1 merges them back
 */
#include <stdlib.h>

#include "helpers.h"

static int count_vmas(struct task_struct *t)
{
	struct seq_buf s;
	int n = 0;

	seq_buf_init(&s);
	proc_pid_maps(t, &s);
	for (size_t i = 0; i < s.len; i++)
		n += s.buf[i] == '\n';
	seq_buf_free(&s);
	return n;
}

TEST(mprotect_of_middle_page_splits_in_three_and_restoring_merges)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 9, 4 * PG), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(count_vmas(f.t), 3);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ | PROT_WRITE), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(count_vmas(f.t), 1);
	ASSERT_EQ(peek(f.t, ARENA + PG), 9);
	machine_destroy(f.m);
}

TEST(mprotect_across_a_hole_changes_the_first_part_then_fails_enomem)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 2 * PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA + 2 * PG);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, 3 * PG, PROT_READ), -ENOMEM);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), SIGSEGV);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 1, 1), 0);
	machine_destroy(f.m);
}

TEST(adjacent_anonymous_mmaps_merge_into_one_vma)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA + PG);
	CHECK_MM(f.m);
	ASSERT_EQ(count_vmas(f.t), 1);
	machine_destroy(f.m);
}

TEST(forked_vma_does_not_merge_with_a_new_mapping_in_the_child)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(sys_mmap(child, ARENA + PG, PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0),
		  ARENA + PG);
	CHECK_MM(f.m);
	ASSERT_EQ(count_vmas(child), 2);
	machine_destroy(f.m);
}

TEST(mremap_move_keeps_contents_and_leaves_the_source_unmapped)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x42, 2 * PG), 0);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 2 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
			     ARENA + (1UL << 30)), ARENA + (1UL << 30));
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA + (1UL << 30) + PG), 0x42);
	ASSERT_EQ(peek(f.t, ARENA + (1UL << 30) + 3 * PG), 0);
	ASSERT_EQ(peek(f.t, ARENA), -SIGSEGV);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mremap_grows_in_place_when_the_next_range_is_free)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mremap(f.t, ARENA, PG, 3 * PG, 0, 0), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, PG, PROT_READ, MAP_PRIVATE), ARENA + 4 * PG);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 3 * PG, 5 * PG, 0, 0), -ENOMEM);
	CHECK_MM(f.m);
	ASSERT_EQ(count_vmas(f.t), 2);
	machine_destroy(f.m);
}

TEST(madvise_dontneed_drops_anon_contents)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 2 * PG), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_DONTNEED), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 7);
	machine_destroy(f.m);
}

TEST(madvise_wipeonfork_gives_the_child_zeroes)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 1), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_WIPEONFORK), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(child, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA), 7);
	machine_destroy(f.m);
}

TEST(mlock_populates_and_munlock_of_part_splits)
{
	struct fixture f;
	struct mmsim_meminfo a, b;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_meminfo(f.m, &a);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mlock(f.t, ARENA, 4 * PG), 0);
	machine_meminfo(f.m, &b);
	ASSERT_GE(b.frames_used, a.frames_used + 4);
	ASSERT_EQ(sys_munlock(f.t, ARENA, PG), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(count_vmas(f.t), 2);
	machine_destroy(f.m);
}

TEST(errors_are_the_kernels_errnos)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 0, PROT_READ, MAP_PRIVATE), -EINVAL);
	ASSERT_EQ(map_anon(&f, ARENA + 1, PG, PROT_READ, MAP_PRIVATE), -EINVAL);
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ, MAP_ANONYMOUS, NULL, 0), -EINVAL);
	ASSERT_EQ(sys_munmap(f.t, ARENA + 1, PG), -EINVAL);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), -ENOMEM);
	ASSERT_EQ(sys_mremap(f.t, ARENA, PG, 2 * PG, 0, 0), -EFAULT);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, 9999), -EINVAL);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), -EEXIST);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, 0x100), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* madvise(2): a length that page rounding wraps to zero is not "nothing" */
TEST(madvise_small_negative_length_is_einval_and_zero_length_a_noop)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, -1UL, MADV_DONTNEED), -EINVAL);
	ASSERT_EQ(sys_madvise(f.t, ARENA, -(unsigned long)PG + 1, MADV_DONTNEED), -EINVAL);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 0, MADV_DONTNEED), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
