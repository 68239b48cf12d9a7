// SPDX-License-Identifier: GPL-2.0
/*
 * test_mrelease.c - SIGKILL (lib/kernel/signal.c) and process_mrelease(2)
 * (lib/mm/oom_kill.c): the order of its checks, what the reap unmaps and
 * what it leaves, and that the reaped process still exits cleanly.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

TEST(process_mrelease_refuses_flags_bad_pidfds_and_live_processes)
{
	struct task_struct *child;
	struct fixture f;
	int pid;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	pid = task_pid_nr(child);
	/* flags are checked before the pidfd */
	ASSERT_EQ(sys_process_mrelease(f.t, -EBADF, 1), -EINVAL);
	ASSERT_EQ(sys_process_mrelease(f.t, -EBADF, 0), -EBADF);
	ASSERT_EQ(sys_process_mrelease(f.t, pid, 0x80000000u), -EINVAL);
	/* alive, no SIGKILL on its way: nothing to reap */
	ASSERT_EQ(sys_process_mrelease(f.t, pid, 0), -EINVAL);
	ASSERT_EQ(send_sig(SIGTERM, child, 0), -EINVAL);
	ASSERT_EQ(sys_process_mrelease(f.t, pid, 0), -EINVAL);
	sys_exit(child);
	ASSERT_EQ(sys_process_mrelease(f.t, pid, 0), -ESRCH);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(process_mrelease_reaps_private_memory_and_leaves_shared_file_pages)
{
	struct task_struct *child;
	struct file *mf;
	struct fixture f;
	struct folio *shared;
	unsigned long b = ARENA + 16 * PG;
	int pid;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mmap(f.t, b, PG, RW, MAP_SHARED | MAP_FIXED_NOREPLACE, mf, 0), (long)b);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 7, 2 * PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, b, 9, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	pid = task_pid_nr(child);
	ASSERT_EQ(uaccess_memset(child, ARENA + PG, 8, PG), 0);	/* its own copy */
	ASSERT_EQ(uaccess_memset(child, b, 9, PG), 0);	/* fork copied no shared PTE */
	shared = page_folio(pfn_to_page(pfn_of(f.t, b)));
	ASSERT_EQ(folio_mapcount(shared), 2);

	ASSERT_EQ(send_sig(SIGKILL, child, 0), 0);
	ASSERT_EQ(folio_mapcount(page_folio(pfn_to_page(pfn_of(f.t, ARENA)))), 2);
	ASSERT_EQ(sys_process_mrelease(f.t, pid, 0), 0);
	/* the COW-shared page and the child's copy are gone from the child */
	ASSERT_EQ(folio_mapcount(page_folio(pfn_to_page(pfn_of(f.t, ARENA)))), 1);
	ASSERT_TRUE(child->mm->flags & (1UL << MMF_UNSTABLE));
	/* the shared file page is not the reaper's */
	ASSERT_EQ(folio_mapcount(shared), 2);
	/* reaped already: a second call reaps nothing, and succeeds */
	ASSERT_EQ(sys_process_mrelease(f.t, pid, 0), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA + PG), 7);
	sys_exit(child);
	ASSERT_EQ(folio_mapcount(shared), 1);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

TEST(process_mrelease_reaps_only_the_killed_process)
{
	struct task_struct *a, *b;
	struct fixture f;

	/* two siblings, one killed: only its mapping of the page goes */
	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &a), 0);
	ASSERT_EQ(sys_fork(f.t, &b), 0);
	ASSERT_EQ(send_sig(SIGKILL, a, 0), 0);
	ASSERT_EQ(sys_process_mrelease(f.t, task_pid_nr(b), 0), -EINVAL);
	ASSERT_EQ(sys_process_mrelease(f.t, task_pid_nr(a), 0), 0);
	ASSERT_EQ(folio_mapcount(page_folio(pfn_to_page(pfn_of(f.t, ARENA)))), 2);
	sys_exit(a);
	sys_exit(b);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(sigkill_to_a_process_the_oom_killer_reaped_is_esrch)
{
	struct mmsim_config cfg;
	struct task_struct *child;
	struct fixture f;
	int pid;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 16UL << 20;
	ASSERT_EQ(machine_create(&cfg, &f.m), 0);
	ASSERT_EQ(task_create(f.m, &f.t), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	pid = task_pid_nr(child);
	ASSERT_EQ(map_anon(&f, ARENA, 32UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE),
		  ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 32UL << 20), SIGKILL);
	ASSERT_EQ(send_sig(SIGKILL, f.t, 0), -ESRCH);	/* gone already */
	ASSERT_EQ(sys_process_mrelease(child, task_pid_nr(f.t), 0), -ESRCH);
	ASSERT_EQ(send_sig(SIGKILL, child, 0), 0);
	ASSERT_EQ(sys_process_mrelease(child, pid, 0), 0);	/* itself, dying */
	CHECK_MM(f.m);
	sys_exit(f.t);
	sys_exit(child);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * After the reap the mm is MMF_UNSTABLE: a fault that would map a fresh
 * page into a private mapping is VM_FAULT_SIGBUS, so GUP into the victim
 * fails - on anonymous memory (do_anonymous_page), on a THP-eligible
 * range (the huge PMD fault) and on a private file mapping's COW
 * (finish_fault) - while a shared file page still faults in.
 */
TEST(faults_on_a_reaped_mm_are_sigbus_for_private_memory)
{
	unsigned long file = ARENA + (4UL << 20), shared = file + 16 * PG;
	unsigned long huge = ARENA + (8UL << 20);
	struct task_struct *child;
	struct file *mf;
	struct fixture f;
	char c = 5;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_mmap(f.t, file, PG, RW, MAP_PRIVATE | MAP_FIXED_NOREPLACE,
			   mf, 0), (long)file);
	ASSERT_EQ(sys_mmap(f.t, shared, PG, RW, MAP_SHARED | MAP_FIXED_NOREPLACE,
			   mf, 0), (long)shared);
	ASSERT_EQ(map_anon(&f, huge, 2UL << 20, RW, MAP_PRIVATE), huge);
	ASSERT_EQ(sys_madvise(f.t, huge, 2UL << 20, MADV_HUGEPAGE), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(send_sig(SIGKILL, child, 0), 0);
	ASSERT_EQ(sys_process_mrelease(f.t, task_pid_nr(child), 0), 0);
	ASSERT_EQ(access_remote_vm(child->mm, ARENA, &c, 1, FOLL_FORCE), -EFAULT);
	ASSERT_EQ(access_remote_vm(child->mm, huge, &c, 1, FOLL_FORCE), -EFAULT);
	ASSERT_EQ(access_remote_vm(child->mm, huge, &c, 1,
				   FOLL_FORCE | FOLL_WRITE), -EFAULT);
	ASSERT_EQ(access_remote_vm(child->mm, file, &c, 1,
				   FOLL_FORCE | FOLL_WRITE), -EFAULT);
	ASSERT_EQ(access_remote_vm(child->mm, shared, &c, 1, FOLL_FORCE), 1);
	CHECK_MM(f.m);
	/* the parent's mm is stable: the same faults map pages there */
	ASSERT_EQ(access_remote_vm(f.t->mm, ARENA, &c, 1, FOLL_FORCE), 1);
	ASSERT_EQ(access_remote_vm(f.t->mm, huge, &c, 1, FOLL_FORCE), 1);
	sys_exit(child);
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}
