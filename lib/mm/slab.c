// SPDX-License-Identifier: GPL-2.0
/*
 * slab.c - kmem_cache: objects of one size carved out of 16 KiB slabs,
 * as the kernel's slab allocator hands out VMAs (vm_area_cachep): an
 * allocation pops a slab's free list, a free pushes onto it, so that
 * the split and merge of VMAs cost no trip through malloc.
 *
 * A slab is aligned to its size, so an object finds its slab by masking
 * its address.  Slabs with a free object are on the cache's partial
 * list (full ones on no list); when a slab's last object is freed it is
 * given back, unless it is the only empty one, which stays for the next
 * allocation (a cache costs its live objects plus at most one slab).
 *
 * Slabs given back go to a process-wide pool (at most SLAB_POOL_MAX of
 * them, shared by every cache of every machine, under a lock) and are
 * taken from it before the host is asked for more, as the kernel's slabs
 * come from pages it already has: a machine that grows its VMAs reuses
 * memory the host has already faulted in, rather than paying a host page
 * fault for each new slab (microseconds on a VM, more than a VMA split).
 *
 * Under AddressSanitizer every object is its own allocation, so that
 * every use after free is seen.  Fault injection and the live-object
 * count are the callers' (vma.c, rmap.c), as for kmalloc.
 */
#include <pthread.h>
#include <sys/mman.h>

#include "internal.h"

#define SLAB_SIZE	(16UL << 10)
#define SLAB_POOL_MAX	4096		/* 64 MiB of free slabs kept */

/* Free slabs, chained through their first word. */
static struct {
	pthread_mutex_t lock;
	void *head;
	unsigned long nr;
} slab_pool = { .lock = PTHREAD_MUTEX_INITIALIZER };

/*
 * New slabs are carved from 2 MiB chunks mapped apart from malloc's heap
 * (so that slabs pinned by a few objects never fragment the heap or keep
 * it from shrinking), taken from the pool's lock.
 */
#define SLAB_CHUNK	(2UL << 20)
static struct {
	char *next, *end;
} slab_chunk;

static void *slab_chunk_carve(void)
{
	void *page = NULL;

	pthread_mutex_lock(&slab_pool.lock);
	if (slab_chunk.next == slab_chunk.end) {
		char *c = mmap(NULL, SLAB_CHUNK + SLAB_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (c != MAP_FAILED) {
			char *a = (char *)ALIGN((uintptr_t)c, SLAB_SIZE);

			/* keep only the aligned 2 MiB */
			if (a > c)
				munmap(c, a - c);
			munmap(a + SLAB_CHUNK, c + SLAB_SIZE - a);
			slab_chunk.next = a;
			slab_chunk.end = a + SLAB_CHUNK;
		}
	}
	if (slab_chunk.next != slab_chunk.end) {
		page = slab_chunk.next;
		slab_chunk.next += SLAB_SIZE;
	}
	pthread_mutex_unlock(&slab_pool.lock);
	return page;
}

static void *slab_page_alloc(void)
{
	void *page;

	pthread_mutex_lock(&slab_pool.lock);
	page = slab_pool.head;
	if (page) {
		slab_pool.head = *(void **)page;
		slab_pool.nr--;
	}
	pthread_mutex_unlock(&slab_pool.lock);
	return page ? page : slab_chunk_carve();
}

static void slab_page_free(void *page)
{
	pthread_mutex_lock(&slab_pool.lock);
	if (slab_pool.nr < SLAB_POOL_MAX) {
		*(void **)page = slab_pool.head;
		slab_pool.head = page;
		slab_pool.nr++;
		page = NULL;
	}
	pthread_mutex_unlock(&slab_pool.lock);
	if (page)
		munmap(page, SLAB_SIZE);
}

struct slab {
	struct list_head slab_list;	/* on the cache's partial list */
	void *freelist;			/* free objects, chained */
	unsigned int inuse;
	bool listed;
};

void kmem_cache_init(struct kmem_cache *s, size_t size, size_t align)
{
	s->size = ALIGN(size, align);
	s->align = align;
	s->offset = ALIGN(sizeof(struct slab), align);
	s->objects = (SLAB_SIZE - s->offset) / s->size;
	s->nr_empty = 0;
	INIT_LIST_HEAD(&s->partial);
}

/* The slab paths below are compiled out under AddressSanitizer (calloc). */
static __maybe_unused struct slab *slab_of(const void *obj)
{
	return (struct slab *)((uintptr_t)obj & ~(SLAB_SIZE - 1));
}

static __maybe_unused struct slab *new_slab(struct kmem_cache *s)
{
	struct slab *slab = slab_page_alloc();
	char *obj;

	if (!slab)
		return NULL;
	slab->freelist = NULL;
	slab->inuse = 0;
	for (unsigned int i = s->objects; i-- > 0; ) {
		obj = (char *)slab + s->offset + i * s->size;
		*(void **)obj = slab->freelist;
		slab->freelist = obj;
	}
	list_add(&slab->slab_list, &s->partial);
	slab->listed = true;
	s->nr_empty++;
	return slab;
}

/**
 * kmem_cache_alloc - an object of @s's size (contents undefined)
 * @s: the cache
 * @gfp: allocation flags (GFP_KERNEL)
 *
 * Context: the model's allocation context; does not inject failures.
 * Return: the object, or NULL when the host is out of memory.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
#ifdef __SANITIZE_ADDRESS__
	return aligned_alloc(s->align, s->size);
#else
	struct slab *slab;
	void *obj;

	if (list_empty(&s->partial) && !new_slab(s))
		return NULL;
	slab = list_first_entry(&s->partial, struct slab, slab_list);
	obj = slab->freelist;
	slab->freelist = *(void **)obj;
	if (!slab->inuse++)
		s->nr_empty--;
	if (!slab->freelist) {
		list_del(&slab->slab_list);
		slab->listed = false;
	}
	return obj;
#endif
}

/**
 * kmem_cache_free - give an object back to its cache
 * @s: the cache it came from
 * @obj: the object
 *
 * Context: any.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
#ifdef __SANITIZE_ADDRESS__
	free(obj);
#else
	struct slab *slab = slab_of(obj);

	*(void **)obj = slab->freelist;
	slab->freelist = obj;
	if (!slab->listed) {
		list_add(&slab->slab_list, &s->partial);
		slab->listed = true;
	}
	if (--slab->inuse)
		return;
	if (s->nr_empty) {		/* one empty slab is enough */
		list_del(&slab->slab_list);
		slab_page_free(slab);
		return;
	}
	s->nr_empty++;
#endif
}

/**
 * kmem_cache_destroy - give back the cache's slabs
 * @s: the cache, whose objects must all have been freed
 *
 * Context: machine teardown.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	struct slab *slab, *tmp;

	list_for_each_entry_safe(slab, tmp, &s->partial, slab_list) {
		list_del(&slab->slab_list);
		slab_page_free(slab);
	}
	s->nr_empty = 0;
}
