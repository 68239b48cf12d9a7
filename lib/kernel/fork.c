// SPDX-License-Identifier: GPL-2.0
/*
 * fork.c - processes: creation, fork (dup_mmap) and exit (exit_mmap).
 *
 * fork copies every VMA except VM_DONTCOPY ones; a VM_WIPEONFORK VMA is
 * copied empty.  Page tables are copied only where the kernel copies
 * them (copy_page_range: VMAs with an anon_vma, or PFN/mixed maps);
 * shared file pages elsewhere are faulted in again by the child.
 * mlock and mlockall(MCL_FUTURE) are not inherited; MDWE is unless
 * PR_MDWE_NO_INHERIT; limits and capabilities are copied.
 */
#include "internal.h"

static struct mm_struct *mm_alloc(struct machine *m)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->machine = m;
	mt_init(&mm->mm_mt);
	mm->mm_users = 1;
	INIT_LIST_HEAD(&mm->sealed);
	/* mm_id_alloc(): the model never runs out of its 2^31 - 1 ids */
	mm->mm_id = ++m->thp.next_mm_id;
	if (pgd_alloc(mm)) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

static struct task_struct *task_alloc(struct machine *m, struct mm_struct *mm)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->pid = m->next_pid++;
	t->mm = mm;
	t->machine = m;
	mm->owner = t;
	list_add_tail(&t->tasks, &m->tasks);
	return t;
}

int task_create(struct machine *m, struct task_struct **out)
{
	machine_enter(m);
	struct mm_struct *mm = mm_alloc(m);
	struct task_struct *t;

	if (!mm)
		return -ENOMEM;
	t = task_alloc(m, mm);
	if (!t) {
		pgd_free(mm);
		page_table_check_mm_gone(mm);
		kfree(mm);
		return -ENOMEM;
	}
	task_init_rlimits(t);
	*out = t;
	return 0;
}

void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	unmap_vmas(mm, vma_first(mm), 0, TASK_SIZE);
	mm_put_huge_zero_folio(mm);
	for (vma = vma_first(mm); vma; vma = next) {
		next = vma_next(vma);
		vma_unlink_tree(mm, vma);
		remove_vma(vma);
	}
	mtree_destroy(&mm->mm_mt);	/* and the nodes preallocated for it */
	pgd_free(mm);
	mseal_exit(mm);
	page_table_check_mm_gone(mm);
	kfree(mm);
}

/* Copy one VMA into @mm with its page tables; the child VMA is linked. */
static int dup_vma(struct mm_struct *mm, struct vm_area_struct *mpnt)
{
	struct vm_area_struct *tmp = vm_area_dup(mpnt);
	int err;

	if (!tmp)
		return -ENOMEM;
	tmp->vm_mm = mm;
	tmp->vm_flags &= ~VM_LOCKED_MASK;
	untrack_pfn_clear(tmp);		/* track_pfn_copy() below decides */
	/* dup_userfaultfd without UFFD_FEATURE_EVENT_FORK: not registered */
	if ((tmp->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)) &&
	    !dup_userfaultfd_keeps(mpnt->vm_mm)) {
		tmp->vm_flags &= ~(VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR);
		if (tmp->vm_flags & VM_SHARED)
			vma_set_page_prot(tmp);
	}
	if (vma_tree_prealloc(mm, tmp)) {
		vm_area_free(tmp);
		return -ENOMEM;
	}
	if (tmp->vm_flags & VM_WIPEONFORK)
		tmp->anon_vma = NULL;
	else if ((err = anon_vma_fork(tmp, mpnt))) {
		vm_area_free(tmp);
		return err;
	}
	vma_link(mm, tmp);
	vm_stat_account(mm, tmp->vm_flags, vma_pages(tmp));
	if (tmp->vm_ops && tmp->vm_ops->open)
		tmp->vm_ops->open(tmp);
	if (tmp->vm_flags & VM_WIPEONFORK)
		return 0;
	err = track_pfn_copy(tmp, mpnt);
	if (err)
		return err;
	err = copy_page_range(tmp, mpnt);
	if (err)
		untrack_pfn_copy(tmp, mpnt);
	return err;
}

/* What a child's mm keeps of its parent's flags. */
static unsigned long mmf_init_flags(unsigned long flags)
{
	/* each mm pins and takes the huge zero folio itself */
	flags &= ~(1UL << MMF_HAS_PINNED | 1UL << MMF_HUGE_ZERO_PAGE);
	if (flags & (1UL << MMF_HAS_MDWE_NO_INHERIT))
		flags &= ~((1UL << MMF_HAS_MDWE) | (1UL << MMF_HAS_MDWE_NO_INHERIT));
	return flags;
}

static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt;

	mm->flags = mmf_init_flags(oldmm->flags);
	/* mlockall(MCL_FUTURE) is not inherited (VM_INIT_DEF_MASK) */
	mm->def_flags = oldmm->def_flags & VM_NOHUGEPAGE;
	if (mseal_dup(mm, oldmm))
		return -ENOMEM;
	for_each_vma(oldmm, mpnt) {
		int err;

		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		err = dup_vma(mm, mpnt);
		if (err)
			return err;
	}
	dup_userfaultfd_complete(mm, oldmm);
	/* dup_mm(): the child's high-water marks start at what it has */
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return 0;
}

int sys_fork(struct task_struct *parent, struct task_struct **child)
{
	machine_enter(parent->machine);
	struct machine *m = parent->machine;
	struct mm_struct *mm = mm_alloc(m);
	struct task_struct *t;
	int err;

	if (!mm)
		return -ENOMEM;
	err = dup_mmap(mm, parent->mm);
	if (err) {
		exit_mmap(mm);
		return err;
	}
	t = task_alloc(m, mm);
	if (!t) {
		exit_mmap(mm);
		return -ENOMEM;
	}
	memcpy(t->rlim, parent->rlim, sizeof(t->rlim));
	t->cap_effective = parent->cap_effective;
	*child = t;
	return 0;
}

void sys_exit(struct task_struct *t)
{
	machine_enter(t->machine);

	if (t->exit_state != EXIT_ZOMBIE) {
		exit_mmap(t->mm);
		list_del(&t->tasks);
	} else {				/* the OOM killer reaped it */
		t->machine->nr_zombies--;
	}
	kfree(t);
}

int task_pid_nr(const struct task_struct *t)
{
	return t->pid;
}
