// SPDX-License-Identifier: GPL-2.0
/*
 * test_page_alloc.c - the memmap and the buddy allocator: untouched RAM
 * costs nothing (deferred init from a frontier), RAM runs out exactly
 * where the machine ends, and the checker notices when the allocator's
 * per-pageblock accounting, which it relies on to visit only the frames
 * in use, is wrong.
 */
#include <unistd.h>

#include "helpers.h"
#include "../../lib/internal.h"

static long rss_bytes(void)
{
	long size, resident;
	FILE *f = fopen("/proc/self/statm", "r");

	if (!f)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

TEST(a_terabyte_machine_costs_host_memory_only_where_used)
{
	struct mmsim_config cfg;
	struct machine *m;
	struct task_struct *t;
	long before, after;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 1UL << 40;
	before = rss_bytes();
	ASSERT_EQ(machine_create(&cfg, &m), 0);
	ASSERT_EQ(task_create(m, &t), 0);
	ASSERT_EQ(sys_mmap(t, ARENA, 16 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0),
		  ARENA);
	ASSERT_EQ(uaccess_memset(t, ARENA, 1, 16 * PG), 0);
	CHECK_MM(m);
	after = rss_bytes();
	/* 2^28 struct pages would be 16 GiB; a few MiB is what is used */
	ASSERT_LT(after - before, 8L << 20);
	ASSERT_GT(m->ram_frontier, m->ram_pages - 4096);
	sys_exit(t);
	CHECK_MM(m);
	machine_destroy(m);
}

TEST(allocation_takes_every_frame_of_ram_then_fails)
{
	struct fixture f;
	struct page **pages;
	unsigned long n = 0, ram, start;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_ram_range(f.m, &start, &ram);
	pages = calloc(ram, sizeof(*pages));
	ASSERT_TRUE(pages != NULL);
	machine_enter(f.m);
	while ((pages[n] = alloc_pages(GFP_KERNEL, 0)))
		n++;
	/* every frame but the zero page and the task's page tables */
	ASSERT_EQ(n + 1 + f.t->mm->pgtables_bytes / PG, ram);
	ASSERT_EQ(f.m->ram_frontier, 0);
	ASSERT_EQ(nr_free_pages(f.m), 0);
	while (n--)
		put_page(pages[n]);
	free(pages);
	CHECK_MM(f.m);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_frame_hidden_by_wrong_pageblock_accounting)
{
	struct fixture f;
	struct page *p;
	unsigned long pb;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	p = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);	/* a leaked user frame */
	ASSERT_TRUE(p != NULL);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "refcount") != NULL);
	put_page(p);
	CHECK_MM(f.m);
	/* a pageblock in use counted wrong */
	pb = (unsigned long)(p - f.m->memmap) >> PAGEBLOCK_ORDER;
	f.m->pb_used[pb]++;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "the allocator counts") != NULL);
	f.m->pb_used[pb]--;
	CHECK_MM(f.m);
	/*
	 * a whole pageblock allocated (a kernel buffer, owing nobody a
	 * reference), then counted empty: found all the same
	 */
	p = alloc_pages(GFP_KERNEL, PAGEBLOCK_ORDER);
	ASSERT_TRUE(p != NULL);
	SetPageKernel(p);
	CHECK_MM(f.m);
	pb = (unsigned long)(p - f.m->memmap) >> PAGEBLOCK_ORDER;
	ASSERT_EQ(f.m->pb_used[pb], PAGEBLOCK_NR_PAGES);
	f.m->pb_used[pb] = 0;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "allocat") != NULL);
	f.m->pb_used[pb] = PAGEBLOCK_NR_PAGES;
	ClearPageKernel(p);
	__free_pages(p, PAGEBLOCK_ORDER);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * __free_pages() drops the caller's reference as the kernel's does: the
 * last one frees; a non-compound block whose first page is still
 * referenced keeps that page and frees the rest; a compound one waits.
 */
TEST(free_pages_drops_a_reference_and_frees_what_nobody_holds)
{
	struct fixture f;
	struct page *p;
	unsigned long free0;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	free0 = nr_free_pages(f.m);
	p = alloc_pages(GFP_KERNEL, 0);
	ASSERT_TRUE(p != NULL);
	ASSERT_EQ(page_ref_count(p), 1);
	__free_pages(p, 0);
	ASSERT_EQ(nr_free_pages(f.m), free0);
	CHECK_MM(f.m);

	p = alloc_pages(GFP_KERNEL, 2);		/* four independent pages */
	ASSERT_TRUE(p != NULL);
	get_page(p);				/* somebody else's reference */
	__free_pages(p, 2);
	ASSERT_EQ(nr_free_pages(f.m), free0 - 1);
	ASSERT_EQ(page_ref_count(p), 1);
	/* (no check here: a reference held outside any driver is a leak to it) */
	put_page(p);				/* theirs was the last */
	ASSERT_EQ(nr_free_pages(f.m), free0);
	CHECK_MM(f.m);

	p = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);	/* one folio */
	ASSERT_TRUE(p != NULL);
	get_page(p);
	__free_pages(p, 2);
	ASSERT_EQ(nr_free_pages(f.m), free0 - 4);
	ASSERT_EQ(page_ref_count(p), 1);
	put_page(p);
	ASSERT_EQ(nr_free_pages(f.m), free0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* The blocks on each free list, walked from its head. */
static void free_list_lengths(struct machine *m, unsigned long *len)
{
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++) {
		len[o] = 0;
		for (uint32_t i = m->free_head[o]; i; i = m->memmap[i - 1].buddy.next)
			len[o]++;
	}
}

/*
 * Pages freed in any order - alone, as whole folios, in a zap's batch -
 * merge back with their buddies into the blocks they were split from:
 * the free lists end as they began.
 */
TEST(freed_pages_merge_with_their_buddies_back_into_whole_blocks)
{
	enum { N = 300 };
	struct fixture f;
	struct page *pages[N];
	unsigned long before[MAX_PAGE_ORDER + 1], after[MAX_PAGE_ORDER + 1];
	unsigned long free0;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	free0 = nr_free_pages(f.m);
	free_list_lengths(f.m, before);
	for (int i = 0; i < N; i++) {
		pages[i] = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
		ASSERT_TRUE(pages[i] != NULL);
	}
	/* every seventh first (no buddy free yet), then the rest backwards */
	for (int i = 0; i < N; i += 7)
		put_page(pages[i]);
	for (int i = N - 1; i >= 0; i--)
		if (i % 7)
			put_page(pages[i]);
	ASSERT_EQ(nr_free_pages(f.m), free0);
	free_list_lengths(f.m, after);
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++)
		ASSERT_EQ(after[o], before[o]);
	CHECK_MM(f.m);

	/* the same through a zap: touched pages and their tables unmapped */
	ASSERT_EQ(map_anon(&f, ARENA, N * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	free_list_lengths(f.m, before);
	free0 = nr_free_pages(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, N * PG), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA, N * PG), 0);
	ASSERT_EQ(nr_free_pages(f.m), free0);
	free_list_lengths(f.m, after);
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++)
		ASSERT_EQ(after[o], before[o]);
	CHECK_MM(f.m);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
