// SPDX-License-Identifier: GPL-2.0
/*
 * test_oom.c - out of RAM in a page fault: the OOM killer kills the
 * process the kernel's oom_badness() would pick, with SIGKILL, reaps its
 * memory, and the model stays consistent; an injected allocation
 * failure only makes the fault retry.  A user access's result is 0 or a
 * signal, never an errno.
 */
#include "helpers.h"
#include "../../lib/internal.h"

/* A 16 MiB machine (4096 frames) with process main. */
static int small_machine(struct fixture *f)
{
	struct mmsim_config cfg;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 16UL << 20;
	if (machine_create(&cfg, &f->m))
		return -1;
	return task_create(f->m, &f->t);
}

TEST(touching_more_than_ram_kills_the_toucher_with_sigkill)
{
	struct fixture f;

	ASSERT_EQ(small_machine(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 32UL << 20, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 32UL << 20), SIGKILL);
	ASSERT_EQ(task_signal(f.t), SIGKILL);
	ASSERT_TRUE(f.t->mm == NULL);
	CHECK_MM(f.m);
	sys_exit(f.t);
	CHECK_MM(f.m);		/* nothing left behind */
	machine_destroy(f.m);
}

/*
 *   main:  a 9 MiB, touched        <- the most resident pages: killed
 *   child: b 7 MiB, touching ...   <- its fault runs out, then completes
 */
TEST(the_victim_is_the_largest_process_and_the_faulting_one_goes_on)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(small_machine(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 9UL << 20, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 9UL << 20), 0);
	ASSERT_EQ(sys_mmap(child, ARENA + (1UL << 30), 7UL << 20,
			   PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
			   MAP_FIXED_NOREPLACE, NULL, 0), ARENA + (1UL << 30));
	ASSERT_GT(oom_badness(f.t), 2304);
	ASSERT_EQ(uaccess_memset(child, ARENA + (1UL << 30), 2, 7UL << 20), 0);
	ASSERT_EQ(task_signal(f.t), SIGKILL);
	ASSERT_EQ(task_signal(child), 0);
	ASSERT_EQ(peek(child, ARENA + (1UL << 30) + (7UL << 20) - 1), 2);
	CHECK_MM(f.m);
	sys_exit(f.t);
	sys_exit(child);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* Equal badness: the process created later is chosen, as the kernel walks. */
TEST(a_tie_kills_the_process_created_later)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(small_machine(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(oom_badness(f.t), oom_badness(child));
	machine_enter(f.m);
	ASSERT_TRUE(out_of_memory(f.m) == child);
	ASSERT_EQ(task_signal(child), SIGKILL);
	ASSERT_EQ(task_signal(f.t), 0);
	CHECK_MM(f.m);
	sys_exit(child);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* fail_page_alloc-style injection: the fault is retried, nobody dies. */
TEST(an_injected_allocation_failure_in_a_fault_only_retries)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1), 0);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	ASSERT_EQ(task_signal(f.t), 0);
	ASSERT_EQ(peek(f.t, ARENA), 3);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
