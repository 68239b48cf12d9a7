// SPDX-License-Identifier: GPL-2.0
/*
 * test_perf_aux.c - the perf AUX race closed upstream in 2026, run as
 * explicit steps (lib/kernel/events/perf.c): under `perf=pfnmap` event
 * b's map_range() between the two halves of event a's rb_alloc_aux()
 * maps an AUX page without a reference, and the AUX unmap frees it -
 * mm_check must say so; with the fix (`pfnmap-aux-mutex`) the mapping
 * waits and the checker is content.  And the error paths of the steps
 * and of id=/output=.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RING	(ARENA)
#define RING_B	(ARENA + (1UL << 30))
#define AUX	(ARENA + (2UL << 30))

static int ctl(struct fixture *f, const char *line)
{
	struct seq_buf s;
	int err;

	seq_buf_init(&s);
	err = mmsim_ctl(f->t, line, &s);
	seq_buf_free(&s);
	return err;
}

static long map(struct fixture *f, struct file *file, unsigned long addr,
		unsigned long pages, unsigned long off, int prot)
{
	return sys_mmap(f->t, addr, pages * PG, prot, MAP_SHARED | MAP_FIXED, file,
			off * PG);
}

/* The racy order; returns whether mm_check complained at the end. */
static bool race(const char *design)
{
	struct file *a, *b;
	struct fixture f;
	char opts[64];
	bool caught;

	if (fixture_init(&f))
		return false;
	snprintf(opts, sizeof(opts), "design=%s id=1", design);
	if (device_open(f.m, "perf", opts, &a))
		return false;
	snprintf(opts, sizeof(opts), "design=%s output=1", design);
	if (device_open(f.m, "perf", opts, &b))
		return false;
	if (map(&f, a, RING, 3, 0, PROT_READ | PROT_WRITE) != (long)RING ||
	    ctl(&f, "perf_aux_begin 0x100000000000 4 2") ||
	    map(&f, b, RING_B, 3, 0, PROT_READ | PROT_WRITE) != (long)RING_B ||
	    ctl(&f, "perf_aux_end 0x100000000000") ||
	    map(&f, a, AUX, 2, 4, PROT_READ) != (long)AUX || mm_check(f.m))
		return false;
	sys_munmap(f.t, AUX, 2 * PG);	/* frees the AUX pages */
	caught = mm_check(f.m) && strstr(mm_check_report(f.m), "no page of its ring buffer");
	/* the break is the modelled kernel's own, and the report says so */
	if (caught && (!mmsim_kernel_bug(f.m) ||
		       !strstr(mm_check_report(f.m), "expected: the model reproduced Linux 6.14-6.19")))
		caught = false;
	sys_munmap(f.t, RING_B, 3 * PG);
	fput(a);
	fput(b);
	machine_destroy(f.m);
	return caught;
}

TEST(perf_aux_race_leaves_a_freed_page_mapped_without_the_fix)
{
	ASSERT_TRUE(race("pfnmap"));
	ASSERT_FALSE(race("pfnmap-aux-mutex"));
}

TEST(perf_aux_steps_and_ids_refuse_what_they_cannot_do)
{
	struct file *a, *b, *c, *l;
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "perf", "id=1", &a), 0);
	ASSERT_EQ(device_open(f.m, "perf", "id=1", &c), -EBUSY);
	ASSERT_EQ(device_open(f.m, "perf", "output=2", &c), -EINVAL);
	ASSERT_EQ(device_open(f.m, "perf", "output=1 design=legacy", &c), -EINVAL);
	ASSERT_EQ(device_open(f.m, "perf", "id=0", &c), -EINVAL);
	ASSERT_EQ(device_open(f.m, "perf", "output=1", &b), 0);
	ASSERT_EQ(device_open(f.m, "perf", "design=legacy", &l), 0);
	ASSERT_EQ(map(&f, a, RING, 3, 0, PROT_READ | PROT_WRITE), RING);
	ASSERT_EQ(ctl(&f, "perf_aux_end 0x100000000000"), -EINVAL);	/* nothing begun */
	ASSERT_EQ(ctl(&f, "perf_aux_begin 0x100000000000 2 2"), -EINVAL);	/* inside the ring */
	ASSERT_EQ(ctl(&f, "perf_aux_begin 0x100000000000 4 3"), -EINVAL);	/* not 2^n */
	ASSERT_EQ(ctl(&f, "perf_aux_begin 0x100000000000 4 2"), 0);
	ASSERT_EQ(ctl(&f, "perf_aux_begin 0x100000000000 4 2"), -EINVAL);	/* twice */
	ASSERT_EQ(map(&f, a, AUX, 2, 8, PROT_READ), -EINVAL);	/* not where it was put */
	ASSERT_EQ(map(&f, a, AUX, 2, 4, PROT_READ), AUX);	/* finishes it */
	CHECK_MM(f.m);
	ASSERT_EQ(map(&f, l, RING_B, 3, 0, PROT_READ | PROT_WRITE), RING_B);
	ASSERT_EQ(ctl(&f, "perf_aux_begin 0x100040000000 4 2"), -EINVAL);	/* legacy */
	ASSERT_EQ(ctl(&f, "perf_aux_end 0x100080000000"), 0);	/* already done */
	ASSERT_EQ(sys_munmap(f.t, AUX, 2 * PG), 0);
	ASSERT_EQ(sys_munmap(f.t, RING, 3 * PG), 0);
	ASSERT_EQ(sys_munmap(f.t, RING_B, 3 * PG), 0);
	CHECK_MM(f.m);
	fput(b);	/* the output first: it holds a */
	fput(a);
	fput(l);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(perf_aux_allocation_failure_leaves_the_ring_consistent)
{
	struct fixture f;
	struct file *a;
	int ok = 0;

	for (unsigned long n = 1; n < 64 && ok < 2; n++) {
		ASSERT_EQ(fixture_init(&f), 0);
		ASSERT_EQ(device_open(f.m, "perf", "id=1", &a), 0);
		ASSERT_EQ(map(&f, a, RING, 3, 0, PROT_READ | PROT_WRITE), RING);
		mmsim_fail_nth(f.m, n);
		if (map(&f, a, AUX, 4, 4, PROT_READ) == (long)AUX)
			ok++;
		mmsim_fail_nth(f.m, 0);
		CHECK_MM(f.m);
		fput(a);
		machine_destroy(f.m);
	}
	ASSERT_EQ(ok, 2);
}
