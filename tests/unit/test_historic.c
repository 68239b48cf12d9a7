// SPDX-License-Identifier: GPL-2.0
/*
 * test_historic.c - `design historic=pre5.8` restores GUP and COW from
 * before Linux 5.8 (pins are plain references, fork shares pinned pages,
 * write faults reuse a page mapped once whatever else holds it).  With it
 * the cow.c cases go wrong, and mm_check() must say which invariant broke
 * (-EUCLEAN); with `current` the same steps pass the checker.  The
 * scenario interpreter fails a scenario on the first broken invariant, so
 * the "must fail" half lives here.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)

static int historic(struct fixture *f, bool pre58)
{
	struct seq_buf s;
	int err;

	seq_buf_init(&s);
	err = mmsim_ctl(f->t, pre58 ? "design mixed historic=pre5.8" :
			"design historic=current", &s);
	seq_buf_free(&s);
	return err;
}

static bool report_has(struct machine *m, const char *what)
{
	return strstr(mm_check_report(m), what) != NULL;
}

/* cow.c anon #3: the child's vmsplice reference, the parent's write. */
static void vmsplice_child_unmap(bool pre58)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ref;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(historic(&f, pre58), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(gup_get_range(child, "R", ARENA, PG, &ref), 0);
	ASSERT_EQ(sys_munmap(child, ARENA, PG), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	if (pre58) {
		ASSERT_EQ(mm_check(f.m), -EUCLEAN);
		ASSERT_TRUE(report_has(f.m, "CVE-2020-29374"));
		ASSERT_TRUE(report_has(f.m, "expected: the model reproduced Linux 2.6-5.7"));
		ASSERT_EQ(pin_set_read(ref), 0xff);	/* the leak */
	} else {
		CHECK_MM(f.m);
		ASSERT_TRUE(mmsim_kernel_bug(f.m) == NULL);
		ASSERT_EQ(pin_set_read(ref), 1);
	}
	pin_release(ref);
	machine_destroy(f.m);
}

TEST(historic_vmsplice_leak_cve_2020_29374_is_caught_by_mm_check)
{
	vmsplice_child_unmap(true);
}

TEST(current_vmsplice_reference_keeps_the_old_data)
{
	vmsplice_child_unmap(false);
}

/* cow.c anon #8: fork with a R/W pin, then the parent writes. */
static void fork_with_pin(bool pre58)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(historic(&f, pre58), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	if (pre58) {
		ASSERT_EQ(mm_check(f.m), -EUCLEAN);
		ASSERT_TRUE(report_has(f.m, "pinned anon page is not exclusive"));
	} else {
		CHECK_MM(f.m);
	}
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	ASSERT_EQ(pin_set_read(ps), pre58 ? 1 : 0xff);	/* pre-5.8: pin lost */
	pin_release(ps);
	if (!pre58)
		CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(historic_fork_shares_a_pinned_page_and_mm_check_says_so)
{
	fork_with_pin(true);
}

TEST(current_fork_copies_a_pinned_page)
{
	fork_with_pin(false);
}

/* cow.c anon #9: a R/O pin on a COW-shared page, then the parent writes. */
static void ro_pin_shared(bool pre58)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(historic(&f, pre58), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &ps), 0);
	if (pre58) {
		ASSERT_EQ(mm_check(f.m), -EUCLEAN);
		ASSERT_TRUE(report_has(f.m, "pinned anon page is not exclusive"));
	} else {
		CHECK_MM(f.m);
	}
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 0xff, PG), 0);
	ASSERT_EQ(pin_set_read(ps), pre58 ? 1 : 0xff);
	pin_release(ps);
	machine_destroy(f.m);
}

TEST(historic_ro_pin_does_not_unshare_and_mm_check_says_so)
{
	ro_pin_shared(true);
}

TEST(current_ro_pin_unshares_first)
{
	ro_pin_shared(false);
}

TEST(historic_switch_is_refused_while_pinned_and_restorable)
{
	struct fixture f;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_EQ(historic(&f, true), -EBUSY);
	pin_release(ps);
	ASSERT_EQ(historic(&f, true), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_EQ(page_ref_count(ps->pages[0]), 2);	/* a plain reference */
	ASSERT_EQ(historic(&f, false), -EBUSY);
	pin_release(ps);
	ASSERT_EQ(historic(&f, false), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
