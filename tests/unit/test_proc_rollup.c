// SPDX-License-Identifier: GPL-2.0
/*
 * test_proc_rollup.c - the whole-process /proc views: smaps_rollup
 * (lib/fs/proc/task_mmu.c), status and statm (lib/fs/proc/array.c), their
 * text as Linux 6.18 prints it, the counters behind them, and the
 * high-water marks.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "helpers.h"

#define BASE	0x7f0000000000UL

/* The value in kB of @field in /proc/PID/status, or -1. */
static long status_kb(struct proc_fixture *e, const char *field)
{
	char key[40];
	const char *p;

	seq_buf_free(&e->s);
	seq_buf_init(&e->s);
	if (proc_pid_status(e->t, &e->s))
		return -1;
	snprintf(key, sizeof(key), "\n%s:", field);
	p = strstr(e->s.buf, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

TEST(smaps_rollup_sums_every_vma_in_kernel_format)
{
	static const char want[] =
		"7f0000000000-7f0000102000 ---p 00000000 00:00 0"
		"                          [rollup]\n"
		"Rss:                  12 kB\n"
		"Pss:                  12 kB\n"
		"Pss_Dirty:            12 kB\n"
		"Pss_Anon:              8 kB\n"
		"Pss_File:              0 kB\n"
		"Pss_Shmem:             4 kB\n"
		"Shared_Clean:          0 kB\n"
		"Shared_Dirty:          0 kB\n"
		"Private_Clean:         0 kB\n"
		"Private_Dirty:        12 kB\n"
		"Referenced:           12 kB\n"
		"Anonymous:             8 kB\n"
		"KSM:                   0 kB\n"
		"LazyFree:              0 kB\n"
		"AnonHugePages:         0 kB\n"
		"ShmemPmdMapped:        0 kB\n"
		"FilePmdMapped:         0 kB\n"
		"Shared_Hugetlb:        0 kB\n"
		"Private_Hugetlb:       0 kB\n"
		"Swap:                  0 kB\n"
		"SwapPss:               0 kB\n"
		"Locked:                0 kB\n";
	struct proc_fixture e;
	struct file *f;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(sys_memfd_create(e.m, "m", &f), 0);
	ASSERT_EQ(vfs_truncate(f, 2 * PG), 0);
	ASSERT_EQ(map_at(&e, BASE + 0x100000, 2 * PG, PROT_READ | PROT_WRITE,
			 MAP_SHARED, f, 0), (long)(BASE + 0x100000));
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	ASSERT_EQ(uaccess_write(e.t, BASE + PG, &c, 1), 0);
	ASSERT_EQ(uaccess_write(e.t, BASE + 0x100000, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_smaps_rollup(e.t, &e.s), 0);
	ASSERT_STREQ(e.s.buf, want);
	fput(f);
	proc_fixture_exit(&e);
}

TEST(smaps_rollup_of_an_empty_mm_spans_nothing)
{
	/* the name at column 73, as in maps */
	static const char head[] =
		"00000000-00000000 ---p 00000000 00:00 0"
		"                                  [rollup]\n"
		"Rss:                   0 kB\n";
	struct proc_fixture e;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(proc_pid_smaps_rollup(e.t, &e.s), 0);
	ASSERT_TRUE(!strncmp(e.s.buf, head, strlen(head)));
	ASSERT_EQ(strchr(e.s.buf, '[') - e.s.buf, 73);
	proc_fixture_exit(&e);
}

TEST(statm_counts_pages_from_the_mm_counters)
{
	struct proc_fixture e;
	struct file *f;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(sys_memfd_create(e.m, "m", &f), 0);
	ASSERT_EQ(vfs_truncate(f, 2 * PG), 0);
	ASSERT_EQ(map_at(&e, BASE + 0x100000, 2 * PG, PROT_READ | PROT_WRITE,
			 MAP_SHARED, f, 0), (long)(BASE + 0x100000));
	ASSERT_EQ(map_at(&e, BASE + 0x200000, PG, PROT_READ | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0),
		  (long)(BASE + 0x200000));
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	ASSERT_EQ(uaccess_write(e.t, BASE + 0x100000, &c, 1), 0);
	CHECK_MM(e.m);
	/* size 7, resident 2, shared 1 (shmem), no text, data 4 */
	ASSERT_EQ(proc_pid_statm(e.t, &e.s), 0);
	ASSERT_STREQ(e.s.buf, "7 2 1 0 0 4 0\n");
	/* the executable mapping is VmLib, never VmExe */
	ASSERT_EQ(status_kb(&e, "VmLib"), 4);
	ASSERT_EQ(status_kb(&e, "VmExe"), 0);
	ASSERT_EQ(status_kb(&e, "RssShmem"), 4);
	ASSERT_EQ(status_kb(&e, "HugetlbPages"), 0);
	fput(f);
	proc_fixture_exit(&e);
}

TEST(status_prints_every_size_field_in_kernel_order)
{
	static const char *const fields[] = {
		"VmPeak", "VmSize", "VmLck", "VmPin", "VmHWM", "VmRSS",
		"RssAnon", "RssFile", "RssShmem", "VmData", "VmStk", "VmExe",
		"VmLib", "VmPTE", "VmSwap", "HugetlbPages",
	};
	struct proc_fixture e;
	const char *p;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(proc_pid_status(e.t, &e.s), 0);
	p = e.s.buf;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		char key[40];

		snprintf(key, sizeof(key), "\n%s:\t", fields[i]);
		p = strstr(p, key);
		ASSERT_TRUE(p != NULL);
	}
	proc_fixture_exit(&e);
}

TEST(vmhwm_is_raised_before_a_zap_and_reset_by_clear_refs_5)
{
	struct proc_fixture e;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	for (int i = 0; i < 4; i++)
		ASSERT_EQ(uaccess_write(e.t, BASE + i * PG, &c, 1), 0);
	ASSERT_EQ(sys_madvise(e.t, BASE, 3 * PG, MADV_DONTNEED), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(status_kb(&e, "VmRSS"), 4);
	ASSERT_EQ(status_kb(&e, "VmHWM"), 16);
	ASSERT_EQ(clear_refs_write(e.t, 5), 0);
	ASSERT_EQ(status_kb(&e, "VmHWM"), 4);
	ASSERT_EQ(sys_munmap(e.t, BASE, 4 * PG), 0);
	ASSERT_EQ(status_kb(&e, "VmPeak"), 16);
	ASSERT_EQ(status_kb(&e, "VmSize"), 0);
	ASSERT_EQ(proc_mark_hiwater(e.t), 0);
	ASSERT_EQ(status_kb(&e, "VmPeak"), 0);
	ASSERT_EQ(status_kb(&e, "VmHWM"), 0);
	proc_fixture_exit(&e);
}

TEST(whole_process_views_refuse_a_missing_task)
{
	struct seq_buf s;

	seq_buf_init(&s);
	ASSERT_EQ(proc_pid_smaps_rollup(NULL, &s), -EINVAL);
	ASSERT_EQ(proc_pid_statm(NULL, &s), -EINVAL);
	ASSERT_EQ(proc_mark_hiwater(NULL), -EINVAL);
	seq_buf_free(&s);
}
