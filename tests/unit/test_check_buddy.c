// SPDX-License-Identifier: GPL-2.0
/*
 * test_check_buddy.c - mm_check() notices a buddy allocator whose free
 * lists are wrong: two free buddies of one order left unmerged, a free
 * block not aligned on its order, a free block off its list or a list
 * linked wrong, and lists that do not hold the nr_free frames.  Each
 * test rebuilds the lists by hand (as page_alloc.c's free_list_add() and
 * free_list_del() do), expects -EUCLEAN with a report naming the fault,
 * then repairs it.  The pageblock counts (pb_used) have their own test
 * in test_page_alloc.c.
 */
#include "helpers.h"
#include "../../lib/internal.h"

/* Put the free block at RAM index @i, of @order, at the head of its list. */
static void link_block(struct machine *m, unsigned long i, unsigned int order)
{
	struct page *p = &m->memmap[i];
	uint32_t head = m->free_head[order];

	p->flags = 1UL << PG_buddy;
	p->private = order;
	p->buddy.prev = 0;
	p->buddy.next = head;
	if (head)
		m->memmap[head - 1].buddy.prev = i + 1;
	m->free_head[order] = i + 1;
}

/* Take the free block at RAM index @i off its list; PG_buddy stays. */
static void unlink_block(struct machine *m, unsigned long i)
{
	struct page *p = &m->memmap[i];
	uint32_t next = p->buddy.next, prev = p->buddy.prev;

	if (prev)
		m->memmap[prev - 1].buddy.next = next;
	else
		m->free_head[p->private] = next;
	if (next)
		m->memmap[next - 1].buddy.prev = prev;
	p->buddy.next = p->buddy.prev = 0;
}

/* A free page, no longer a block's head. */
static void clear_block(struct machine *m, unsigned long i)
{
	m->memmap[i].flags = 0;
	m->memmap[i].private = 0;
}

/*
 * A machine whose free list of @order holds a block in a pageblock in
 * use (one the walk over the frames visits): *@i is its RAM index.
 */
static int block_in_use_pageblock(struct fixture *f, unsigned int order,
				  unsigned long *i)
{
	struct machine *m;

	if (fixture_init(f))
		return -1;
	m = f->m;
	machine_enter(m);
	for (uint32_t idx = m->free_head[order]; idx; idx = m->memmap[idx - 1].buddy.next)
		if (m->pb_used[(idx - 1) >> PAGEBLOCK_ORDER]) {
			*i = idx - 1;
			return mm_check(m);
		}
	return -1;
}

/*
 * A free block of order 2 split by hand into two free order-1 buddies.
 * Catches free_block_placed() not looking at the buddy (a free path that
 * forgot to merge leaves exactly this).
 */
TEST(check_catches_two_free_buddies_left_unmerged)
{
	struct fixture f;
	unsigned long i;

	ASSERT_EQ(block_in_use_pageblock(&f, 2, &i), 0);
	unlink_block(f.m, i);
	link_block(f.m, i, 1);
	link_block(f.m, i + 2, 1);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "of order 1 are buddies, not merged") != NULL);
	unlink_block(f.m, i + 2);
	clear_block(f.m, i + 2);
	unlink_block(f.m, i);
	link_block(f.m, i, 2);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A free block of order 2 laid out again as order 0, 1 and 0: every
 * frame still free and counted, but the order-1 block starts on an odd
 * frame.  Catches free_block_placed() not checking alignment (the
 * frames' walk alone finds every frame in a free block).
 */
TEST(check_catches_a_free_block_not_aligned_on_its_order)
{
	struct fixture f;
	unsigned long i;

	ASSERT_EQ(block_in_use_pageblock(&f, 2, &i), 0);
	unlink_block(f.m, i);
	link_block(f.m, i, 0);
	link_block(f.m, i + 1, 1);
	link_block(f.m, i + 3, 0);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "of order 1 is not aligned on its order") != NULL);
	unlink_block(f.m, i + 3);
	clear_block(f.m, i + 3);
	unlink_block(f.m, i + 1);
	clear_block(f.m, i + 1);
	unlink_block(f.m, i);
	link_block(f.m, i, 2);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A free block, PG_buddy and all, taken off its list: the allocator can
 * never hand it out again.  Catches check_block() not asking
 * free_block_linked() of each free block it meets.
 */
TEST(check_catches_a_free_block_off_its_free_list)
{
	struct fixture f;
	unsigned long i;

	ASSERT_EQ(block_in_use_pageblock(&f, 3, &i), 0);
	unlink_block(f.m, i);
	ASSERT_TRUE(PageBuddy(&f.m->memmap[i]));
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "of order 3 is not linked into the free list of its order") != NULL);
	link_block(f.m, i, 3);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A whole MAX_PAGE_ORDER block allocated and freed again: on its list, in
 * pageblocks nobody uses, so that no walk over the frames visits it and
 * only the walk over the lists can tell what is wrong there.
 */
static int free_max_block(struct fixture *f, unsigned long *i)
{
	struct page *p;

	if (fixture_init(f))
		return -1;
	machine_enter(f->m);
	p = alloc_pages(GFP_KERNEL | __GFP_ACCOUNT, MAX_PAGE_ORDER);
	if (!p)
		return -1;
	*i = p - f->m->memmap;
	__free_pages(p, MAX_PAGE_ORDER);
	if (f->m->free_head[MAX_PAGE_ORDER] != *i + 1)
		return -1;
	return mm_check(f->m);
}

/*
 * That block taken off its list: only the lists' sum against nr_free
 * shows its frames gone.  Catches check_free_lists() not comparing the
 * frames the lists hold with nr_free.
 */
TEST(check_catches_free_lists_that_do_not_hold_nr_free_frames)
{
	struct fixture f;
	unsigned long i;

	ASSERT_EQ(free_max_block(&f, &i), 0);
	unlink_block(f.m, i);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "the free lists hold") != NULL);
	link_block(f.m, i, MAX_PAGE_ORDER);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The order-0 list made to name a frame inside that block, which is no
 * free block's head; then the block's own back link made wrong; then
 * its list made to start below the init frontier.
 * Catches check_free_lists() not checking each entry it walks (and a
 * walk that would not end: a loop in a list breaks a back link).
 */
TEST(check_catches_a_free_list_linked_wrong)
{
	struct fixture f;
	unsigned long i;
	uint32_t head;

	ASSERT_EQ(free_max_block(&f, &i), 0);
	head = f.m->free_head[0];
	f.m->memmap[i + 1].buddy.next = head;	/* links only: no PG_buddy */
	if (head)
		f.m->memmap[head - 1].buddy.prev = i + 2;
	f.m->free_head[0] = i + 2;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "the free list of order 0 holds pfn") != NULL);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "which is no free block of that order") != NULL);
	f.m->free_head[0] = head;
	if (head)
		f.m->memmap[head - 1].buddy.prev = 0;
	f.m->memmap[i + 1].buddy.next = 0;
	CHECK_MM(f.m);

	f.m->memmap[i].buddy.prev = i + 1;	/* itself */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "the free list of order 10: pfn") != NULL);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "links back to") != NULL);
	f.m->memmap[i].buddy.prev = 0;
	CHECK_MM(f.m);

	f.m->free_head[MAX_PAGE_ORDER] = 1;	/* RAM index 0: below the frontier */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "the free list of order 10 links RAM index 0, outside the buddy's RAM") != NULL);
	f.m->free_head[MAX_PAGE_ORDER] = i + 1;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The incremental check looks at the blocks around the frames a command
 * freed: an order-1 block freed, then the block it merged into split by
 * hand into its two halves, as a free path that stopped merging early
 * would leave them.  With frames
 * in use besides, the log is small enough to be checked alone.  Catches
 * check_logged_frame() passing a free frame without check_free_frame().
 */
TEST(incremental_check_catches_buddies_a_free_left_unmerged)
{
	struct fixture f;
	struct page *p;
	unsigned long i, h;
	unsigned int order;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, 8UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 8UL << 20), 0);
	p = alloc_pages(GFP_KERNEL | __GFP_ACCOUNT, 1);
	ASSERT_TRUE(p != NULL);
	i = p - f.m->memmap;
	ASSERT_EQ(mm_check_changes(f.m), 0);	/* the first is full */
	__free_pages(p, 1);
	/* the block it merged into, split back into its halves */
	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		h = ((f.m->ram_start + i) & ~((1UL << order) - 1)) - f.m->ram_start;
		if (PageBuddy(&f.m->memmap[h]) && f.m->memmap[h].private >= order)
			break;
	}
	ASSERT_TRUE(order <= MAX_PAGE_ORDER);
	order = f.m->memmap[h].private;
	ASSERT_TRUE(order >= 1);
	unlink_block(f.m, h);
	link_block(f.m, h, order - 1);
	link_block(f.m, h + (1UL << (order - 1)), order - 1);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "are buddies, not merged") != NULL);
	unlink_block(f.m, h + (1UL << (order - 1)));
	clear_block(f.m, h + (1UL << (order - 1)));
	unlink_block(f.m, h);
	link_block(f.m, h, order);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A frame freed without going back to the buddy (its struct page reset,
 * its reference dropped, nothing else): the incremental check finds it
 * in no block.  Catches check_free_frame() taking any frame with no
 * reference for free.
 */
TEST(incremental_check_catches_a_freed_frame_in_no_free_block)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, 8UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 8UL << 20), 0);
	p = alloc_pages(GFP_KERNEL | __GFP_ACCOUNT, 0);
	ASSERT_TRUE(p != NULL);
	ASSERT_EQ(mm_check_changes(f.m), 0);	/* the first is full */
	page_check_frame(p);
	p->_refcount = 0;
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "is neither free nor allocated") != NULL);
	p->_refcount = 1;
	CHECK_MM(f.m);
	__free_pages(p, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A frame inside a block allocated whole without __GFP_COMP holds no
 * reference of its own (the first frame holds the block's), and is
 * allocated all the same.  Catches check_free_frame() taking every
 * logged frame with no reference for one that must be free.
 */
TEST(incremental_check_passes_a_frame_of_a_block_allocated_whole)
{
	struct fixture f;
	struct page *p;

	ASSERT_EQ(fixture_init(&f), 0);
	machine_enter(f.m);
	ASSERT_EQ(map_anon(&f, ARENA, 8UL << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 8UL << 20), 0);
	p = alloc_pages(GFP_KERNEL | __GFP_ACCOUNT, 2);
	ASSERT_TRUE(p != NULL && !PageHead(p));
	ASSERT_EQ(mm_check_changes(f.m), 0);	/* the first is full */
	page_check_frame(p + 3);
	ASSERT_EQ(p[3]._refcount, 0);
	ASSERT_EQ(f.m->ck.nr_pfns, 1);
	ASSERT_EQ(mm_check_changes(f.m), 0);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	__free_pages(p, 2);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
