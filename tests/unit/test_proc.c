// SPDX-License-Identifier: GPL-2.0
/*
 * test_proc.c - the /proc views (lib/fs/proc/task_mmu.c): maps and smaps text
 * compared with what Linux 6.18 prints for the same mappings, and the
 * bits of pagemap entries.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "helpers.h"

#define BASE	0x7f0000000000UL

/* The smaps block of the VMA starting at @start (NUL-terminated copy). */
static char *smaps_block(struct proc_fixture *e, struct task_struct *t,
			 unsigned long start)
{
	char head[32], *p, *end, *out;

	seq_buf_free(&e->s);
	if (proc_pid_smaps(t, &e->s) || e->s.err)
		return NULL;
	snprintf(head, sizeof(head), "%08lx-", start);
	for (p = e->s.buf; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, head, strlen(head)))
			break;
	if (!p)
		return NULL;
	end = strstr(p, "VmFlags:");
	end = end ? strchr(end, '\n') : NULL;
	if (!end)
		return NULL;
	out = strndup(p, (size_t)(end + 1 - p));
	return out;
}

/* Value in kB of @field inside an smaps block, or -1. */
static long smaps_kb(const char *block, const char *field)
{
	char key[40];
	const char *p;

	snprintf(key, sizeof(key), "\n%s:", field);
	p = block ? strstr(block, key) : NULL;
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static const char *line_of(const char *text, unsigned long start)
{
	static char line[256];
	char head[32];
	const char *p = text;

	snprintf(head, sizeof(head), "%08lx-", start);
	while (p && *p) {
		if (!strncmp(p, head, strlen(head))) {
			size_t n = strcspn(p, "\n");

			snprintf(line, sizeof(line), "%.*s", (int)n, p);
			return line;
		}
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	return NULL;
}

TEST(maps_line_format_matches_kernel)
{
	struct proc_fixture e;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(map_at(&e, BASE + 0x400000, 4 * PG, PROT_NONE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0),
		  (long)(BASE + 0x400000));
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_maps(e.t, &e.s), 0);
	ASSERT_STREQ(e.s.buf,
		     "7f0000000000-7f0000004000 rw-p 00000000 00:00 0 \n"
		     "7f0000400000-7f0000404000 ---p 00000000 00:00 0 \n");
	proc_fixture_exit(&e);
}

TEST(maps_names_file_vma_at_kernel_column)
{
	struct proc_fixture e;
	struct file *f;
	const char *l;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(sys_memfd_create(e.m, "foo", &f), 0);
	ASSERT_EQ(vfs_truncate(f, 4 * PG), 0);
	ASSERT_EQ(map_at(&e, BASE + 0x300000, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE, f, PG), (long)(BASE + 0x300000));
	ASSERT_EQ(map_at(&e, BASE + 0x100000, 4 * PG, PROT_READ,
			 MAP_SHARED | MAP_ANONYMOUS, NULL, 0),
		  (long)(BASE + 0x100000));
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_maps(e.t, &e.s), 0);

	/* "... 00:01 1037                       /memfd:foo (deleted)" */
	l = line_of(e.s.buf, BASE + 0x300000);
	ASSERT_TRUE(l != NULL);
	ASSERT_TRUE(!strncmp(l,
		"7f0000300000-7f0000304000 rw-p 00001000 00:01 ", 46));
	ASSERT_EQ(strlen(l), 73 + strlen("/memfd:foo (deleted)"));
	ASSERT_STREQ(l + 73, "/memfd:foo (deleted)");
	ASSERT_EQ(l[72], ' ');

	l = line_of(e.s.buf, BASE + 0x100000);
	ASSERT_TRUE(l != NULL);
	ASSERT_TRUE(!strncmp(l,
		"7f0000100000-7f0000104000 r--s 00000000 00:01 ", 46));
	ASSERT_STREQ(l + 73, "/dev/zero (deleted)");
	fput(f);
	proc_fixture_exit(&e);
}

TEST(smaps_counts_private_dirty_anon_page)
{
	static const char want[] =
		"7f0000000000-7f0000004000 rw-p 00000000 00:00 0 \n"
		"Size:                 16 kB\n"
		"KernelPageSize:        4 kB\n"
		"MMUPageSize:           4 kB\n"
		"Rss:                   4 kB\n"
		"Pss:                   4 kB\n"
		"Pss_Dirty:             4 kB\n"
		"Shared_Clean:          0 kB\n"
		"Shared_Dirty:          0 kB\n"
		"Private_Clean:         0 kB\n"
		"Private_Dirty:         4 kB\n"
		"Referenced:            4 kB\n"
		"Anonymous:             4 kB\n"
		"KSM:                   0 kB\n"
		"LazyFree:              0 kB\n"
		"AnonHugePages:         0 kB\n"
		"ShmemPmdMapped:        0 kB\n"
		"FilePmdMapped:         0 kB\n"
		"Shared_Hugetlb:        0 kB\n"
		"Private_Hugetlb:       0 kB\n"
		"Swap:                  0 kB\n"
		"SwapPss:               0 kB\n"
		"Locked:                0 kB\n"
		"THPeligible:           0\n"
		"VmFlags: rd wr mr mw me ac \n";
	struct proc_fixture e;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_smaps(e.t, &e.s), 0);
	ASSERT_STREQ(e.s.buf, want);
	proc_fixture_exit(&e);
}

TEST(smaps_zero_page_counts_nothing)
{
	struct proc_fixture e;
	char c, *b;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_read(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	b = smaps_block(&e, e.t, BASE);
	ASSERT_TRUE(b != NULL);
	ASSERT_EQ(smaps_kb(b, "Rss"), 0);
	ASSERT_EQ(smaps_kb(b, "Anonymous"), 0);
	ASSERT_TRUE(strstr(b, "\nVmFlags: rd mr mw me \n") != NULL);
	free(b);
	proc_fixture_exit(&e);
}

TEST(smaps_fork_shared_page_halves_pss_and_locks_pss)
{
	struct proc_fixture e;
	struct task_struct *child;
	char buf[4 * PG], *b;

	memset(buf, 7, sizeof(buf));
	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, NULL, 0),
		  (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, buf, sizeof(buf)), 0);
	ASSERT_EQ(sys_fork(e.t, &child), 0);
	CHECK_MM(e.m);
	/* The host's block for this VMA after fork (child unlocked). */
	b = smaps_block(&e, e.t, BASE);
	ASSERT_TRUE(b != NULL);
	ASSERT_EQ(smaps_kb(b, "Rss"), 16);
	ASSERT_EQ(smaps_kb(b, "Pss"), 8);
	ASSERT_EQ(smaps_kb(b, "Pss_Dirty"), 8);
	ASSERT_EQ(smaps_kb(b, "Shared_Dirty"), 16);
	ASSERT_EQ(smaps_kb(b, "Private_Dirty"), 0);
	ASSERT_EQ(smaps_kb(b, "Anonymous"), 16);
	ASSERT_EQ(smaps_kb(b, "Locked"), 8);
	ASSERT_TRUE(strstr(b, "\nVmFlags: rd wr ex mr mw me lo ac \n") != NULL);
	free(b);
	sys_exit(child);
	CHECK_MM(e.m);
	b = smaps_block(&e, e.t, BASE);
	ASSERT_EQ(smaps_kb(b, "Pss"), 16);
	ASSERT_EQ(smaps_kb(b, "Private_Dirty"), 16);
	free(b);
	proc_fixture_exit(&e);
}

TEST(smaps_shared_anon_is_shmem_not_anonymous)
{
	struct proc_fixture e;
	char c = 1, *b;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	b = smaps_block(&e, e.t, BASE);
	ASSERT_TRUE(b != NULL);
	ASSERT_EQ(smaps_kb(b, "Rss"), 4);
	ASSERT_EQ(smaps_kb(b, "Private_Dirty"), 4);
	ASSERT_EQ(smaps_kb(b, "Anonymous"), 0);
	ASSERT_TRUE(strstr(b, "\nVmFlags: rd wr sh mr mw me ms \n") != NULL);
	free(b);
	proc_fixture_exit(&e);
}

TEST(smaps_madv_hugepage_anon_is_thp_eligible)
{
	struct proc_fixture e;
	char *b;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE + 0x200000, 0x400000, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0),
		  (long)(BASE + 0x200000));
	ASSERT_EQ(sys_madvise(e.t, BASE + 0x200000, 0x400000,
			      MADV_HUGEPAGE), 0);
	CHECK_MM(e.m);
	b = smaps_block(&e, e.t, BASE + 0x200000);
	ASSERT_TRUE(b != NULL);
	ASSERT_TRUE(strstr(b, "\nTHPeligible:           1\n") != NULL);
	ASSERT_TRUE(strstr(b, "\nVmFlags: rd wr mr mw me ac hg \n") != NULL);
	free(b);
	proc_fixture_exit(&e);
}

TEST(smaps_soft_dirty_profile_prints_sd)
{
	struct proc_fixture e;
	char *b;

	ASSERT_EQ(proc_fixture_init(&e, true), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	CHECK_MM(e.m);
	b = smaps_block(&e, e.t, BASE);
	ASSERT_TRUE(b != NULL);
	ASSERT_TRUE(strstr(b, "\nVmFlags: rd wr mr mw me ac sd \n") != NULL);
	free(b);
	proc_fixture_exit(&e);
}

TEST(pagemap_marks_exclusive_anon_page)
{
	struct proc_fixture e;
	uint64_t pme;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE, &pme), 0);
	ASSERT_EQ(pme & ~PM_PFRAME_MASK, PM_PRESENT | PM_MMAP_EXCLUSIVE);
	ASSERT_NE(pme & PM_PFRAME_MASK, 0);
	/* A hole inside the VMA, and an address outside any VMA. */
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE + PG, &pme), 0);
	ASSERT_EQ(pme, 0);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE + 0x100000, &pme), 0);
	ASSERT_EQ(pme, 0);
	proc_fixture_exit(&e);
}

TEST(pagemap_fork_shared_anon_page_is_not_exclusive)
{
	struct proc_fixture e;
	struct task_struct *child;
	uint64_t p, q;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	ASSERT_EQ(sys_fork(e.t, &child), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE, &p), 0);
	ASSERT_EQ(proc_pid_pagemap(child, BASE, &q), 0);
	ASSERT_EQ(p & ~PM_PFRAME_MASK, PM_PRESENT);
	ASSERT_EQ(p, q);
	/* The child's write breaks COW: both exclusive, different frames. */
	ASSERT_EQ(uaccess_write(child, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE, &p), 0);
	ASSERT_EQ(proc_pid_pagemap(child, BASE, &q), 0);
	ASSERT_EQ(p & ~PM_PFRAME_MASK, PM_PRESENT | PM_MMAP_EXCLUSIVE);
	ASSERT_EQ(q & ~PM_PFRAME_MASK, PM_PRESENT | PM_MMAP_EXCLUSIVE);
	ASSERT_NE(p & PM_PFRAME_MASK, q & PM_PFRAME_MASK);
	sys_exit(child);
	proc_fixture_exit(&e);
}

TEST(pagemap_zero_page_is_present_not_exclusive)
{
	struct proc_fixture e;
	unsigned long ram_start, ram_pages, pfn;
	uint64_t pme;
	char c;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_read(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE, &pme), 0);
	ASSERT_EQ(pme & ~PM_PFRAME_MASK, PM_PRESENT);
	machine_ram_range(e.m, &ram_start, &ram_pages);
	pfn = pme & PM_PFRAME_MASK;
	ASSERT_TRUE(pfn >= ram_start && pfn < ram_start + ram_pages);
	proc_fixture_exit(&e);
}

TEST(pagemap_memfd_page_is_file)
{
	struct proc_fixture e;
	struct file *f;
	uint64_t pme;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(sys_memfd_create(e.m, "foo", &f), 0);
	ASSERT_EQ(vfs_truncate(f, 4 * PG), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_SHARED, f, 0), (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE, &pme), 0);
	ASSERT_EQ(pme & ~PM_PFRAME_MASK,
		  PM_PRESENT | PM_FILE | PM_MMAP_EXCLUSIVE);
	fput(f);
	proc_fixture_exit(&e);
}

TEST(pagemap_soft_dirty_follows_pte_and_vma_flag)
{
	struct proc_fixture e;
	uint64_t pme;
	char c = 1;

	ASSERT_EQ(proc_fixture_init(&e, true), 0);
	ASSERT_EQ(map_at(&e, BASE, 4 * PG, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), (long)BASE);
	ASSERT_EQ(uaccess_write(e.t, BASE, &c, 1), 0);
	CHECK_MM(e.m);
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE, &pme), 0);
	ASSERT_TRUE(pme & PM_SOFT_DIRTY);
	/* A new VMA is VM_SOFTDIRTY: even its holes read soft-dirty. */
	ASSERT_EQ(proc_pid_pagemap(e.t, BASE + PG, &pme), 0);
	ASSERT_EQ(pme, PM_SOFT_DIRTY);
	proc_fixture_exit(&e);
}

/* pagemap_read() copies nothing past TASK_SIZE: the one entry is missing */
TEST(pagemap_reads_nothing_beyond_task_size)
{
	struct proc_fixture e;
	uint64_t pme = 1;

	ASSERT_EQ(proc_fixture_init(&e, false), 0);
	ASSERT_EQ(proc_pid_pagemap(e.t, 1UL << 47, &pme), -EIO);
	ASSERT_EQ(pme, 0);
	pme = 1;
	ASSERT_EQ(proc_pid_pagemap(e.t, (1UL << 47) - 4096, &pme), -EIO);
	ASSERT_EQ(pme, 0);
	proc_fixture_exit(&e);
}
