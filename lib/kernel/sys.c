// SPDX-License-Identifier: GPL-2.0
/*
 * sys.c - a process's resource limits (setrlimit/getrlimit), its
 * capabilities, and prctl(2) for what the memory manager honours:
 * PR_SET_MDWE / PR_GET_MDWE and PR_SET_THP_DISABLE / PR_GET_THP_DISABLE.
 *
 * A new process starts with the kernel's INIT_RLIMITS (no limit, but
 * RLIMIT_MEMLOCK at 8 MiB) and every capability, as root does; fork
 * copies both.  The memory manager consults them through the mm's owner:
 * RLIMIT_AS and RLIMIT_DATA in may_expand_vm() (mmap, mprotect, mremap),
 * RLIMIT_MEMLOCK in mlock, mlockall, MAP_LOCKED and mremap unless the
 * process has CAP_IPC_LOCK - which root has, so on the host only a
 * process that dropped it meets that limit.
 *
 * MDWE (memory-deny-write-execute) is a property of the mm: once set it
 * cannot be cleared or changed, and fork passes it on unless
 * PR_MDWE_NO_INHERIT was asked for.
 *
 * PR_SET_THP_DISABLE is a property of the mm too, one of two states
 * (Linux 6.18): MMF_DISABLE_THP_COMPLETELY, or with
 * PR_THP_DISABLE_EXCEPT_ADVISED MMF_DISABLE_THP_EXCEPT_ADVISED (THPs only
 * where MADV_HUGEPAGE or MADV_COLLAPSE asks); huge_memory.c's
 * vma_thp_disabled() applies them.  It can be set, changed and cleared at
 * will, and fork always passes it on.
 */
#include <sys/resource.h>

#include "internal.h"

#define MLOCK_LIMIT	(8UL << 20)	/* include/uapi/linux/resource.h */

void task_init_rlimits(struct task_struct *t)
{
	for (int i = 0; i < MMSIM_RLIM_NLIMITS; i++)
		t->rlim[i] = (struct rlimit_pair){ RLIM_INFINITY, RLIM_INFINITY };
	t->rlim[RLIMIT_MEMLOCK] = (struct rlimit_pair){ MLOCK_LIMIT, MLOCK_LIMIT };
	t->cap_effective = ~0ULL;
}

unsigned long task_rlimit(const struct task_struct *t, unsigned int limit)
{
	return t->rlim[limit].rlim_cur;
}

unsigned long task_rlimit_max(const struct task_struct *t, unsigned int limit)
{
	return t->rlim[limit].rlim_max;
}

bool has_capability(const struct task_struct *t, int cap)
{
	return t->cap_effective & (1ULL << cap);
}

int sys_setrlimit(struct task_struct *t, unsigned int resource,
		  unsigned long cur, unsigned long max)
{
	machine_enter(t->machine);
	if (resource >= MMSIM_RLIM_NLIMITS)
		return -EINVAL;
	if (cur > max)
		return -EINVAL;
	if (max > t->rlim[resource].rlim_max &&
	    !has_capability(t, CAP_SYS_RESOURCE))
		return -EPERM;
	t->rlim[resource] = (struct rlimit_pair){ cur, max };
	return 0;
}

int sys_getrlimit(struct task_struct *t, unsigned int resource,
		  unsigned long *cur, unsigned long *max)
{
	if (resource >= MMSIM_RLIM_NLIMITS)
		return -EINVAL;
	*cur = t->rlim[resource].rlim_cur;
	*max = t->rlim[resource].rlim_max;
	return 0;
}

int capset_effective(struct task_struct *t, int cap, bool on)
{
	if (cap < 0 || cap > CAP_LAST_CAP)
		return -EINVAL;
	if (on)
		t->cap_effective |= 1ULL << cap;
	else
		t->cap_effective &= ~(1ULL << cap);
	return 0;
}

static long get_current_mdwe(struct mm_struct *mm)
{
	long ret = 0;

	if (mm->flags & (1UL << MMF_HAS_MDWE))
		ret |= PR_MDWE_REFUSE_EXEC_GAIN;
	if (mm->flags & (1UL << MMF_HAS_MDWE_NO_INHERIT))
		ret |= PR_MDWE_NO_INHERIT;
	return ret;
}

static long prctl_set_mdwe(struct mm_struct *mm, unsigned long bits,
			   unsigned long arg3, unsigned long arg4,
			   unsigned long arg5)
{
	long current_bits;

	if (arg3 || arg4 || arg5)
		return -EINVAL;
	if (bits & ~(PR_MDWE_REFUSE_EXEC_GAIN | PR_MDWE_NO_INHERIT))
		return -EINVAL;
	if ((bits & PR_MDWE_NO_INHERIT) && !(bits & PR_MDWE_REFUSE_EXEC_GAIN))
		return -EINVAL;
	current_bits = get_current_mdwe(mm);
	if (current_bits && current_bits != (long)bits)
		return -EPERM;		/* cannot be changed once set */
	if (bits & PR_MDWE_NO_INHERIT)
		mm->flags |= 1UL << MMF_HAS_MDWE_NO_INHERIT;
	if (bits & PR_MDWE_REFUSE_EXEC_GAIN)
		mm->flags |= 1UL << MMF_HAS_MDWE;
	return 0;
}

/* prctl_set_thp_disable(): flags only when disabling, and only the one. */
static long prctl_set_thp_disable(struct mm_struct *mm, bool thp_disable,
				  unsigned long flags, unsigned long arg4,
				  unsigned long arg5)
{
	unsigned long all = 1UL << MMF_DISABLE_THP_COMPLETELY |
			    1UL << MMF_DISABLE_THP_EXCEPT_ADVISED;

	if (arg4 || arg5)
		return -EINVAL;
	if ((!thp_disable && flags) || (flags & ~PR_THP_DISABLE_EXCEPT_ADVISED))
		return -EINVAL;
	mm->flags &= ~all;
	if (thp_disable && (flags & PR_THP_DISABLE_EXCEPT_ADVISED))
		mm->flags |= 1UL << MMF_DISABLE_THP_EXCEPT_ADVISED;
	else if (thp_disable)
		mm->flags |= 1UL << MMF_DISABLE_THP_COMPLETELY;
	return 0;
}

/* 1 when disabled, with PR_THP_DISABLE_EXCEPT_ADVISED when so; else 0. */
static long prctl_get_thp_disable(struct mm_struct *mm, unsigned long arg2,
				  unsigned long arg3, unsigned long arg4,
				  unsigned long arg5)
{
	if (arg2 || arg3 || arg4 || arg5)
		return -EINVAL;
	if (mm->flags & (1UL << MMF_DISABLE_THP_COMPLETELY))
		return 1;
	if (mm->flags & (1UL << MMF_DISABLE_THP_EXCEPT_ADVISED))
		return 1 | PR_THP_DISABLE_EXCEPT_ADVISED;
	return 0;
}

long sys_prctl(struct task_struct *t, int option, unsigned long arg2,
	       unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
	machine_enter(t->machine);
	switch (option) {
	case PR_SET_MDWE:
		return prctl_set_mdwe(t->mm, arg2, arg3, arg4, arg5);
	case PR_GET_MDWE:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return get_current_mdwe(t->mm);
	case PR_SET_THP_DISABLE:
		return prctl_set_thp_disable(t->mm, arg2 != 0, arg3, arg4, arg5);
	case PR_GET_THP_DISABLE:
		return prctl_get_thp_disable(t->mm, arg2, arg3, arg4, arg5);
	}
	return -EINVAL;
}
