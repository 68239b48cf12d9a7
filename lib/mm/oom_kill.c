// SPDX-License-Identifier: GPL-2.0
/*
 * oom_kill.c - the OOM killer: when the model's RAM runs out, a process
 * is killed with SIGKILL so that the others can go on, as mm/oom_kill.c
 * does.
 *
 * The victim is the process with the highest oom_badness(): its resident
 * pages (anon, file and shmem), swap entries and page-table pages, as
 * Linux 6.18 counts them (oom_score_adj is 0 for every model process, and
 * every process is killable).  Processes are weighed in the order they
 * were created and a later one wins a tie, as select_bad_process() walks
 * them.
 *
 * In the kernel the allocator invokes the killer when it finds no memory
 * and then retries; a page fault that still fails with VM_FAULT_OOM is
 * retried.  The model kills where that is safe - when a user access's
 * fault has returned VM_FAULT_OOM and memory is really exhausted (an
 * injected allocation failure only retries) - and the victim's memory is
 * reaped at once (exit_mmap, as the OOM reaper and the exit do), so the
 * access is retried at once.  If the victim is the faulting process, its
 * access ends with SIGKILL.  A killed task is off the task list with no
 * mm; its owner releases it with sys_exit().  System calls that run out
 * of memory fail with ENOMEM in the model.
 */
#include "internal.h"

/* oom_badness - how much killing @t would free, in pages. */
long oom_badness(struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	if (!mm)
		return -1;
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] +
	       mm->rss_stat[MM_SHMEMPAGES] + mm->rss_stat[MM_SWAPENTS] +
	       (long)(mm->pgtables_bytes / PAGE_SIZE);
}

static struct task_struct *select_bad_process(struct machine *m)
{
	struct task_struct *t, *chosen = NULL;
	long chosen_points = 0;

	list_for_each_entry(t, &m->tasks, tasks) {
		long points = oom_badness(t);

		if (points < 0 || (chosen && points < chosen_points))
			continue;
		chosen = t;
		chosen_points = points;
	}
	return chosen;
}

/* SIGKILL @victim and reap its memory now. */
static void oom_kill_process(struct task_struct *victim)
{
	struct mm_struct *mm = victim->mm;

	victim->exit_state = EXIT_ZOMBIE;
	victim->exit_signal = SIGKILL;
	victim->machine->nr_zombies++;
	list_del_init(&victim->tasks);
	victim->mm = NULL;
	exit_mmap(mm);
}

struct task_struct *out_of_memory(struct machine *m)
{
	struct task_struct *victim = select_bad_process(m);

	m->oom_pending = false;
	if (victim) {
		m->ev.oom_kills++;
		oom_kill_process(victim);
	}
	return victim;
}

int task_signal(struct task_struct *t)
{
	return t->exit_state == EXIT_ZOMBIE ? t->exit_signal : 0;
}
