// SPDX-License-Identifier: GPL-2.0
/*
 * test_memfd.c - memfd seals, fallocate and second opens (lib/mm/memfd.c,
 * lib/mm/shmem.c, lib/fs/open.c).  Every expected errno here is what
 * Linux 6.18 answered for the same sequence on the host.
 */
#include <fcntl.h>

#include "helpers.h"
#include "../../lib/internal.h"

#define SLOT (1UL << 30)

static long map_file(struct fixture *f, int slot, unsigned long len, int prot,
		     int flags, struct file *file)
{
	return sys_mmap(f->t, ARENA + slot * SLOT, len, prot,
			flags | MAP_FIXED_NOREPLACE, file, 0);
}

static struct file *sealable(struct fixture *f, unsigned long size)
{
	struct file *mf;

	if (sys_memfd_create_flags(f->m, "s", MFD_ALLOW_SEALING, &mf))
		return NULL;
	vfs_truncate(mf, size);
	return mf;
}

TEST(write_seal_is_ebusy_while_a_shared_mapping_may_write)
{
	struct fixture f;
	struct file *mf, *ro;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, 2 * PG);
	ASSERT_TRUE(mf != NULL);
	/* read-only, but shared and VM_MAYWRITE: mprotect could make it write */
	ASSERT_EQ(map_file(&f, 0, 2 * PG, PROT_READ, MAP_SHARED, mf), ARENA);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_WRITE), -EBUSY);
	ASSERT_EQ(memfd_fcntl(mf, F_GET_SEALS, 0), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	/* a private mapping, and a shared one through a read-only open, never write */
	ASSERT_EQ(map_file(&f, 1, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, mf), ARENA + SLOT);
	ASSERT_EQ(dentry_open(mf, O_RDONLY, &ro), 0);
	ASSERT_EQ(map_file(&f, 2, 2 * PG, PROT_READ, MAP_SHARED, ro), ARENA + 2 * SLOT);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_WRITE), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(memfd_fcntl(mf, F_GET_SEALS, 0), F_SEAL_WRITE);
	ASSERT_EQ(kernel_write(mf, "x", 1, 0), -EPERM);
	ASSERT_EQ(map_file(&f, 3, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), -EPERM);
	ASSERT_EQ(map_file(&f, 4, 2 * PG, PROT_READ, MAP_SHARED, mf), ARENA + 4 * SLOT);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + 4 * SLOT, 2 * PG, PROT_READ | PROT_WRITE), -EACCES);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT, 1, 1), 0);	/* private: COW */
	CHECK_MM(f.m);
	fput(ro);
	fput(mf);
	machine_destroy(f.m);
}

TEST(future_write_seal_stops_new_writers_but_old_mappings_keep_writing)
{
	struct fixture f;
	struct file *mf;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, 2 * PG);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(map_file(&f, 0, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), ARENA);
	ASSERT_EQ(map_file(&f, 1, 2 * PG, PROT_READ, MAP_SHARED, mf), ARENA + SLOT);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_FUTURE_WRITE), 0);
	ASSERT_EQ(map_file(&f, 2, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), -EPERM);
	ASSERT_EQ(map_file(&f, 3, 2 * PG, PROT_READ, MAP_SHARED, mf), ARENA + 3 * SLOT);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + 3 * SLOT, 2 * PG, PROT_READ | PROT_WRITE), -EACCES);
	/* a read-only mapping from before the seal may still become writable */
	ASSERT_EQ(sys_mprotect(f.t, ARENA + SLOT, 2 * PG, PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(kernel_write(mf, "x", 1, 0), -EPERM);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x5a, 1), 0);
	ASSERT_EQ(kernel_read(mf, &c, 1, 0), 1);
	ASSERT_EQ(c, 0x5a);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_WRITE), -EBUSY);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA + SLOT, 2 * PG), 0);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_WRITE), 0);	/* the rest cannot write */
	ASSERT_EQ(memfd_fcntl(mf, F_GET_SEALS, 0), F_SEAL_WRITE | F_SEAL_FUTURE_WRITE);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(seals_need_allow_sealing_a_writable_open_and_known_bits)
{
	struct fixture f;
	struct file *plain, *noexec, *exec, *ro;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "p", &plain), 0);
	ASSERT_EQ(memfd_fcntl(plain, F_GET_SEALS, 0), F_SEAL_SEAL);
	ASSERT_EQ(memfd_fcntl(plain, F_ADD_SEALS, F_SEAL_SHRINK), -EPERM);
	ASSERT_EQ(memfd_fcntl(plain, F_ADD_SEALS, 0), -EPERM);
	ASSERT_EQ(sys_memfd_create_flags(f.m, "n", MFD_NOEXEC_SEAL, &noexec), 0);
	ASSERT_EQ(memfd_fcntl(noexec, F_GET_SEALS, 0), F_SEAL_EXEC);
	ASSERT_EQ(memfd_fcntl(noexec, F_ADD_SEALS, F_SEAL_SHRINK), 0);
	ASSERT_EQ(sys_memfd_create_flags(f.m, "e", MFD_ALLOW_SEALING | MFD_EXEC, &exec), 0);
	ASSERT_EQ(memfd_fcntl(exec, F_ADD_SEALS, 0x40), -EINVAL);
	ASSERT_EQ(dentry_open(exec, O_RDONLY, &ro), 0);
	ASSERT_EQ(memfd_fcntl(ro, F_ADD_SEALS, F_SEAL_SHRINK), -EPERM);
	fput(ro);
	/* exec seal on an executable file: all the write seals come along */
	ASSERT_EQ(memfd_fcntl(exec, F_ADD_SEALS, F_SEAL_EXEC), 0);
	ASSERT_EQ(memfd_fcntl(exec, F_GET_SEALS, 0), F_SEAL_EXEC | F_SEAL_SHRINK |
		  F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE);
	ASSERT_EQ(memfd_fcntl(exec, F_ADD_SEALS, F_SEAL_SEAL), 0);
	ASSERT_EQ(memfd_fcntl(exec, F_ADD_SEALS, 0), -EPERM);
	ASSERT_EQ(sys_memfd_create_flags(f.m, "x", MFD_EXEC | MFD_NOEXEC_SEAL, &ro), -EINVAL);
	ASSERT_EQ(sys_memfd_create_flags(f.m, "x", 0x100, &ro), -EINVAL);
	CHECK_MM(f.m);
	fput(plain);
	fput(noexec);
	fput(exec);
	machine_destroy(f.m);
}

TEST(grow_and_shrink_seals_stop_size_changes_and_writes_past_eof)
{
	struct fixture f;
	struct file *mf, *fd2;
	char buf[16 * 4096] = { 0 };

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, 2 * PG);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_GROW), 0);
	ASSERT_EQ(kernel_write(mf, buf, sizeof(buf), 0), 2 * PG);	/* short */
	ASSERT_EQ(kernel_write(mf, buf, 1, 2 * PG), -EPERM);
	ASSERT_EQ(vfs_fallocate(mf, 0, 0, 8 * PG), -EPERM);
	ASSERT_EQ(vfs_fallocate(mf, FALLOC_FL_KEEP_SIZE, 0, 8 * PG), -EPERM);
	ASSERT_EQ(vfs_truncate(mf, 4 * PG), -EPERM);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_SHRINK), 0);
	ASSERT_EQ(vfs_truncate(mf, PG / 2), -EPERM);
	ASSERT_EQ(dentry_open(mf, O_RDWR | O_TRUNC, &fd2), -EPERM);
	ASSERT_EQ(mf->f_inode->i_size, PG);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(a_pinned_page_keeps_the_write_seal_away_after_its_mapping_is_gone)
{
	struct fixture f;
	struct pin_set *ps;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, PG);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(map_file(&f, 0, PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), ARENA);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_WRITE), -EBUSY);
	CHECK_MM(f.m);		/* and the denial was undone */
	pin_release(ps);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_WRITE), 0);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(fallocate_checks_its_arguments_like_the_kernel)
{
	struct fixture f;
	struct file *mf, *ro, *zero;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, PG);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(vfs_fallocate(mf, FALLOC_FL_PUNCH_HOLE, 0, PG), -EOPNOTSUPP);
	ASSERT_EQ(vfs_fallocate(mf, 0x10, 0, PG), -EOPNOTSUPP);
	ASSERT_EQ(vfs_fallocate(mf, 0, -1, PG), -EINVAL);
	ASSERT_EQ(vfs_fallocate(mf, 0, 0, 0), -EINVAL);
	ASSERT_EQ(vfs_fallocate(mf, 0, 0x7ffffffffffff000LL, 2 * PG), -EFBIG);
	ASSERT_EQ(dentry_open(mf, O_RDONLY, &ro), 0);
	ASSERT_EQ(vfs_fallocate(ro, 0, 0, PG), -EBADF);
	ASSERT_EQ(device_open(f.m, "zero", "", &zero), 0);
	ASSERT_EQ(vfs_fallocate(zero, 0, 0, PG), -ENODEV);
	ASSERT_EQ(vfs_fallocate(mf, 0, PG, 3 * PG), 0);
	ASSERT_EQ(mf->f_inode->i_size, 4 * PG);
	ASSERT_EQ(mf->f_mapping->nrpages, 3);
	ASSERT_EQ(vfs_fallocate(mf, FALLOC_FL_KEEP_SIZE, 8 * PG, PG), 0);
	ASSERT_EQ(mf->f_inode->i_size, 4 * PG);
	ASSERT_EQ(mf->f_mapping->nrpages, 4);
	CHECK_MM(f.m);
	fput(ro);
	fput(zero);
	fput(mf);
	machine_destroy(f.m);
}

TEST(punching_a_hole_zaps_shared_mappings_and_keeps_private_copies)
{
	struct fixture f;
	struct file *mf;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, 4 * PG);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(map_file(&f, 0, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), ARENA);
	ASSERT_EQ(map_file(&f, 1, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, mf), ARENA + SLOT);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 4 * PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT + PG, 4, 1), 0);	/* COW copy */
	ASSERT_EQ(vfs_fallocate(mf, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
				PG - 10, 2 * PG + 20), 0);
	CHECK_MM(f.m);
	ASSERT_FALSE(pagemap(f.t, ARENA + PG) & PM_PRESENT);	/* zapped */
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_PRESENT);		/* partial: kept */
	ASSERT_EQ(peek(f.t, ARENA + PG - 11), 3);
	ASSERT_EQ(peek(f.t, ARENA + PG - 10), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(peek(f.t, ARENA + 3 * PG + 9), 0);
	ASSERT_EQ(peek(f.t, ARENA + 3 * PG + 10), 3);
	ASSERT_EQ(peek(f.t, ARENA + SLOT + PG), 4);		/* private copy stays */
	ASSERT_EQ(kernel_read(mf, &c, 1, 2 * PG), 1);
	ASSERT_EQ(c, 0);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_FUTURE_WRITE), 0);
	ASSERT_EQ(vfs_fallocate(mf, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, PG), -EPERM);
	ASSERT_EQ(vfs_fallocate(mf, FALLOC_FL_KEEP_SIZE, 0, PG), 0);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(a_read_only_or_write_only_open_limits_what_can_be_mapped)
{
	struct fixture f;
	struct file *mf, *ro, *wo;
	char c;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = sealable(&f, 2 * PG);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(dentry_open(mf, O_RDONLY, &ro), 0);
	ASSERT_EQ(dentry_open(mf, O_WRONLY, &wo), 0);
	ASSERT_EQ(dentry_open(mf, 3, &wo), -EINVAL);
	ASSERT_EQ(map_file(&f, 0, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro), -EACCES);
	ASSERT_EQ(map_file(&f, 1, 2 * PG, PROT_READ, MAP_SHARED, ro), ARENA + SLOT);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + SLOT, 2 * PG, PROT_READ | PROT_WRITE), -EACCES);
	ASSERT_EQ(map_file(&f, 2, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro), ARENA + 2 * SLOT);
	ASSERT_EQ(map_file(&f, 3, 2 * PG, PROT_READ, MAP_PRIVATE, wo), -EACCES);
	ASSERT_EQ(kernel_write(ro, "x", 1, 0), -EBADF);
	ASSERT_EQ(kernel_read(wo, &c, 1, 0), -EBADF);
	ASSERT_EQ(vfs_truncate(ro, 0), -EINVAL);
	CHECK_MM(f.m);
	fput(ro);
	fput(wo);
	fput(mf);
	machine_destroy(f.m);
}
