// SPDX-License-Identifier: GPL-2.0
/*
 * test_vma_merge.c - VMA merging and splitting by the kernel's rules
 * (lib/mm/vma.c), in the style of the kernel's tools/testing/vma: each
 * test draws the address space as a ruler, builds it VMA by VMA, does one
 * operation (vma_merge_new_range() for a new range as mmap makes it,
 * vma_modify_flags() as mprotect/mlock/madvise do, copy_vma() as mremap
 * does) and checks the whole resulting state of every VMA: range, flags,
 * pgoff, anon_vma and file, and the mm's map_count.
 *
 * Rulers count pages from the arena's start; a letter is a VMA, '*' the
 * range being created or modified:
 *
 *	0123456789
 *	AA*BB		A at pages 0-1, new range at 2, B at 3-4
 *
 * pgoff is the page number for anonymous VMAs (contiguous iff adjacent).
 * The helpers keep the mm's total_vm/data_vm as mmap, mprotect and mremap
 * would (vm_stat_account), since mm_check recounts them.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define P(n)		(ARENA + (unsigned long)(n) * PG)
#define RW		(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define RO		(VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

struct vma_want {
	unsigned long start, end;	/* pages */
	pgoff_t pgoff;
	vm_flags_t flags;
	struct anon_vma *anon_vma;
	struct file *file;
};

static int closes;		/* vm_ops->close calls */

static void count_close(struct vm_area_struct *vma)
{
	closes++;
}

static const struct vm_operations_struct close_ops = { .close = count_close };
static const struct vm_operations_struct plain_ops = { .name = NULL };

static struct vm_area_struct *alloc_and_link_vma(struct fixture *f,
						 unsigned long start,
						 unsigned long end, pgoff_t pgoff,
						 vm_flags_t flags)
{
	struct vm_area_struct *vma;

	machine_enter(f->m);
	vma = vm_area_alloc(f->t->mm);
	if (!vma)
		return NULL;
	vma->vm_start = P(start);
	vma->vm_end = P(end);
	vma->vm_pgoff = pgoff;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	vma_link(f->t->mm, vma);
	vm_stat_account(f->t->mm, flags, (long)(end - start));
	return vma;
}

/* A file VMA: @ops (NULL: plain) and a reference on @file. */
static struct vm_area_struct *alloc_and_link_file_vma(struct fixture *f,
						      unsigned long start,
						      unsigned long end,
						      pgoff_t pgoff,
						      vm_flags_t flags,
						      struct file *file,
						      const struct vm_operations_struct *ops)
{
	struct vm_area_struct *vma;

	machine_enter(f->m);
	vma = vm_area_alloc(f->t->mm);
	if (!vma)
		return NULL;
	vma->vm_start = P(start);
	vma->vm_end = P(end);
	vma->vm_pgoff = pgoff;
	vma->vm_flags = flags;
	vma->vm_file = get_file(file);
	vma->vm_ops = ops ? ops : &plain_ops;
	vma_link(f->t->mm, vma);
	vm_stat_account(f->t->mm, flags, (long)(end - start));
	return vma;
}

/* Does @mm hold exactly the VMAs @want (in order)?  Prints the first difference. */
static bool vmas_are(struct mm_struct *mm, const struct vma_want *want, int n)
{
	struct vm_area_struct *vma;
	int i = 0;

	for_each_vma(mm, vma) {
		const struct vma_want *w = &want[i];

		if (i == n) {
			fprintf(stderr, "  extra vma %lx-%lx\n", vma->vm_start, vma->vm_end);
			return false;
		}
		if (vma->vm_start != P(w->start) || vma->vm_end != P(w->end) ||
		    vma->vm_pgoff != w->pgoff || vma->vm_flags != w->flags ||
		    vma->anon_vma != w->anon_vma || vma->vm_file != w->file) {
			fprintf(stderr, "  vma %d: %s\n  want pages %lu-%lu pgoff %lu flags 0x%llx anon_vma %p file %p\n",
				i, vma_describe(vma), w->start, w->end, w->pgoff,
				(unsigned long long)w->flags, (void *)w->anon_vma,
				(void *)w->file);
			return false;
		}
		i++;
	}
	if (i != n || mm->map_count != n) {
		fprintf(stderr, "  %d vmas (map_count %d), want %d\n", i, mm->map_count, n);
		return false;
	}
	return true;
}

#define ASSERT_VMAS(mm, ...) do {					\
		const struct vma_want w_[] = { __VA_ARGS__ };		\
		ASSERT_TRUE(vmas_are(mm, w_, (int)ARRAY_SIZE(w_)));	\
	} while (0)

static struct vm_area_struct *merge_new(struct fixture *f, unsigned long start,
					unsigned long end, pgoff_t pgoff,
					vm_flags_t flags, struct file *file)
{
	struct vm_area_struct *vma;

	machine_enter(f->m);
	vma = vma_merge_new_range(f->t->mm, P(start), P(end), flags, file, pgoff);
	if (vma)
		vm_stat_account(f->t->mm, flags, (long)(end - start));
	return vma;
}

static struct vm_area_struct *modify(struct fixture *f, struct vm_area_struct *vma,
				     unsigned long start, unsigned long end,
				     vm_flags_t flags, int *err)
{
	vm_flags_t old = vma->vm_flags;
	struct vm_area_struct *got;

	machine_enter(f->m);
	got = vma_modify_flags(vma, P(start), P(end), flags, err);
	if (got) {
		vm_stat_account(f->t->mm, old, -(long)(end - start));
		vm_stat_account(f->t->mm, flags, (long)(end - start));
	}
	return got;
}

/* ---- new ranges (mmap) -------------------------------------------------- */

TEST(vma_merge_new_extends_prev_next_or_both)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *got;

	/*
	 * 0123456789
	 * AA**  BB		new at 2-3 extends A
	 * AAAA  BB
	 * AAAA**BB		new at 4-5 joins A and B
	 * AAAAAAAA
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 2, 0, RW);
	b = alloc_and_link_vma(&f, 6, 8, 6, RW);
	got = merge_new(&f, 2, 4, 2, RW, NULL);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 4, 0, RW }, { 6, 8, 6, RW });
	got = merge_new(&f, 4, 6, 4, RW, NULL);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 8, 0, RW });
	(void)b;
	/*
	 * 0123456789
	 * AAAAAAAA*BB	new at 8 merges into A (prev), C at 9-10 apart
	 */
	alloc_and_link_vma(&f, 10, 12, 10, RW);
	got = merge_new(&f, 9, 10, 9, RW, NULL);	/* before C only */
	ASSERT_TRUE(got != NULL && got->vm_start == P(9));
	ASSERT_VMAS(f.t->mm, { 0, 8, 0, RW }, { 9, 12, 9, RW });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_merge_new_needs_adjacency_equal_flags_and_contiguous_pgoff)
{
	struct fixture f;

	/*
	 * 0123456789
	 * AA * BB		not adjacent to either: nothing merges
	 * AA*  BB		flags differ (read-only, locked): nothing merges
	 * AA*  BB		pgoff not contiguous: nothing merges
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	alloc_and_link_vma(&f, 0, 2, 0, RW);
	alloc_and_link_vma(&f, 5, 7, 5, RW);
	ASSERT_TRUE(merge_new(&f, 3, 4, 3, RW, NULL) == NULL);
	ASSERT_TRUE(merge_new(&f, 2, 3, 2, RO, NULL) == NULL);
	ASSERT_TRUE(merge_new(&f, 2, 3, 2, RW | VM_LOCKED, NULL) == NULL);
	ASSERT_TRUE(merge_new(&f, 2, 3, 7, RW, NULL) == NULL);
	ASSERT_TRUE(merge_new(&f, 4, 5, 9, RW, NULL) == NULL);
	ASSERT_VMAS(f.t->mm, { 0, 2, 0, RW }, { 5, 7, 5, RW });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_merge_new_ignores_soft_dirty_in_every_permutation)
{
	/*
	 * 0123456789
	 * AA*BB		A, the new range and B each with or without
	 * AAAAA		VM_SOFTDIRTY (VM_IGNORE_MERGE): always one VMA
	 */
	for (int p = 0; p < 8; p++) {
		vm_flags_t fa = RW | (p & 1 ? VM_SOFTDIRTY : 0);
		vm_flags_t fn = RW | (p & 2 ? VM_SOFTDIRTY : 0);
		vm_flags_t fb = RW | (p & 4 ? VM_SOFTDIRTY : 0);
		struct vm_area_struct *a, *vma;
		struct fixture f;

		ASSERT_EQ(fixture_init(&f), 0);
		a = alloc_and_link_vma(&f, 0, 2, 0, fa);
		alloc_and_link_vma(&f, 3, 5, 3, fb);
		ASSERT_TRUE(merge_new(&f, 2, 3, 2, fn, NULL) == a);
		vma = vma_first(f.t->mm);
		ASSERT_TRUE(vma == a && !vma_next(vma));
		ASSERT_EQ(vma->vm_start, P(0));
		ASSERT_EQ(vma->vm_end, P(5));
		ASSERT_EQ(vma->vm_pgoff, 0);
		ASSERT_EQ(vma->vm_flags & ~VM_SOFTDIRTY, RW);
		ASSERT_EQ(f.t->mm->map_count, 1);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

TEST(vma_merge_new_never_merges_special_mappings)
{
	static const vm_flags_t special[] = { VM_IO, VM_DONTEXPAND, VM_PFNMAP, VM_MIXEDMAP };

	/*
	 * 0123456789
	 * AA*BB		A, B and the new range all VM_SPECIAL-flagged alike
	 */
	for (size_t i = 0; i < ARRAY_SIZE(special); i++) {
		struct fixture f;
		vm_flags_t fl = RW | special[i];

		ASSERT_EQ(fixture_init(&f), 0);
		alloc_and_link_vma(&f, 0, 2, 0, fl);
		alloc_and_link_vma(&f, 3, 5, 3, fl);
		ASSERT_TRUE(merge_new(&f, 2, 3, 2, fl, NULL) == NULL);
		ASSERT_VMAS(f.t->mm, { 0, 2, 0, fl }, { 3, 5, 3, fl });
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

TEST(vma_merge_new_keeps_a_next_vma_that_has_close)
{
	struct fixture f;
	struct file *file;
	struct vm_area_struct *got;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 16 * PG), 0);
	/*
	 * 0123456789
	 * AA*BB		B has ->close: it cannot be deleted, so the new
	 * AAABB		range only extends A
	 */
	alloc_and_link_file_vma(&f, 0, 2, 0, RW | VM_SHARED, file, &close_ops);
	alloc_and_link_file_vma(&f, 3, 5, 3, RW | VM_SHARED, file, &close_ops);
	got = merge_new(&f, 2, 3, 2, RW | VM_SHARED, file);
	ASSERT_TRUE(got != NULL && got->vm_start == P(0));
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RW | VM_SHARED, NULL, file },
		    { 3, 5, 3, RW | VM_SHARED, NULL, file });
	/*
	 * 0123456789
	 * AAABB*		extending B forward needs no deletion: it merges
	 */
	got = merge_new(&f, 5, 6, 5, RW | VM_SHARED, file);
	ASSERT_TRUE(got != NULL && got->vm_start == P(3));
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RW | VM_SHARED, NULL, file },
		    { 3, 6, 3, RW | VM_SHARED, NULL, file });
	/*
	 * 0123456789
	 * AAABBB *CC	a new range before C (with ->close): C only grows
	 * AAABBB CCC	down, nothing is deleted
	 */
	alloc_and_link_file_vma(&f, 8, 10, 8, RW | VM_SHARED, file, &close_ops);
	got = merge_new(&f, 7, 8, 7, RW | VM_SHARED, file);
	ASSERT_TRUE(got != NULL && got->vm_start == P(7));
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RW | VM_SHARED, NULL, file },
		    { 3, 6, 3, RW | VM_SHARED, NULL, file },
		    { 7, 10, 7, RW | VM_SHARED, NULL, file });
	ASSERT_EQ(closes, 0);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(vma_merge_new_takes_the_one_anon_vma_and_refuses_two)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *got;

	ASSERT_EQ(fixture_init(&f), 0);
	/*
	 * 0123456789
	 * AA*BB		A and B have different anon_vmas: only A extends
	 * AAABB
	 */
	a = alloc_and_link_vma(&f, 0, 2, 0, RW);
	b = alloc_and_link_vma(&f, 3, 5, 3, RW);
	ASSERT_EQ(anon_vma_prepare(a), 0);
	ASSERT_EQ(anon_vma_prepare(b), 0);
	got = merge_new(&f, 2, 3, 2, RW, NULL);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RW, a->anon_vma }, { 3, 5, 3, RW, b->anon_vma });
	/*
	 * 0123456789
	 * AAABB CC	C has none: the new range joins B and C, which
	 * AAABBBBB	takes B's anon_vma
	 */
	alloc_and_link_vma(&f, 6, 8, 6, RW);
	got = merge_new(&f, 5, 6, 5, RW, NULL);
	ASSERT_TRUE(got == b);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RW, a->anon_vma }, { 3, 8, 3, RW, b->anon_vma });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_merge_new_prev_without_anon_vma_takes_next_s)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *got;

	/*
	 * 0123456789
	 * AA*BB		A has no anon_vma, B has one: one VMA with B's
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 2, 0, RW);
	b = alloc_and_link_vma(&f, 3, 5, 3, RW);
	ASSERT_EQ(anon_vma_prepare(b), 0);
	struct anon_vma *av = b->anon_vma;
	got = merge_new(&f, 2, 3, 2, RW, NULL);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 5, 0, RW, av });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_merge_new_never_spreads_a_forked_anon_vma)
{
	struct fixture f;
	struct task_struct *child;
	struct vm_area_struct *cv;

	/*
	 * parent:  AA		A written: it has an anon_vma
	 * child:   AA*		A' shares it through fork (a chain of two):
	 *			a new range next to A' stays apart
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 2 * PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	machine_enter(f.m);
	cv = vma_lookup(child->mm, ARENA);
	ASSERT_TRUE(cv && cv->anon_vma);
	ASSERT_TRUE(vma_merge_new_range(child->mm, P(2), P(3), cv->vm_flags,
					NULL, cv->vm_pgoff + 2) == NULL);
	/* the parent's own VMA, a chain of one, does merge */
	ASSERT_TRUE(vma_merge_new_range(f.t->mm, P(2), P(3),
					vma_lookup(f.t->mm, ARENA)->vm_flags, NULL,
					vma_lookup(f.t->mm, ARENA)->vm_pgoff + 2) != NULL);
	vm_stat_account(f.t->mm, vma_lookup(f.t->mm, ARENA)->vm_flags, 1);
	ASSERT_EQ(vma_lookup(f.t->mm, ARENA)->vm_end, P(3));
	ASSERT_EQ(cv->vm_end, P(2));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- modified ranges (mprotect, mlock, madvise) ------------------------ */

TEST(vma_modify_middle_splits_in_three)
{
	struct fixture f;
	struct vm_area_struct *a, *got;
	int err;

	/*
	 * 0123456789
	 * AAAAA
	 * A***A		pages 1-3 read-only: three VMAs, pgoffs follow
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 5, 0, RW);
	ASSERT_EQ(anon_vma_prepare(a), 0);
	got = modify(&f, a, 1, 4, RO, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 1, 0, RW, a->anon_vma }, { 1, 4, 1, RO, a->anon_vma },
		    { 4, 5, 4, RW, a->anon_vma });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_modify_merges_into_prev_next_or_both)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *c, *got;
	int err;

	ASSERT_EQ(fixture_init(&f), 0);
	/*
	 * 0123456789
	 * AABBBCC		A and C read-only, B read-write
	 * AAABBCC		B's first page made read-only: A takes it
	 */
	a = alloc_and_link_vma(&f, 0, 2, 0, RO);
	b = alloc_and_link_vma(&f, 2, 5, 2, RW);
	c = alloc_and_link_vma(&f, 5, 7, 5, RO);
	got = modify(&f, b, 2, 3, RO, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RO }, { 3, 5, 3, RW }, { 5, 7, 5, RO });
	/*
	 * AAABCCC		B's last page: C takes it (and its pgoff)
	 */
	got = modify(&f, b, 4, 5, RO, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == c);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RO }, { 3, 4, 3, RW }, { 4, 7, 4, RO });
	/*
	 * AAAAAAA		the rest of B: A, B and C become one
	 */
	got = modify(&f, b, 3, 4, RO, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 7, 0, RO });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_modify_never_deletes_a_vma_that_has_close)
{
	struct fixture f;
	struct file *file;
	struct vm_area_struct *a, *b, *got;
	int err;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 16 * PG), 0);
	/*
	 * 0123456789
	 * AA*B		part of B (which has ->close) made like A: A takes
	 * AAAB		it, B only shrinks
	 */
	a = alloc_and_link_file_vma(&f, 0, 2, 0, RO | VM_SHARED, file, &close_ops);
	b = alloc_and_link_file_vma(&f, 2, 4, 2, RW | VM_SHARED, file, &close_ops);
	closes = 0;
	got = modify(&f, b, 2, 3, RO | VM_SHARED, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RO | VM_SHARED, NULL, file },
		    { 3, 4, 3, RW | VM_SHARED, NULL, file });
	/*
	 * AAA*		the rest of B: merging would delete B, so B stays,
	 * AAAB		with the new flags
	 */
	got = modify(&f, b, 3, 4, RO | VM_SHARED, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == b);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RO | VM_SHARED, NULL, file },
		    { 3, 4, 3, RO | VM_SHARED, NULL, file });
	ASSERT_EQ(closes, 0);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(vma_modify_between_incompatible_anon_vmas_merges_one_side)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *c, *got;
	int err;

	/*
	 * 0123456789
	 * AABCC		A and C have different anon_vmas; B none
	 * AAACC		B made like them: it joins A only
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 2, 0, RO);
	b = alloc_and_link_vma(&f, 2, 3, 2, RW);
	c = alloc_and_link_vma(&f, 3, 5, 3, RO);
	ASSERT_EQ(anon_vma_prepare(a), 0);
	ASSERT_EQ(anon_vma_prepare(c), 0);
	got = modify(&f, b, 2, 3, RO, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 3, 0, RO, a->anon_vma }, { 3, 5, 3, RO, c->anon_vma });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_modify_merge_hands_the_deleted_vma_s_anon_vma_to_prev)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *got;
	struct anon_vma *av;
	int err;

	/*
	 * 0123456789
	 * AABB		A read-only without anon_vma, B read-write with one
	 * AAAA		B made read-only: B is deleted, A takes its anon_vma
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 2, 0, RO);
	b = alloc_and_link_vma(&f, 2, 4, 2, RW);
	ASSERT_EQ(anon_vma_prepare(b), 0);
	av = b->anon_vma;
	got = modify(&f, b, 2, 4, RO, &err);
	ASSERT_EQ(err, 0);
	ASSERT_TRUE(got == a);
	ASSERT_VMAS(f.t->mm, { 0, 4, 0, RO, av });
	ASSERT_FALSE(list_empty(&a->anon_vma_chain));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vma_modify_that_cannot_allocate_changes_nothing)
{
	struct fixture f;
	struct vm_area_struct *a, *got;
	struct anon_vma *av;
	int err;

	/*
	 * 0123456789
	 * A***A		the split needs a VMA (and its anon_vma chain):
	 * AAAAA		with the allocation failing, -ENOMEM, all as it was
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 5, 0, RW);
	ASSERT_EQ(anon_vma_prepare(a), 0);
	av = a->anon_vma;
	for (unsigned long n = 1; n <= 2; n++) {
		mmsim_fail_nth(f.m, n);
		got = modify(&f, a, 1, 4, RO, &err);
		mmsim_fail_nth(f.m, 0);
		ASSERT_TRUE(got == NULL);
		ASSERT_EQ(err, -ENOMEM);
		ASSERT_VMAS(f.t->mm, { 0, 5, 0, RW, av });
		CHECK_MM(f.m);
	}
	machine_destroy(f.m);
}

/* ---- copied ranges (mremap) ------------------------------------------- */

TEST(copy_vma_merges_the_moved_pages_into_a_neighbour)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *got;

	/*
	 * 0123456789
	 * AA     BB		B's pages copied to 2-3 with pgoff 2: A takes them
	 * AAAA   BB		and shares B's anon_vma from then on
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 2, 0, RW);
	b = alloc_and_link_vma(&f, 7, 9, 7, RW);
	ASSERT_EQ(anon_vma_prepare(b), 0);
	machine_enter(f.m);
	got = copy_vma(&b, P(2), 2 * PG, 2);
	ASSERT_TRUE(got == a);
	ASSERT_TRUE(b->vm_start == P(7));	/* not merged itself: b stays b */
	vm_stat_account(f.t->mm, b->vm_flags, 2);
	ASSERT_VMAS(f.t->mm, { 0, 4, 0, RW, b->anon_vma }, { 7, 9, 7, RW, b->anon_vma });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(copy_vma_hands_back_the_merged_vma_when_the_source_merges_away)
{
	struct fixture f;
	struct vm_area_struct *a, *b, *src, *got;

	/*
	 * 0123456789
	 * AA BBBBBBB		never faulted, pgoff = address: a page of B
	 * AAAAAAAAAA		copied to 2 with pgoff 2 joins A and B, and B,
	 *			the source, is gone: the caller gets A back
	 */
	ASSERT_EQ(fixture_init(&f), 0);
	a = alloc_and_link_vma(&f, 0, 2, 0, RW);
	b = alloc_and_link_vma(&f, 3, 10, 3, RW);
	machine_enter(f.m);
	src = b;
	got = copy_vma(&src, P(2), PG, 2);
	ASSERT_TRUE(got == a);
	ASSERT_TRUE(src == a);		/* not the freed b */
	vm_stat_account(f.t->mm, a->vm_flags, 1);
	ASSERT_VMAS(f.t->mm, { 0, 10, 0, RW, NULL });
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
