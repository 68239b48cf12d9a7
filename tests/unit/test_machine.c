// SPDX-License-Identifier: GPL-2.0
/*
 * test_machine.c - machine_create() and machine_destroy(): the memory a
 * machine leaves behind for the next one of its size (memmap, page_ext
 * and the checker's scratch counts) comes back clean, and a full check
 * leaves its scratch counts zero whether it clears them in place or
 * hands them back to the host.
 */
#include "helpers.h"
#include "../../lib/internal.h"

/* A machine of @mib MiB with one process. */
static int machine_of(struct fixture *f, unsigned long mib)
{
	struct mmsim_config cfg;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = mib << 20;
	if (machine_create(&cfg, &f->m))
		return -1;
	return task_create(f->m, &f->t);
}

/* Every scratch count of the RAM in use is zero. */
static bool scratch_is_zero(struct machine *m)
{
	for (unsigned long i = m->ram_frontier; i < m->ram_pages; i++)
		if (m->check_seen[i])
			return false;
	return true;
}

static void write_pages(struct fixture *f, unsigned long n)
{
	ASSERT_EQ(map_anon(f, ARENA, n * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	for (unsigned long i = 0; i < n; i++)
		ASSERT_EQ(uaccess_memset(f->t, ARENA + i * PG, 1, 1), 0);
}

/*
 * Counts left set (as by a check that stopped half way) on a frame in
 * use and on a free one in the span: the full check fails on the first
 * and, failed, still leaves every count zero.
 */
static void check_clears_stale_scratch(struct fixture *f)
{
	struct machine *m = f->m;
	struct page *p = alloc_pages(GFP_KERNEL, 0);
	unsigned long in_use = pfn_of(f->t, ARENA) - m->ram_start;

	ASSERT_TRUE(p != NULL);
	put_page(p);
	m->check_seen[p - m->memmap] = 5;
	m->check_seen[in_use] = 9;
	ASSERT_EQ(mm_check(m), -EUCLEAN);	/* 9 more entries than there are */
	ASSERT_TRUE(scratch_is_zero(m));
	CHECK_MM(m);
}

TEST(full_check_clears_a_small_span_of_scratch_counts)
{
	struct fixture f;

	ASSERT_EQ(machine_of(&f, 16), 0);
	write_pages(&f, 64);
	check_clears_stale_scratch(&f);
	machine_destroy(f.m);
}

TEST(full_check_clears_a_large_span_of_scratch_counts)
{
	struct fixture f;

	/* more than 64 KiB of counts: 16,384 frames in use and more */
	ASSERT_EQ(machine_of(&f, 128), 0);
	write_pages(&f, 20000);
	ASSERT_TRUE(f.m->ram_pages - f.m->ram_frontier > 16384);
	check_clears_stale_scratch(&f);
	machine_destroy(f.m);
}

TEST(next_machine_of_the_same_size_starts_with_clean_scratch_counts)
{
	struct fixture f;
	unsigned long pfn;

	ASSERT_EQ(machine_of(&f, 16), 0);
	write_pages(&f, 8);
	pfn = pfn_of(f.t, ARENA);
	ASSERT_TRUE(pfn != 0);
	/* a check that stopped half way would leave counts behind */
	f.m->check_seen[pfn - f.m->ram_start] = 7;
	f.m->page_ext[pfn - f.m->ram_start].map_count = 3;
	machine_destroy(f.m);

	ASSERT_EQ(machine_of(&f, 16), 0);
	write_pages(&f, 8);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn);	/* the same frame again */
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A machine kept for the next of its size is zeroed where it was used:
 * the first machine uses 2,048 frames (its frontier far below the next
 * machine's), then every struct page, page_ext and scratch count the
 * next machine has not initialised yet (below its frontier) reads zero.
 * Catches a kept memmap handed on without zeroing what was used.
 */
static bool span_is_zero(const void *p, size_t bytes)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < bytes; i++)
		if (c[i])
			return false;
	return true;
}

TEST(next_machine_of_the_same_size_gets_a_zeroed_memmap)
{
	struct fixture f;
	unsigned long used_from;

	ASSERT_EQ(machine_of(&f, 16), 0);
	write_pages(&f, 2048);
	used_from = f.m->ram_frontier;
	f.m->check_seen[used_from] = 7;
	machine_destroy(f.m);

	ASSERT_EQ(machine_of(&f, 16), 0);
	ASSERT_TRUE(f.m->ram_frontier > used_from + 1024);
	ASSERT_TRUE(span_is_zero(f.m->memmap + used_from,
				 (f.m->ram_frontier - used_from) * sizeof(struct page)));
	ASSERT_TRUE(span_is_zero(f.m->page_ext + used_from,
				 (f.m->ram_frontier - used_from) * sizeof(struct page_check)));
	ASSERT_TRUE(span_is_zero(f.m->check_seen + used_from,
				 (f.m->ram_frontier - used_from) * sizeof(*f.m->check_seen)));
	write_pages(&f, 2048);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The memmap's top 64 KiB (the first 1,024 frames used: page_alloc.c's
 * frontier starts at the top) cannot be a host huge page: the memmap ends
 * 64 KiB past a 2 MiB boundary, so that a machine using a few frames
 * costs the host 4 KiB faults rather than a 2 MiB page.  Its first and
 * last struct page are in the mapping, for an odd RAM size too (a memmap
 * that is no whole number of host pages).  Catches the placement lost
 * (a 2 MiB-aligned end) or a memmap cut short by it.
 */
TEST(memmap_top_is_outside_host_huge_pages)
{
	const unsigned long mib[] = { 16, 48 };
	struct mmsim_config cfg;
	struct machine *m;

	for (int i = 0; i < 2; i++) {
		mmsim_config_init(&cfg);
		cfg.ram_bytes = (mib[i] << 20) + (i ? 4096 : 0);
		ASSERT_EQ(machine_create(&cfg, &m), 0);
		ASSERT_EQ(ALIGN((uintptr_t)(m->memmap + m->ram_pages), 4096) % (2UL << 20),
			  64UL << 10);
		m->memmap[0].private = 1;		/* both ends are mapped */
		m->memmap[m->ram_pages - 1].index = 1;
		m->memmap[0].private = 0;
		m->memmap[m->ram_pages - 1].index = 0;
		machine_destroy(m);
	}
}

/*
 * A fuzzer's inputs switch between a few sizes (`machine ram=`): each
 * size finds its own memmap kept.  A mark left in a part of the memmap
 * no frame used (the lowest frame) survives only in memory that was kept;
 * fresh memory reads zero there.
 */
#define MARK	0x5a5aUL

static void mark_and_destroy(struct fixture *f)
{
	ASSERT_TRUE(f->m->ram_frontier > 0);
	f->m->memmap[0].private = MARK;
	machine_destroy(f->m);
}

TEST(machines_of_two_sizes_in_turn_each_reuse_their_own_memmap)
{
	struct fixture f;

	ASSERT_EQ(machine_of(&f, 32), 0);
	mark_and_destroy(&f);
	ASSERT_EQ(machine_of(&f, 16), 0);
	mark_and_destroy(&f);

	ASSERT_EQ(machine_of(&f, 32), 0);
	ASSERT_EQ(f.m->memmap[0].private, MARK);
	mark_and_destroy(&f);
	ASSERT_EQ(machine_of(&f, 16), 0);
	ASSERT_EQ(f.m->memmap[0].private, MARK);
	f.m->memmap[0].private = 0;
	write_pages(&f, 8);
	CHECK_MM(f.m);
	machine_destroy(f.m);
	ASSERT_EQ(machine_of(&f, 32), 0);
	f.m->memmap[0].private = 0;
	machine_destroy(f.m);
}
