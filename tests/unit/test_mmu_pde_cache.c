// SPDX-License-Identifier: GPL-2.0
/*
 * test_mmu_pde_cache.c - the software MMU's paging-structure cache
 * (model/mmu.c) is never stale: after every step that writes an entry
 * above the PTE level (a table freed by munmap, a collapse to a PMD
 * leaf, a split, mremap, fork) each cached slot names the PTE table and
 * the upper bits a full walk reaches now (mmu_pde_cache_check()), and
 * what the process reads is what a full walk would give.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define THP_SIZE	(2UL << 20)
#define MADV_HUGEPAGE_	14
#define MADV_NOHUGEPAGE_ 15
#define MADV_COLLAPSE_	25

/* Is the PTE table of @addr's 2 MiB region in @t's cache? */
static bool pde_cached(struct task_struct *t, unsigned long addr)
{
	const struct mmu_pde_cache *c = t->mm->pde_cache;

	for (int i = 0; i < MMU_PDE_CACHE_SLOTS; i++)
		if (c[i].tag == (addr >> PMD_SHIFT) + 1)
			return true;
	return false;
}

#define CHECK_PDE(t) ASSERT_EQ(mmu_pde_cache_check((t)->mm), 0)

/* 2 MiB of base pages at @addr, page i holding byte i + 1 for i < @n. */
static int map_small_pages(struct fixture *f, unsigned long addr, int n)
{
	if (map_anon(f, addr, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)addr ||
	    sys_madvise(f->t, addr, THP_SIZE, MADV_NOHUGEPAGE_))
		return -1;
	for (int i = 0; i < n; i++)
		if (uaccess_memset(f->t, addr + i * PG, i + 1, 1))
			return -1;
	return 0;
}

TEST(mmu_pde_cache_hit_reads_the_right_page_and_still_checks_its_pte)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA, 3), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA + THP_SIZE, 1), 0);
	ASSERT_TRUE(pde_cached(f.t, ARENA));
	ASSERT_TRUE(pde_cached(f.t, ARENA + THP_SIZE));
	CHECK_PDE(f.t);
	for (int i = 0; i < 3; i++)
		ASSERT_EQ(peek(f.t, ARENA + i * PG), i + 1);
	ASSERT_EQ(peek(f.t, ARENA + THP_SIZE), 1);
	ASSERT_EQ(peek(f.t, ARENA + 3 * PG), 0);	/* a read fault on a hit */
	/* a read-only PTE under a cached table: the store still faults */
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 9, 1), SIGSEGV);
	ASSERT_EQ(peek(f.t, ARENA + PG), 2);
	CHECK_PDE(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * munmap of the only VMA over a PTE table frees the table; the next
 * table allocated takes its host memory.  A slot left behind would
 * read that new table's entries for the old region.
 *
 *   ARENA      +2M         +4M   +6M     +8M
 *   |----A-----|           |--K--|       |---B---|
 *   unmap A; map B (its table reuses A's); map A again, read it
 */
TEST(mmu_pde_cache_is_flushed_when_munmap_frees_the_pte_table)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA + 2 * THP_SIZE, 1), 0);	/* K */
	ASSERT_EQ(map_small_pages(&f, ARENA, 2), 0);
	ASSERT_TRUE(pde_cached(f.t, ARENA));
	ASSERT_EQ(sys_munmap(f.t, ARENA, THP_SIZE), 0);
	CHECK_PDE(f.t);
	ASSERT_FALSE(pde_cached(f.t, ARENA));
	ASSERT_EQ(map_anon(&f, ARENA + 4 * THP_SIZE, THP_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA + 4 * THP_SIZE);
	ASSERT_EQ(sys_madvise(f.t, ARENA + 4 * THP_SIZE, THP_SIZE, MADV_NOHUGEPAGE_), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 4 * THP_SIZE, 0x77, 1), 0);
	ASSERT_EQ(map_anon(&f, ARENA, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	ASSERT_EQ(peek(f.t, ARENA + 4 * THP_SIZE), 0x77);
	ASSERT_EQ(peek(f.t, ARENA + 2 * THP_SIZE), 1);
	CHECK_PDE(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mmu_pde_cache_is_flushed_when_a_collapse_replaces_the_pte_table)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA, 4), 0);
	ASSERT_TRUE(pde_cached(f.t, ARENA));
	ASSERT_EQ(sys_madvise(f.t, ARENA, THP_SIZE, MADV_HUGEPAGE_), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, THP_SIZE, MADV_COLLAPSE_), 0);
	CHECK_PDE(f.t);
	ASSERT_FALSE(pde_cached(f.t, ARENA));
	for (int i = 0; i < 4; i++)
		ASSERT_EQ(peek(f.t, ARENA + i * PG), i + 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 8 * PG, 0x55, 1), 0);
	ASSERT_EQ(pfn_of(f.t, ARENA + 8 * PG), pfn_of(f.t, ARENA) + 8);	/* one THP */
	ASSERT_FALSE(pde_cached(f.t, ARENA));	/* a PMD leaf is not cached */
	CHECK_PDE(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mmu_pde_cache_takes_the_table_a_split_installs)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1), 0);	/* a PMD-mapped THP */
	ASSERT_EQ(pfn_of(f.t, ARENA + PG), pfn_of(f.t, ARENA) + 1);
	ASSERT_FALSE(pde_cached(f.t, ARENA));
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ), 0);	/* split */
	CHECK_PDE(f.t);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 4, 1), 0);
	ASSERT_TRUE(pde_cached(f.t, ARENA));
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 4, 1), SIGSEGV);
	ASSERT_EQ(peek(f.t, ARENA), 4);
	CHECK_PDE(f.t);
	ASSERT_EQ(sys_munmap(f.t, ARENA, THP_SIZE), 0);
	CHECK_PDE(f.t);
	ASSERT_EQ(peek(f.t, ARENA), -SIGSEGV);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* mremap moves the pages to new tables and frees the old ones. */
TEST(mmu_pde_cache_follows_mremap_to_the_new_tables)
{
	struct fixture f;
	const unsigned long to = ARENA + 8 * THP_SIZE;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA, 3), 0);
	ASSERT_TRUE(pde_cached(f.t, ARENA));
	ASSERT_EQ(sys_mremap(f.t, ARENA, THP_SIZE, THP_SIZE,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to), (long)to);
	CHECK_PDE(f.t);
	ASSERT_FALSE(pde_cached(f.t, ARENA));
	for (int i = 0; i < 3; i++)
		ASSERT_EQ(peek(f.t, to + i * PG), i + 1);
	ASSERT_EQ(peek(f.t, ARENA), -SIGSEGV);
	CHECK_PDE(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* fork write-protects the parent's PTEs under its cached table. */
TEST(mmu_pde_cache_hit_sees_the_write_protection_fork_sets)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA, 2), 0);
	ASSERT_TRUE(pde_cached(f.t, ARENA));
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_FALSE(pde_cached(child, ARENA));
	ASSERT_EQ(peek(child, ARENA), 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x42, 1), 0);	/* COW in the parent */
	ASSERT_EQ(peek(child, ARENA), 1);
	ASSERT_EQ(peek(f.t, ARENA), 0x42);
	ASSERT_NE(pfn_of(f.t, ARENA), pfn_of(child, ARENA));
	CHECK_PDE(f.t);
	CHECK_PDE(child);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * Both checks read the cache against the page tables: a slot pointing
 * at another region's table (what a missing flush would leave) is
 * reported by mm_check() and by mm_check_changes().
 */
TEST(both_checks_catch_a_cached_pte_table_the_page_tables_do_not_lead_to)
{
	struct fixture f;
	struct mmu_pde_cache *a = NULL, *b = NULL;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA, 1), 0);
	ASSERT_EQ(map_small_pages(&f, ARENA + THP_SIZE, 1), 0);
	CHECK_MM(f.m);
	for (int i = 0; i < MMU_PDE_CACHE_SLOTS; i++) {
		struct mmu_pde_cache *c = &f.t->mm->pde_cache[i];

		if (c->tag == (ARENA >> PMD_SHIFT) + 1)
			a = c;
		if (c->tag == ((ARENA + THP_SIZE) >> PMD_SHIFT) + 1)
			b = c;
	}
	ASSERT_TRUE(a && b);
	a->ptes = b->ptes;
	ASSERT_NE(mm_check_changes(f.m), 0);
	ASSERT_NE(mm_check(f.m), 0);
	mmu_flush_pde_cache(f.t->mm);
	ASSERT_EQ(mm_check(f.m), 0);
	machine_destroy(f.m);
}
