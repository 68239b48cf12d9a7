// SPDX-License-Identifier: GPL-2.0
/*
 * test_mlock.c - the mlock family and the limits on it (lib/mm/mlock.c,
 * lib/kernel/sys.c): lock-on-fault, mlockall's def_flags, RLIMIT_MEMLOCK
 * without CAP_IPC_LOCK, and RLIMIT_AS / RLIMIT_DATA in mmap, mprotect
 * and mremap.  Expected results are the host's (Linux 6.18).
 */
#include <sys/resource.h>

#include "helpers.h"
#include "../../lib/internal.h"

static struct vm_area_struct *vma_at(struct fixture *f, unsigned long addr)
{
	return vma_lookup(f->t->mm, addr);
}

TEST(lock_on_fault_locks_without_populating_and_lock_populates)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mlock2(f.t, ARENA, 4 * PG, MLOCK_ONFAULT), 0);
	ASSERT_EQ(vma_at(&f, ARENA)->vm_flags & VM_LOCKED_MASK, VM_LOCKED | VM_LOCKONFAULT);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_PRESENT);
	ASSERT_EQ(f.t->mm->locked_vm, 4);
	ASSERT_EQ(sys_mlock(f.t, ARENA, PG), 0);	/* splits off a populated, locked page */
	ASSERT_EQ(vma_at(&f, ARENA)->vm_flags & VM_LOCKED_MASK, VM_LOCKED);
	ASSERT_EQ(vma_at(&f, ARENA)->vm_end, ARENA + PG);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_PRESENT);
	ASSERT_EQ(f.t->mm->locked_vm, 4);
	ASSERT_EQ(sys_mlock2(f.t, ARENA, PG, 2), -EINVAL);
	ASSERT_EQ(sys_munlock(f.t, ARENA, 4 * PG), 0);
	ASSERT_EQ(f.t->mm->locked_vm, 0);
	ASSERT_EQ(vma_at(&f, ARENA)->vm_end, ARENA + 4 * PG);	/* merged back */
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(mlockall_future_locks_later_mappings_and_munlockall_undoes_it)
{
	struct fixture f;
	struct task_struct *child;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mlockall(f.t, 0), -EINVAL);
	ASSERT_EQ(sys_mlockall(f.t, MCL_ONFAULT), -EINVAL);
	ASSERT_EQ(sys_mlockall(f.t, 8), -EINVAL);
	ASSERT_EQ(sys_mlockall(f.t, MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT), 0);
	ASSERT_EQ(vma_at(&f, ARENA)->vm_flags & VM_LOCKED_MASK, VM_LOCKED | VM_LOCKONFAULT);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_PRESENT);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA + (1UL << 30));
	ASSERT_EQ(vma_at(&f, ARENA + (1UL << 30))->vm_flags & VM_LOCKED_MASK,
		  VM_LOCKED | VM_LOCKONFAULT);
	ASSERT_EQ(sys_fork(f.t, &child), 0);		/* neither lock nor MCL_FUTURE */
	ASSERT_EQ(vma_lookup(child->mm, ARENA)->vm_flags & VM_LOCKED_MASK, 0);
	ASSERT_EQ(child->mm->def_flags & VM_LOCKED_MASK, 0);
	ASSERT_EQ(sys_mlockall(f.t, MCL_FUTURE), 0);	/* existing VMAs untouched */
	ASSERT_EQ(map_anon(&f, ARENA + (2UL << 30), 2 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE), ARENA + (2UL << 30));
	ASSERT_EQ(vma_at(&f, ARENA + (2UL << 30))->vm_flags & VM_LOCKED_MASK, VM_LOCKED);
	ASSERT_TRUE(pagemap(f.t, ARENA + (2UL << 30)) & PM_PRESENT);
	ASSERT_EQ(sys_munlockall(f.t), 0);
	ASSERT_EQ(f.t->mm->locked_vm, 0);
	ASSERT_EQ(f.t->mm->def_flags & VM_LOCKED_MASK, 0);
	for (int i = 0; i < 3; i++)
		ASSERT_EQ(vma_at(&f, ARENA + ((unsigned long)i << 30))->vm_flags & VM_LOCKED_MASK, 0);
	CHECK_MM(f.m);
	sys_exit(child);
	machine_destroy(f.m);
}

/*
 * mlock, mlockall(MCL_CURRENT) and a mapping born under MCL_FUTURE all
 * leave a MAP_DROPPABLE VMA unlocked and uncharged (vma_supports_mlock()).
 * locked_vm is the part no scenario can compare with the host: under
 * mlockall the agent's own memory is in the host's VmLck.
 */
TEST(droppable_mapping_is_never_locked_nor_charged)
{
	const unsigned long drop = ARENA, priv = ARENA + 4 * PG, late = ARENA + 8 * PG;
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, drop, 2 * PG, PROT_READ | PROT_WRITE,
			   0x08 /* MAP_DROPPABLE */), (long)drop);
	ASSERT_EQ(map_anon(&f, priv, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), (long)priv);
	ASSERT_EQ(sys_mlock(f.t, drop, 2 * PG), 0);
	ASSERT_EQ(vma_at(&f, drop)->vm_flags & VM_LOCKED_MASK, 0);
	ASSERT_EQ(f.t->mm->locked_vm, 0);
	ASSERT_EQ(sys_mlockall(f.t, MCL_CURRENT | MCL_FUTURE), 0);
	ASSERT_EQ(vma_at(&f, drop)->vm_flags & VM_LOCKED_MASK, 0);
	ASSERT_EQ(vma_at(&f, priv)->vm_flags & VM_LOCKED_MASK, VM_LOCKED);
	ASSERT_EQ(f.t->mm->locked_vm, 2);
	ASSERT_EQ(map_anon(&f, late, 2 * PG, PROT_READ | PROT_WRITE,
			   0x08 /* MAP_DROPPABLE */), (long)late);
	ASSERT_EQ(vma_at(&f, late)->vm_flags & VM_LOCKED_MASK, 0);
	ASSERT_EQ(f.t->mm->locked_vm, 2);
	ASSERT_TRUE(pagemap(f.t, late) & PM_PRESENT);	/* still populated, as mmap's VM_LOCKED asked */
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munlockall(f.t), 0);
	ASSERT_EQ(f.t->mm->locked_vm, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(memlock_limit_applies_only_without_cap_ipc_lock)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 256 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_MEMLOCK, 16 * PG, 16 * PG), 0);
	ASSERT_EQ(sys_mlock(f.t, ARENA, 32 * PG), 0);		/* root: CAP_IPC_LOCK */
	ASSERT_EQ(sys_munlock(f.t, ARENA, 32 * PG), 0);
	ASSERT_EQ(capset_effective(f.t, CAP_IPC_LOCK, false), 0);
	ASSERT_EQ(sys_mlock(f.t, ARENA, 16 * PG), 0);
	ASSERT_EQ(sys_mlock(f.t, ARENA, 16 * PG + 1), -ENOMEM);
	ASSERT_EQ(sys_mlock(f.t, ARENA + PG, 16 * PG), -ENOMEM);
	ASSERT_EQ(sys_mlock(f.t, ARENA + 8 * PG, 8 * PG), 0);	/* already locked: free */
	ASSERT_EQ(sys_mlock2(f.t, ARENA + 16 * PG, PG, MLOCK_ONFAULT), -ENOMEM);
	ASSERT_EQ(f.t->mm->locked_vm, 16);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), PG, PROT_READ, MAP_PRIVATE | MAP_LOCKED),
		  -EAGAIN);
	ASSERT_EQ(sys_mlockall(f.t, MCL_CURRENT), -ENOMEM);
	ASSERT_EQ(sys_mlockall(f.t, MCL_FUTURE), 0);
	ASSERT_EQ(map_anon(&f, ARENA + (2UL << 30), PG, PROT_READ, MAP_PRIVATE), -EAGAIN);
	ASSERT_EQ(sys_munlockall(f.t), 0);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_MEMLOCK, 0, 0), 0);
	ASSERT_EQ(sys_mlock(f.t, ARENA, PG), -EPERM);
	ASSERT_EQ(sys_munlock(f.t, ARENA, PG), 0);
	ASSERT_EQ(map_anon(&f, ARENA + (3UL << 30), PG, PROT_READ, MAP_PRIVATE | MAP_LOCKED),
		  -EPERM);
	ASSERT_EQ(sys_mlockall(f.t, MCL_FUTURE), -EPERM);
	ASSERT_EQ(capset_effective(f.t, CAP_IPC_LOCK, true), 0);
	ASSERT_EQ(sys_mlock(f.t, ARENA, PG), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(growing_a_locked_mapping_with_mremap_is_eagain_past_the_limit)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(capset_effective(f.t, CAP_IPC_LOCK, false), 0);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_MEMLOCK, 4 * PG, 4 * PG), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 4 * PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_LOCKED), ARENA);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 4 * PG, 5 * PG, 0, 0), -EAGAIN);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 4 * PG, 3 * PG, 0, 0), ARENA);
	ASSERT_EQ(f.t->mm->locked_vm, 3);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 3 * PG, 4 * PG, 0, 0), ARENA);
	ASSERT_EQ(f.t->mm->locked_vm, 4);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(rlimit_as_bounds_every_mapping_and_rlimit_data_private_writable_ones)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_AS, 8 * PG, RLIM_INFINITY), 0);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_AS, 8 * PG, 4 * PG), -EINVAL);
	ASSERT_EQ(map_anon(&f, ARENA, 6 * PG, PROT_READ, MAP_SHARED), ARENA);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), 3 * PG, PROT_READ, MAP_PRIVATE), -ENOMEM);
	ASSERT_EQ(map_anon(&f, ARENA + (1UL << 30), 2 * PG, PROT_READ, MAP_PRIVATE),
		  ARENA + (1UL << 30));
	/* MAP_FIXED over existing pages: only the growth counts */
	ASSERT_EQ(sys_mmap(f.t, ARENA, 6 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			   NULL, 0), ARENA);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 6 * PG, 7 * PG, 0, 0), -ENOMEM);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY), 0);
	ASSERT_EQ(f.t->mm->data_vm, 0);
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_DATA, 4 * PG, RLIM_INFINITY), 0);
	ASSERT_EQ(sys_mprotect(f.t, ARENA, 4 * PG, PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(f.t->mm->data_vm, 4);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + 4 * PG, PG, PROT_READ | PROT_WRITE), -ENOMEM);
	ASSERT_EQ(map_anon(&f, ARENA + (2UL << 30), PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  -ENOMEM);
	ASSERT_EQ(map_anon(&f, ARENA + (2UL << 30), PG, PROT_READ | PROT_WRITE, MAP_SHARED),
		  ARENA + (2UL << 30));			/* shared is not data */
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PG, PROT_READ), 0);
	ASSERT_EQ(f.t->mm->data_vm, 3);
	/* a soft limit of 0 under a larger hard one is let through (Valgrind) */
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_DATA, 0, RLIM_INFINITY), 0);
	ASSERT_EQ(map_anon(&f, ARENA + (3UL << 30), PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  ARENA + (3UL << 30));
	ASSERT_EQ(sys_setrlimit(f.t, RLIMIT_DATA, 0, 0), 0);
	ASSERT_EQ(map_anon(&f, ARENA + (4UL << 30), PG, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  -ENOMEM);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
