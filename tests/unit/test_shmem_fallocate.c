// SPDX-License-Identifier: GPL-2.0
/*
 * test_shmem_fallocate.c - pages fallocate(2) puts into a shmem file
 * (lib/mm/shmem.c) stay !uptodate until first used: mincore(2) does not
 * count them (lib/mm/mincore.c), a fault or a write makes them uptodate,
 * and a failed fallocate drops them again.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

TEST(shmem_fallocated_pages_are_not_in_core_until_used)
{
	unsigned char vec[4];
	struct fixture f;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_fallocate(mf, 0, 0, 4 * PG), 0);
	ASSERT_EQ(mf->f_mapping->nrpages, 4);	/* allocated, cached */
	ASSERT_EQ(sys_mmap(f.t, ARENA, 4 * PG, RW, MAP_SHARED | MAP_FIXED_NOREPLACE, mf, 0),
		  ARENA);
	ASSERT_EQ(sys_mincore(f.t, ARENA, 4 * PG, vec), 0);
	ASSERT_EQ(vec[0] | vec[1] | vec[2] | vec[3], 0);
	/* a fault uses page 1 (fault-around maps no !uptodate neighbour) */
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(sys_mincore(f.t, ARENA, 4 * PG, vec), 0);
	ASSERT_EQ(vec[0], 0);
	ASSERT_EQ(vec[1], 1);
	ASSERT_EQ(vec[2], 0);
	/* a write through the file uses page 3 */
	ASSERT_EQ(kernel_write(mf, "x", 1, 3 * PG), 1);
	ASSERT_EQ(sys_mincore(f.t, ARENA, 4 * PG, vec), 0);
	ASSERT_EQ(vec[3], 1);
	ASSERT_EQ(vec[2], 0);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 4 * PG), 0);
	fput(mf);
	machine_destroy(f.m);
}

TEST(shmem_failed_fallocate_drops_the_unused_pages_it_added)
{
	struct fixture f;
	struct file *mf;
	char b = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, 8 * PG), 0);
	ASSERT_EQ(kernel_write(mf, "y", 1, 0), 1);	/* page 0 in use */
	mmsim_fail_nth(f.m, 3);
	ASSERT_EQ(vfs_fallocate(mf, 0, 0, 8 * PG), -ENOMEM);
	mmsim_fail_nth(f.m, 0);
	ASSERT_EQ(mf->f_mapping->nrpages, 1);
	ASSERT_EQ(kernel_read(mf, &b, 1, 0), 1);
	ASSERT_EQ(b, 'y');
	fput(mf);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
