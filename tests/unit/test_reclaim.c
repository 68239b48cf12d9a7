// SPDX-License-Identifier: GPL-2.0
/*
 * test_reclaim.c - the madvise values that act as reclaim would
 * (MADV_FREE, MADV_COLD, MADV_PAGEOUT) and MADV_REMOVE (lib/mm/madvise.c),
 * mincore(2) (lib/mm/mincore.c), msync(2) (lib/mm/msync.c) and the
 * memory lines of /proc/PID/status.  The host has no swap; the expected
 * results are its answers.
 */
#include <fcntl.h>
#include <stdlib.h>

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif

#include "helpers.h"
#include "../../lib/internal.h"

#define SLOT (1UL << 30)

/* The value in kB of @field in the smaps entry of the VMA at @addr. */
static long smaps_kb(struct task_struct *t, unsigned long addr, const char *field)
{
	struct seq_buf s;
	char head[32];
	long v = -1;
	char *p;

	seq_buf_init(&s);
	proc_pid_smaps(t, &s);
	snprintf(head, sizeof(head), "%lx-", addr);
	p = s.buf ? strstr(s.buf, head) : NULL;
	if (p)
		p = strstr(p, field);
	if (p)
		v = strtol(p + strlen(field), NULL, 10);
	seq_buf_free(&s);
	return v;
}

static const char *mincore_str(struct task_struct *t, unsigned long addr,
			       unsigned long pages)
{
	static char out[64];
	unsigned char vec[64];
	int err = sys_mincore(t, addr, pages * PG, vec);

	if (err)
		return errno_name(-err);
	for (unsigned long i = 0; i < pages; i++)
		out[i] = '0' + vec[i];
	out[pages] = '\0';
	return out;
}

TEST(madv_free_pages_are_dropped_by_pageout_unless_written_again)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 2 * PG), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 4 * PG, MADV_FREE), 0);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Private_Clean:"), 8);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Referenced:"), 0);
	ASSERT_EQ(peek(f.t, ARENA), 7);			/* nothing reclaimed yet */
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 9, 1), 0);	/* redirtied */
	ASSERT_EQ(sys_madvise(f.t, ARENA, 4 * PG, MADV_PAGEOUT), 0);
	CHECK_MM(f.m);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_PRESENT);	/* dropped */
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Rss:"), 4);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 9);
	ASSERT_EQ(peek(f.t, ARENA + PG + 1), 7);
	ASSERT_STREQ(mincore_str(f.t, ARENA, 4), "1100");	/* the zero page is mapped */
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pageout_without_swap_keeps_dirty_anon_and_shmem_cached_and_shared_pages)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + SLOT, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED),
		  ARENA + SLOT);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT, 2, 2 * PG), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA + SLOT, 2 * PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Rss:"), 8);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Referenced:"), 8);	/* kept pages stay young */
	/* shmem: unmapped, but still cached (it could only go to swap) */
	ASSERT_EQ(smaps_kb(f.t, ARENA + SLOT, "Rss:"), 0);
	ASSERT_STREQ(mincore_str(f.t, ARENA + SLOT, 2), "11");
	ASSERT_EQ(peek(f.t, ARENA + SLOT + PG), 2);
	/* freed but shared with a child: left alone by FREE and PAGEOUT */
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_FREE), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(peek(f.t, ARENA), 1);
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}

TEST(madv_cold_clears_referenced_on_pages_mapped_once)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 2 * PG), 0);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Referenced:"), 8);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_COLD), 0);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Referenced:"), 4);
	ASSERT_EQ(peek(f.t, ARENA), 3);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Referenced:"), 8);
	/* after fork both pages are shared; the child's write unshares page 1 */
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uaccess_memset(child, ARENA + PG, 4, 1), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_COLD), 0);
	ASSERT_EQ(smaps_kb(f.t, ARENA, "Referenced:"), 4);	/* page 0: shared, kept */
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}

TEST(madvise_reclaim_values_refuse_the_vmas_the_kernel_refuses)
{
	struct fixture f;
	struct file *mf, *perf;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_REMOVE), -EINVAL);
	ASSERT_EQ(sys_mlock(f.t, ARENA + PG, PG), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_FREE), -EINVAL);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_COLD), -EINVAL);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 2 * PG, MADV_PAGEOUT), -EINVAL);
	ASSERT_EQ(map_anon(&f, ARENA + SLOT, PG, PROT_READ | PROT_WRITE, MAP_SHARED), ARENA + SLOT);
	ASSERT_EQ(sys_madvise(f.t, ARENA + SLOT, PG, MADV_FREE), -EINVAL);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + 2 * SLOT, PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED_NOREPLACE, mf, 0), ARENA + 2 * SLOT);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 2 * SLOT, PG, MADV_REMOVE), -EACCES);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 2 * SLOT, PG, MADV_FREE), -EINVAL);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 2 * SLOT, PG, MADV_COLD), 0);
	ASSERT_EQ(device_open(f.m, "perf", "", &perf), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + 3 * SLOT, 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, perf, 0), ARENA + 3 * SLOT);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 3 * SLOT, PG, MADV_REMOVE), -ENODEV);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 3 * SLOT, PG, MADV_PAGEOUT), -EINVAL);
	ASSERT_STREQ(mincore_str(f.t, ARENA + 3 * SLOT, 2), "00");	/* PFN map: not walked */
	ASSERT_EQ(sys_msync(f.t, ARENA + 3 * SLOT, PG, MS_SYNC), -EINVAL);	/* no ->fsync */
	ASSERT_EQ(sys_msync(f.t, ARENA + 3 * SLOT, PG, MS_ASYNC), 0);
	CHECK_MM(f.m);
	fput(mf);
	fput(perf);
	machine_destroy(f.m);
}

TEST(madv_remove_punches_the_file_behind_a_shared_mapping)
{
	struct fixture f;
	struct file *mf, *ro;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, 4 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 4 * PG, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   mf, 0), ARENA);
	ASSERT_EQ(kernel_write(mf, "\x05\x05", 2, PG), 2);
	ASSERT_EQ(peek(f.t, ARENA + PG), 5);
	ASSERT_STREQ(mincore_str(f.t, ARENA, 4), "0100");
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_REMOVE), 0);	/* read-only, may write */
	ASSERT_FALSE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	ASSERT_STREQ(mincore_str(f.t, ARENA, 4), "0000");
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(dentry_open(mf, O_RDONLY, &ro), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + SLOT, PG, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   ro, 0), ARENA + SLOT);
	ASSERT_EQ(sys_madvise(f.t, ARENA + SLOT, PG, MADV_REMOVE), -EACCES);
	CHECK_MM(f.m);
	fput(ro);
	fput(mf);
	machine_destroy(f.m);
}

TEST(mincore_reports_mapped_pages_and_cached_file_pages)
{
	struct fixture f;
	struct file *mf;
	unsigned char vec[4];

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, 4 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 4 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED_NOREPLACE, mf, 0), ARENA);
	ASSERT_EQ(kernel_write(mf, "x", 1, 2 * PG), 1);
	ASSERT_STREQ(mincore_str(f.t, ARENA, 4), "0010");	/* cached, not mapped */
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);		/* COW copy */
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);			/* caches page 1 */
	ASSERT_STREQ(mincore_str(f.t, ARENA, 4), "1110");
	ASSERT_EQ(map_anon(&f, ARENA + SLOT, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  ARENA + SLOT);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT + PG, 1, 1), 0);
	ASSERT_STREQ(mincore_str(f.t, ARENA + SLOT, 3), "010");
	/* a guard marker maps nothing: the file's cache answers */
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_GUARD_INSTALL), 0);
	ASSERT_STREQ(mincore_str(f.t, ARENA, 4), "1110");
	ASSERT_EQ(sys_madvise(f.t, ARENA + SLOT, PG, MADV_GUARD_INSTALL), 0);
	ASSERT_STREQ(mincore_str(f.t, ARENA + SLOT, 3), "010");
	ASSERT_EQ(sys_madvise(f.t, ARENA + SLOT + PG, PG, MADV_GUARD_INSTALL), 0);
	ASSERT_STREQ(mincore_str(f.t, ARENA + SLOT, 3), "000");
	ASSERT_EQ(sys_mincore(f.t, ARENA + 1, PG, vec), -EINVAL);
	ASSERT_EQ(sys_mincore(f.t, ARENA + SLOT, 4 * PG, vec), -ENOMEM);
	ASSERT_EQ(sys_mincore(f.t, ARENA + 5 * PG, PG, vec), -ENOMEM);
	ASSERT_EQ(sys_mincore(f.t, ARENA, 0, vec), 0);
	ASSERT_EQ(sys_mincore(f.t, (1UL << 47) - PG, 2 * PG, vec), -ENOMEM);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(msync_checks_flags_skips_holes_and_refuses_invalidating_locked_memory)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 5 * PG, PG, PROT_READ, MAP_SHARED), ARENA + 5 * PG);
	ASSERT_EQ(sys_msync(f.t, ARENA, PG, MS_SYNC), 0);
	ASSERT_EQ(sys_msync(f.t, ARENA, PG, 0), 0);
	ASSERT_EQ(sys_msync(f.t, ARENA, PG, MS_SYNC | MS_ASYNC), -EINVAL);
	ASSERT_EQ(sys_msync(f.t, ARENA, PG, 8), -EINVAL);
	ASSERT_EQ(sys_msync(f.t, ARENA + 1, PG, MS_SYNC), -EINVAL);
	ASSERT_EQ(sys_msync(f.t, ARENA, 6 * PG, MS_SYNC), -ENOMEM);	/* the hole */
	ASSERT_EQ(sys_msync(f.t, ARENA, 6 * PG, MS_ASYNC), -ENOMEM);
	ASSERT_EQ(sys_msync(f.t, ARENA + 5 * PG, PG, MS_SYNC), 0);	/* shmem fsync */
	ASSERT_EQ(sys_msync(f.t, ARENA - PG, 2 * PG, MS_SYNC), -ENOMEM);
	ASSERT_EQ(sys_mlock(f.t, ARENA + 2 * PG, PG), 0);
	ASSERT_EQ(sys_msync(f.t, ARENA, PG, MS_INVALIDATE), 0);
	ASSERT_EQ(sys_msync(f.t, ARENA + 2 * PG, PG, MS_INVALIDATE), -EBUSY);
	ASSERT_EQ(sys_msync(f.t, ARENA + 2 * PG, PG, MS_ASYNC), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(status_shows_locked_and_data_sizes)
{
	struct fixture f;
	struct seq_buf s;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mlock2(f.t, ARENA, 4 * PG, MLOCK_ONFAULT), 0);
	seq_buf_init(&s);
	ASSERT_EQ(proc_pid_status(f.t, &s), 0);
	ASSERT_TRUE(strstr(s.buf, "VmLck:\t      16 kB\n") != NULL);
	ASSERT_TRUE(strstr(s.buf, "VmData:\t      16 kB\n") != NULL);
	ASSERT_TRUE(strstr(s.buf, "VmRSS:\t       0 kB\n") != NULL);
	seq_buf_free(&s);
	machine_destroy(f.m);
}

TEST(pageout_drops_a_dirty_droppable_page_but_keeps_a_dirty_private_one)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ | PROT_WRITE,
			   0x08 /* MAP_DROPPABLE */ | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			   NULL, 0), (long)ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), (long)(ARENA + 4 * PG));
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 4 * PG, 1, PG), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 4 * PG, PG, MADV_PAGEOUT), 0);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_PRESENT);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + 4 * PG), 1);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
