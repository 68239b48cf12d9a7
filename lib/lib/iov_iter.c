// SPDX-License-Identifier: GPL-2.0
/*
 * iov_iter.c - the two ends of a read or write: a kernel buffer
 * (ITER_KVEC) or user memory (ITER_UBUF).  A copy consumes the iterator
 * as far as it got.
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
	memcpy(i->kvec_base, addr, n);
	iov_iter_advance(i, n);
	return n;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count);

	VM_BUG_ON(!i->data_source);
	memcpy(addr, i->kvec_base, n);
	iov_iter_advance(i, n);
	return n;
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

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i, int *err)
{
	char buf[PAGE_SIZE];
	size_t n;

	VM_BUG_ON(offset + bytes > PAGE_SIZE);
	*err = 0;
	n = copy_from_iter(buf, bytes, i);
	if (n)
		*err = frame_write(page, offset, buf, n);
	return *err ? 0 : n;
}
