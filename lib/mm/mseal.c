// SPDX-License-Identifier: GPL-2.0
/*
 * mseal.c - mseal(2) (Linux 6.10): seal a range of VMAs against change.
 *
 * mseal(start, len, 0) checks its arguments, refuses a range with a hole
 * (ENOMEM, nothing sealed), then gives every VMA of the range VM_SEALED
 * through vma_modify_flags(), splitting at the edges and merging with
 * sealed neighbours (smaps "sl").  Sealing is inherited by fork and
 * cannot be undone.
 *
 * What a seal refuses, with EPERM, is checked where each operation
 * decides (as in Linux 6.18):
 *
 *   munmap, and mmap MAP_FIXED or mremap onto a sealed range
 *			do_munmap(), for the whole range before anything
 *   mprotect		mprotect_fixup(), VMA by VMA
 *   mremap		the source VMA, before anything
 *   madvise		discarding advice on anonymous memory the process
 *			cannot write (madvise.c, can_madvise_modify)
 *
 * Other flag changes (mlock, MADV_DONTFORK on writable memory, ...) are
 * allowed: the seal protects the mapping - its range, protection and
 * backing - not every flag.
 *
 * For the checker, each mseal() keeps a record per VMA it sealed of what
 * the seal protects (mm->sealed; forks copy it): mm_check() verifies that
 * every recorded range is still mapped by sealed VMAs with the same
 * protection, file and offset.
 */
#include "internal.h"

/*
 * struct mseal_record - what one seal promised: [start, end) stays mapped
 * with @prot (VM_READ|VM_WRITE|VM_EXEC), @file at @pgoff (of @start).
 */
struct mseal_record {
	struct list_head list;		/* mm->sealed */
	unsigned long start, end;
	vm_flags_t prot;
	struct file *file;		/* not a reference: compared only */
	pgoff_t pgoff;
};

int can_modify_vmas(struct vm_area_struct *vma, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma_next(vma))
		if (vma_is_sealed(vma))
			return -EPERM;
	return 0;
}

int can_modify_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end)
{
	return can_modify_vmas(find_vma(mm, start), end);
}

static bool range_contains_unmapped(struct mm_struct *mm, unsigned long start,
				    unsigned long end)
{
	unsigned long prev_end = start;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma_next(vma)) {
		if (vma->vm_start > prev_end)
			return true;
		prev_end = vma->vm_end;
	}
	return prev_end < end;
}

static void mseal_records_free(struct list_head *head)
{
	struct mseal_record *r, *n;

	list_for_each_entry_safe(r, n, head, list) {
		list_del(&r->list);
		kfree(r);
	}
}

/* One record per VMA of the range, allocated before anything is sealed. */
static int mseal_records_alloc(struct mm_struct *mm, unsigned long start,
			       unsigned long end, struct list_head *out)
{
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma_next(vma)) {
		struct mseal_record *r;

		if (vma_is_sealed(vma))	/* already recorded */
			continue;
		r = kzalloc(sizeof(*r), GFP_KERNEL);
		if (!r) {
			mseal_records_free(out);
			return -ENOMEM;
		}
		r->start = max(start, vma->vm_start);
		r->end = min(end, vma->vm_end);
		r->prot = vma->vm_flags & VM_ACCESS_FLAGS;
		r->file = vma->vm_file;
		r->pgoff = linear_page_index(vma, r->start);
		list_add_tail(&r->list, out);
	}
	return 0;
}

static int mseal_apply(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
{
	unsigned long curr = start;

	while (curr < end) {
		struct vm_area_struct *vma = find_vma(mm, curr);
		unsigned long next = min(end, vma->vm_end);
		int err;

		if (!vma_is_sealed(vma) &&
		    !vma_modify_flags(vma, curr, next, vma->vm_flags | VM_SEALED,
				      &err))
			return err;
		curr = next;
	}
	return 0;
}

static int do_mseal(struct mm_struct *mm, unsigned long start, size_t len_in,
		    unsigned long flags)
{
	struct mseal_record *r, *n;
	struct list_head records;
	unsigned long end;
	size_t len;
	int err;

	if (flags)
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)	/* rounded up from near -1 to 0 */
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	if (range_contains_unmapped(mm, start, end))
		return -ENOMEM;
	INIT_LIST_HEAD(&records);
	err = mseal_records_alloc(mm, start, end, &records);
	if (err)
		return err;
	err = mseal_apply(mm, start, end);
	/* On failure the part sealed stays sealed, as in the kernel. */
	list_for_each_entry_safe(r, n, &records, list) {
		struct vm_area_struct *vma = vma_lookup(mm, r->start);

		list_del(&r->list);
		if (vma && vma_is_sealed(vma) && vma->vm_end >= r->end)
			list_add_tail(&r->list, &mm->sealed);
		else
			kfree(r);
	}
	return err;
}

int sys_mseal(struct task_struct *t, unsigned long start, size_t len,
	      unsigned long flags)
{
	machine_enter(t->machine);
	return do_mseal(t->mm, start, len, flags);
}

/* ---- fork and exit -------------------------------------------------------- */

/* A copy of [start, end) of seal @r for the child @mm. */
static int mseal_record_copy(struct mm_struct *mm, const struct mseal_record *r,
			     unsigned long start, unsigned long end)
{
	struct mseal_record *copy;

	if (start >= end)
		return 0;
	copy = kmalloc(sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	*copy = *r;
	copy->start = start;
	copy->end = end;
	copy->pgoff = r->pgoff + ((start - r->start) >> PAGE_SHIFT);
	list_add_tail(&copy->list, &mm->sealed);
	return 0;
}

/*
 * The child's seals: the parent's, but for the VMAs fork does not copy
 * (MADV_DONTFORK, allowed on a sealed VMA that is not read-only anon):
 * the child has nothing there, sealed or not.
 */
int mseal_dup(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct mseal_record *r;

	list_for_each_entry(r, &oldmm->sealed, list) {
		unsigned long from = r->start;
		struct vm_area_struct *vma;
		int err;

		for (vma = find_vma(oldmm, r->start); vma && vma->vm_start < r->end;
		     vma = vma_next(vma)) {
			if (!(vma->vm_flags & VM_DONTCOPY))
				continue;
			err = mseal_record_copy(mm, r, from, max(vma->vm_start, from));
			if (err)
				return err;
			from = min(vma->vm_end, r->end);
		}
		err = mseal_record_copy(mm, r, from, r->end);
		if (err)
			return err;
	}
	return 0;
}

void mseal_exit(struct mm_struct *mm)
{
	mseal_records_free(&mm->sealed);
}

/* ---- the checker ---------------------------------------------------------- */

/* NULL, or what is wrong with the seal @r in @mm (in a static buffer). */
static const char *mseal_record_check(struct mm_struct *mm,
				      const struct mseal_record *r)
{
	static char why[160];
	unsigned long addr = r->start;

	while (addr < r->end) {
		struct vm_area_struct *vma = vma_lookup(mm, addr);

		if (!vma)
			snprintf(why, sizeof(why), "sealed range %lx-%lx: %lx unmapped",
				 r->start, r->end, addr);
		else if (!vma_is_sealed(vma))
			snprintf(why, sizeof(why), "sealed range %lx-%lx: vma at %lx lost VM_SEALED",
				 r->start, r->end, addr);
		else if ((vma->vm_flags & VM_ACCESS_FLAGS) != r->prot ||
			 vma->vm_file != r->file ||
			 linear_page_index(vma, addr) !=
			 r->pgoff + ((addr - r->start) >> PAGE_SHIFT))
			snprintf(why, sizeof(why), "sealed range %lx-%lx: vma at %lx changed protection or backing",
				 r->start, r->end, addr);
		else {
			addr = vma->vm_end;
			continue;
		}
		return why;
	}
	return NULL;
}

/* The seals of @mm that meet [start, end) (the incremental check). */
const char *mseal_check_range(struct mm_struct *mm, unsigned long start,
			      unsigned long end)
{
	struct mseal_record *r;

	list_for_each_entry(r, &mm->sealed, list) {
		const char *why;

		if (r->end <= start || r->start >= end)
			continue;
		why = mseal_record_check(mm, r);
		if (why)
			return why;
	}
	return NULL;
}

const char *mseal_check(struct mm_struct *mm)
{
	return mseal_check_range(mm, 0, -1UL);
}
