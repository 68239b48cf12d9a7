// SPDX-License-Identifier: GPL-2.0
/*
 * test_vm_pat.c - `design pat=vm_pat`, PAT tracking as Linux 3.7-6.15 did
 * it (seed 004's "before"): VM_PAT on the VMA, no record of the range,
 * track_pfn_copy() at fork, untrack_pfn() for each VMA unmapped, the
 * memtype tree's end match for a shrink.  The partial-unmap problems
 * the rewrite fixed must show as the checker's findings; what worked
 * (whole unmap, tail shrink, mremap move, fork) must leave the tree
 * exact.  On /dev/mem (lib/drivers/char/mem.c), I/O frames.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW	(PROT_READ | PROT_WRITE)

static int vm_pat_init(struct fixture *f)
{
	int err = fixture_init(f);

	if (!err)
		err = mmsim_machine_design(f->m, "mixed pat=vm_pat", false);
	return err;
}

/* @pages of /dev/mem from offset 0, at @addr, shared or private. */
static long map_mem(struct fixture *f, unsigned long addr, unsigned long pages,
		    int flags)
{
	struct file *file;
	long ret;

	if (device_open(f->m, "mem", "cache=uc", &file))
		return -ENOMEM;
	ret = sys_mmap(f->t, addr, pages * PG, RW, flags | MAP_FIXED_NOREPLACE,
		       file, 0);
	fput(file);
	return ret;
}

static int count_one(unsigned long start, unsigned long end,
		     enum page_cache_mode type, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static int nr_memtypes(struct fixture *f)
{
	int n = 0;

	machine_enter(f->m);
	memtype_for_each(count_one, &n);
	return n;
}

static bool has_vm_pat(struct fixture *f, unsigned long addr)
{
	struct vm_area_struct *vma = vma_lookup(f->t->mm, addr);

	return vma && (vma->vm_flags & VM_PAT);
}

/* The checker's verdict, and that it names @what. */
static bool check_says(struct fixture *f, const char *what)
{
	return mm_check(f->m) && strstr(mm_check_report(f->m), what);
}

TEST(vm_pat_whole_remap_sets_vm_pat_and_whole_munmap_frees_it)
{
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 4, MAP_SHARED), ARENA);
	ASSERT_TRUE(has_vm_pat(&f, ARENA));
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(f.t->mm, ARENA)), NULL);
	ASSERT_EQ(nr_memtypes(&f), 1);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 3)), _PAGE_CACHE_MODE_UC);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 4 * PG), 0);
	ASSERT_EQ(nr_memtypes(&f), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vm_pat_tail_munmap_shrinks_the_reservation)
{
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 4, MAP_SHARED), ARENA);
	ASSERT_EQ(sys_munmap(f.t, ARENA + 2 * PG, 2 * PG), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(nr_memtypes(&f), 1);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 1)), _PAGE_CACHE_MODE_UC);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 2)), _PAGE_CACHE_MODE_UC_MINUS);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ASSERT_EQ(nr_memtypes(&f), 0);
	CHECK_MM(f.m);
	ASSERT_TRUE(mmsim_kernel_bug(f.m) == NULL);	/* what 3.7-6.15 got right */
	machine_destroy(f.m);
}

TEST(vm_pat_head_munmap_is_an_invalid_free_and_leaks_the_reservation)
{
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 4, MAP_SHARED), ARENA);
	ASSERT_TRUE(mmsim_kernel_bug(f.m) == NULL);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	ASSERT_TRUE(check_says(&f, "freeing invalid memtype"));
	/* the kernel's bug, reproduced: the report says it was expected */
	ASSERT_TRUE(mmsim_kernel_bug(f.m) != NULL);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "expected: the model reproduced Linux 3.7-6.15"));
	CHECK_MM(f.m);		/* reported once; the rest is still held */
	ASSERT_TRUE(has_vm_pat(&f, ARENA + PG));
	ASSERT_EQ(sys_munmap(f.t, ARENA + PG, 3 * PG), 0);
	ASSERT_TRUE(check_says(&f, "outlives every VM_PAT vma"));
	ASSERT_EQ(nr_memtypes(&f), 1);
	machine_destroy(f.m);
}

TEST(vm_pat_fork_reserves_again_for_the_child)
{
	struct task_struct *child;
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 2, MAP_SHARED), ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(nr_memtypes(&f), 2);
	ASSERT_TRUE(vma_lookup(child->mm, ARENA)->vm_flags & VM_PAT);
	CHECK_MM(f.m);
	sys_exit(child);
	ASSERT_EQ(nr_memtypes(&f), 1);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ASSERT_EQ(nr_memtypes(&f), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vm_pat_fork_fails_once_the_first_page_of_a_cow_map_was_copied)
{
	struct task_struct *child;
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 2, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);	/* first entry still special */
	sys_exit(child);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0x11, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), -EINVAL);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);	/* untracked by vm_pgoff */
	ASSERT_EQ(nr_memtypes(&f), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vm_pat_mremap_move_carries_the_tracking_to_the_new_vma)
{
	unsigned long to = ARENA + 64 * PG;
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 2, MAP_SHARED), ARENA);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 2 * PG, 2 * PG,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to), (long)to);
	ASSERT_TRUE(has_vm_pat(&f, to));
	ASSERT_EQ(nr_memtypes(&f), 1);
	CHECK_MM(f.m);		/* the source was not untracked */
	ASSERT_EQ(sys_munmap(f.t, to, 2 * PG), 0);
	ASSERT_EQ(nr_memtypes(&f), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vm_pat_mremap_moving_the_tail_leaks_the_rest_of_the_reservation)
{
	unsigned long to = ARENA + 64 * PG;
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 4, MAP_SHARED), ARENA);
	ASSERT_EQ(sys_mremap(f.t, ARENA + 3 * PG, PG, PG,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to), (long)to);
	/* VM_PAT left all of the source, not only the part that moved */
	ASSERT_FALSE(has_vm_pat(&f, ARENA));
	ASSERT_TRUE(has_vm_pat(&f, to));
	ASSERT_TRUE(mmsim_kernel_bug(f.m) != NULL);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 3 * PG), 0);	/* frees nothing */
	ASSERT_EQ(sys_munmap(f.t, to, PG), 0);		/* the tail: a shrink */
	ASSERT_EQ(nr_memtypes(&f), 1);
	ASSERT_TRUE(check_says(&f, "outlives every VM_PAT vma"));
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "expected: the model reproduced Linux 3.7-6.15"));
	machine_destroy(f.m);
}

TEST(vm_pat_is_shown_as_ar_in_smaps_vmflags)
{
	struct fixture f;
	struct seq_buf s;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 1, MAP_SHARED), ARENA);
	seq_buf_init(&s);
	proc_pid_smaps(f.t, &s);
	ASSERT_TRUE(s.buf && strstr(s.buf, " ar"));
	seq_buf_free(&s);
	machine_destroy(f.m);
}

TEST(vm_pat_design_switch_is_ebusy_while_a_vma_has_vm_pat)
{
	struct fixture f;

	ASSERT_EQ(vm_pat_init(&f), 0);
	ASSERT_EQ(map_mem(&f, ARENA, 1, MAP_SHARED), ARENA);
	ASSERT_EQ(pat_may_switch(), -EBUSY);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	ASSERT_EQ(pat_may_switch(), 0);
	machine_destroy(f.m);
}

TEST(vm_pat_every_allocation_failure_leaves_the_tree_consistent)
{
	struct task_struct *child;
	struct fixture f;
	int ok = 0;

	for (unsigned long n = 1; n < 64 && ok < 3; n++) {
		ASSERT_EQ(vm_pat_init(&f), 0);
		mmsim_fail_nth(f.m, n);
		if (map_mem(&f, ARENA, 4, MAP_SHARED) == (long)ARENA &&
		    !sys_munmap(f.t, ARENA + 2 * PG, 2 * PG) &&
		    !sys_fork(f.t, &child))
			ok++;
		mmsim_fail_nth(f.m, 0);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
	ASSERT_EQ(ok, 3);
}
