// SPDX-License-Identifier: GPL-2.0
/*
 * test_proc_query.c - the PROCMAP_QUERY ioctl and /proc/PID/map_files
 * (lib/fs/proc/task_mmu.c): which VMA a query finds, and which names
 * map_files takes.
 */
#include "helpers.h"

static int query(struct task_struct *t, unsigned long addr, uint64_t flags,
		 struct procmap_query *q, char *name)
{
	*q = (struct procmap_query){ .size = sizeof(*q), .query_flags = flags,
				     .query_addr = addr, .vma_name_size = 64,
				     .vma_name_addr = 1 };
	return procmap_query(t, q, name);
}

TEST(procmap_query_finds_the_covering_or_next_vma_that_fits)
{
	struct procmap_query q;
	struct fixture f;
	struct file *file;
	char name[64];

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &file), 0);
	ASSERT_EQ(vfs_truncate(file, PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   file, 0), (long)ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), (long)(ARENA + 4 * PG));
	ASSERT_EQ(query(f.t, ARENA, 0, &q, name), 0);
	ASSERT_EQ(q.vma_end, ARENA + PG);
	ASSERT_EQ(q.vma_flags, PROCMAP_QUERY_VMA_READABLE | PROCMAP_QUERY_VMA_SHARED);
	ASSERT_STREQ(name, "/memfd:m (deleted)");
	ASSERT_EQ(query(f.t, ARENA + PG, 0, &q, name), -ENOENT);
	ASSERT_EQ(query(f.t, ARENA, PROCMAP_QUERY_VMA_WRITABLE, &q, name), -ENOENT);
	ASSERT_EQ(query(f.t, ARENA, PROCMAP_QUERY_VMA_WRITABLE |
			PROCMAP_QUERY_COVERING_OR_NEXT_VMA, &q, name), 0);
	ASSERT_EQ(q.vma_start, ARENA + 4 * PG);
	ASSERT_EQ(q.vma_name_size, 0);			/* anonymous: no name */
	ASSERT_EQ(query(f.t, ARENA, 0x40, &q, name), -EINVAL);
	q.vma_name_addr = 0;
	ASSERT_EQ(procmap_query(f.t, &q, name), -EINVAL);
	fput(file);
	machine_destroy(f.m);
}

TEST(map_files_takes_only_the_exact_range_of_a_file_vma)
{
	struct fixture f;
	struct file *file;
	char buf[64];

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 2 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   file, 0), (long)ARENA);
	ASSERT_EQ(proc_map_files_readlink(f.t, "100000000000-100000002000", buf, 64), 0);
	ASSERT_STREQ(buf, "/memfd:m (deleted)");
	ASSERT_EQ(proc_map_files_readlink(f.t, "100000000000-100000001000", buf, 64), -ENOENT);
	ASSERT_EQ(proc_map_files_readlink(f.t, "0100000000000-100000002000", buf, 64), -ENOENT);
	ASSERT_EQ(proc_map_files_readlink(f.t, "100000000000-100000002000 ", buf, 64), -ENOENT);
	ASSERT_EQ(proc_map_files_readlink(f.t, "10000000000000000100000000000-100000002000",
					  buf, 64), -ENOENT);
	fput(file);
	machine_destroy(f.m);
}
