// SPDX-License-Identifier: GPL-2.0
/*
 * test_slab.c - lib/mm/slab.c: objects are aligned, never overlap while
 * live, keep what is written into them, a cache whose objects are all
 * freed keeps at most one empty slab, and a slab given back is the next
 * one a cache takes (the process-wide pool of warm slabs).
 */
#include <stdlib.h>

#include "helpers.h"
#include "../../lib/internal.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define __SANITIZE_ADDRESS__ 1
#endif
#endif

#define NR_OBJS	1000

static unsigned int nr_slabs(struct kmem_cache *s)
{
	struct list_head *p;
	unsigned int n = 0;

	for (p = s->partial.next; p != &s->partial; p = p->next)
		n++;
	return n;
}

TEST(slab_objects_are_aligned_disjoint_and_slabs_go_back_when_empty)
{
	static unsigned char *obj[NR_OBJS];
	struct kmem_cache s;
	int i, j, round;

	kmem_cache_init(&s, 168, 64);
	ASSERT_EQ(s.size, 192);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < NR_OBJS; i++) {
			obj[i] = kmem_cache_alloc(&s, GFP_KERNEL);
			ASSERT_TRUE(obj[i] != NULL);
			ASSERT_EQ((uintptr_t)obj[i] % 64, 0);
			memset(obj[i], i & 0xff, 168);
		}
		/* every object still holds its own bytes: none overlap */
		for (i = 0; i < NR_OBJS; i++)
			for (j = 0; j < 168; j++)
				if (obj[i][j] != (i & 0xff))
					TEST_FAIL("round %d: object %d byte %d overwritten", round, i, j);
		/* free every other one, then the rest, in a shuffled order */
		for (i = 0; i < NR_OBJS; i += 2)
			kmem_cache_free(&s, obj[i]);
		for (i = NR_OBJS - 1; i > 0; i -= 2)
			kmem_cache_free(&s, obj[i]);
#ifndef __SANITIZE_ADDRESS__
		ASSERT_EQ(s.nr_empty, 1);
		ASSERT_EQ(nr_slabs(&s), 1);
#endif
	}
	kmem_cache_destroy(&s);
	ASSERT_EQ(nr_slabs(&s), 0);
}

/*
 * A slab a destroyed cache gave back is the one the next new slab is
 * carved from, in another cache of another object size: memory the host
 * has already faulted in.  Catches slab_page_alloc()/slab_page_free()
 * going straight to the host.
 */
TEST(slab_a_slab_given_back_is_taken_again_by_the_next_cache)
{
#ifndef __SANITIZE_ADDRESS__
	struct kmem_cache a, b;
	void *x, *y;

	kmem_cache_init(&a, 64, 64);
	x = kmem_cache_alloc(&a, GFP_KERNEL);
	ASSERT_TRUE(x != NULL);
	kmem_cache_free(&a, x);
	kmem_cache_destroy(&a);
	kmem_cache_init(&b, 80, 16);
	y = kmem_cache_alloc(&b, GFP_KERNEL);
	ASSERT_TRUE(y != NULL);
	ASSERT_TRUE(((uintptr_t)x & ~((16UL << 10) - 1)) ==
		    ((uintptr_t)y & ~((16UL << 10) - 1)));
	memset(y, 0x5a, 80);
	kmem_cache_free(&b, y);
	kmem_cache_destroy(&b);
#endif
}
