// SPDX-License-Identifier: GPL-2.0
/*
 * signal.c - the one signal another process can send in the model:
 * SIGKILL, as kernel/signal.c delivers it.
 *
 * Sending SIGKILL to a process marks its whole thread group as exiting
 * (complete_signal() sets SIGNAL_GROUP_EXIT) and wakes it; the victim
 * then runs do_exit() when it is next scheduled, and only there gives up
 * its mm (exit_mm()).  The model is single-threaded and runs nothing
 * unasked, so a killed task stays in that moment - signalled, its memory
 * still there - until its owner finishes the exit with sys_exit().  In
 * between, process_mrelease(2) (oom_kill.c) may reap its memory, which is
 * the window that system call exists for.
 */
#include "internal.h"

/**
 * send_sig - send signal @sig to process @p.
 * @sig:  the signal; the model has SIGKILL only
 * @p:    the victim
 * @priv: nonzero when the kernel itself sends it (no permission check)
 *
 * Context: any task; the victim runs no more system calls.
 * Return: 0; -EINVAL for any other signal, -ESRCH when @p has already
 * exited (the OOM killer reaped it).
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	(void)priv;
	machine_enter(p->machine);
	if (sig != SIGKILL)
		return -EINVAL;
	if (p->exit_state == EXIT_ZOMBIE)
		return -ESRCH;
	p->signal_flags |= SIGNAL_GROUP_EXIT;
	return 0;
}

/* Whether a SIGKILL is on its way to @t: its exit will free its memory. */
bool fatal_signal_pending(const struct task_struct *t)
{
	return t->signal_flags & SIGNAL_GROUP_EXIT;
}
