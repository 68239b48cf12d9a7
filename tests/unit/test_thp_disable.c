// SPDX-License-Identifier: GPL-2.0
/*
 * test_thp_disable.c - prctl(PR_SET_THP_DISABLE / PR_GET_THP_DISABLE)
 * (lib/kernel/sys.c) and what it does to the THP policy
 * (lib/mm/huge_memory.c vma_thp_disabled()): every refusal with the
 * kernel's errno and nothing changed, the two states and what each lets
 * through (advice, MADV_COLLAPSE, smaps), and fork passing it on.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define THP_SIZE	(2UL << 20)
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE	25
#endif

static unsigned long orders(struct task_struct *t, unsigned long addr,
			    enum tva_type type)
{
	struct vm_area_struct *vma;

	machine_enter(t->machine);
	vma = vma_lookup(t->mm, addr);
	return thp_vma_allowable_orders(vma, vma->vm_flags, type, BIT(PMD_ORDER));
}

/* Is @addr mapped by a PMD leaf? */
static bool pmd_mapped(struct task_struct *t, unsigned long addr)
{
	pmd_t *leaf = NULL;

	machine_enter(t->machine);
	walk_to_pte(t->mm, addr, &leaf, NULL);
	return leaf != NULL;
}

TEST(thp_disable_refuses_bad_arguments_and_changes_nothing)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	/* flags only when disabling */
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 0, PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0),
		  -EINVAL);
	/* no flag but PR_THP_DISABLE_EXCEPT_ADVISED */
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 1, 0, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 4 | PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0),
		  -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 0, 1, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 0, 0, 1), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 0);
	/* a refused call leaves an existing state alone */
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 0, PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0),
		  -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 0, 0, 1), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 3);
	/* PR_GET_THP_DISABLE takes no argument */
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 1, 0, 0, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 1, 0, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 1, 0), -EINVAL);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 1), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(thp_disable_states_replace_each_other_and_any_arg2_disables)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 1);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 3);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 42, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 1);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 0, 0, 0, 0), 0);
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 0);
	machine_destroy(f.m);
}

/*
 * Under thp=always (the model's default):
 *   plain      |----------|  eligible unless disabled
 *   advised    |----------|  VM_HUGEPAGE: spared by EXCEPT_ADVISED
 *   nohuge     |----------|  VM_NOHUGEPAGE: never
 */
TEST(thp_disable_completely_and_except_advised_gate_each_kind_of_vma)
{
	struct fixture f;
	unsigned long plain = ARENA, advised = ARENA + (1UL << 30);
	unsigned long nohuge = ARENA + (2UL << 30);
	unsigned long pmd = BIT(PMD_ORDER);

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, plain, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), plain);
	ASSERT_EQ(map_anon(&f, advised, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), advised);
	ASSERT_EQ(map_anon(&f, nohuge, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), nohuge);
	ASSERT_EQ(sys_madvise(f.t, advised, THP_SIZE, MADV_HUGEPAGE), 0);
	ASSERT_EQ(sys_madvise(f.t, nohuge, THP_SIZE, MADV_NOHUGEPAGE), 0);
	ASSERT_EQ(orders(f.t, plain, TVA_PAGEFAULT), pmd);
	ASSERT_EQ(orders(f.t, advised, TVA_SMAPS), pmd);
	ASSERT_EQ(orders(f.t, nohuge, TVA_FORCED_COLLAPSE), 0);

	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 0, 0, 0), 0);
	ASSERT_EQ(orders(f.t, plain, TVA_PAGEFAULT), 0);
	ASSERT_EQ(orders(f.t, advised, TVA_PAGEFAULT), 0);
	ASSERT_EQ(orders(f.t, advised, TVA_SMAPS), 0);
	ASSERT_EQ(orders(f.t, plain, TVA_FORCED_COLLAPSE), 0);

	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0), 0);
	ASSERT_EQ(orders(f.t, plain, TVA_PAGEFAULT), 0);
	ASSERT_EQ(orders(f.t, plain, TVA_SMAPS), 0);
	ASSERT_EQ(orders(f.t, advised, TVA_PAGEFAULT), pmd);
	ASSERT_EQ(orders(f.t, advised, TVA_SMAPS), pmd);

	/* the faults follow: no THP in plain, one in advised */
	ASSERT_EQ(uaccess_memset(f.t, plain, 1, THP_SIZE), 0);
	ASSERT_EQ(uaccess_memset(f.t, advised, 1, THP_SIZE), 0);
	ASSERT_EQ(uaccess_memset(f.t, nohuge, 1, PG), 0);
	ASSERT_FALSE(pmd_mapped(f.t, plain));
	ASSERT_TRUE(pmd_mapped(f.t, advised));
	/* MADV_COLLAPSE is advice enough, MADV_NOHUGEPAGE still wins */
	ASSERT_EQ(orders(f.t, plain, TVA_FORCED_COLLAPSE), pmd);
	ASSERT_EQ(orders(f.t, nohuge, TVA_FORCED_COLLAPSE), 0);
	ASSERT_EQ(sys_madvise(f.t, plain, THP_SIZE, MADV_COLLAPSE), 0);
	ASSERT_TRUE(pmd_mapped(f.t, plain));
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, 0, 0, 0), 0);
	/* refused before it looks: even a range already PMD-mapped */
	ASSERT_EQ(sys_madvise(f.t, advised, THP_SIZE, MADV_COLLAPSE), -EINVAL);
	ASSERT_EQ(sys_munmap(f.t, plain, THP_SIZE), 0);
	ASSERT_EQ(map_anon(&f, plain, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), plain);
	ASSERT_EQ(uaccess_memset(f.t, plain, 1, THP_SIZE), 0);
	ASSERT_EQ(sys_madvise(f.t, plain, THP_SIZE, MADV_COLLAPSE), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(thp_disable_is_inherited_across_fork_and_stays_per_process)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_prctl(f.t, PR_SET_THP_DISABLE, 1, PR_THP_DISABLE_EXCEPT_ADVISED, 0, 0), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(sys_prctl(child, PR_GET_THP_DISABLE, 0, 0, 0, 0), 3);
	ASSERT_EQ(orders(child, ARENA, TVA_PAGEFAULT), 0);
	ASSERT_EQ(sys_prctl(child, PR_SET_THP_DISABLE, 0, 0, 0, 0), 0);
	ASSERT_EQ(orders(child, ARENA, TVA_PAGEFAULT), BIT(PMD_ORDER));
	ASSERT_EQ(sys_prctl(f.t, PR_GET_THP_DISABLE, 0, 0, 0, 0), 3);
	ASSERT_EQ(orders(f.t, ARENA, TVA_PAGEFAULT), 0);
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}
