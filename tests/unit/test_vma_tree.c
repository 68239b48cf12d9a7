// SPDX-License-Identifier: GPL-2.0
/*
 * test_vma_tree.c - the structures where cost grows with the number of
 * VMAs: the VMA maple tree (its gaps behind get_unmapped_area()), the
 * anon_vma interval tree behind rmap_walk_anon(), and vm.max_map_count
 * enforced where the kernel enforces it (the rules were measured on the
 * Linux 6.18 host with a C program, since the agent's own mappings count
 * there: mmap fails once map_count > max; a split (mprotect, munmap of
 * a middle part) once map_count >= max; an edge munmap never; mremap to
 * a fixed address once map_count + 2 >= max - 3).
 */
#include <stdlib.h>

#include "helpers.h"
#include "../../lib/internal.h"

#define MMAP_BASE_	0x7ff000000000UL

/* The highest free [a, a+len) below MMAP_BASE_, walking every VMA. */
static unsigned long brute_topdown(struct mm_struct *mm, unsigned long len)
{
	unsigned long high = MMAP_BASE_;
	struct vm_area_struct *v, *last = NULL;

	for_each_vma(mm, v)
		last = v;
	for (v = last; v; v = vma_prev(v)) {
		if (v->vm_start >= high)
			continue;
		if (v->vm_end <= high - len && high - len >= MMAP_MIN_ADDR)
			return high - len;
		high = v->vm_start;
	}
	return high >= len && high - len >= MMAP_MIN_ADDR ? high - len : 0;
}

TEST(gap_tree_finds_the_highest_fit_as_a_full_scan_does)
{
	static const unsigned long lens[] = { 1, 2, 3, 5, 17, 64, 300 };
	struct fixture f;
	unsigned long a;
	int i, k;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	srand(13);
	for (i = 0; i < 3000; i++) {
		/* holes of random sizes just under MMAP_BASE and in the arena */
		unsigned long base = rand() % 2 ? MMAP_BASE_ - 4096 * PG : ARENA;
		unsigned long pg = rand() % 4096, n = 1 + rand() % 8;

		a = base + pg * PG;
		if (rand() % 3)
			map_anon(&f, a, n * PG, PROT_READ, MAP_PRIVATE);
		else
			sys_munmap(f.t, a, n * PG);
		if (!(i % 7))
			sys_mprotect(f.t, a, PG, rand() % 2 ? PROT_READ :
				     PROT_READ | PROT_WRITE);
		for (k = 0; k < (int)(sizeof(lens) / sizeof(lens[0])); k++) {
			unsigned long want = brute_topdown(f.t->mm, lens[k] * PG);
			unsigned long got = vma_find_gap_topdown(f.t->mm, lens[k] * PG,
								 MMAP_MIN_ADDR,
								 MMAP_BASE_);

			if (got != want)
				TEST_FAIL("op %d len %lu pages: tree %lx, scan %lx",
					  i, lens[k], got, want);
		}
	}
	CHECK_MM(f.m);
	/* hint-less mmaps fill the highest gaps first */
	a = brute_topdown(f.t->mm, 3 * PG);
	ASSERT_EQ(sys_mmap(f.t, 0, 3 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			   NULL, 0), a);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * One VMA split into 1000 pieces (every other page read-only), all of
 * them on one anon_vma:
 *
 *   |A|a|A|a|A|a| ... |A|a|
 *
 * the anon_vma tree gives each page's walk only the piece holding it.
 */
TEST(anon_rmap_walk_visits_only_the_vma_holding_the_index)
{
	const unsigned long n = 2000;
	struct fixture f;
	struct vm_area_struct *vma;
	struct anon_vma_chain *avc;
	struct anon_vma *av;
	unsigned long i;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, n * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 5, n * PG), 0);
	for (i = 1; i < n; i += 2)
		ASSERT_EQ(sys_mprotect(f.t, ARENA + i * PG, PG, PROT_READ), 0);
	ASSERT_EQ(f.t->mm->map_count, (int)n);
	CHECK_MM(f.m);
	av = vma_lookup(f.t->mm, ARENA)->anon_vma;
	for (i = 0; i < n; i += 97) {
		pgoff_t index = (ARENA >> PAGE_SHIFT) + i;
		int visited = 0;

		anon_vma_interval_tree_foreach(avc, &av->rb_root, index, index) {
			vma = avc->vma;
			visited++;
			ASSERT_EQ(vma->vm_start, ARENA + i * PG);
		}
		ASSERT_EQ(visited, 1);
	}
	/* and merging them back leaves one chain covering everything */
	for (i = 1; i < n; i += 2)
		ASSERT_EQ(sys_mprotect(f.t, ARENA + i * PG, PG,
				       PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(f.t->mm->map_count, 1);
	CHECK_MM(f.m);
	avc = anon_vma_interval_tree_iter_first(&av->rb_root, 0, ~0UL);
	ASSERT_TRUE(avc != NULL);
	ASSERT_EQ(avc->vma->vm_end, ARENA + n * PG);
	ASSERT_TRUE(anon_vma_interval_tree_iter_next(avc, 0, ~0UL) == NULL);
	machine_destroy(f.m);
}

TEST(check_catches_a_stale_gap_in_the_vma_tree)
{
	struct fixture f;
	struct maple_node *root;
	int i;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	/* enough VMAs for a root above the leaves, which records gaps */
	for (i = 0; i < 40; i++)
		ASSERT_EQ(map_anon(&f, ARENA + 4 * i * PG, PG, PROT_READ, MAP_PRIVATE),
			  ARENA + 4 * i * PG);
	root = f.t->mm->mm_mt.ma_root;
	ASSERT_FALSE(root->leaf);
	root->gap[1] += PG;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "gap") != NULL);
	root->gap[1] -= PG;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The tree and the address-order list must agree: a VMA missing from
 * the tree, or one whose list neighbour is not its tree neighbour.
 */
TEST(check_catches_a_vma_tree_that_disagrees_with_the_vma_list)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *c;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 2 * PG, PG, PROT_READ, MAP_PRIVATE), ARENA + 2 * PG);
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, PG, PROT_READ, MAP_PRIVATE), ARENA + 4 * PG);
	a = vma_lookup(f.t->mm, ARENA);
	b = vma_next(a);
	c = vma_next(b);
	ASSERT_TRUE(c && c->vm_start == ARENA + 4 * PG);
	/* the list skips b, which the tree still holds */
	a->vm_next = c;
	c->vm_prev = a;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "vma tree") != NULL);
	a->vm_next = b;
	c->vm_prev = b;
	CHECK_MM(f.m);
	/* b's tree range one page short of its bounds */
	ASSERT_EQ(mtree_store_range(&f.t->mm->mm_mt, ARENA + 3 * PG - 1,
				    ARENA + 3 * PG - 1, NULL), 0);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_EQ(mtree_store_range(&f.t->mm->mm_mt, ARENA + 2 * PG,
				    ARENA + 3 * PG - 1, b), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* A machine whose vm.max_map_count is @max, with @n separate VMAs. */
static int fill_maps(struct fixture *f, int max, int n)
{
	struct mmsim_profile p;

	if (fixture_init(f))
		return -1;
	machine_get_profile(f->m, &p);
	p.max_map_count = max;
	machine_set_profile(f->m, &p);
	for (int i = 0; i < n; i++)
		if (map_anon(f, ARENA + (1UL << 30) + 2 * i * PG, PG, PROT_READ,
			     MAP_PRIVATE) < 0)
			return -1;
	return 0;
}

TEST(max_map_count_stops_mmap_past_the_limit_and_splits_at_it)
{
	struct fixture f;

	/* 3-page VMAs to split, then fill to the limit with single pages */
	ASSERT_EQ(fill_maps(&f, 10, 0), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 3 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + 8 * PG, 3 * PG, PROT_READ, MAP_PRIVATE),
		  ARENA + 8 * PG);
	for (int i = 0; i < 8; i++)
		ASSERT_GT(map_anon(&f, ARENA + (1UL << 30) + 2 * i * PG, PG,
				   PROT_READ, MAP_PRIVATE), 0);
	/* map_count 10: mmap still succeeds (the kernel tests >), once */
	ASSERT_EQ(f.t->mm->map_count, 10);
	ASSERT_GT(map_anon(&f, ARENA + (2UL << 30), PG, PROT_READ, MAP_PRIVATE), 0);
	ASSERT_EQ(map_anon(&f, ARENA + (3UL << 30), PG, PROT_READ, MAP_PRIVATE), -ENOMEM);
	/* at or past the limit nothing splits */
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ | PROT_WRITE), -ENOMEM);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ | PROT_WRITE), -ENOMEM);
	ASSERT_EQ(sys_munmap(f.t, ARENA + PG, PG), -ENOMEM);
	/* an edge munmap splits once and removes once: allowed */
	ASSERT_EQ(sys_munmap(f.t, ARENA + 8 * PG, PG), 0);
	ASSERT_EQ(f.t->mm->map_count, 11);
	/* one split of two done, the second refused: mprotect's ENOMEM */
	ASSERT_EQ(sys_munmap(f.t, ARENA + (2UL << 30), PG), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA + (1UL << 30), PG), 0);
	ASSERT_EQ(f.t->mm->map_count, 9);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ | PROT_WRITE), -ENOMEM);
	ASSERT_EQ(f.t->mm->map_count, 10);
	/* whole VMAs unmapped make room again */
	ASSERT_EQ(sys_munmap(f.t, ARENA + (1UL << 30) + 2 * PG, PG), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(f.t->mm->map_count, 10);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(max_map_count_refuses_a_fixed_mremap_without_room_for_two_splits)
{
	struct fixture f;
	const unsigned long to = ARENA + (5UL << 30);

	/* map_count + 2 >= max - 3 fails: with max 20, 15 VMAs fail, 14 pass */
	ASSERT_EQ(fill_maps(&f, 20, 15), 0);
	ASSERT_EQ(sys_mremap(f.t, ARENA + (1UL << 30), PG, PG,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to), -ENOMEM);
	ASSERT_EQ(sys_munmap(f.t, ARENA + (1UL << 30) + 2 * PG, PG), 0);
	ASSERT_EQ(sys_mremap(f.t, ARENA + (1UL << 30), PG, PG,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to), to);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
