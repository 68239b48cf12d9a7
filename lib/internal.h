/* SPDX-License-Identifier: GPL-2.0 */
/*
 * internal.h - what the library's files share and nobody outside sees:
 * the machine, allocation with failure injection, the memmap, page-table
 * accessors, the VMA tree and the helpers of each layer.  Grouped by the
 * file that owns each part.
 */
#ifndef MMSIM_LIB_INTERNAL_H
#define MMSIM_LIB_INTERNAL_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim/mmsim.h>
#include <mmsim/mm.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)

/*
 * Loud invariant breaks inside the library (a model bug, never bad
 * input): print the object and abort.
 */
void mm_bug(const char *file, int line, const char *cond, const char *what);
#define VM_BUG_ON(c) do { if (unlikely(c)) mm_bug(__FILE__, __LINE__, #c, NULL); } while (0)
#define VM_BUG_ON_PAGE(c, p) do { if (unlikely(c)) mm_bug(__FILE__, __LINE__, #c, page_describe(p)); } while (0)
#define VM_BUG_ON_VMA(c, v) do { if (unlikely(c)) mm_bug(__FILE__, __LINE__, #c, vma_describe(v)); } while (0)
#define VM_WARN_ON(c) ((void)0)
const char *page_describe(const struct page *page);
const char *vma_describe(const struct vm_area_struct *vma);

/* ---- machine.c -------------------------------------------------------- */

struct mm_events {
	unsigned long faults;		/* handle_mm_fault calls */
	unsigned long anon_faults;
	unsigned long cow_faults;
	unsigned long file_faults;
	unsigned long wp_reuse;
	unsigned long mkwrite_calls;	/* page_mkwrite + pfn_mkwrite */
	unsigned long fork_copies;	/* pages fork copied eagerly */
};

struct machine {
	struct mmsim_config cfg;
	struct mmsim_profile profile;

	/* memmap: struct page for pfn in [ram_start, ram_start + ram_pages) */
	struct page *memmap;
	unsigned long ram_start;
	unsigned long ram_pages;
	unsigned long io_start;
	unsigned long io_pages;

	/* buddy allocator (page_alloc.c) */
	uint32_t free_head[11];		/* PFN - ram_start + 1; 0 = empty */
	unsigned long nr_free;
	unsigned long zero_pfn;		/* the shared zero page */

	/* fault injection and accounting (alloc.c) */
	unsigned long fail_countdown;
	unsigned long fail_injected;
	long live_objects;		/* kmalloc'd and not freed */

	struct list_head tasks;
	int next_pid;
	long nr_files;			/* open struct file */
	long nr_inodes;

	struct mm_events ev;
	char check_report[1024];
};

static inline struct machine *vma_machine(const struct vm_area_struct *vma)
{
	return vma->vm_mm->machine;
}

/* ---- alloc.c: every modelled allocation goes through here ------------- */

/*
 * mm_should_fail - consume one tick of the failure-injection countdown.
 * Return: true if this allocation must fail.
 */
bool mm_should_fail(struct machine *m);
void *kmalloc(struct machine *m, size_t size);	/* NULL on (injected) failure */
void *kzalloc(struct machine *m, size_t size);
void kfree(struct machine *m, void *p);

/* ---- frame_data.c: contents of RAM frames ----------------------------- */

/*
 * A frame's bytes live in page->data, or nowhere when every byte equals
 * page->fill (a frame never written costs nothing; memset of a whole page
 * returns it to that state).  These never fail injected: contents are the
 * host's representation, not a modelled allocation.  Functions that
 * allocate return -ENOMEM if the host is out of memory, leaving the
 * frame's contents as they were.
 */
void frame_read(const struct page *page, size_t off, void *buf, size_t len);
int frame_write(struct page *page, size_t off, const void *buf, size_t len);
int frame_fill(struct page *page, size_t off, int byte, size_t len);
/* Copy @src's contents onto @dst (copy-on-write). */
int frame_copy(struct page *dst, const struct page *src);
/* Forget the contents: the frame reads as zeroes again. */
void frame_clear(struct page *page);
/* Host bytes spent on this frame's contents. */
size_t frame_bytes(const struct page *page);

/* ---- interval_tree.c: mapping->i_mmap --------------------------------- */

static inline pgoff_t vma_start_pgoff(const struct vm_area_struct *v)
{
	return v->vm_pgoff;
}

static inline pgoff_t vma_last_pgoff(const struct vm_area_struct *v)
{
	return v->vm_pgoff + vma_pages(v) - 1;
}

/* VMAs keyed by [vma_start_pgoff, vma_last_pgoff], augmented by subtree max. */
void vma_interval_tree_insert(struct vm_area_struct *node, struct rb_root *root);
void vma_interval_tree_remove(struct vm_area_struct *node, struct rb_root *root);
/* First / next VMA overlapping [start, last] (inclusive), in start order. */
struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root *root,
						    pgoff_t start, pgoff_t last);
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *node,
						   pgoff_t start, pgoff_t last);

#define vma_interval_tree_foreach(vma, root, start, last)		\
	for (vma = vma_interval_tree_iter_first(root, start, last);	\
	     vma; vma = vma_interval_tree_iter_next(vma, start, last))

#endif /* MMSIM_LIB_INTERNAL_H */
