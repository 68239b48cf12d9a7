// SPDX-License-Identifier: GPL-2.0
/*
 * iov_iter.c - the two ends of a read or write: a kernel buffer
 * (ITER_KVEC) or user memory (ITER_UBUF).  A copy consumes the iterator
 * as far as it got; copies to and from user memory go through
 * copy_to_user()/copy_from_user() and may stop short at a fault, which
 * is how read(2) and write(2) return partial counts.
 *
 * The page cache keeps frame contents behind frame_read()/frame_write(),
 * so copies between a page and an iterator bounce through a page-sized
 * buffer.
 */
#include "internal.h"

void iov_iter_kvec(struct iov_iter *i, bool data_source, void *buf,
		   size_t count)
{
	*i = (struct iov_iter) {
		.iter_type = ITER_KVEC, .data_source = data_source,
		.count = count, .kvec_base = buf,
	};
}

void iov_iter_ubuf(struct iov_iter *i, bool data_source,
		   struct mm_struct *mm, unsigned long uaddr, size_t count)
{
	*i = (struct iov_iter) {
		.iter_type = ITER_UBUF, .data_source = data_source,
		.count = count, .ubuf = uaddr, .mm = mm,
	};
}

static void iov_iter_advance(struct iov_iter *i, size_t n)
{
	if (i->iter_type == ITER_KVEC)
		i->kvec_base += n;
	else
		i->ubuf += n;
	i->count -= n;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count);

	VM_BUG_ON(i->data_source);
	if (i->iter_type == ITER_KVEC)
		memcpy(i->kvec_base, addr, n);
	else
		n -= copy_to_user(i->mm, i->ubuf, addr, n);
	iov_iter_advance(i, n);
	return n;
}

/* Copy from @i, faulting user pages in unless @nofault. */
static size_t __copy_from_iter(void *addr, size_t bytes, struct iov_iter *i,
			       bool nofault)
{
	size_t n = min(bytes, i->count);

	VM_BUG_ON(!i->data_source);
	if (i->iter_type == ITER_KVEC)
		memcpy(addr, i->kvec_base, n);
	else if (nofault)
		n -= copy_from_user_inatomic(i->mm, addr, i->ubuf, n);
	else
		n -= copy_from_user(i->mm, addr, i->ubuf, n);
	iov_iter_advance(i, n);
	return n;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return __copy_from_iter(addr, bytes, i, false);
}

/* copy_from_iter() with page faults disabled: what is not mapped stops it. */
size_t copy_from_iter_atomic(void *addr, size_t bytes, struct iov_iter *i)
{
	return __copy_from_iter(addr, bytes, i, true);
}

/* The bytes of the next @bytes of @i that could not be faulted in. */
size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes)
{
	if (i->iter_type == ITER_KVEC)
		return 0;
	return fault_in_readable(i->mm, i->ubuf, min(bytes, i->count));
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	static const char zeroes[PAGE_SIZE];
	size_t done = 0;

	while (done < bytes) {
		size_t n = min(bytes - done, PAGE_SIZE), c;

		c = copy_to_iter(zeroes, n, i);
		done += c;
		if (c < n)
			break;
	}
	return done;
}

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	char buf[PAGE_SIZE];

	VM_BUG_ON(offset + bytes > PAGE_SIZE);
	frame_read(page, offset, buf, bytes);
	return copy_to_iter(buf, bytes, i);
}
