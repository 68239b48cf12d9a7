// SPDX-License-Identifier: GPL-2.0
/*
 * test_guard_mseal.c - guard regions (PTE markers), mseal and the mremap
 * rules of issue 10: what the library does, and mm_check() noticing each
 * marker and seal invariant when it is broken on purpose.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#define MADV_GUARD_REMOVE 103
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

static pte_t *pte_at(struct task_struct *t, unsigned long addr)
{
	return walk_to_pte(t->mm, addr, NULL, NULL);
}

TEST(guard_install_puts_a_marker_that_maps_nothing)
{
	struct fixture f;
	struct vm_area_struct *vma;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 4 * PG), 0);
	ASSERT_EQ(f.t->mm->rss_stat[MM_ANONPAGES], 4);
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, 2 * PG, MADV_GUARD_INSTALL), 0);
	ASSERT_TRUE(is_guard_pte_marker(*pte_at(f.t, ARENA + PG)));
	ASSERT_TRUE(is_guard_pte_marker(*pte_at(f.t, ARENA + 2 * PG)));
	ASSERT_FALSE(is_pte_marker(*pte_at(f.t, ARENA)));
	/* the zapped pages are gone: a marker counts nothing */
	ASSERT_EQ(f.t->mm->rss_stat[MM_ANONPAGES], 2);
	vma = vma_lookup(f.t->mm, ARENA);
	ASSERT_TRUE(vma->vm_flags & VM_MAYBE_GUARD);
	ASSERT_EQ(vma->vm_end, ARENA + 4 * PG);	/* not split */
	ASSERT_EQ(peek(f.t, ARENA + PG), -SIGSEGV);
	ASSERT_EQ(pagemap(f.t, ARENA + PG) & (PM_SWAP | PM_GUARD_REGION | PM_PRESENT),
		  PM_SWAP | PM_GUARD_REGION);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 4 * PG, MADV_GUARD_REMOVE), 0);
	ASSERT_TRUE(pte_none(*pte_at(f.t, ARENA + PG)));
	ASSERT_EQ(peek(f.t, ARENA), 1);		/* remove leaves pages alone */
	ASSERT_EQ(peek(f.t, ARENA + PG), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(dontneed_keeps_guard_markers_and_munmap_drops_them)
{
	struct fixture f;
	unsigned long tables;

	ASSERT_EQ(fixture_init(&f), 0);
	tables = f.t->mm->pgtables_bytes;
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, 4 * PG, MADV_DONTNEED), 0);
	ASSERT_TRUE(is_guard_pte_marker(*pte_at(f.t, ARENA)));
	ASSERT_EQ(sys_munmap(f.t, ARENA, 4 * PG), 0);
	/* no marker left behind: the tables are freed again */
	ASSERT_EQ(f.t->mm->pgtables_bytes, tables);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(fork_copies_guard_markers_of_a_vma_without_anon_vma)
{
	struct fixture f;
	struct file *memfd;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "g", &memfd), 0);
	ASSERT_EQ(vfs_truncate(memfd, 4 * PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 4 * PG, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, memfd, 0), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
	ASSERT_EQ(vma_lookup(f.t->mm, ARENA)->anon_vma, NULL);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_TRUE(is_guard_pte_marker(*pte_at(child, ARENA)));
	ASSERT_EQ(peek(child, ARENA), -SIGSEGV);
	CHECK_MM(f.m);
	sys_exit(child);
	fput(memfd);
	machine_destroy(f.m);
}

TEST(mremap_gives_a_never_faulted_vma_the_pgoff_of_its_new_address)
{
	struct fixture f;
	unsigned long to = ARENA + (1UL << 30);
	struct vm_area_struct *vma;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, to),
		  (long)to);
	vma = vma_lookup(f.t->mm, to);
	ASSERT_EQ(vma->vm_pgoff, to >> 12);
	/* a faulted one keeps its pgoff (its folios' index) */
	ASSERT_EQ(uaccess_memset(f.t, to, 1, 1), 0);
	ASSERT_EQ(sys_mremap(f.t, to, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, ARENA),
		  (long)ARENA);
	ASSERT_EQ(vma_lookup(f.t->mm, ARENA)->vm_pgoff, to >> 12);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mremap_dontunmap_empties_the_source_and_drops_its_anon_vma)
{
	struct fixture f;
	unsigned long to = ARENA + (1UL << 30);
	struct vm_area_struct *src;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_LOCKED), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 2 * PG), 0);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 2 * PG, 2 * PG,
			     MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP, to), (long)to);
	src = vma_lookup(f.t->mm, ARENA);
	ASSERT_TRUE(src != NULL);
	ASSERT_EQ(src->anon_vma, NULL);
	/* as the host shows: unlocked, still accounted, and VmLck not
	 * uncharged for it (Linux 6.18 leaks those pages in locked_vm) */
	ASSERT_FALSE(src->vm_flags & VM_LOCKED);
	ASSERT_TRUE(src->vm_flags & VM_ACCOUNT);
	ASSERT_EQ(f.t->mm->locked_vm, 4);
	ASSERT_TRUE(vma_lookup(f.t->mm, to)->vm_flags & VM_LOCKED);
	ASSERT_EQ(peek(f.t, to), 7);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mseal_refuses_munmap_mprotect_mremap_and_discarding_read_only_anon)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mseal(f.t, ARENA, 4 * PG, 1), -EINVAL);
	ASSERT_EQ(sys_mseal(f.t, ARENA + 1, PG, 0), -EINVAL);
	ASSERT_EQ(sys_mseal(f.t, ARENA, 5 * PG, 0), -ENOMEM);
	ASSERT_FALSE(vma_lookup(f.t->mm, ARENA)->vm_flags & VM_SEALED);
	ASSERT_EQ(sys_mseal(f.t, ARENA + PG, 2 * PG, 0), 0);
	ASSERT_TRUE(vma_lookup(f.t->mm, ARENA + PG)->vm_flags & VM_SEALED);
	ASSERT_FALSE(vma_lookup(f.t->mm, ARENA)->vm_flags & VM_SEALED);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 4 * PG), -EPERM);
	ASSERT_TRUE(vma_lookup(f.t->mm, ARENA) != NULL);	/* nothing unmapped */
	ASSERT_EQ(sys_mprotect(f.t, ARENA + PG, PG, PROT_READ | PROT_WRITE), -EPERM);
	ASSERT_EQ(sys_mremap(f.t, ARENA + PG, PG, 2 * PG, 0, 0), -EPERM);
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_DONTNEED), -EPERM);
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_GUARD_INSTALL), -EPERM);
	ASSERT_EQ(sys_madvise(f.t, ARENA + PG, PG, MADV_RANDOM), 0);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_DONTNEED), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- mm_check: each marker and seal rule, broken on purpose ---------- */

TEST(check_catches_a_guard_marker_in_a_vma_without_maybe_guard)
{
	struct fixture f;
	struct vm_area_struct *vma;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
	vma = vma_lookup(f.t->mm, ARENA);
	vm_flags_clear(vma, VM_MAYBE_GUARD);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "VM_MAYBE_GUARD") != NULL);
	vm_flags_set(vma, VM_MAYBE_GUARD);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_guard_marker_in_a_special_vma)
{
	struct fixture f;
	struct vm_area_struct *vma;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
	vma = vma_lookup(f.t->mm, ARENA);
	vm_flags_set(vma, VM_IO);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "special") != NULL);
	vm_flags_clear(vma, VM_IO);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_swap_entry_that_is_no_marker)
{
	struct fixture f;
	pte_t *ptep, saved;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
	ptep = pte_at(f.t, ARENA);
	saved = *ptep;
	*ptep = swp_entry_to_pte(swp_entry(0, 42));	/* swap type 0: no swap here */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "not a guard, uffd-wp or poisoned marker") != NULL);
	*ptep = saved;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(check_catches_a_seal_that_was_broken)
{
	struct fixture f;
	struct vm_area_struct *vma;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mseal(f.t, ARENA, 2 * PG, 0), 0);
	vma = vma_lookup(f.t->mm, ARENA);
	vm_flags_clear(vma, VM_SEALED);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "lost VM_SEALED") != NULL);
	vm_flags_set(vma, VM_SEALED | VM_WRITE);	/* as a missed EPERM would */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "changed protection") != NULL);
	vm_flags_clear(vma, VM_WRITE);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * `design guard=`: before VM_MAYBE_GUARD (Linux 6.13-6.18.0) guard
 * install flagged nothing and gave even a shared VMA an anon_vma, which
 * is what made fork copy the markers; with it (6.19, 6.18.y) the flag
 * does that and a shared VMA needs no anon_vma.  Either way the child
 * inherits the guard.
 */
TEST(guard_markers_reach_the_child_in_both_guard_designs)
{
	static const char *const words[] = { "kernel=6.17", "kernel=6.18" };
	struct task_struct *child;
	struct vm_area_struct *vma;
	struct fixture f;

	for (int i = 0; i < 2; i++) {
		ASSERT_EQ(fixture_init(&f), 0);
		ASSERT_EQ(mmsim_machine_design(f.m, words[i], false), 0);
		ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED), ARENA);
		ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
		vma = vma_lookup(f.t->mm, ARENA);
		ASSERT_EQ(!!(vma->vm_flags & VM_MAYBE_GUARD), i);
		ASSERT_EQ(vma->anon_vma != NULL, !i);
		CHECK_MM(f.m);
		ASSERT_EQ(sys_fork(f.t, &child), 0);
		ASSERT_EQ(peek(child, ARENA), -SIGSEGV);
		ASSERT_EQ(peek(child, ARENA + PG), 0);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}
