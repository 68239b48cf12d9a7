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

/*
 * The tree's last entry must be the last VMA: an entry stored past it
 * (the list ends first) is caught by the full check's in-order walk.
 * Catches vma_tree_ok() not looking past the list's end.
 */
TEST(check_catches_a_vma_tree_entry_past_the_last_vma)
{
	struct fixture f;
	struct vm_area_struct *a;
	unsigned long far = ARENA + (1UL << 30);

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), ARENA);
	a = vma_lookup(f.t->mm, ARENA);
	while (vma_next(a))
		a = vma_next(a);
	far = a->vm_end + 16 * PG;
	ASSERT_EQ(mtree_store_range(&f.t->mm->mm_mt, far, far + PG - 1, a), 0);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "vma tree") != NULL);
	ASSERT_EQ(mtree_store_range(&f.t->mm->mm_mt, far, far + PG - 1, NULL), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- the incremental check and the tree's paths ------------------------ */

/*
 * 8 MiB written far away, so that a small change is checked
 * incrementally, then @n one-page VMAs from ARENA, @stride pages apart,
 * alternately writable and read-only (adjacent ones do not merge), and
 * a check of the changes (a full one: the log starts there).
 */
static int tree_of_vmas(struct fixture *f, int n, int stride)
{
	unsigned long at = ARENA + (4UL << 30), len = 8UL << 20;

	if (fixture_init(f) ||
	    map_anon(f, at, len, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)at ||
	    uaccess_memset(f->t, at, 1, len))
		return -1;
	for (int i = 0; i < n; i++) {
		unsigned long a = ARENA + (unsigned long)stride * i * PG;
		int prot = i % 2 ? PROT_READ : PROT_READ | PROT_WRITE;

		if (map_anon(f, a, PG, prot, MAP_PRIVATE) != (long)a)
			return -1;
	}
	machine_enter(f->m);
	return mm_check_changes(f->m);
}

/*
 * A gap record corrupted on the path above a VMA a command wrote in:
 * the incremental check catches it at once.  Catches check_range()'s
 * path check (vma_gap_path_ok) left out, or stopping above the leaf.
 */
TEST(incremental_check_catches_a_stale_gap_on_a_changed_path)
{
	struct fixture f;
	struct maple_node *root;

	ASSERT_EQ(tree_of_vmas(&f, 40, 4), 0);
	root = f.t->mm->mm_mt.ma_root;
	ASSERT_FALSE(root->leaf);
	ASSERT_EQ(mtree_load(&f.t->mm->mm_mt, ARENA), vma_lookup(f.t->mm, ARENA));
	root->gap[0] += PG;	/* the record of the leaf holding ARENA */
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "gap") != NULL);
	root->gap[0] -= PG;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * One corrupted away from every path a command took is not looked at by
 * the incremental check (that is its saving) and is caught by the next
 * full one.
 */
TEST(full_check_catches_a_stale_gap_no_command_touched)
{
	struct fixture f;
	struct maple_node *root;
	unsigned int last;

	ASSERT_EQ(tree_of_vmas(&f, 40, 4), 0);
	root = f.t->mm->mm_mt.ma_root;
	ASSERT_FALSE(root->leaf);
	last = root->count - 1;
	ASSERT_TRUE(last > 0);
	root->gap[last] += PG;
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(mm_check_changes(f.m), 0);
	ASSERT_EQ(mm_check_commands(f.m), 1);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "gap") != NULL);
	root->gap[last] -= PG;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A command near the boundary of two leaves checks both paths; the
 * second meets the root the first validated, and must still check its
 * own leaf's record in it.  Catches mas_validate_path_seen() stopping at
 * a parent seen already before checking the child's slot there.
 */
TEST(incremental_check_catches_a_stale_gap_where_two_paths_meet)
{
	struct fixture f;
	struct maple_node *root, *leaf0;
	unsigned long last0, first1, at;

	ASSERT_EQ(tree_of_vmas(&f, 40, 1), 0);
	root = f.t->mm->mm_mt.ma_root;
	ASSERT_FALSE(root->leaf);
	leaf0 = root->slot[0];
	ASSERT_TRUE(leaf0->leaf);
	last0 = leaf0->min[leaf0->count - 1];
	first1 = root->min[1];
	ASSERT_EQ(last0 + PG, first1);
	/* the writable one of the two VMAs at the boundary */
	at = vma_lookup(f.t->mm, last0)->vm_flags & VM_WRITE ? last0 : first1;
	root->gap[1] += PG;	/* the record of the second leaf */
	ASSERT_EQ(uaccess_memset(f.t, at, 1, 1), 0);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "gap") != NULL);
	root->gap[1] -= PG;
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

/*
 * vma_lookup() remembers the VMA it found last only while the tree is
 * unchanged: after a munmap the address has no VMA (no stale one), after
 * a split each part answers for its own addresses, and a new mapping at
 * the same address is the one found.
 */
TEST(vma_lookup_never_answers_with_a_vma_the_tree_changed)
{
	struct fixture f;
	struct vm_area_struct *v;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), (long)ARENA);
	v = vma_lookup(f.t->mm, ARENA + PG);
	ASSERT_TRUE(v && v->vm_start == ARENA);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + 2 * PG, 2 * PG, PROT_READ), 0);
	v = vma_lookup(f.t->mm, ARENA + 3 * PG);
	ASSERT_TRUE(v && v->vm_start == ARENA + 2 * PG && !(v->vm_flags & VM_WRITE));
	v = vma_lookup(f.t->mm, ARENA + PG);
	ASSERT_TRUE(v && v->vm_end == ARENA + 2 * PG && (v->vm_flags & VM_WRITE));
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ASSERT_TRUE(vma_lookup(f.t->mm, ARENA + PG) == NULL);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), SIGSEGV);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ, MAP_PRIVATE), (long)ARENA);
	v = vma_lookup(f.t->mm, ARENA);
	ASSERT_TRUE(v && v->vm_end == ARENA + PG && !(v->vm_flags & VM_WRITE));
	ASSERT_TRUE(vma_lookup(f.t->mm, ARENA + PG) == NULL);
	/* a merge frees the upper VMA: its address is the lower one's now */
	ASSERT_EQ(map_anon(&f, ARENA + PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  (long)(ARENA + PG));
	v = vma_lookup(f.t->mm, ARENA + PG);
	ASSERT_TRUE(v && v->vm_start == ARENA + PG);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ), 0);
	v = vma_lookup(f.t->mm, ARENA + PG);
	ASSERT_TRUE(v && v->vm_start == ARENA && v->vm_end == ARENA + 4 * PG);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
