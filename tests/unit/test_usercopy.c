// SPDX-License-Identifier: GPL-2.0
/*
 * test_usercopy.c - pread64/pwrite64 between a file and process memory
 * (lib/fs/read_write.c, lib/lib/usercopy.c, lib/lib/iov_iter.c): faults
 * are handled in the kernel, an unhandled one ends the copy with a short
 * count (EFAULT when nothing was copied), never a signal.  The expected
 * counts are the host's (Linux 6.18).
 */
#include "helpers.h"
#include "../../lib/internal.h"

static struct file *memfd_filled(struct fixture *f, unsigned long size, int byte)
{
	struct file *mf;
	char buf[4 * 4096];

	if (sys_memfd_create(f->m, "m", &mf))
		return NULL;
	memset(buf, byte, sizeof(buf));
	vfs_truncate(mf, size);
	kernel_write(mf, buf, min(size, sizeof(buf)), 0);
	return mf;
}

TEST(pread_stops_at_the_first_byte_the_kernel_cannot_store)
{
	struct fixture f;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = memfd_filled(&f, 4 * PG, 5);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ), 0);
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA, 2 * PG, 0), PG);
	ASSERT_EQ(peek(f.t, ARENA + PG - 1), 5);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);		/* the read-only page kept its zero */
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA + 100, 2 * PG, 0), PG - 100);
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA + PG, 10, 0), -EFAULT);
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA + 2 * PG, 10, 0), -EFAULT);
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA + 4000, 200, 0), 96);
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA, 2 * PG, 4 * PG - 100), 100);	/* EOF */
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA, 2 * PG, 4 * PG), 0);
	ASSERT_EQ(sys_pread64(f.t, mf, (1UL << 47) - PG, PG, 0), -EFAULT);	/* access_ok */
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA, PG, -1), -EINVAL);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(pwrite_takes_the_bytes_before_the_first_unreadable_one)
{
	struct fixture f;
	struct file *mf;
	char c;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = memfd_filled(&f, 4 * PG, 5);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 9, 2 * PG), 0);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA + 2 * PG - 192, 200, 0), 192);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA + 2 * PG, 10, 0), -EFAULT);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_NONE), 0);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA + 4000, 200, 6 * PG + 50), 96);
	ASSERT_EQ(mf->f_inode->i_size, 6 * PG + 50 + 96);	/* grown by what was written */
	ASSERT_EQ(kernel_read(mf, &c, 1, 6 * PG + 50 + 95), 1);
	ASSERT_EQ(c, 9);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

/*
 * Since 6.14 the folio is cached before the source is read: a pwrite from
 * memory that cannot be read fails with EFAULT, yet caches a zeroed page
 * where it was to write and grows the file to that offset (measured on
 * the host: a memfd and an ext4 file both end at the write's offset, the
 * page resident).  Before the failed copy, the seals still say no.
 */
TEST(pwrite_from_unreadable_memory_caches_the_page_and_grows_the_file)
{
	struct fixture f;
	struct file *mf;
	char c = 1;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_NONE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA, PG, 10 * PG + 8), -EFAULT);
	ASSERT_EQ(mf->f_inode->i_size, 10 * PG + 8);	/* the write's offset */
	ASSERT_EQ(mf->f_mapping->nrpages, 1);		/* its page cached */
	ASSERT_EQ(kernel_read(mf, &c, 1, 10 * PG), 1);
	ASSERT_EQ(c, 0);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA, PG, 2 * PG), -EFAULT);
	ASSERT_EQ(mf->f_inode->i_size, 10 * PG + 8);	/* inside: not shrunk */
	ASSERT_EQ(mf->f_mapping->nrpages, 2);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(pwrite_refused_by_a_seal_caches_nothing)
{
	struct fixture f;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create_flags(f.m, "m", MFD_ALLOW_SEALING, &mf), 0);
	ASSERT_EQ(memfd_fcntl(mf, F_ADD_SEALS, F_SEAL_GROW), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_NONE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA, PG, 4 * PG), -EPERM);
	ASSERT_EQ(mf->f_inode->i_size, 0);
	ASSERT_EQ(mf->f_mapping->nrpages, 0);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(pread_faults_pages_in_and_breaks_cow_without_touching_the_file)
{
	struct fixture f;
	struct file *mf, *src;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = memfd_filled(&f, 2 * PG, 1);
	src = memfd_filled(&f, PG, 7);
	ASSERT_TRUE(mf && src);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED_NOREPLACE, mf, 0), ARENA);
	ASSERT_EQ(sys_pread64(f.t, src, ARENA, PG, 0), PG);
	ASSERT_EQ(peek(f.t, ARENA), 7);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_FILE);	/* a private anon copy */
	ASSERT_EQ(kernel_read(mf, &c, 1, 0), 1);
	ASSERT_EQ(c, 1);				/* the file kept its byte */
	ASSERT_EQ(sys_mmap(f.t, ARENA + (1UL << 30), PG, PROT_READ,
			   MAP_PRIVATE | MAP_FIXED_NOREPLACE, mf, 0), ARENA + (1UL << 30));
	ASSERT_EQ(sys_pread64(f.t, src, ARENA + (1UL << 30), 10, 0), -EFAULT);
	CHECK_MM(f.m);
	fput(mf);
	fput(src);
	machine_destroy(f.m);
}

TEST(a_sigbus_past_eof_becomes_a_short_count_not_a_signal)
{
	struct fixture f;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	mf = memfd_filled(&f, 4 * PG, 5);
	ASSERT_TRUE(mf != NULL);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 8 * PG, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, mf, 0), ARENA);
	ASSERT_EQ(vfs_truncate(mf, PG + 10), 0);
	ASSERT_EQ(peek(f.t, ARENA + 2 * PG), -SIGBUS);
	ASSERT_EQ(sys_pread64(f.t, mf, ARENA + PG + 4000, 200, 0), 96);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA + PG + 4000, 200, 0), 96);
	ASSERT_EQ(sys_pwrite64(f.t, mf, ARENA + 2 * PG, 200, 0), -EFAULT);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

/*
 * fault_in_readable() faults page by page from the start and stops at the
 * first fault it cannot handle, or at once for a range starting at
 * address 0; what it returns is the bytes it did not fault in.
 */
TEST(fault_in_readable_stops_at_a_hole_and_never_starts_at_zero)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(fault_in_readable(f.t->mm, ARENA + 100, 2 * PG - 100), 0);
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	/* past the mapping: the bytes from the hole on */
	ASSERT_EQ(fault_in_readable(f.t->mm, ARENA + PG + 10, 2 * PG), PG + 10);
	ASSERT_EQ(fault_in_readable(f.t->mm, ARENA, 0), 0);
	ASSERT_EQ(sys_mmap(f.t, 0, PG, PROT_READ,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0), 0);
	ASSERT_EQ(fault_in_readable(f.t->mm, 0, 2 * PG), 2 * PG);
	ASSERT_FALSE(pagemap(f.t, 0) & PM_PRESENT);	/* page 0 not touched */
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* A chunk tried again after a fault-in that still copies nothing ends. */
TEST(write_fault_in_gives_up_on_a_second_empty_copy)
{
	struct iov_iter it;
	bool retried = false;
	char b[8] = { 0 };

	iov_iter_kvec(&it, true, b, sizeof(b));
	ASSERT_EQ(write_fault_in(&it, sizeof(b), &retried), 0);
	ASSERT_TRUE(retried);
	ASSERT_EQ(write_fault_in(&it, sizeof(b), &retried), -EFAULT);
}
