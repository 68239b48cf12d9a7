// SPDX-License-Identifier: GPL-2.0
/*
 * alloc.c - every modelled allocation (VMAs, anon_vmas, files, pin sets,
 * page-table pages and frames through page_alloc.c) passes
 * mm_should_fail(), so a test can make the Nth one fail and check that
 * the operation reports ENOMEM and leaves the model consistent.
 *
 * kmalloc(, GFP_KERNEL) objects are counted per machine; a non-zero count once every
 * task has exited is a leak, and mm_check() reports it.
 */
#include <sys/mman.h>

#include "internal.h"

bool __mm_should_fail(struct machine *m)
{
	if (--m->fail_countdown)
		return false;
	m->fail_injected++;
	return true;
}

void mmsim_fail_nth(struct machine *m, unsigned long n)
{
	machine_enter(m);
	m->fail_countdown = n;
	m->fail_injected = 0;
}

unsigned long mmsim_fail_injected(struct machine *m)
{
	return m->fail_injected;
}

unsigned long mmsim_alloc_calls(struct machine *m)
{
	return m->alloc_calls;
}

void *kmalloc(size_t size, gfp_t flags)
{
	struct machine *m = current_machine();
	void *p;

	if (mm_should_fail())
		return NULL;
	p = malloc(size);
	if (p)
		m->live_objects++;
	return p;
}

void *kzalloc(size_t size, gfp_t flags)
{
	struct machine *m = current_machine();
	void *p;

	if (mm_should_fail())
		return NULL;
	p = calloc(1, size);
	if (p)
		m->live_objects++;
	return p;
}

void kfree(const void *p)
{
	struct machine *m = current_machine();

	if (!p)
		return;
	m->live_objects--;
	free((void *)p);
}

void mm_bug(const char *file, int line, const char *cond, const char *what)
{
	fprintf(stderr, "mmsim: BUG at %s:%d: %s\n", file, line, cond);
	if (what)
		fprintf(stderr, "  %s\n", what);
	abort();
}

const char *page_describe(const struct page *p)
{
	static char buf[256];

	snprintf(buf, sizeof(buf),
		 "page %p flags 0x%lx refcount %d mapcount %d mapping %p index 0x%lx%s",
		 (const void *)p, p->flags, p->_refcount, p->_mapcount + 1,
		 p->mapping, p->index, PageTail(p) ? " (tail)" : "");
	return buf;
}

const char *vma_describe(const struct vm_area_struct *v)
{
	static char buf[256];

	snprintf(buf, sizeof(buf),
		 "vma %p %lx-%lx flags 0x%llx pgoff 0x%lx file %p anon_vma %p ops %p",
		 (const void *)v, v->vm_start, v->vm_end,
		 (unsigned long long)v->vm_flags, v->vm_pgoff,
		 (void *)v->vm_file, (void *)v->anon_vma, (const void *)v->vm_ops);
	return buf;
}

void **host_block_alloc(size_t size, size_t align)
{
	void **block;

	if (size < HOST_BIG_BLOCK) {
		if (posix_memalign((void **)&block, align, size))
			return NULL;
	} else {
		block = mmap(NULL, size, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (block == MAP_FAILED)
			return NULL;
		madvise(block, size, MADV_HUGEPAGE);
	}
	block[1] = (void *)size;
	return block;
}

void host_block_free(void **block)
{
	size_t size = (size_t)block[1];

	if (size < HOST_BIG_BLOCK)
		free(block);
	else
		munmap(block, size);
}
