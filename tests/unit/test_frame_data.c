// SPDX-License-Identifier: GPL-2.0
/*
 * test_frame_data.c - lib/model/frame_data.c against a flat 4096-byte oracle per
 * frame: random writes, fills, copies and clears (crossing chunk
 * boundaries) read back exactly and frame_is_zero() agrees with the
 * oracle; a whole-page fill frees the storage; a frame with one byte
 * written costs at most 128 host bytes.  The frames stand alone, but
 * their one-chunk records come from a machine's slab: a machine is
 * current throughout.
 */
#include <stdlib.h>

#include "../../lib/internal.h"
#include "test.h"

#define NR_FRAMES 4

static struct page frames[NR_FRAMES];
static unsigned char oracle[NR_FRAMES][PAGE_SIZE];

/* The machine whose slab holds the records: made current by every test. */
static void enter_machine(void)
{
	static struct machine *m;

	if (!m) {
		struct mmsim_config cfg;

		mmsim_config_init(&cfg);
		cfg.ram_bytes = 16UL << 20;
		if (machine_create(&cfg, &m))
			abort();
	}
	machine_enter(m);
}

static void reset_frames(void)
{
	enter_machine();
	for (int i = 0; i < NR_FRAMES; i++) {
		frame_clear(&frames[i]);
		memset(oracle[i], 0, PAGE_SIZE);
	}
}

/* A random range, mostly small: one byte, inside a chunk, or across. */
static void random_range(size_t *off, size_t *len)
{
	static const size_t lens[] = { 1, 1, 2, 7, 64, 65, 130, 1000, 4096 };
	size_t l = lens[rand() % ARRAY_SIZE(lens)];

	if (rand() % 4 == 0)
		l = rand() % (PAGE_SIZE + 1);
	*off = rand() % (PAGE_SIZE - l + 1);
	*len = l;
}

/* True if some byte of the page is not zero. */
static bool memchr_inv_zero(const unsigned char *bytes)
{
	for (size_t k = 0; k < PAGE_SIZE; k++)
		if (bytes[k])
			return true;
	return false;
}

static bool frame_matches(int i)
{
	static unsigned char buf[PAGE_SIZE];
	const struct page *p = &frames[i];

	frame_read(p, 0, buf, PAGE_SIZE);
	if (memcmp(buf, oracle[i], PAGE_SIZE))
		return false;
	if (frame_is_zero(p) != !memchr_inv_zero(oracle[i]))
		return false;
	if (!p->data)
		return frame_bytes(p) == 0;
	return frame_bytes(p) > 0 && frame_bytes(p) <= 8 + PAGE_SIZE;
}

static bool partial_read_matches(int i)
{
	unsigned char buf[PAGE_SIZE];
	size_t off, len;

	random_range(&off, &len);
	frame_read(&frames[i], off, buf, len);
	return !memcmp(buf, oracle[i] + off, len);
}

static int random_op(int i)
{
	unsigned char buf[PAGE_SIZE];
	size_t off, len;
	int j = rand() % NR_FRAMES, byte = rand() % 4 ? rand() & 0xff : 0;

	random_range(&off, &len);
	switch (rand() % 8) {
	case 0: case 1: case 2: case 3:
		for (size_t k = 0; k < len; k++)
			buf[k] = rand();
		memcpy(oracle[i] + off, buf, len);
		return frame_write(&frames[i], off, buf, len);
	case 4: case 5:
		memset(oracle[i] + off, byte, len);
		return frame_fill(&frames[i], off, byte, len);
	case 6:
		memcpy(oracle[j], oracle[i], PAGE_SIZE);
		return frame_copy(&frames[j], &frames[i]);
	default:
		if (rand() % 4)
			return 0;
		memset(oracle[i], 0, PAGE_SIZE);
		frame_clear(&frames[i]);
		return 0;
	}
}

TEST(frame_data_random_ops_match_flat_oracle)
{
	enter_machine();
	srand(11);
	reset_frames();
	for (int op = 0; op < 20000; op++) {
		int i = rand() % NR_FRAMES;

		ASSERT_EQ(random_op(i), 0);
		for (int k = 0; k < NR_FRAMES; k++) {
			if (!frame_matches(k))
				TEST_FAIL("frame %d differs after op %d", k, op);
		}
		ASSERT_TRUE(partial_read_matches(i));
	}
	reset_frames();
}

TEST(frame_data_whole_page_fill_frees_storage)
{
	unsigned char buf[PAGE_SIZE], want[PAGE_SIZE];
	struct page p = { 0 };

	enter_machine();
	ASSERT_EQ(frame_write(&p, 100, "hello, world", 12), 0);
	ASSERT_EQ(frame_fill(&p, 3000, 0x5a, 900), 0);
	ASSERT_GT(frame_bytes(&p), 0);
	ASSERT_EQ(frame_fill(&p, 0, 0xab, PAGE_SIZE), 0);
	ASSERT_TRUE(p.data == NULL);
	ASSERT_EQ(page_fill(&p), 0xab);
	ASSERT_EQ(frame_bytes(&p), 0);
	frame_read(&p, 0, buf, PAGE_SIZE);
	memset(want, 0xab, PAGE_SIZE);
	ASSERT_TRUE(!memcmp(buf, want, PAGE_SIZE));
	/* Filling an untouched frame with its own fill allocates nothing. */
	ASSERT_EQ(frame_fill(&p, 10, 0xab, 100), 0);
	ASSERT_TRUE(p.data == NULL);
}

TEST(frame_data_single_byte_write_costs_at_most_128_bytes)
{
	enter_machine();
	for (size_t off = 0; off < PAGE_SIZE; off += 61) {
		struct page p = { 0 };
		unsigned char b = 0x77, got[3];

		set_page_fill(&p, 0x11);
		ASSERT_EQ(frame_write(&p, off, &b, 1), 0);
		ASSERT_LE(frame_bytes(&p), 128);
		frame_read(&p, off ? off - 1 : off, got, off ? 2 : 1);
		ASSERT_EQ(got[off ? 1 : 0], 0x77);
		if (off)
			ASSERT_EQ(got[0], 0x11);
		frame_clear(&p);
	}
}

TEST(frame_data_dense_writes_become_flat_and_stay_bounded)
{
	static unsigned char want[PAGE_SIZE], got[PAGE_SIZE];
	struct page p = { 0 };

	enter_machine();
	for (size_t off = 0; off < PAGE_SIZE; off += 64) {
		unsigned char b = off >> 6;

		want[off] = b;
		ASSERT_EQ(frame_write(&p, off, &b, 1), 0);
		ASSERT_LE(frame_bytes(&p), 8 + PAGE_SIZE);
	}
	ASSERT_EQ(frame_bytes(&p), 8 + PAGE_SIZE);
	frame_read(&p, 0, got, PAGE_SIZE);
	ASSERT_TRUE(!memcmp(got, want, PAGE_SIZE));
	frame_clear(&p);
	ASSERT_TRUE(p.data == NULL);
}

TEST(frame_data_copy_is_independent_of_source)
{
	struct page src = { 0 }, dst = { 0 };
	unsigned char b = 1, got = 0;

	enter_machine();
	ASSERT_EQ(frame_write(&src, 4095, &b, 1), 0);
	ASSERT_EQ(frame_copy(&dst, &src), 0);
	b = 2;
	ASSERT_EQ(frame_write(&dst, 4095, &b, 1), 0);
	frame_read(&src, 4095, &got, 1);
	ASSERT_EQ(got, 1);
	frame_read(&dst, 4095, &got, 1);
	ASSERT_EQ(got, 2);
	/* Copying a never-written frame releases dst's storage. */
	frame_clear(&src);
	set_page_fill(&src, 9);
	ASSERT_EQ(frame_copy(&dst, &src), 0);
	ASSERT_TRUE(dst.data == NULL);
	ASSERT_EQ(page_fill(&dst), 9);
	ASSERT_EQ(frame_copy(&dst, &dst), 0);
}

TEST(frame_data_is_zero_sees_fill_byte_and_every_chunk)
{
	unsigned char zeros[PAGE_SIZE] = { 0 };
	struct page p = { 0 };

	ASSERT_TRUE(frame_is_zero(&p));
	/* a chunk with one byte set, then cleared again: zero */
	ASSERT_EQ(frame_write(&p, 4095, "\1", 1), 0);
	ASSERT_FALSE(frame_is_zero(&p));
	ASSERT_EQ(frame_write(&p, 4095, zeros, 1), 0);
	ASSERT_TRUE(p.data != NULL);
	ASSERT_TRUE(frame_is_zero(&p));
	/* zero chunks over a non-zero fill: the absent chunks are not zero */
	ASSERT_EQ(frame_fill(&p, 0, 0x11, PAGE_SIZE), 0);
	ASSERT_EQ(frame_write(&p, 0, zeros, 64), 0);
	ASSERT_FALSE(frame_is_zero(&p));
	/* every chunk present (flat) and zero: zero, whatever the fill */
	ASSERT_EQ(frame_write(&p, 0, zeros, PAGE_SIZE), 0);
	ASSERT_TRUE(frame_is_zero(&p));
	frame_clear(&p);
}

/*
 * Pages written whole come from the machine's slab of flat records: 600
 * of them (past its small blocks into a 2 MiB one) each keep their own
 * bytes, and records freed and taken again do too; their bytes start on
 * a cache line (an unaligned 4 KiB store costs twice).  A write that covers
 * a fresh frame's chunks whole leaves no fill behind, and one that
 * covers only some fills the rest.
 */
TEST(frame_data_flat_records_stay_distinct_across_slab_blocks)
{
	enum { N = 600 };
	static struct page pages[N];
	static unsigned char buf[PAGE_SIZE], got[PAGE_SIZE];
	struct mmsim_config cfg;
	struct machine *m;

	/* a machine of its own, destroyed at the end: its slabs go with it */
	mmsim_config_init(&cfg);
	cfg.ram_bytes = 16UL << 20;
	ASSERT_EQ(machine_create(&cfg, &m), 0);
	machine_enter(m);
	for (int round = 0; round < 2; round++) {
		for (int i = round; i < N; i += 1 + round) {
			memset(buf, i * 3 + round, PAGE_SIZE);
			buf[i % PAGE_SIZE] = 0xee;
			ASSERT_EQ(frame_write(&pages[i], 0, buf, PAGE_SIZE), 0);
			ASSERT_EQ(frame_bytes(&pages[i]), 8 + PAGE_SIZE);
			/* the bytes (past the 8-byte map) start a cache line */
			ASSERT_EQ(((uintptr_t)pages[i].data + 8) % 64, 0);
		}
		for (int i = 0; i < N; i++) {
			int r = round && i % 2 ? 1 : 0;

			memset(buf, i * 3 + r, PAGE_SIZE);
			buf[i % PAGE_SIZE] = 0xee;
			frame_read(&pages[i], 0, got, PAGE_SIZE);
			if (memcmp(got, buf, PAGE_SIZE))
				TEST_FAIL("page %d round %d differs", i, round);
		}
		for (int i = 1; i < N; i += 2)	/* back to the slab */
			frame_clear(&pages[i]);
	}
	for (int i = 0; i < N; i++)
		frame_clear(&pages[i]);
	/* 64..4095 written over a fill of 0x5a: chunk 0 keeps the fill */
	set_page_fill(&pages[0], 0x5a);
	memset(buf, 0x33, PAGE_SIZE);
	ASSERT_EQ(frame_write(&pages[0], 64, buf, PAGE_SIZE - 64), 0);
	frame_read(&pages[0], 0, got, PAGE_SIZE);
	for (int i = 0; i < (int)PAGE_SIZE; i++)
		if (got[i] != (i < 64 ? 0x5a : 0x33))
			TEST_FAIL("byte %d is 0x%x", i, got[i]);
	/* 1..4094: chunks 0 and 63 are partly written, so filled first */
	frame_clear(&pages[0]);
	set_page_fill(&pages[0], 0x77);
	ASSERT_EQ(frame_write(&pages[0], 1, buf, PAGE_SIZE - 2), 0);
	frame_read(&pages[0], 0, got, PAGE_SIZE);
	ASSERT_EQ(got[0], 0x77);
	ASSERT_EQ(got[PAGE_SIZE - 1], 0x77);
	ASSERT_EQ(got[1], 0x33);
	ASSERT_EQ(got[PAGE_SIZE - 2], 0x33);
	frame_clear(&pages[0]);
	machine_destroy(m);
	enter_machine();
}
