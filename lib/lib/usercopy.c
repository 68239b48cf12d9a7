// SPDX-License-Identifier: GPL-2.0
/*
 * usercopy.c - copy_to_user() and copy_from_user(): the kernel reading
 * and writing a process's memory on its behalf (read(2), write(2)).
 *
 * Each page is reached through the software MMU as the kernel's own
 * access would be: a missing or read-only entry faults, and the fault is
 * handled (a page is allocated, COW is broken, a file page is read in)
 * without FAULT_FLAG_USER.  A fault that cannot be handled - no VMA, no
 * permission, SIGBUS past the end of a file, even an allocation failure
 * (the kernel's fixup for a kernel-mode VM_FAULT_OOM) - raises no signal:
 * the copy stops there and returns the number of bytes it did not copy,
 * which read(2) and write(2) turn into a short count or EFAULT.  A fault
 * that goes to the process's userfaultfd monitor is served by it and
 * the copy goes on (userfaultfd_monitor_serve(), from the MMU's fault
 * handler); with UFFD_FEATURE_SIGBUS it stops the copy.
 *
 * access_ok() comes first: a range reaching past the user address space
 * copies nothing.  copy_from_user_inatomic() copies with page faults
 * disabled (what is not mapped now stops it), and fault_in_readable()
 * faults a range in for such a copy to be retried, as write(2)'s page
 * cache loop does.
 */
#include "internal.h"

bool access_ok(unsigned long addr, size_t size)
{
	return addr <= TASK_SIZE && size <= TASK_SIZE - addr;
}

/*
 * Copy between @buf and user memory, each page faulted in unless
 * @nofault; return the bytes not copied.
 */
static size_t copy_user(struct mm_struct *mm, unsigned long uaddr, void *buf,
			size_t n, bool to_user, bool nofault)
{
	size_t done = 0;

	if (!access_ok(uaddr, n))
		return n;
	while (done < n) {
		unsigned long a = uaddr + done;
		size_t off = a & (PAGE_SIZE - 1), len = min(n - done, PAGE_SIZE - off);
		struct page *frame;

		if (nofault ? mmu_translate_nofault(mm, a, to_user, &frame) :
			      mmu_translate(mm, a, to_user, false, &frame))
			break;
		if (!frame) {		/* a PFN with nothing behind it */
			if (!to_user)
				memset((char *)buf + done, 0xff, len);
		} else if (to_user) {
			if (frame_write(frame, off, (char *)buf + done, len))
				break;
		} else {
			frame_read(frame, off, (char *)buf + done, len);
		}
		done += len;
	}
	return n - done;
}

size_t copy_to_user(struct mm_struct *mm, unsigned long to, const void *from,
		    size_t n)
{
	return copy_user(mm, to, (void *)from, n, true, false);
}

size_t copy_from_user(struct mm_struct *mm, void *to, unsigned long from,
		      size_t n)
{
	return copy_user(mm, from, to, n, false, false);
}

size_t copy_from_user_inatomic(struct mm_struct *mm, void *to,
			       unsigned long from, size_t n)
{
	return copy_user(mm, from, to, n, false, true);
}

/*
 * fault_in_readable - fault in [@uaddr, @uaddr + @size) for reading, page
 * by page from @uaddr, until a fault cannot be handled.  As the kernel's
 * (mm/gup.c, Linux 6.4+), the walk stops where the address is 0: a range
 * starting at address 0 faults nothing in.  Return: the bytes not
 * faulted in.
 */
size_t fault_in_readable(struct mm_struct *mm, unsigned long uaddr, size_t size)
{
	unsigned long end = uaddr + size, cur;
	struct page *frame;

	if (!size)
		return 0;
	if (!access_ok(uaddr, size))
		return size;
	for (cur = uaddr; cur && cur < end; cur = (cur + PAGE_SIZE) & PAGE_MASK)
		if (mmu_translate(mm, cur, false, false, &frame))
			break;
	return size > cur - uaddr ? size - (cur - uaddr) : 0;
}
