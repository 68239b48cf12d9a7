// SPDX-License-Identifier: GPL-2.0
/*
 * array.c - /proc/PID/status, the memory part (the kernel's task_mem()):
 * sizes of the address space and its kinds, in the kernel's format
 * ("VmLck:\t      16 kB").  The model keeps no high-water marks, so
 * VmPeak and VmHWM repeat VmSize and VmRSS; there is no swap, no
 * executable and no library, so VmSwap, VmExe and VmLib are 0.  Then
 * THP_enabled (task_thp_status()): 0 once prctl(PR_SET_THP_DISABLE)
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

	status_kb(s, "VmPeak:", mm->total_vm);
	status_kb(s, "VmSize:", mm->total_vm);
	status_kb(s, "VmLck:", mm->locked_vm);
	status_kb(s, "VmPin:", mm->pinned_vm);
	status_kb(s, "VmHWM:", anon + file + shmem);
	status_kb(s, "VmRSS:", anon + file + shmem);
	status_kb(s, "RssAnon:", anon);
	status_kb(s, "RssFile:", file);
	status_kb(s, "RssShmem:", shmem);
	status_kb(s, "VmData:", mm->data_vm);
	status_kb(s, "VmStk:", mm->stack_vm);
	status_kb(s, "VmExe:", 0);
	status_kb(s, "VmLib:", 0);
	seq_buf_printf(s, "VmPTE:\t%8lu kB\n", mm->pgtables_bytes >> 10);
	status_kb(s, "VmSwap:", 0);
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
