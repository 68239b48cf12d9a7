// SPDX-License-Identifier: GPL-2.0
/*
 * test_memory.c - faults and copy-on-write (lib/mm/memory.c, lib/model/mmu.c):
 * what a process observes, checked with mm_check() after every step.
 */
#include <signal.h>

#include "helpers.h"
#include "../../lib/internal.h"

TEST(anon_read_fault_maps_the_shared_zero_page)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	CHECK_MM(f.m);
	ASSERT_NE(pfn_of(f.t, ARENA), 0);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn_of(f.t, ARENA + PG));
	ASSERT_EQ(pagemap(f.t, ARENA) & (PM_MMAP_EXCLUSIVE | PM_FILE), 0);
	machine_destroy(f.m);
}

TEST(anon_read_fault_without_zero_page_gets_a_private_page)
{
	struct mmsim_profile p = { .zero_page = false };
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_set_profile(f.m, &p);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	CHECK_MM(f.m);
	ASSERT_NE(pfn_of(f.t, ARENA), pfn_of(f.t, ARENA + PG));
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_MMAP_EXCLUSIVE);
	machine_destroy(f.m);
}

TEST(write_after_zero_page_read_gets_a_new_exclusive_page)
{
	struct fixture f;
	uint64_t zero;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	zero = pfn_of(f.t, ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 7, 0x5a, 1), 0);
	CHECK_MM(f.m);
	ASSERT_NE(pfn_of(f.t, ARENA), zero);
	ASSERT_EQ(peek(f.t, ARENA + 7), 0x5a);
	ASSERT_EQ(peek(f.t, ARENA + 6), 0);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_MMAP_EXCLUSIVE);
	machine_destroy(f.m);
}

TEST(store_to_read_only_vma_is_sigsegv_and_changes_nothing)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), SIGSEGV);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), SIGSEGV);
	ASSERT_EQ(map_anon(&f, ARENA + PG, PG, PROT_NONE, MAP_PRIVATE), ARENA + PG);
	ASSERT_EQ(peek(f.t, ARENA + PG), -SIGSEGV);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(no_leak_from_parent_into_child_after_fork)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn_of(child, ARENA));
	ASSERT_EQ(pagemap(f.t, ARENA) & PM_MMAP_EXCLUSIVE, 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(child, ARENA), 1);
	ASSERT_NE(pfn_of(f.t, ARENA), pfn_of(child, ARENA));
	sys_exit(child);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A VMA with an anon_vma but no table in its range (its pages faulted in
 * the other half, across a 512 GiB PGD boundary, before a split):
 *
 *   PGD k          | PGD k+1
 *   ...|--A (w)--|--B--|...
 *
 * copy_page_range() finds no top-level entry for B and must still
 * report success (its result was once left uninitialised).
 */
TEST(fork_copies_a_vma_whose_range_has_no_page_table)
{
	struct fixture f;
	struct task_struct *child = NULL;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA - PG, 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA - PG);
	ASSERT_EQ(uaccess_memset(f.t, ARENA - PG, 7, 1), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(child, ARENA - PG), 7);
	ASSERT_EQ(pagemap(child, ARENA) & PM_PRESENT, 0);
	ASSERT_EQ(peek(child, ARENA), 0);
	sys_exit(child);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * fork walks source and destination tables in step: every populated
 * page, across PTE-table and PMD-table boundaries and around holes, is
 * shared at its own address and nothing else appears.
 */
TEST(fork_shares_every_populated_page_at_its_own_address)
{
	const unsigned long base = ARENA + (1UL << 30) - (2UL << 20);
	const unsigned long len = 4UL << 20;	/* crosses a 1 GiB boundary */
	struct fixture f;
	struct task_struct *child = NULL;
	unsigned long a;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, base, len, PROT_READ | PROT_WRITE, MAP_PRIVATE), base);
	ASSERT_EQ(sys_madvise(f.t, base, len, MADV_NOHUGEPAGE), 0);	/* base pages */
	for (a = base; a < base + len; a += 3 * PG)
		ASSERT_EQ(uaccess_memset(f.t, a, (int)(a >> 12) & 0xff, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	for (a = base; a < base + len; a += PG) {
		if ((a - base) % (3 * PG)) {
			ASSERT_EQ(pagemap(child, a) & PM_PRESENT, 0);
			continue;
		}
		ASSERT_EQ(pfn_of(child, a), pfn_of(f.t, a));
		ASSERT_EQ(peek(child, a), (int)(a >> 12) & 0xff);
	}
	sys_exit(child);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(write_fault_reuses_page_once_the_child_exits)
{
	struct fixture f;
	struct task_struct *child;
	uint64_t pfn;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	pfn = pfn_of(f.t, ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	sys_exit(child);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_MMAP_EXCLUSIVE);
	machine_destroy(f.m);
}

TEST(mprotect_does_not_make_a_cow_shared_page_writable)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ | PROT_WRITE), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	ASSERT_EQ(peek(child, ARENA), 1);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(munmap_returns_every_frame_and_page_table)
{
	struct fixture f;
	struct mmsim_meminfo before, after;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_meminfo(f.m, &before);
	ASSERT_EQ(map_anon(&f, ARENA, 1024 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1024 * PG), 0);
	machine_meminfo(f.m, &after);
	ASSERT_GE(after.frames_used, before.frames_used + 1024);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 1024 * PG), 0);
	CHECK_MM(f.m);
	machine_meminfo(f.m, &after);
	ASSERT_EQ(after.frames_used, before.frames_used);
	machine_destroy(f.m);
}

/*
 * A page table's entries are reused host memory once the table is freed
 * (pgtable.c's pt_store): a new table must start empty.  Sixteen tables'
 * worth filled and unmapped, then one page faulted in elsewhere: its
 * table holds that one entry, and the checker (which walks every entry)
 * agrees.  Catches a reused slot handed out without being cleared.
 */
TEST(a_new_page_table_starts_empty_after_tables_were_freed)
{
	struct fixture f;
	const unsigned long len = 16 * 512 * PG;
	unsigned long present = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, len, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, len, MADV_NOHUGEPAGE), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, len), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA, len), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA + (1UL << 30));
	ASSERT_EQ(uaccess_memset(f.t, ARENA + (1UL << 30), 1, 1), 0);
	CHECK_MM(f.m);
	machine_enter(f.m);
	for (unsigned long a = 0; a < 512 * PG; a += PG) {
		pte_t *ptep = walk_to_pte(f.t->mm, ARENA + (1UL << 30) + a, NULL, NULL);

		ASSERT_TRUE(ptep != NULL);
		present += !pte_none(*ptep);
	}
	ASSERT_EQ(present, 1);
	machine_destroy(f.m);
}

/*
 * The first tables come from malloc'd blocks (pgtable.c's pt_store), and
 * malloc's memory is not zero: each slot must be cleared as it is handed
 * out.  The heap is first filled with 0xa5 and given back (a small
 * allocation after it keeps free() from returning it to the host), so
 * that the new machine's blocks are likely made of it; then every entry
 * of the four tables one fault needs is checked: one link or leaf each,
 * nothing else.  Catches a slot of a malloc'd block handed out as it was.
 */
TEST(a_new_page_table_starts_empty_on_reused_heap_memory)
{
	enum { JUNK = 8, JUNK_BYTES = 68 << 10 };
	void *junk[JUNK], *plug;
	struct fixture f;
	unsigned long pfn[4], present[4] = { 0 };
	unsigned long addr = ARENA + (1UL << 30) + 5 * PG;
	pgd_t *pgd;
	pud_t *pud;
	pmd_t *pmd;

	for (int i = 0; i < JUNK; i++) {
		junk[i] = malloc(JUNK_BYTES);
		ASSERT_TRUE(junk[i] != NULL);
		memset(junk[i], 0xa5, JUNK_BYTES);
	}
	plug = malloc(16);
	for (int i = 0; i < JUNK; i++)
		free(junk[i]);
	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	for (int i = 0; i < PTRS_PER_PTE; i++)
		ASSERT_EQ(pgtable_entries(f.t->mm->pgd)[i], 0);
	ASSERT_EQ(map_anon(&f, addr, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), addr);
	ASSERT_EQ(uaccess_memset(f.t, addr, 1, 1), 0);
	CHECK_MM(f.m);
	machine_enter(f.m);
	pgd = pgd_offset(f.t->mm, addr);
	pud = pud_offset(f.t->mm, pgd, addr);
	pmd = pmd_offset(f.t->mm, pud, addr);
	pfn[0] = f.t->mm->pgd;
	pfn[1] = pgd_pfn(*pgd);
	pfn[2] = pud_pfn(*pud);
	pfn[3] = pmd_pfn(*pmd);
	for (int level = 0; level < 4; level++) {
		const uint64_t *e = pgtable_entries(pfn[level]);

		for (int i = 0; i < PTRS_PER_PTE; i++)
			present[level] += e[i] != 0;
		ASSERT_EQ(present[level], 1);
	}
	machine_destroy(f.m);
	free(plug);
}

TEST(uniform_page_contents_cost_no_host_bytes)
{
	struct fixture f;
	struct mmsim_meminfo mi;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 64 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x11, 64 * PG), 0);
	machine_meminfo(f.m, &mi);
	ASSERT_EQ(mi.content_bytes, 0);
	ASSERT_EQ(peek(f.t, ARENA + 63 * PG + 4095), 0x11);
	machine_destroy(f.m);
}

/*
 * |--rw- 2 pages--|--r-- 1 page--|--rw- 1 page--|
 * A write touch of the range faults each page in turn and stops at the
 * first signal (the read-only page): the page after it stays unmapped.
 * A stride of two pages skips the pages between.
 */
TEST(touch_range_stops_at_the_first_signal_and_skips_by_its_stride)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 2 * PG, PG, PROT_READ, MAP_PRIVATE), ARENA + 2 * PG);
	ASSERT_EQ(map_anon(&f, ARENA + 3 * PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  ARENA + 3 * PG);
	ASSERT_EQ(uaccess_touch_range(f.t, ARENA, ARENA + 4 * PG, PG, true), SIGSEGV);
	CHECK_MM(f.m);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_PRESENT);
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	ASSERT_FALSE(pagemap(f.t, ARENA + 2 * PG) & PM_PRESENT);
	ASSERT_FALSE(pagemap(f.t, ARENA + 3 * PG) & PM_PRESENT);

	/* a read touch every other page: the first and third only */
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, 4 * PG, PROT_READ, MAP_PRIVATE), ARENA + 4 * PG);
	ASSERT_EQ(uaccess_touch_range(f.t, ARENA + 4 * PG, ARENA + 8 * PG, 2 * PG, false), 0);
	CHECK_MM(f.m);
	ASSERT_TRUE(pagemap(f.t, ARENA + 4 * PG) & PM_PRESENT);
	ASSERT_FALSE(pagemap(f.t, ARENA + 5 * PG) & PM_PRESENT);
	ASSERT_TRUE(pagemap(f.t, ARENA + 6 * PG) & PM_PRESENT);
	ASSERT_FALSE(pagemap(f.t, ARENA + 7 * PG) & PM_PRESENT);

	/* past the user address space: SIGSEGV, as uaccess_touch() */
	ASSERT_EQ(uaccess_touch_range(f.t, TASK_SIZE, TASK_SIZE + PG, PG, false),
		  SIGSEGV);
	/* across its end: the last user page is touched, then SIGSEGV */
	ASSERT_EQ(map_anon(&f, TASK_SIZE - PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  TASK_SIZE - PG);
	ASSERT_EQ(uaccess_touch_range(f.t, TASK_SIZE - PG, TASK_SIZE + PG, PG, true),
		  SIGSEGV);
	ASSERT_TRUE(pagemap(f.t, TASK_SIZE - PG) & PM_PRESENT);
	ASSERT_EQ(uaccess_touch_range(f.t, TASK_SIZE - PG, TASK_SIZE, PG, true), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
