/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xarray.h - a sparse array of pointers indexed by unsigned long, shaped
 * like the kernel's XArray (include/linux/xarray.h): a radix tree of
 * 64-slot nodes, as tall as the largest index needs.  The page cache
 * keeps its folios in one, so a file costs what it stores, wherever in
 * its 2^63 bytes that is.
 */
#ifndef MMSIM_XARRAY_H
#define MMSIM_XARRAY_H

#include <stdbool.h>
#include <stddef.h>

#define XA_CHUNK_SHIFT	6
#define XA_CHUNK_SIZE	(1UL << XA_CHUNK_SHIFT)

struct xa_node;

/* The one mark the model keeps (the page cache's PAGECACHE_TAG_DIRTY). */
typedef unsigned int xa_mark_t;
#define XA_MARK_0	0U

/* An empty array is all zeroes (XARRAY_INIT). */
struct xarray {
	struct xa_node *xa_head;
};

#define XARRAY_INIT	{ .xa_head = NULL }

static inline bool xa_empty(const struct xarray *xa)
{
	return !xa->xa_head;
}

#endif /* MMSIM_XARRAY_H */
