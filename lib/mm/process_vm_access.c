// SPDX-License-Identifier: GPL-2.0
/*
 * process_vm_access.c - process_vm_readv(2) (mm/process_vm_access.c):
 * one process reads another's memory directly, without ptrace.
 *
 * The remote pages are pinned with GUP - pin_user_pages_remote(), no
 * FOLL_FORCE, so a page the target itself could not read is refused, and
 * so is every VMA GUP refuses (PFN maps, secretmem) - and copied out a
 * page at a time.  The count is what was copied before the first page
 * that could not be pinned; nothing copied at all is EFAULT.  The model
 * has one remote range and a kernel buffer for the local side (the host
 * agent's is its own heap, always valid); the caller is root, so the
 * ptrace access check (mm_access()) always passes.
 *
 * A page whose fault goes to the target's userfaultfd monitor makes the
 * caller wait for it (killably, in handle_userfault()).  A process reading
 * itself has its monitor running, which serves the fault: the read goes
 * on.  Another target is idle while the caller runs, so the call never
 * returns, whatever it copied before: SYSCALL_BLOCKS.  The pins the
 * kernel holds meanwhile on the batch's earlier pages are not modelled -
 * nothing runs after.
 */
#include "internal.h"

/* The mm of the process with @pid, or NULL once it has none. */
static struct mm_struct *pid_mm(struct machine *m, int pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &m->tasks, tasks)
		if (t->pid == pid)
			return t->mm;
	return NULL;
}

/**
 * sys_process_vm_readv - process_vm_readv(2) by @t of [@addr, @addr +
 * @len) in the process @pid, into @buf.
 * @t:    the calling process
 * @pid:  the target's pid
 * @addr: the remote start
 * @len:  the bytes to read
 * @buf:  where they go (@len bytes)
 *
 * Context: any task.
 * Return: the bytes read (0 for @len 0, before the target is looked
 * up); -ESRCH when no process @pid has memory; -EFAULT when not even the
 * first byte could be read; SYSCALL_BLOCKS when a page's fault went to
 * the monitor of the target (not @t itself, whose monitor serves it):
 * @t waits for ever.
 */
ssize_t sys_process_vm_readv(struct task_struct *t, int pid,
			     unsigned long addr, size_t len, void *buf)
{
	unsigned int gup_flags = 0;
	struct mm_struct *mm;
	size_t done = 0;
	int locked = 1;

	machine_enter(t->machine);
	if (!len)
		return 0;
	mm = pid_mm(t->machine, pid);
	if (!mm)
		return -ESRCH;
	if (mm == t->mm)	/* its own monitor runs */
		gup_flags |= GUP_OWN_MONITOR;
	while (done < len) {
		unsigned long a = addr + done;
		size_t off = a & ~PAGE_MASK, n = min(len - done, PAGE_SIZE - off);
		struct page *page;
		long got;

		got = pin_user_pages_remote(mm, a & PAGE_MASK, 1, gup_flags, &page,
					    &locked);
		if (got == -EAGAIN && userfaultfd_waits_for_ever(t, mm))
			return SYSCALL_BLOCKS;
		if (got != 1)
			break;
		frame_read(page, off, (char *)buf + done, n);
		unpin_user_pages(&page, 1);
		done += n;
	}
	return done ? (ssize_t)done : -EFAULT;
}
