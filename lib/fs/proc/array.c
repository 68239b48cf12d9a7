// SPDX-License-Identifier: GPL-2.0
/*
 * array.c - /proc/PID/status, the memory part (the kernel's task_mem()),
 * and /proc/PID/statm (task_statm()): sizes of the address space and its
 * kinds, from the mm's counters rather than from walking the VMAs, in the
 * kernel's formats ("VmLck:\t      16 kB"; statm in pages).
 *
 * The counters are those the kernel keeps: RSS per kind (rss_stat, moved
 * where entries are set and zapped - so a PFN map or the zero page counts
 * nothing, as in smaps), total_vm, data_vm, exec_vm and stack_vm by VMA
 * kind (vm_stat_account()), locked_vm, pinned_vm and the bytes of page
 * tables.  VmPeak and VmHWM are the larger of the high-water mark and the
 * current value: the marks are raised only before munmap lowers total_vm
 * and before a zap lowers RSS (update_hiwater_vm/_rss), fork starts them
 * at the child's own values, and clear_refs 5 resets VmHWM.  A model
 * process runs no executable: the text (VmExe, statm's text) is empty, so
 * every executable mapping is VmLib; there is no swap and no hugetlb.
 * Then THP_enabled (task_thp_status()): 0 once prctl(PR_SET_THP_DISABLE)
 * disabled THPs completely, else 1.
 */
#include "internal.h"

static void status_kb(struct seq_buf *s, const char *field, unsigned long pages)
{
	seq_buf_printf(s, "%s\t%8lu kB\n", field, pages << (PAGE_SHIFT - 10));
}

static void task_mem(struct seq_buf *s, struct mm_struct *mm)
{
	unsigned long anon = mm->rss_stat[MM_ANONPAGES];
	unsigned long file = mm->rss_stat[MM_FILEPAGES];
	unsigned long shmem = mm->rss_stat[MM_SHMEMPAGES];
	unsigned long total_rss = anon + file + shmem;
	unsigned long text = 0;		/* no start_code..end_code */
	unsigned long lib = mm->exec_vm - text;

	status_kb(s, "VmPeak:", max(mm->hiwater_vm, mm->total_vm));
	status_kb(s, "VmSize:", mm->total_vm);
	status_kb(s, "VmLck:", mm->locked_vm);
	status_kb(s, "VmPin:", mm->pinned_vm);
	status_kb(s, "VmHWM:", max(mm->hiwater_rss, total_rss));
	status_kb(s, "VmRSS:", total_rss);
	status_kb(s, "RssAnon:", anon);
	status_kb(s, "RssFile:", file);
	status_kb(s, "RssShmem:", shmem);
	status_kb(s, "VmData:", mm->data_vm);
	status_kb(s, "VmStk:", mm->stack_vm);
	status_kb(s, "VmExe:", text);
	status_kb(s, "VmLib:", lib);
	seq_buf_printf(s, "VmPTE:\t%8lu kB\n", mm->pgtables_bytes >> 10);
	status_kb(s, "VmSwap:", mm->rss_stat[MM_SWAPENTS]);
	status_kb(s, "HugetlbPages:", 0);	/* hugetlb_report_usage() */
}

int proc_pid_status(struct task_struct *t, struct seq_buf *s)
{
	machine_enter(t->machine);
	seq_buf_printf(s, "Pid:\t%d\n", t->pid);
	task_mem(s, t->mm);
	seq_buf_printf(s, "THP_enabled:\t%d\n",
		       !(t->mm->flags & (1UL << MMF_DISABLE_THP_COMPLETELY)));
	return s->err;
}

/**
 * proc_pid_statm - /proc/PID/statm of @t into @s: seven numbers in pages,
 * "size resident shared text lib data dt" (lib and dt always 0).
 * @t: the task
 * @s: the text buffer
 *
 * shared is the file and shmem RSS, data is data_vm plus stack_vm.
 *
 * Context: any task; @t's machine becomes current.
 * Return: 0; -EINVAL without a task or buffer; -ENOMEM when the text
 * could not grow.  A task without an mm prints seven zeros.
 */
int proc_pid_statm(struct task_struct *t, struct seq_buf *s)
{
	struct mm_struct *mm;
	unsigned long shared, resident;

	if (!t || !s)
		return -EINVAL;
	machine_enter(t->machine);
	mm = t->mm;
	if (!mm) {
		seq_buf_printf(s, "0 0 0 0 0 0 0\n");
		return s->err;
	}
	shared = mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_SHMEMPAGES];
	resident = shared + mm->rss_stat[MM_ANONPAGES];
	seq_buf_printf(s, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, resident,
		       shared, 0UL, mm->data_vm + mm->stack_vm);
	return s->err;
}

/**
 * proc_mark_hiwater - make @t's high-water marks the current values, for
 * a scenario's baseline (`proc_mark`).
 * @t: the task
 *
 * Not a kernel interface: the kernel resets VmHWM (clear_refs 5) but
 * never VmPeak.  The native backend reaches the same state on the host
 * by reserving VmPeak - VmSize of inaccessible address space outside the
 * arena, so that later growth shows in VmPeak on both.
 *
 * Context: any task; @t's machine becomes current.
 * Return: 0; -EINVAL without a task; -ESRCH when @t has no mm.
 */
int proc_mark_hiwater(struct task_struct *t)
{
	if (!t)
		return -EINVAL;
	machine_enter(t->machine);
	if (!t->mm)
		return -ESRCH;
	t->mm->hiwater_rss = get_mm_rss(t->mm);
	t->mm->hiwater_vm = t->mm->total_vm;
	return 0;
}
