// SPDX-License-Identifier: GPL-2.0
/*
 * test_designs.c - the table of design switches (lib/model/designs.c):
 * every kernel preset picks exactly one mainline value per switch, every
 * value is labelled "Linux ..." or "proposal: ...", the default is the
 * host's 6.18.y, combinations no kernel had are refused unless `mixed`,
 * words the table does not know are refused naming the valid ones, and
 * only real consultations (not the checker's) mark a switch touched.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif

TEST(design_every_kernel_preset_has_one_mainline_value_per_switch)
{
	for (int k = MMSIM_KERNEL_FIRST; k <= MMSIM_KERNEL_LAST; k++) {
		for (unsigned int i = 0; mmsim_design_at(i); i++) {
			const struct mmsim_design *d = mmsim_design_at(i);
			int n = 0;

			for (int v = 0; v < d->nr_values; v++) {
				const struct mmsim_design_value *dv = &d->values[v];

				n += dv->first >= 0 && dv->first <= k &&
				     (!dv->last || k <= dv->last);
			}
			if (n != 1)
				TEST_FAIL("kernel %d, switch %s: %d mainline values", k, d->key, n);
		}
	}
}

TEST(design_every_value_is_labelled_mainline_or_proposal)
{
	for (unsigned int i = 0; mmsim_design_at(i); i++) {
		const struct mmsim_design *d = mmsim_design_at(i);

		for (int v = 0; v < d->nr_values; v++) {
			const struct mmsim_design_value *dv = &d->values[v];

			if (dv->first < 0)	/* a proposal, or a fix after 6.19 */
				ASSERT_TRUE(!strncmp(dv->label, "proposal: ", 10) ||
					    !strncmp(dv->label, "fix: ", 5));
			else
				ASSERT_EQ(strncmp(dv->label, "Linux ", 6), 0);
			ASSERT_TRUE(dv->summary && *dv->summary);
			ASSERT_EQ(mmsim_design_find_value(i, dv->name), v);
		}
	}
}

TEST(design_default_is_the_hosts_6_18)
{
	struct mmsim_design_state st;

	ASSERT_EQ(mmsim_design_state_init(&st, MMSIM_KERNEL_DEFAULT), 0);
	ASSERT_EQ(st.value[DESIGN_PERF], PERF_PFNMAP);
	ASSERT_EQ(st.value[DESIGN_HOOK], HOOK_MMAP_PREPARE);
	ASSERT_EQ(st.value[DESIGN_DEFIO], DEFIO_WRPROTECT);
	ASSERT_EQ(st.value[DESIGN_WALK], WALK_618);
	ASSERT_EQ(st.value[DESIGN_PINS], PINS_BIAS);
	ASSERT_EQ(st.value[DESIGN_HISTORIC], HISTORIC_CURRENT);
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_VMA_CTX);
	ASSERT_EQ(st.value[DESIGN_GUARD], GUARD_MAYBE_GUARD);
	ASSERT_EQ(mmsim_design_state_init(&st, MMSIM_KERNEL(6, 12)), -EINVAL);
	ASSERT_EQ(mmsim_design_state_init(&st, MMSIM_KERNEL(6, 20)), -EINVAL);
}

TEST(design_presets_follow_the_seeds_across_versions)
{
	struct mmsim_design_state st;

	mmsim_design_state_init(&st, MMSIM_KERNEL(6, 13));
	ASSERT_EQ(st.value[DESIGN_PERF], PERF_LEGACY);
	ASSERT_EQ(st.value[DESIGN_DEFIO], DEFIO_MKCLEAN);
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_VM_PAT);
	ASSERT_EQ(st.value[DESIGN_HOOK], HOOK_MMAP);
	mmsim_design_state_init(&st, MMSIM_KERNEL(6, 14));
	ASSERT_EQ(st.value[DESIGN_PERF], PERF_PFNMAP);
	mmsim_design_state_init(&st, MMSIM_KERNEL(6, 15));
	ASSERT_EQ(st.value[DESIGN_DEFIO], DEFIO_WRPROTECT);
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_VM_PAT);
	mmsim_design_state_init(&st, MMSIM_KERNEL(6, 16));
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_VMA_CTX);
	ASSERT_EQ(st.value[DESIGN_WALK], WALK_PRE618);
	mmsim_design_state_init(&st, MMSIM_KERNEL(6, 19));
	ASSERT_EQ(st.value[DESIGN_HOOK], HOOK_MMAP_ACTION);
}

static int apply(struct mmsim_design_state *st, const char *words, char *msg)
{
	return mmsim_design_state_setup(st, words, false, msg, 256);
}

TEST(design_combination_no_kernel_had_is_refused_naming_both)
{
	struct mmsim_design_state st, before;
	char msg[256];

	mmsim_design_state_init(&st, MMSIM_KERNEL_DEFAULT);
	before = st;
	ASSERT_EQ(apply(&st, "pat=vm_pat", msg), -EINVAL);
	ASSERT_TRUE(strstr(msg, "pat=vm_pat (Linux 3.7-6.15)") != NULL);
	ASSERT_TRUE(strstr(msg, "no kernel had both") != NULL);
	ASSERT_EQ(memcmp(&st, &before, sizeof(st)), 0);	/* unchanged */
	ASSERT_EQ(apply(&st, "kernel=6.15 pat=vm_pat", msg), 0);	/* 6.15 had it */
	ASSERT_EQ(apply(&st, "pins=pte-extra walk=early-reject", msg), 0);	/* proposals fit */
}

TEST(design_mixed_allows_any_combination_and_stays)
{
	struct mmsim_design_state st;
	char msg[256];

	mmsim_design_state_init(&st, MMSIM_KERNEL_DEFAULT);
	ASSERT_EQ(apply(&st, "mixed pat=vm_pat", msg), 0);
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_VM_PAT);
	ASSERT_EQ(apply(&st, "historic=pre5.8", msg), 0);	/* still mixed */
	ASSERT_EQ(apply(&st, "kernel=6.14", msg), 0);
	ASSERT_TRUE(st.mixed);
}

TEST(design_pinned_switches_survive_design_lines_and_presets)
{
	struct mmsim_design_state st;
	char msg[256];

	mmsim_design_state_init(&st, MMSIM_KERNEL_DEFAULT);
	ASSERT_EQ(mmsim_design_state_setup(&st, "mixed pat=global", true, msg,
					   sizeof(msg)), 0);
	ASSERT_EQ(apply(&st, "pat=vma-ctx", msg), 0);
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_GLOBAL);
	ASSERT_EQ(apply(&st, "kernel=6.13", msg), 0);
	ASSERT_EQ(st.value[DESIGN_PAT], PAT_GLOBAL);
	ASSERT_EQ(st.value[DESIGN_PERF], PERF_LEGACY);
}

TEST(design_unknown_words_are_refused_naming_the_valid_ones)
{
	struct mmsim_design_state st;
	char msg[256];

	mmsim_design_state_init(&st, MMSIM_KERNEL_DEFAULT);
	ASSERT_EQ(apply(&st, "walk=kernel", msg), -EINVAL);
	ASSERT_STREQ(msg, "design: walk=kernel: unknown value (pre-6.18, 6.18, early-reject)");
	ASSERT_EQ(apply(&st, "kernel=6.20", msg), -EINVAL);
	ASSERT_STREQ(msg, "design: kernel=6.20: unknown kernel (6.13 to 6.19)");
	ASSERT_EQ(apply(&st, "pins", msg), -EINVAL);
	ASSERT_TRUE(strstr(msg, "expected KEY=VALUE") != NULL);
	ASSERT_EQ(apply(&st, "colour=red", msg), -EINVAL);
	ASSERT_TRUE(strstr(msg, "unknown switch (perf, hook,") != NULL);
	ASSERT_EQ(mmsim_kernel_parse("6.1"), -EINVAL);
	ASSERT_EQ(mmsim_kernel_parse("6.16"), MMSIM_KERNEL(6, 16));
}

TEST(design_consultations_mark_touched_but_the_checker_does_not)
{
	struct fixture f;
	struct pin_set *ps;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(mmsim_design_touched(f.m), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, PG), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(mmsim_design_touched(f.m), 0);
	/* splitting and freeing VMAs without PFN maps asks nothing of PAT */
	ASSERT_EQ(map_anon(&f, ARENA + 4 * PG, 3 * PG, PROT_READ, MAP_PRIVATE),
		  ARENA + 4 * PG);
	ASSERT_EQ(sys_mprotect(f.t, ARENA + 5 * PG, PG, PROT_NONE), 0);
	ASSERT_EQ(sys_munmap(f.t, ARENA + 4 * PG, 3 * PG), 0);
	ASSERT_EQ(mmsim_design_touched(f.m), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_TRUE(mmsim_design_touched(f.m) & (1U << DESIGN_PINS));
	ASSERT_FALSE(mmsim_design_touched(f.m) & (1U << DESIGN_PAT));
	pin_release(ps);
	machine_destroy(f.m);
}

TEST(design_switches_holding_state_are_refused_while_it_lives)
{
	struct fixture f;
	struct seq_buf s;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PG, MADV_GUARD_INSTALL), 0);
	seq_buf_init(&s);
	ASSERT_EQ(mmsim_ctl(f.t, "design mixed guard=anon-vma", &s), -EBUSY);
	seq_buf_free(&s);
	seq_buf_init(&s);
	ASSERT_EQ(mmsim_ctl(f.t, "design", &s), 0);	/* the listing */
	ASSERT_TRUE(s.buf && strstr(s.buf, "  * maybe-guard   Linux 6.19-"));
	seq_buf_free(&s);
	machine_destroy(f.m);
}
