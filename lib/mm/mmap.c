// SPDX-License-Identifier: GPL-2.0
/*
 * mmap.c - mmap(2) and munmap(2), and the rules that turn vm_flags into
 * the protection bits of entries (vm_page_prot, write-notify).
 *
 * Order of a new mapping, as in the kernel's __mmap_region():
 *
 *   1. validate, compute vm_flags, unmap what MAP_FIXED replaces;
 *   2. try to merge with a neighbour (before any driver is asked);
 *   3. otherwise allocate a VMA and call the file's ->mmap hook, which
 *      may change flags and insert entries;
 *   4. only then settle vm_page_prot (vma_set_page_prot): write-notify is
 *      decided after the driver has run, which is what seed 000 is about.
 */
#include <limits.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "internal.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08
#endif
#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif

#define MMAP_BASE	0x7ff000000000UL

static const pteval_t protection_map[16] = {
	[0] = PAGE_NONE,
	[VM_READ] = PAGE_READONLY,
	[VM_WRITE] = PAGE_COPY,
	[VM_WRITE | VM_READ] = PAGE_COPY,
	[VM_EXEC] = PAGE_READONLY_EXEC,
	[VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
	[VM_EXEC | VM_WRITE] = PAGE_COPY_EXEC,
	[VM_EXEC | VM_WRITE | VM_READ] = PAGE_COPY_EXEC,
	[VM_SHARED] = PAGE_NONE,
	[VM_SHARED | VM_READ] = PAGE_READONLY,
	[VM_SHARED | VM_WRITE] = PAGE_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ] = PAGE_SHARED,
	[VM_SHARED | VM_EXEC] = PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE] = PAGE_SHARED_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = PAGE_SHARED_EXEC,
};

pgprot_t vm_get_page_prot(vm_flags_t vm_flags)
{
	return __pgprot(protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)]);
}

/* New protection for @flags, keeping the cache-mode bits of @old. */
static pgprot_t vm_pgprot_modify(pgprot_t old, vm_flags_t flags)
{
	return __pgprot((pgprot_val(old) & _PAGE_CACHE_MASK) |
			pgprot_val(vm_get_page_prot(flags)));
}

static bool vma_fs_can_writeback(struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_PFNMAP)
		return false;
	return vma->vm_file && vma->vm_file->f_mapping &&
	       (vma->vm_file->f_mapping->flags & AS_CAN_WRITEBACK);
}

/*
 * vma_needs_dirty_tracking - a shared writable mapping whose stores must
 * be noticed page by page: its driver has ->page_mkwrite/->pfn_mkwrite,
 * or its file writes back.  GUP may not pin such a mapping writable for
 * the long term (the pin would write behind writeback's back).
 */
bool vma_needs_dirty_tracking(struct vm_area_struct *vma)
{
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return false;
	if (vma->vm_ops && (vma->vm_ops->page_mkwrite || vma->vm_ops->pfn_mkwrite))
		return true;
	return vma_fs_can_writeback(vma);
}

bool vma_wants_writenotify(struct vm_area_struct *vma, pgprot_t vm_page_prot)
{
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return false;
	if (vma->vm_ops && (vma->vm_ops->page_mkwrite || vma->vm_ops->pfn_mkwrite))
		return true;
	/* the driver chose protections pgprot_modify would not keep */
	if (pgprot_val(vm_page_prot) !=
	    pgprot_val(vm_pgprot_modify(vm_page_prot, vma->vm_flags)))
		return false;
	if (current_machine()->profile.soft_dirty && !(vma->vm_flags & VM_SOFTDIRTY))
		return true;
	if (vma->vm_flags & VM_UFFD_WP)
		return true;
	return vma_fs_can_writeback(vma);
}

void vma_set_page_prot(struct vm_area_struct *vma)
{
	vm_flags_t flags = vma->vm_flags;
	pgprot_t prot = vm_pgprot_modify(vma->vm_page_prot, flags);

	if (vma_wants_writenotify(vma, prot))
		prot = vm_pgprot_modify(prot, flags & ~VM_SHARED);
	vma->vm_page_prot = prot;
}

static bool is_data_mapping(vm_flags_t flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_STACK_FLAGS)) == VM_WRITE;
}

/*
 * may_expand_vm - can @mm grow by @npages of @flags?  RLIMIT_AS bounds
 * every mapping, RLIMIT_DATA private writable ones (with the kernel's
 * allowance for a soft limit of 0 under a larger hard one, kept for
 * Valgrind).
 */
bool may_expand_vm(struct mm_struct *mm, vm_flags_t flags, unsigned long npages)
{
	struct task_struct *t = mm->owner;

	if (mm->total_vm + npages > task_rlimit(t, RLIMIT_AS) >> PAGE_SHIFT)
		return false;
	if (is_data_mapping(flags) &&
	    mm->data_vm + npages > task_rlimit(t, RLIMIT_DATA) >> PAGE_SHIFT) {
		if (task_rlimit(t, RLIMIT_DATA) == 0 &&
		    mm->data_vm + npages <= task_rlimit_max(t, RLIMIT_DATA) >> PAGE_SHIFT)
			return true;
		return false;
	}
	return true;
}

/* Pages of the VMAs in [start, end) (what MAP_FIXED would replace). */
unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long start,
				    unsigned long end)
{
	unsigned long n = 0;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma))
		n += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
	return n;
}

void vm_stat_account(struct mm_struct *mm, vm_flags_t flags, long npages)
{
	mm->total_vm += npages;
	if (is_data_mapping(flags))
		mm->data_vm += npages;
	else if ((flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK_FLAGS)
		mm->stack_vm += npages;
}

/*
 * Top-down search for a free range below MMAP_BASE, as
 * unmapped_area_topdown(): the highest gap that fits, found in O(log n)
 * through the gaps the VMA tree keeps.
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long addr = vma_find_gap_topdown(mm, len, MMAP_MIN_ADDR, MMAP_BASE);

	return addr ? addr : (unsigned long)-ENOMEM;
}

/* round_hint_to_min(): a hint below mmap_min_addr is raised to it. */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < MMAP_MIN_ADDR)
		return MMAP_MIN_ADDR;
	return hint;
}

static vm_flags_t calc_vm_flags(unsigned long prot, unsigned long flags)
{
	vm_flags_t vm = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if (flags & MAP_LOCKED)
		vm |= VM_LOCKED;
	if (flags & MAP_NORESERVE)
		vm |= VM_NORESERVE;
	return vm;
}

static bool accountable_mapping(vm_flags_t vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

/* The flags mmap() ever knew before MAP_SHARED_VALIDATE (LEGACY_MAP_MASK). */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | \
			 MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)
/*
 * file_mmap_ok - does [pgoff, pgoff + len) fit the file's offsets?
 * Regular files end at MAX_LFS_FILESIZE; the model's devices take any
 * unsigned offset.
 */
static bool file_mmap_ok(struct file *file, pgoff_t pgoff, unsigned long len)
{
	unsigned long maxsize = (unsigned long)MAX_LFS_FILESIZE;

	if (file->f_op != &shmem_file_operations)
		return true;
	if (len > maxsize)
		return false;
	maxsize -= len;
	return pgoff <= maxsize >> PAGE_SHIFT;
}

/*
 * The map type and the file's mode decide the flags of a file mapping;
 * unknown flags are refused only with MAP_SHARED_VALIDATE (EOPNOTSUPP).
 */
static int mmap_check_file(struct file *file, unsigned long prot,
			   unsigned long flags, vm_flags_t *vm_flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		flags &= LEGACY_MAP_MASK;
		/* fall through */
	case MAP_SHARED_VALIDATE:
		if (flags & ~(unsigned long)LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		/* fall through */
	case MAP_PRIVATE:
		break;
	default:
		return -EINVAL;
	}
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if (file->f_mode & FMODE_NOEXEC) {
		if (*vm_flags & VM_EXEC)
			return -EPERM;
		*vm_flags &= ~VM_MAYEXEC;
	}
	if (!file->f_op || (!file->f_op->mmap && !file->f_op->mmap_prepare))
		return -ENODEV;
	return memfd_check_seals_mmap(file, vm_flags);
}

/*
 * An anonymous mapping: shared (pgoff 0), private (pgoff follows the
 * address, for the anon_vma) or droppable (Linux 6.11: private memory
 * the kernel may drop under pressure, never swapped, locked, dumped or
 * inherited).
 */
static int mmap_check_anon(unsigned long addr, unsigned long flags,
			   vm_flags_t *vm_flags, pgoff_t *pgoff)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		*pgoff = 0;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		return 0;
	case MAP_DROPPABLE:
		if (flags & (MAP_LOCKED | MAP_GROWSDOWN))
			return -EINVAL;
		*vm_flags |= VM_DROPPABLE | VM_NORESERVE | VM_WIPEONFORK |
			     VM_DONTDUMP;
		/* fall through */
	case MAP_PRIVATE:
		*pgoff = addr >> PAGE_SHIFT;
		return 0;
	}
	return -EINVAL;
}

static int mmap_new_vma(struct mm_struct *mm, struct file *file,
			unsigned long addr, unsigned long len,
			vm_flags_t vm_flags, pgoff_t pgoff,
			struct vm_area_struct **out, struct mmap_action *action,
			struct ma_state *mas);

/*
 * mmap_region - create the mapping [addr, addr+len), which the caller has
 * checked; any mapping there is unmapped first.
 */
static long mmap_region(struct mm_struct *mm, struct file *file,
			unsigned long addr, unsigned long len,
			vm_flags_t vm_flags, pgoff_t pgoff)
{
	/* one position for the lookup, the merge and the link (vma_iterator) */
	MA_STATE(mas, &mm->mm_mt, addr, addr);
	struct vm_area_struct *vma = NULL, *next = mas_find(&mas, ULONG_MAX);
	struct mmap_action action = { .type = MMAP_NOTHING };
	bool replaces = next && next->vm_start < addr + len;
	int err;

	if (map_deny_write_exec(mm, vm_flags, vm_flags))
		return -EACCES;
	if (!may_expand_vm(mm, vm_flags, (len >> PAGE_SHIFT) -
			   (replaces ? count_vma_pages_range(mm, addr, addr + len) : 0)))
		return -ENOMEM;
	if (replaces) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
		mas_set_range(&mas, addr, addr);
		next = mas_find(&mas, ULONG_MAX);
	}
	if (accountable_mapping(vm_flags))
		vm_flags |= VM_ACCOUNT;
	vma = vma_merge_new_range_next(mm, next, addr, addr + len, vm_flags,
				       file, pgoff);
	if (!vma) {
		err = mmap_new_vma(mm, file, addr, len, vm_flags, pgoff, &vma,
				   &action, &mas);
		if (err)
			return err;
	}
	vm_stat_account(mm, vma->vm_flags, len >> PAGE_SHIFT);
	if (vma->vm_flags & VM_LOCKED) {
		if (!vma_supports_mlock(vma))
			vma->vm_flags &= ~VM_LOCKED_MASK;
		else
			mm->locked_vm += len >> PAGE_SHIFT;
	}
	if (current_machine()->profile.soft_dirty)
		vma->vm_flags |= VM_SOFTDIRTY;
	vma_set_page_prot(vma);
	/* mmap_prepare: the core maps what the driver described, prot settled */
	err = mmap_action_complete(vma, &action);
	if (err) {
		do_munmap(mm, addr, len);
		return err;
	}
	return addr;
}

/* Undo a driver's ->mmap that failed: drop what it mapped and the VMA. */
static void mmap_abort_vma(struct vm_area_struct *vma)
{
	untrack_pfn(vma);
	zap_page_range(vma, vma->vm_start, vma->vm_end);
	unlink_anon_vmas(vma);
	vm_area_free(vma);
}

static int __mmap_file(struct file *file, struct vm_area_struct *vma,
		       struct mmap_action *action)
{
	struct vm_area_desc desc;
	int err;

	if (!file->f_op->mmap_prepare)
		return file->f_op->mmap(file, vma);
	desc = (struct vm_area_desc) {
		.mm = vma->vm_mm, .file = file, .start = vma->vm_start,
		.end = vma->vm_end, .pgoff = vma->vm_pgoff,
		.vm_flags = vma->vm_flags, .page_prot = vma->vm_page_prot,
	};
	err = file->f_op->mmap_prepare(&desc);
	if (err)
		return err;
	vma->vm_flags = desc.vm_flags;
	vma->vm_pgoff = desc.pgoff;
	vma->vm_page_prot = desc.page_prot;
	vma->vm_ops = desc.vm_ops;
	vma->vm_private_data = desc.private_data;
	*action = desc.action;
	return 0;
}

/* The driver's hook runs as the driver: what it allocates is its own. */
static int mmap_file(struct file *file, struct vm_area_struct *vma,
		     struct mmap_action *action)
{
	int prev = driver_enter(file);
	int err = __mmap_file(file, vma, action);

	driver_exit(prev);
	return err;
}

static int mmap_new_vma(struct mm_struct *mm, struct file *file,
			unsigned long addr, unsigned long len,
			vm_flags_t vm_flags, pgoff_t pgoff,
			struct vm_area_struct **out, struct mmap_action *action,
			struct ma_state *mas)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err = 0;

	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	if (vma_tree_prealloc(mm, vma)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	if (file) {
		vma->vm_file = get_file(file);
		err = mmap_file(file, vma, action);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	}
	if (err) {
		mmap_abort_vma(vma);
		return err;
	}
	vma_link_at(mm, vma, mas);
	*out = vma;
	return 0;
}

long sys_mmap(struct task_struct *t, unsigned long addr, unsigned long len,
	      unsigned long prot, unsigned long flags, struct file *file,
	      unsigned long off)
{
	machine_enter(t->machine);
	struct mm_struct *mm = t->mm;
	vm_flags_t vm_flags;
	pgoff_t pgoff;
	long ret;
	int err;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (flags & MAP_ANONYMOUS)
		file = NULL;
	else if (!file)
		return -EBADF;
	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	pgoff = off >> PAGE_SHIFT;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	/* too many mappings? (the kernel compares with >, unlike split_vma) */
	if (mm->map_count > sysctl_max_map_count())
		return -ENOMEM;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (flags & MAP_FIXED) {
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		err = security_mmap_addr(t, addr);
		if (err)
			return err;
		if ((flags & MAP_FIXED_NOREPLACE) && find_vma(mm, addr) &&
		    find_vma(mm, addr)->vm_start < addr + len)
			return -EEXIST;
	} else {
		addr = arch_get_unmapped_area_topdown(mm, round_hint_to_min(addr), len);
		if (IS_ERR_VALUE_ADDR(addr))
			return (long)addr;
	}
	vm_flags = calc_vm_flags(prot, flags) | mm->def_flags;
	if ((flags & MAP_LOCKED) && !can_do_mlock(t))
		return -EPERM;
	if (!mlock_future_ok(mm, vm_flags, len))
		return -EAGAIN;
	if (file) {
		if (!file_mmap_ok(file, pgoff, len))
			return -EOVERFLOW;
		err = mmap_check_file(file, prot, flags, &vm_flags);
	} else {
		err = mmap_check_anon(addr, flags, &vm_flags, &pgoff);
	}
	if (err)
		return err;
	ret = mmap_region(mm, file, addr, len, vm_flags, pgoff);
	if (ret < 0)
		return ret;
	if ((flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE ||
	    (vm_flags & VM_LOCKED))
		__mm_populate(mm, addr, len, true);
	return ret;
}

/*
 * __mm_populate - fault in [start, start+len) as MAP_POPULATE and mlock
 * do: write faults in private writable VMAs (to break COW now), read
 * faults elsewhere; PFN maps are passed over.  An inaccessible VMA is
 * EFAULT, as GUP without FOLL_FORCE finds it.  mmap ignores errors;
 * mlock reports them.
 */
int __mm_populate(struct mm_struct *mm, unsigned long start, unsigned long len,
		  bool ignore_errors)
{
	unsigned long end = start + len;
	struct vm_area_struct *vma;
	int ret = 0, locked = 1;

	if (start >= end)	/* the kernel's loop runs while nstart < end */
		return 0;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma)) {
		bool write = (vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;

		if (vma->vm_flags & (VM_IO | VM_PFNMAP))
			continue;
		/* lock-on-fault: pages are locked as they come, not faulted now */
		if (vma->vm_flags & VM_LOCKONFAULT)
			continue;
		if (vma_is_secretmem(vma))	/* GUP refuses it */
			ret = -EFAULT;
		else
			ret = populate_vma_range(vma, max(start, vma->vm_start),
						 min(end, vma->vm_end), write, &locked);
		if (ret == -EHWPOISON)	/* no FOLL_HWPOISON here: a plain fault */
			ret = -EFAULT;
		if (ret == -ENOMEM || (ret && !ignore_errors))
			return ret;
		ret = 0;
	}
	return ret;
}

/*
 * Detach every VMA in [start, end) (splitting the edges), zap their
 * entries, free the page tables left covering nothing, and release them.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	MA_STATE(mas, &mm->mm_mt, start, start);
	unsigned long end;
	struct vm_area_struct *vma, *last, *next, *prev;
	int err;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;
	vma = mas_find(&mas, ULONG_MAX);
	if (!vma || vma->vm_start >= end)
		return 0;
	/*
	 * As vms_gather_munmap_vmas() (6.12+): the first VMA is split at
	 * @start - unless it is sealed, or a hole punched in it would pass
	 * vm.max_map_count - then each VMA of the range is checked for a
	 * seal, and the last split at @end.  A failure leaves split what
	 * was split before it, as the kernel's does.
	 */
	if (start > vma->vm_start) {
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count())
			return -ENOMEM;
		if (vma_is_sealed(vma))
			return -EPERM;
		err = __split_vma(&mas, vma, start, 1);
		if (err)
			return err;
	}
	for (last = vma; last && last->vm_start < end; last = vma_next(last)) {
		if (vma_is_sealed(last))
			return -EPERM;
		if (last->vm_end > end) {
			/* the part below end is the new VMA */
			err = __split_vma(&mas, last, end, 1);
			if (err)
				return err;
			if (last == vma)
				vma = find_vma(mm, start);
			break;
		}
	}
	prev = vma_prev(vma);
	unmap_vmas(mm, vma, start, end);
	update_hiwater_vm(mm);
	while (vma && vma->vm_start < end) {
		next = vma_next(vma);
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		if (vma->vm_flags & VM_LOCKED)
			mm->locked_vm -= vma_pages(vma);
		vma_unlink_tree_at(mm, vma, &mas);
		remove_vma(vma);
		vma = next;
	}
	vma_check_range(mm, start, end, true);
	free_pgtables(mm, start, end, prev ? prev->vm_end : 0,
		      vma ? vma->vm_start : TASK_SIZE);
	return 0;
}

int sys_munmap(struct task_struct *t, unsigned long addr, unsigned long len)
{
	machine_enter(t->machine);
	return do_munmap(t->mm, addr, len);
}
