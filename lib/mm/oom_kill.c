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
 *
 * process_mrelease(2) (Linux 5.15) is the reaper on demand: a process
 * that has been sent SIGKILL (signal.c) but has not yet run its exit
 * still has its memory, and another process holding a pidfd of it may
 * reap that memory at once - what __oom_reap_task_mm() unmaps: the
 * private and anonymous VMAs, but hugetlb and PFN maps - rather than
 * wait for the exit.  A second call reaps again, finds nothing, and
 * succeeds too; only the exit (exit_mmap()) or the OOM reaper marks the
 * mm MMF_OOM_SKIP, after which there is nothing left to reap.
 *
 * The reap marks the mm MMF_UNSTABLE first: from then on a fault that
 * would map a fresh page into a private mapping of it (the anonymous
 * and COW paths of memory.c and huge_memory.c) is VM_FAULT_SIGBUS
 * (check_stable_address_space()), so nobody - GUP from another process
 * included - mistakes a reaped page for a zero one.
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

/*
 * __oom_reap_task_mm - unmap what the exit would free without writing
 * anything back: every private or anonymous VMA's pages (shared file
 * pages stay in the page cache, hugetlb and PFN maps are left alone).
 * PTE markers stay, as they would for the zap of an exiting mm.
 */
static void __oom_reap_task_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mm->flags |= 1UL << MMF_UNSTABLE;
	for_each_vma(mm, vma) {
		if (vma->vm_flags & (VM_HUGETLB | VM_PFNMAP))
			continue;
		if (vma_is_anonymous(vma) || !(vma->vm_flags & VM_SHARED))
			unmap_page_range(vma, vma->vm_start, vma->vm_end, NULL);
	}
}

/* task_will_free_mem(): @t is on its way out, and nobody else has its mm. */
static bool task_will_free_mem(struct task_struct *t)
{
	struct task_struct *p;

	if (!fatal_signal_pending(t))
		return false;
	list_for_each_entry(p, &t->machine->tasks, tasks)
		if (p != t && p->mm == t->mm && !fatal_signal_pending(p))
			return false;
	return true;
}

/**
 * sys_process_mrelease - process_mrelease(2) by @t.
 * @t:     the calling process
 * @pid:   the pid the pidfd refers to, or the negative errno resolving
 *         it gave (-EBADF: no pidfd)
 * @flags: must be 0
 *
 * Reaps the memory of a process that has been sent SIGKILL but has not
 * exited yet.
 *
 * Context: any task.
 * Return: 0 (also when the memory was reaped before); -EINVAL for
 * @flags, or when the process is not being killed (and its mm is not
 * MMF_OOM_SKIP); -EBADF when @pid is no pidfd; -ESRCH when the process
 * has given up its mm already.
 */
int sys_process_mrelease(struct task_struct *t, int pid, unsigned int flags)
{
	struct task_struct *p, *target = NULL;
	struct mm_struct *mm;

	machine_enter(t->machine);
	if (flags)
		return -EINVAL;
	if (pid < 0)
		return pid;
	list_for_each_entry(p, &t->machine->tasks, tasks)
		if (p->pid == pid)
			target = p;
	if (!target || !target->mm)	/* find_lock_task_mm() found none */
		return -ESRCH;
	mm = target->mm;
	if (!task_will_free_mem(target))
		return mm->flags & (1UL << MMF_OOM_SKIP) ? 0 : -EINVAL;
	if (!(mm->flags & (1UL << MMF_OOM_SKIP)))
		__oom_reap_task_mm(mm);
	return 0;
}

int task_signal(struct task_struct *t)
{
	return t->exit_state == EXIT_ZOMBIE ? t->exit_signal : 0;
}
