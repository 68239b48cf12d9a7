// SPDX-License-Identifier: GPL-2.0
/*
 * test_free_unref_folios.c - a zap's batch freed at once leaves the buddy
 * allocator exactly as freeing its folios one at a time does.
 *
 * free_unref_folios() merges a run of order-0 folios in ascending frames
 * into the buddy as whole aligned blocks instead of frame by frame.  The
 * free lists are LIFO stacks whose order decides every PFN handed out
 * later (and tests and scenarios print PFNs), so "the same free frames"
 * is not enough: two machines do the same allocations, one frees random
 * batches through folios_put_refs() and the other the same folios one by
 * one with folio_put() (free_frozen_pages(), which merges each frame on
 * its own), and after every batch each free list, entry by entry, each
 * pageblock's count and every struct page must be equal, and the next
 * allocations must return the same PFNs.
 */
#include "helpers.h"
#include "../../lib/internal.h"
#include "../../lib/pagevec.h"

#define POOL_MAX	2048

/* The test's own PRNG (xorshift64), so that every run sees the same batches. */
static uint64_t rnd_state = 0x9e3779b97f4a7c15ULL;

static unsigned long rnd(unsigned long n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state % n;
}

struct twin {
	struct machine *m[2];	/* [0] frees in batches, [1] one by one */
	struct folio *pool[2][POOL_MAX];	/* allocated, ascending PFN */
	unsigned int nr;
};

static int twin_init(struct twin *tw)
{
	struct mmsim_config cfg;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 64UL << 20;
	tw->nr = 0;
	for (int i = 0; i < 2; i++)
		if (machine_create(&cfg, &tw->m[i]))
			return -1;
	return 0;
}

/* @folio's frame in @m's RAM (folio_pfn() would need @m current). */
static unsigned long frame(struct machine *m, struct folio *folio)
{
	return &folio->page - m->memmap;
}

/* Keep the pool in ascending frame order: windows of it are runs of frames. */
static void pool_insert(struct folio **pool, unsigned int nr,
			struct folio *folio, struct machine *m)
{
	unsigned int i = nr;

	while (i && frame(m, pool[i - 1]) > frame(m, folio)) {
		pool[i] = pool[i - 1];
		i--;
	}
	pool[i] = folio;
}

/* @nr folios, mostly order 0, on both machines; Return: 0 if the PFNs agree. */
static int twin_alloc(struct twin *tw, unsigned int nr)
{
	while (nr-- && tw->nr < POOL_MAX) {
		unsigned int order = rnd(8) ? 0 : 1 + rnd(3);
		struct folio *f[2];

		for (int i = 0; i < 2; i++) {
			machine_enter(tw->m[i]);
			f[i] = folio_alloc(GFP_HIGHUSER_MOVABLE, order);
		}
		if (!f[0] || !f[1])
			return !f[0] && !f[1] ? 0 : -1;
		if (frame(tw->m[0], f[0]) != frame(tw->m[1], f[1]))
			return -1;
		for (int i = 0; i < 2; i++)
			pool_insert(tw->pool[i], tw->nr, f[i], tw->m[i]);
		tw->nr++;
	}
	return 0;
}

/* Take entry @k out of both pools. */
static void pool_remove(struct twin *tw, unsigned int k)
{
	for (int i = 0; i < 2; i++)
		memmove(&tw->pool[i][k], &tw->pool[i][k + 1],
			(tw->nr - k - 1) * sizeof(tw->pool[i][0]));
	tw->nr--;
}

/*
 * Free one batch of up to PAGEVEC_SIZE folios: a window of the pool
 * (ascending frames with gaps and large folios among them), the same
 * window backwards, or entries picked at random; machine 0 through
 * folios_put_refs(), machine 1 folio by folio.
 */
static void twin_free_batch(struct twin *tw)
{
	unsigned int len = 1 + rnd(PAGEVEC_SIZE), kind = rnd(4), k[PAGEVEC_SIZE];
	struct folio_batch batch;
	unsigned int n = 0, start;

	if (len > tw->nr)
		len = tw->nr;
	start = rnd(tw->nr - len + 1);
	for (unsigned int j = 0; j < len; j++)
		k[n++] = kind == 0 ? start + len - 1 - j : start + j;
	if (kind == 1)		/* random picks, no two alike */
		for (unsigned int j = 0; j < n; j++) {
			bool dup;

			do {
				k[j] = rnd(tw->nr);
				dup = false;
				for (unsigned int l = 0; l < j; l++)
					dup |= k[l] == k[j];
			} while (dup);
		}
	folio_batch_init(&batch);
	machine_enter(tw->m[0]);
	for (unsigned int j = 0; j < n; j++)
		folio_batch_add(&batch, tw->pool[0][k[j]]);
	folios_put_refs(&batch, NULL);
	machine_enter(tw->m[1]);
	for (unsigned int j = 0; j < n; j++)
		folio_put(tw->pool[1][k[j]]);
	/* out of the pools, highest index first so the others stay put */
	for (unsigned int j = 0; j < n; j++) {
		unsigned int top = j;

		for (unsigned int l = j + 1; l < n; l++)
			if (k[l] > k[top])
				top = l;
		pool_remove(tw, k[top]);
		k[top] = k[j];
	}
}

/* Return: 0 if both machines' buddy state is the same, entry by entry. */
static int buddy_diff(struct twin *tw)
{
	struct machine *a = tw->m[0], *b = tw->m[1];

	if (a->nr_free != b->nr_free || a->ram_frontier != b->ram_frontier)
		return 1;
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++) {
		uint32_t i = a->free_head[o], j = b->free_head[o];

		for (; i && j; i = a->memmap[i - 1].buddy.next,
			       j = b->memmap[j - 1].buddy.next)
			if (i != j)
				return 2;
		if (i || j)
			return 3;
	}
	for (unsigned long pb = 0; pb < DIV_ROUND_UP(a->ram_pages, PAGEBLOCK_NR_PAGES); pb++)
		if (a->pb_used[pb] != b->pb_used[pb])
			return 4;
	/* a tail's fields are its folio's counts and list: its head decides */
	for (unsigned long i = a->ram_frontier; i < a->ram_pages; i++) {
		struct page *p = &a->memmap[i], *q = &b->memmap[i];

		if (p->flags != q->flags || p->_refcount != q->_refcount ||
		    PageTail(p) != PageTail(q))
			return 5;
		if (!PageTail(p) && (p->private != q->private ||
				     p->index != q->index || p->mapping != q->mapping))
			return 6;
	}
	return 0;
}

TEST(a_batch_freed_in_runs_leaves_the_free_lists_as_freeing_one_by_one)
{
	struct twin *tw = calloc(1, sizeof(*tw));

	ASSERT_TRUE(tw != NULL);
	ASSERT_EQ(twin_init(tw), 0);
	/* a start from the top of RAM, then a pool of ~1000 folios churned */
	ASSERT_EQ(twin_alloc(tw, 600), 0);
	for (int round = 0; round < 3000; round++) {
		/*
		 * the middle third with the checker's log on (a run's frames
		 * are then prepared one at a time), emptied now and then as
		 * a check does
		 */
		for (int i = 0; round >= 1000 && round < 2000 && i < 2; i++) {
			machine_enter(tw->m[i]);
			if (round % 40 == 0)
				page_table_check_log_reset(tw->m[i]);
			page_table_check_start_logging(tw->m[i]);
		}
		for (int i = 0; round == 2000 && i < 2; i++) {
			machine_enter(tw->m[i]);
			page_table_check_log_reset(tw->m[i]);
			tw->m[i]->ck.logging = false;
		}
		if (tw->nr < 1200 && rnd(2))
			ASSERT_EQ(twin_alloc(tw, 1 + rnd(64)), 0);
		if (tw->nr)
			twin_free_batch(tw);
		ASSERT_EQ(buddy_diff(tw), 0);
	}
	while (tw->nr)
		twin_free_batch(tw);
	ASSERT_EQ(buddy_diff(tw), 0);
	for (int i = 0; i < 2; i++) {
		CHECK_MM(tw->m[i]);
		machine_destroy(tw->m[i]);
	}
	free(tw);
}
