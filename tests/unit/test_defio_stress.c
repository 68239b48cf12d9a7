// SPDX-License-Identifier: GPL-2.0
/*
 * test_defio_stress.c - the randomized fb_defio workload's own oracle
 * (tools/mmsim/stress/defio_stress.c, compiled in here as the kernel's
 * tools/testing/vma compiles mm/vma.c): it must see a write no flush
 * listed when a "design" leaves an entry writable after the flush, shrink
 * the run to a few operations that still lose one, and see nothing in
 * the model's own designs.
 */
#include "helpers.h"
#include "../../lib/internal.h"
#include "../../tools/mmsim/stress/defio_stress.c"

/* What a flush that misses entries leaves: every fb entry writable. */
static void leave_writable(struct machine *m)
{
	struct task_struct *t;
	struct vm_area_struct *vma;

	list_for_each_entry(t, &m->tasks, tasks)
		for_each_vma(t->mm, vma) {
			if (!vma->vm_file || !(vma->vm_flags & VM_SHARED) ||
			    !(vma->vm_flags & VM_WRITE))
				continue;
			for (unsigned long a = vma->vm_start; a < vma->vm_end; a += PG) {
				pte_t *ptep = walk_to_pte(t->mm, a, NULL, NULL);

				if (ptep && pte_present(*ptep))
					set_pte_at(t->mm, a, ptep, pte_mkwrite(*ptep));
			}
		}
}

static const struct defio_op lossy[] = {
	{ OP_MMAP, 0x00, 0, 1 },	/* main: 2 shared rw pages at offset 0 */
	{ OP_WRITE, 0, 0, 0x11 },	/* page 0 listed */
	{ OP_READ, 0, 1, 0 },
	{ OP_FLUSH, 0, 0, 0 },		/* write-protected, then writable again */
	{ OP_WRITE, 0, 0, 0x22 },	/* no fault: not listed */
	{ OP_FLUSH, 0, 0, 0 },
};

TEST(defio_stress_sees_a_write_no_flush_listed)
{
	struct defio_result r;

	ASSERT_EQ(defio_run("wrprotect", lossy, 6, true, NULL, &r), 0);
	ASSERT_EQ(r.lost, 0);			/* the model's own flush */
	ASSERT_EQ(r.check_failures, 0);
	defio_stress_after_flush = leave_writable;
	ASSERT_EQ(defio_run("wrprotect", lossy, 6, false, NULL, &r), 0);
	defio_stress_after_flush = NULL;
	ASSERT_EQ(r.lost, 1);
	ASSERT_EQ(r.lost_at, 5);
	ASSERT_EQ(r.writes, 2);
}

TEST(defio_stress_shrinks_a_loss_to_few_operations)
{
	struct defio_op ops[400];
	size_t n;

	defio_random_ops(7, ops, 400);
	memcpy(ops + 200, lossy, sizeof(lossy));
	defio_stress_after_flush = leave_writable;
	n = defio_shrink("wrprotect", ops, 400);
	defio_stress_after_flush = NULL;
	ASSERT_LT(n, 12);
	ASSERT_GT(n, 2);
}

TEST(defio_stress_loses_nothing_in_the_models_designs)
{
	static const char *const designs[] = { "mkclean", "wrprotect", "kmemfb" };
	struct defio_op ops[3000];
	struct defio_result r;

	defio_random_ops(3, ops, 3000);
	for (int d = 0; d < 3; d++) {
		ASSERT_EQ(defio_run(designs[d], ops, 3000, true, NULL, &r), 0);
		ASSERT_EQ(r.lost, 0);
		ASSERT_EQ(r.check_failures, 0);
		ASSERT_GT(r.writes, 100);
		ASSERT_GT(r.flushes, 100);
		ASSERT_EQ(r.field_writes > 0, d == 0);	/* only mkclean fakes fields */
	}
}
