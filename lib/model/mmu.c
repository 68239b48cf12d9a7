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
 * raised: SIGSEGV, SIGBUS or SIGKILL (or UACCESS_UFFD_WP, _MISSING,
 * _MINOR: the fault went to the userfaultfd monitor).  A kernel-mode
 * access (copy_to_user) whose fault goes to the monitor is served by it
 * (userfaultfd_monitor_serve()) and retried.
 *
 * The walk keeps a paging-structure cache per mm (see mmu_walk()),
 * flushed by every write above the PTE level, so it is never stale.
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

/*
 * The paging-structure cache.  A walk that reaches a PTE table through
 * three link entries caches the table and the AND of the three entries'
 * bits for its 2 MiB region, as x86's PDE cache does; the next access in
 * that region reads only its PTE.  Unlike the hardware's cache this one
 * never goes stale: every write that changes or clears a PGD, PUD or
 * PMD entry (a table unlinked, a huge leaf set or cleared) empties it,
 * a table is freed only after it is unlinked, and nothing is cached
 * below an empty entry, so a hit gives what a full walk would.
 */
static inline unsigned long pde_tag(unsigned long addr)
{
	return (addr >> PMD_SHIFT) + 1;
}

static inline struct mmu_pde_cache *pde_slot(struct mm_struct *mm,
					     unsigned long addr)
{
	return &mm->pde_cache[(addr >> PMD_SHIFT) % MMU_PDE_CACHE_SLOTS];
}

/**
 * mmu_flush_pde_cache - forget every cached PTE table of @mm.
 * @mm: whose entry above the PTE level is being written.
 *
 * Context: pgtable.c's writers of PGD/PUD/PMD entries.
 */
void mmu_flush_pde_cache(struct mm_struct *mm)
{
	memset(mm->pde_cache, 0, sizeof(mm->pde_cache));
}

/* Does slot @c name what a full walk from the PGD reaches now? */
static bool pde_slot_fresh(struct mm_struct *mm, const struct mmu_pde_cache *c)
{
	unsigned long addr = (c->tag - 1) << PMD_SHIFT;
	uint64_t *e, upper;

	if (pde_slot(mm, addr) != c)
		return false;
	e = pgtable_entries(mm->pgd) + pgd_index(addr);
	upper = *e;
	if (!(*e & _PAGE_PRESENT))
		return false;
	e = mmu_next(e, pud_index(addr));
	upper &= *e;
	if (!(*e & _PAGE_PRESENT) || (*e & _PAGE_PSE))
		return false;
	e = mmu_next(e, pmd_index(addr));
	upper &= *e;
	if (!(*e & _PAGE_PRESENT) || (*e & _PAGE_PSE))
		return false;
	return mmu_next(e, 0) == c->ptes && upper == c->upper;
}

/**
 * mmu_pde_cache_check - compare each cached PTE table of @mm with a
 * full walk from the PGD.
 * @mm: the address space.
 *
 * Return: 0, or -EINVAL if a slot names a table or bits a walk of the
 * page tables would not reach now (a writer that failed to flush).
 */
int mmu_pde_cache_check(struct mm_struct *mm)
{
	for (int i = 0; i < MMU_PDE_CACHE_SLOTS; i++)
		if (mm->pde_cache[i].tag && !pde_slot_fresh(mm, &mm->pde_cache[i]))
			return -EINVAL;
	return 0;
}

/*
 * The full walk for @addr, which caches the PTE table it reaches in
 * slot @c; out of line, since most accesses hit the cache.
 */
static __attribute__((noinline)) uint64_t *
mmu_walk_tables(struct mm_struct *mm, unsigned long addr, uint64_t need,
		struct mmu_pde_cache *c, unsigned long *pfn)
{
	uint64_t *e = pgtable_entries(mm->pgd) + pgd_index(addr), upper;

	if ((*e & need) != need)
		return NULL;
	upper = *e;
	e = mmu_next(e, pud_index(addr));
	if ((*e & need) != need)
		return NULL;
	if (*e & _PAGE_PSE)
		return mmu_leaf(e, addr, PUD_SIZE - 1, pfn);
	upper &= *e;
	e = mmu_next(e, pmd_index(addr));
	if ((*e & need) != need)
		return NULL;
	if (*e & _PAGE_PSE)
		return mmu_leaf(e, addr, PMD_SIZE - 1, pfn);
	upper &= *e;
	e = mmu_next(e, 0);
	*c = (struct mmu_pde_cache){ pde_tag(addr), upper, e };
	e += pte_index(addr);
	if ((*e & need) != need)
		return NULL;
	return mmu_leaf(e, addr, PAGE_SIZE - 1, pfn);
}

/* Walk for @addr; return the leaf entry allowing the access, or NULL. */
static inline __attribute__((always_inline)) uint64_t *
mmu_walk(struct mm_struct *mm, unsigned long addr, bool write,
	 unsigned long *pfn)
{
	const uint64_t need = _PAGE_PRESENT | _PAGE_USER | (write ? _PAGE_RW : 0);
	struct mmu_pde_cache *c = pde_slot(mm, addr);
	uint64_t *e;

	if (c->tag != pde_tag(addr))
		return mmu_walk_tables(mm, addr, need, c, pfn);
#ifdef __SANITIZE_ADDRESS__
	/* the sanitized corpus run proves every hit fresh */
	VM_BUG_ON(!pde_slot_fresh(mm, c));
#endif
	e = c->ptes + pte_index(addr);
	if ((*e & c->upper & need) != need)
		return NULL;
	return mmu_leaf(e, addr, PAGE_SIZE - 1, pfn);
}

/* pfn_frame(), with the common case, a frame of RAM, inline. */
static inline struct page *mmu_frame(unsigned long pfn)
{
	return likely(pfn_valid(pfn)) ? pfn_to_page(pfn) : pfn_frame(pfn);
}

/*
 * The x86 page-fault handler for an access to user memory: by the
 * process itself (FAULT_FLAG_USER in @flags) or by the kernel on its
 * behalf (copy_to_user), where the caller turns a signal into a fixup;
 * a store if FAULT_FLAG_WRITE.  The caller makes the flags, which are
 * constant where it is inline.
 */
static int do_user_addr_fault(struct mm_struct *mm, unsigned long addr,
			      unsigned int flags)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	bool write = flags & FAULT_FLAG_WRITE;
	vm_fault_t ret;

	if (!vma)
		return SIGSEGV;
	if (write ? !(vma->vm_flags & VM_WRITE) : !(vma->vm_flags & VM_ACCESS_FLAGS))
		return SIGSEGV;
	ret = handle_mm_fault(vma, addr, flags);
	if (likely(!(ret & (VM_FAULT_ERROR | VM_FAULT_RETRY))))
		return 0;
	if (ret & VM_FAULT_OOM)
		return -ENOMEM;
	if (ret & (VM_FAULT_SIGBUS | VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE))
		return SIGBUS;
	if (ret & VM_FAULT_SIGSEGV)
		return SIGSEGV;
	/*
	 * handle_userfault: for the monitor.  A kernel-mode fault is retried
	 * until the monitor has served it (no signal but a fatal one ends
	 * it); the process's own access is ended by the monitor's signal.
	 */
	if ((ret & VM_FAULT_RETRY) && !(flags & FAULT_FLAG_USER))
		return userfaultfd_monitor_serve(mm);
	if (ret & VM_FAULT_RETRY)
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
static inline __attribute__((always_inline)) int
__mmu_translate(struct mm_struct *mm, unsigned long addr, bool write,
		bool user, struct page **frame)
{
	for (int tries = 0; tries < MMU_RETRIES; tries++) {
		unsigned long pfn;
		uint64_t *e = mmu_walk(mm, addr, write, &pfn);
		int err;

		if (e) {
			*e |= _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0);
			if (frame)	/* a touch needs no frame */
				*frame = mmu_frame(pfn);
			return 0;
		}
		err = do_user_addr_fault(mm, addr, (user ? FAULT_FLAG_USER : 0) |
					 (write ? FAULT_FLAG_WRITE : 0));
		if (err)
			return err;
	}
	/* a handler that returns success without mapping anything */
	return SIGBUS;
}

int mmu_translate(struct mm_struct *mm, unsigned long addr, bool write,
		  bool user, struct page **frame)
{
	return __mmu_translate(mm, addr, write, user, frame);
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
	*frame = mmu_frame(pfn);
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

/* The access ran out of memory: the OOM killer, then retry. */
static __attribute__((noinline)) int
user_translate_oom(struct task_struct *t, unsigned long addr, bool write,
		   struct page **frame)
{
	for (int tries = 0; ; ) {
		int err = task_oom(t);

		if (err == SIGKILL)
			return err;
		/* an injected failure (0) counts; a kill (-EAGAIN) freed memory */
		if (!err && ++tries == MMU_RETRIES)
			return SIGBUS;
		err = mmu_translate(t->mm, addr, write, true, frame);
		if (err != -ENOMEM)
			return err;
	}
}

/* mmu_translate() for the process itself, with the OOM killer. */
static inline int user_translate(struct task_struct *t, unsigned long addr,
				 bool write, struct page **frame)
{
	int err = __mmu_translate(t->mm, addr, write, true, frame);

	if (likely(err != -ENOMEM))
		return err;
	return user_translate_oom(t, addr, write, frame);
}

enum uaccess_kind { UA_READ, UA_WRITE, UA_FILL };

/* Inline in each entry point below: @kind is constant in each. */
static inline __attribute__((always_inline)) int
uaccess(struct task_struct *t, unsigned long addr, void *buf, int byte,
	size_t len, enum uaccess_kind kind)
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
	machine_enter(t->machine);
	if (addr >= TASK_SIZE)
		return SIGSEGV;
	return user_translate(t, addr, write, NULL);
}

static inline __attribute__((always_inline)) int
touch_range(struct task_struct *t, unsigned long addr, unsigned long end,
	    unsigned long stride, bool write)
{
	/* the user addresses, then SIGSEGV at the first above them */
	unsigned long limit = min(end, TASK_SIZE);

	for (; addr < limit; addr += stride) {
		int sig = user_translate(t, addr, write, NULL);

		if (sig)
			return sig;
	}
	return addr < end ? SIGSEGV : 0;
}

int uaccess_touch_range(struct task_struct *t, unsigned long addr,
			unsigned long end, unsigned long stride, bool write)
{
	machine_enter(t->machine);
	/* loads and stores each a loop of their own, the access checks constant */
	if (write)
		return touch_range(t, addr, end, stride, true);
	return touch_range(t, addr, end, stride, false);
}

int uaccess_memset(struct task_struct *t, unsigned long addr, int byte, size_t len)
{
	machine_enter(t->machine);
	return uaccess(t, addr, NULL, byte, len, UA_FILL);
}
