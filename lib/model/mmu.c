// SPDX-License-Identifier: GPL-2.0
/*
 * mmu.c - the software MMU: a process's own loads and stores.
 *
 * Each access walks the four levels as the hardware would: it needs
 * _PAGE_PRESENT and _PAGE_USER at every level, and _PAGE_RW for a store;
 * a leaf at PUD or PMD level ends the walk.  A successful access sets
 * accessed (and dirty for a store) in the leaf entry - never soft-dirty,
 * which only the kernel sets.  A failed walk is a page fault: the
 * x86 fault handler's VMA and access checks, then handle_mm_fault(),
 * then the access is retried.  A user access whose fault runs out of RAM
 * invokes the OOM killer (oom_kill.c) and retries, unless this process
 * was the victim: SIGKILL.  A user access's result is 0 or the signal it
 * raised: SIGSEGV, SIGBUS or SIGKILL (or UACCESS_UFFD_WP).
 */
#include "internal.h"

#define MMU_RETRIES 8

/* The entry of the next level's table that entry @e links, at @index. */
static inline uint64_t *mmu_next(const uint64_t *e, unsigned long index)
{
	return pgtable_entries((*e & PTE_PFN_MASK) >> PAGE_SHIFT) + index;
}

/* Leaf @e maps a span of @span_mask + 1 bytes: the pfn of @addr's page. */
static inline uint64_t *mmu_leaf(uint64_t *e, unsigned long addr,
				 unsigned long span_mask, unsigned long *pfn)
{
	*pfn = ((*e & PTE_PFN_MASK) >> PAGE_SHIFT) + ((addr & span_mask) >> PAGE_SHIFT);
	return e;
}

/* Walk for @addr; return the leaf entry allowing the access, or NULL. */
static uint64_t *mmu_walk(struct mm_struct *mm, unsigned long addr, bool write,
			  unsigned long *pfn)
{
	const uint64_t need = _PAGE_PRESENT | _PAGE_USER | (write ? _PAGE_RW : 0);
	uint64_t *e = pgtable_entries(mm->pgd) + pgd_index(addr);

	if ((*e & need) != need)
		return NULL;
	e = mmu_next(e, pud_index(addr));
	if ((*e & need) != need)
		return NULL;
	if (*e & _PAGE_PSE)
		return mmu_leaf(e, addr, PUD_SIZE - 1, pfn);
	e = mmu_next(e, pmd_index(addr));
	if ((*e & need) != need)
		return NULL;
	if (*e & _PAGE_PSE)
		return mmu_leaf(e, addr, PMD_SIZE - 1, pfn);
	e = mmu_next(e, pte_index(addr));
	if ((*e & need) != need)
		return NULL;
	return mmu_leaf(e, addr, PAGE_SIZE - 1, pfn);
}

/*
 * The x86 page-fault handler for an access to user memory: by the
 * process itself (@user, FAULT_FLAG_USER) or by the kernel on its
 * behalf (copy_to_user), where the caller turns a signal into a fixup.
 */
static int do_user_addr_fault(struct mm_struct *mm, unsigned long addr,
			      bool write, bool user)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	unsigned int flags = (user ? FAULT_FLAG_USER : 0) |
			     (write ? FAULT_FLAG_WRITE : 0);
	vm_fault_t ret;

	if (!vma)
		return SIGSEGV;
	if (write ? !(vma->vm_flags & VM_WRITE) : !(vma->vm_flags & VM_ACCESS_FLAGS))
		return SIGSEGV;
	ret = handle_mm_fault(vma, addr, flags);
	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	if (ret & (VM_FAULT_SIGBUS | VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE))
		return SIGBUS;
	if (ret & VM_FAULT_SIGSEGV)
		return SIGSEGV;
	if (ret & VM_FAULT_RETRY)	/* handle_userfault: for the monitor */
		switch (mm->uffd_ctx.fault_reason) {
		case VM_UFFD_MISSING:
			return UACCESS_UFFD_MISSING;
		case VM_UFFD_MINOR:
			return UACCESS_UFFD_MINOR;
		default:
			return UACCESS_UFFD_WP;
		}
	return 0;
}

/*
 * mmu_translate - the frame holding the byte at @addr, faulting as
 * needed, for an access by the process (@user) or by the kernel.
 * Return: 0, SIGSEGV, SIGBUS, UACCESS_UFFD_WP/_MISSING/_MINOR or -ENOMEM.
 */
int mmu_translate(struct mm_struct *mm, unsigned long addr, bool write,
		  bool user, struct page **frame)
{
	for (int tries = 0; tries < MMU_RETRIES; tries++) {
		unsigned long pfn;
		uint64_t *e = mmu_walk(mm, addr, write, &pfn);
		int err;

		if (e) {
			*e |= _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);
			*frame = pfn_frame(pfn);
			return 0;
		}
		err = do_user_addr_fault(mm, addr, write, user);
		if (err)
			return err;
	}
	/* a handler that returns success without mapping anything */
	return SIGBUS;
}

/*
 * mmu_translate_nofault - the frame at @addr if the page tables allow the
 * access now, or -EFAULT: an access with page faults disabled
 * (pagefault_disable(), as __copy_from_user_inatomic() runs) never
 * enters the fault handler.
 */
int mmu_translate_nofault(struct mm_struct *mm, unsigned long addr,
			  bool write, struct page **frame)
{
	unsigned long pfn;
	uint64_t *e = mmu_walk(mm, addr, write, &pfn);

	if (!e)
		return -EFAULT;
	*e |= _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);
	*frame = pfn_frame(pfn);
	return 0;
}

/*
 * Out of memory for @t.  RAM really exhausted: the OOM killer kills the
 * worst process and reaps it; if that was @t, its access ends with
 * SIGKILL, else it is retried (-EAGAIN).  An injected allocation failure
 * is only retried (0), as the #PF handler retries a VM_FAULT_OOM.
 */
static int task_oom(struct task_struct *t)
{
	struct task_struct *victim;

	if (!t->machine->oom_pending)
		return 0;
	victim = out_of_memory(t->machine);
	return !victim || victim == t ? SIGKILL : -EAGAIN;
}

/* mmu_translate() for the process itself, with the OOM killer. */
static int user_translate(struct task_struct *t, unsigned long addr,
			  bool write, struct page **frame)
{
	for (int tries = 0; tries < MMU_RETRIES; ) {
		int err = mmu_translate(t->mm, addr, write, true, frame);

		if (err != -ENOMEM)
			return err;
		err = task_oom(t);
		if (err == SIGKILL)
			return err;
		if (!err)		/* a kill freed memory: not a retry */
			tries++;
	}
	return SIGBUS;
}

enum uaccess_kind { UA_READ, UA_WRITE, UA_FILL };

static int uaccess(struct task_struct *t, unsigned long addr, void *buf,
		   int byte, size_t len, enum uaccess_kind kind)
{
	size_t done = 0;

	if (!len)		/* no byte accessed: no address checked */
		return 0;
	if (addr >= TASK_SIZE || len > TASK_SIZE - addr)
		return SIGSEGV;
	while (done < len) {
		unsigned long a = addr + done;
		size_t off = a & (PAGE_SIZE - 1), n = min(len - done, PAGE_SIZE - off);
		struct page *frame;
		int err = user_translate(t, a, kind != UA_READ, &frame);

		if (err)
			return err;
		if (!frame) {	/* a PFN with nothing behind it */
			if (kind == UA_READ)
				memset((char *)buf + done, 0xff, n);
		} else if (kind == UA_READ) {
			frame_read(frame, off, (char *)buf + done, n);
		} else if (kind == UA_WRITE) {
			err = frame_write(frame, off, (const char *)buf + done, n);
		} else {
			err = frame_fill(frame, off, byte, n);
		}
		if (err) {
			/* the host holding the contents is out of memory */
			t->machine->oom_pending = true;
			err = task_oom(t);
			if (err != -EAGAIN)
				return err;
			continue;
		}
		done += n;
	}
	return 0;
}

int uaccess_read(struct task_struct *t, unsigned long addr, void *buf, size_t len)
{
	machine_enter(t->machine);
	return uaccess(t, addr, buf, 0, len, UA_READ);
}

int uaccess_write(struct task_struct *t, unsigned long addr, const void *buf,
		  size_t len)
{
	machine_enter(t->machine);
	return uaccess(t, addr, (void *)buf, 0, len, UA_WRITE);
}

int uaccess_touch(struct task_struct *t, unsigned long addr, bool write)
{
	struct page *frame;

	machine_enter(t->machine);
	if (addr >= TASK_SIZE)
		return SIGSEGV;
	return user_translate(t, addr, write, &frame);
}

int uaccess_memset(struct task_struct *t, unsigned long addr, int byte, size_t len)
{
	machine_enter(t->machine);
	return uaccess(t, addr, NULL, byte, len, UA_FILL);
}
