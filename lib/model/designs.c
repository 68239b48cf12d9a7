// SPDX-License-Identifier: GPL-2.0
/*
 * designs.c - the one table of design switches (include/mmsim/design.h):
 * for each seed's subject, the designs Linux had at each version and the
 * proposals that did not land, each value labelled.  The model's code
 * consults a switch only through design_get() / design_ops() (one ops
 * table per design, next to the code it replaces), which also records
 * that the switch was consulted, for `mmsim compare`.
 *
 * A kernel version selects the mainline value of every switch
 * (mmsim_design_state_init); `design KEY=VALUE` then moves single
 * switches.  A combination of mainline values with no kernel in common
 * (pat=vm_pat with walk=6.18, say) is refused unless the scenario says
 * `design mixed`: proposals combine with anything, being patches on
 * whatever kernel the rest describes.
 *
 * Where each boundary was verified (kernel sources and mail, read with
 * the project's search tool; the host runs 6.18.44):
 *   perf	pfnmap: b709eb872e19 "perf: map pages in advance", in tip
 *		perf/core on 2025-01-10, i.e. the 6.14 merge window;
 *		legacy: perf_mmap_fault() writing page->mapping/index is in
 *		the 2.6.31 perf_counter code already.
 *   hook	mmap_prepare: c84bf6dd2b83 (v2 2025-05-09), in linux-next
 *		with the 6.16 mm batch; mmap_action: "expand mmap_prepare
 *		functionality, port more users" v4 2025-09-17, v5 October,
 *		after the 6.18 merge window; remap_pfn_range_prepare() is
 *		absent from the host's 6.18.
 *   defio	wrprotect: "fb_defio: do not use deprecated page->mapping,
 *		index fields" with mapping_wrprotect_range(), v3
 *		2025-02-08, after 6.14-rc1: 6.15 (present on the host);
 *		mkclean: the fault-time page->mapping/index fix of 2007
 *		(posted against 2.6.22.10), in every 3.x fb_defio.c.
 *   walk	6.18: vm_normal_page_pud() and print_bad_page_map() are on
 *		the host's 6.18 (the series followed 6.17-rc1);
 *		folio_walk_start() and its special-bit checks: 6.12.
 *   pins	bias: 3faa52c03f44 "mm/gup: track FOLL_PIN pages", v4
 *		2020-02-04, after the 5.6 merge window: 5.7.
 *   historic	17839856fd58, the CVE-2020-29374 fix: 5.8.
 *   pat	VM_PAT: b3b9c293 "mm, x86, pat: rework linear pfn-mmap
 *		tracking" (v3 2012-07-31): 3.7; vma-ctx: "mm: rewrite
 *		pfnmap tracking and remove VM_PAT" v2 2025-05-12, in
 *		mm-unstable by 2025-05-15 with mmap_prepare: 6.16;
 *		untrack_pfn() is absent from the host's 6.18.
 *   guard	VM_MAYBE_GUARD: 5dba5cc2e0ff (v4 2025-11-18), 6.19, and a
 *		6.18-stable review patch; the host's 6.18.44 has it, so the
 *		model's "6.18" is 6.18.y.
 */
#include <stdarg.h>

#include "internal.h"

#define MAINLINE(a, b, c, d)	MMSIM_KERNEL(a, b), (c) ? MMSIM_KERNEL(c, d) : 0
#define PROPOSAL		-1, -1

static const struct mmsim_design_value perf_values[] = {
	[PERF_PFNMAP] = { "pfnmap", "Linux 6.14-", MAINLINE(6, 14, 0, 0),
	  "remap_pfn_range() per page at mmap, ->pfn_mkwrite lets page 0 be written" },
	[PERF_LEGACY] = { "legacy", "Linux 2.6.31-6.13", MAINLINE(2, 6, 6, 13),
	  "->fault hands out kernel pages with page->mapping/index faked" },
	[PERF_PFNMAP_AUX_MUTEX] = { "pfnmap-aux-mutex",
	  "fix: map_range() under rb->aux_mutex, tip perf/urgent July 2026, for "
	  "stable (20260710093321.14764-1-jiajie.lee@starlabs.sg)", PROPOSAL,
	  "pfnmap, with map_range() serialized against rb_alloc_aux()" },
	[PERF_MIXEDMAP] = { "mixedmap",
	  "proposal: VM_MIXEDMAP asked for in seed 000's review; "
	  "mmap_action_map_kernel_pages(), 'mm: expand mmap_prepare "
	  "functionality and usage' v4, March 2026", PROPOSAL,
	  "->mmap_prepare asks the core to vm_insert_pages() once vm_page_prot is settled" },
};

static const struct mmsim_design_value hook_values[] = {
	[HOOK_MMAP] = { "mmap", "Linux 1.0-6.15", MAINLINE(1, 0, 6, 15),
	  "drivers have f_op->mmap only: they map from inside it" },
	[HOOK_MMAP_PREPARE] = { "mmap_prepare", "Linux 6.16-6.18", MAINLINE(6, 16, 6, 18),
	  "f_op->mmap_prepare describes the VMA; mapping PFNs still needs ->mmap" },
	[HOOK_MMAP_ACTION] = { "mmap_action", "Linux 6.19-", MAINLINE(6, 19, 0, 0),
	  "->mmap_prepare may ask for MMAP_REMAP_PFN / MMAP_IO_REMAP_PFN" },
};

static const struct mmsim_design_value defio_values[] = {
	[DEFIO_MKCLEAN] = { "mkclean", "Linux 2.6-6.14", MAINLINE(2, 6, 6, 14),
	  "->fault fakes page->mapping/index; the flush calls folio_mkclean()" },
	[DEFIO_WRPROTECT] = { "wrprotect", "Linux 6.15-", MAINLINE(6, 15, 0, 0),
	  "the flush calls mapping_wrprotect_range(mapping, pgoff, pfn, 1)" },
	[DEFIO_KMEMFB] = { "kmemfb",
	  "proposal: FBINFO_KMEMFB, Michael Kelley, v3 May 2025 (objection: "
	  "de0f2cb8-aed6-436f-b55e-d3f7b3fe6d81@redhat.com)", PROPOSAL,
	  "VM_PFNMAP: vmf_insert_pfn() in ->fault, ->pfn_mkwrite lists the page" },
};

static const struct mmsim_design_value walk_values[] = {
	[WALK_PRE618] = { "pre-6.18", "Linux 6.12-6.17", MAINLINE(6, 12, 6, 17),
	  "special bits, checked per level; no vm_normal_page_pud()" },
	[WALK_618] = { "6.18", "Linux 6.18-", MAINLINE(6, 18, 0, 0),
	  "one __vm_normal_page() behind the PTE/PMD/PUD variants" },
	[WALK_EARLY_REJECT] = { "early-reject",
	  "proposal: Peter Xu, 'mm/pagewalk: Check pfnmap early for "
	  "folio_walk_start()', v1 06/19, Aug 2024 (seed 002)", PROPOSAL,
	  "folio_walk_start() refuses VM_PFNMAP|VM_IO VMAs up front" },
};

static const struct mmsim_design_value pins_values[] = {
	[PINS_BIAS] = { "bias", "Linux 5.7-", MAINLINE(5, 7, 0, 0),
	  "a pin adds GUP_PIN_COUNTING_BIAS to a small folio's refcount" },
	[PINS_SHADOW] = { "shadow",
	  "proposal: John Hubbard, seed 003 (Dec 2021): an exact count in a "
	  "second struct page", PROPOSAL,
	  "an exact pin count per page, in a shadow memmap allocated up front" },
	[PINS_PMD] = { "pmd",
	  "proposal: seed 003 (Dec 2021): a count per PMD's worth of pages, "
	  "read from Nadav Amit's PMD-page pointer", PROPOSAL,
	  "a pin count per PTE table, hung off the PMD table's struct page" },
	[PINS_PTE_EXTRA] = { "pte-extra",
	  "proposal: Nadav Amit, seed 003 (Dec 2021): extra PTEs hung off the "
	  "page-table page", PROPOSAL,
	  "an exact pin count per entry, in an array hung off the PTE table" },
};

static const struct mmsim_design_value historic_values[] = {
	[HISTORIC_CURRENT] = { "current", "Linux 5.8-", MAINLINE(5, 8, 0, 0),
	  "GUP unshares for R/O pins, fork copies pinned pages" },
	[HISTORIC_PRE58] = { "pre5.8", "Linux 2.6-5.7", MAINLINE(2, 6, 5, 7),
	  "pins are plain references, nothing unshared (CVE-2020-29374)" },
};

static const struct mmsim_design_value pat_values[] = {
	[PAT_VM_PAT] = { "vm_pat", "Linux 3.7-6.15", MAINLINE(3, 7, 6, 15),
	  "VM_PAT; track_pfn_copy() at fork, untrack_pfn() per unmapped VMA" },
	[PAT_VMA_CTX] = { "vma-ctx", "Linux 6.16-", MAINLINE(6, 16, 0, 0),
	  "a kref'd pfnmap_track_ctx off the VMA, untracked by the last VMA" },
	[PAT_GLOBAL] = { "global",
	  "proposal: Peter Xu in seed 004, on "
	  "20250425081715.1341199-6-david@redhat.com", PROPOSAL,
	  "the same context, found through a global table keyed by the VMA" },
};

static const struct mmsim_design_value guard_values[] = {
	[GUARD_ANON_VMA] = { "anon-vma", "Linux 6.13-6.18 (6.18.0)", MAINLINE(6, 13, 6, 17),
	  "no VMA flag; guard install gives the VMA an anon_vma so fork copies" },
	[GUARD_MAYBE_GUARD] = { "maybe-guard",
	  "Linux 6.19-, backported to 6.18.y (the host's 6.18.44)", MAINLINE(6, 18, 0, 0),
	  "VM_MAYBE_GUARD (smaps gu), sticky across merges, copied at fork" },
};

#define SWITCH(k, s, sum, v) \
	[DESIGN_##k] = { #v, s, sum, v##_values, ARRAY_SIZE(v##_values) }

static const struct mmsim_design designs[MMSIM_NR_DESIGNS] = {
	SWITCH(PERF, "000", "the perf ring buffer's mmap (default of `open F perf`)", perf),
	SWITCH(HOOK, "000", "which mmap hook the built-in drivers use", hook),
	SWITCH(DEFIO, "001", "fb_defio's write-protection at flush (default of `open F fbdefio`)", defio),
	SWITCH(WALK, "002", "folio_walk_start() and vm_normal_page*()", walk),
	SWITCH(PINS, "003", "how a DMA pin is counted", pins),
	SWITCH(HISTORIC, "003", "GUP and COW before the CVE-2020-29374 fix", historic),
	SWITCH(PAT, "004", "where PAT tracking of remap_pfn_range() lives", pat),
	SWITCH(GUARD, "", "how guard regions mark their VMA", guard),
};

_Static_assert(MMSIM_NR_DESIGNS == NR_DESIGNS, "design.h and internal.h disagree");

static const char *const kernel_names[] = {
	"6.13", "6.14", "6.15", "6.16", "6.17", "6.18", "6.19",
};

const struct mmsim_design *mmsim_design_at(unsigned int i)
{
	return i < MMSIM_NR_DESIGNS ? &designs[i] : NULL;
}

int mmsim_design_find(const char *key)
{
	for (int i = 0; i < MMSIM_NR_DESIGNS; i++)
		if (!strcmp(designs[i].key, key))
			return i;
	return -EINVAL;
}

static int value_find(const struct mmsim_design *d, const char *name)
{
	for (int v = 0; v < d->nr_values; v++)
		if (!strcmp(d->values[v].name, name))
			return v;
	return -EINVAL;
}

int mmsim_design_find_value(int key, const char *name)
{
	if (key < 0 || key >= MMSIM_NR_DESIGNS)
		return -EINVAL;
	return value_find(&designs[key], name);
}

int mmsim_kernel_parse(const char *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(kernel_names); i++)
		if (!strcmp(kernel_names[i], s))
			return MMSIM_KERNEL_FIRST + (int)i;
	return -EINVAL;
}

static bool is_proposal(const struct mmsim_design_value *v)
{
	return v->first < 0;
}

static bool in_kernel(const struct mmsim_design_value *v, int kernel)
{
	return !is_proposal(v) && v->first <= kernel && (!v->last || kernel <= v->last);
}

int mmsim_design_state_init(struct mmsim_design_state *st, int kernel)
{
	if (kernel < MMSIM_KERNEL_FIRST || kernel > MMSIM_KERNEL_LAST)
		return -EINVAL;
	memset(st, 0, sizeof(*st));
	st->kernel = kernel;
	for (int k = 0; k < MMSIM_NR_DESIGNS; k++)
		for (int v = 0; v < designs[k].nr_values; v++)
			if (in_kernel(&designs[k].values[v], kernel))
				st->value[k] = v;
	return 0;
}

static int msg(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int msg(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* "a, b, c" into @buf: the valid words after an error. */
static const char *list_words(char *buf, size_t size, int key)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; key < 0 && i < MMSIM_NR_DESIGNS; i++)
		n += snprintf(buf + n, n < size ? size - n : 0, "%s%s",
			      i ? ", " : "", designs[i].key);
	if (key < 0)
		snprintf(buf + n, n < size ? size - n : 0, ", kernel, mixed");
	for (int v = 0; key >= 0 && v < designs[key].nr_values; v++)
		n += snprintf(buf + n, n < size ? size - n : 0, "%s%s",
			      v ? ", " : "", designs[key].values[v].name);
	return buf;
}

/* One word of a `design` line, applied to @st. */
static int apply_word(struct mmsim_design_state *st, const char *w,
		      char *m, size_t size)
{
	const char *eq = strchr(w, '=');
	char key[32], list[256];
	int k, v;

	if (!strcmp(w, "mixed")) {
		st->mixed = true;
		return 0;
	}
	if (!eq || (size_t)(eq - w) >= sizeof(key))
		return msg(m, size, "design: %s: expected KEY=VALUE or mixed (keys: %s)",
			   w, list_words(list, sizeof(list), -1));
	snprintf(key, sizeof(key), "%.*s", (int)(eq - w), w);
	if (!strcmp(key, "kernel")) {
		struct mmsim_design_state old = *st;

		v = mmsim_kernel_parse(eq + 1);
		if (v < 0)
			return msg(m, size, "design: kernel=%s: unknown kernel (6.13 to 6.19)",
				   eq + 1);
		mmsim_design_state_init(st, v);
		st->mixed = old.mixed;	/* the scenario's word, and pins, stay */
		st->pinned = old.pinned;
		for (k = 0; k < MMSIM_NR_DESIGNS; k++)
			if (old.pinned & (1U << k))
				st->value[k] = old.value[k];
		return 0;
	}
	k = mmsim_design_find(key);
	if (k < 0)
		return msg(m, size, "design: %s: unknown switch (%s)", key,
			   list_words(list, sizeof(list), -1));
	v = value_find(&designs[k], eq + 1);
	if (v < 0)
		return msg(m, size, "design: %s: unknown value (%s)", w,
			   list_words(list, sizeof(list), k));
	if (!(st->pinned & (1U << k)))
		st->value[k] = v;
	return 0;
}

/*
 * The first pair of mainline values no kernel had together, or 0; pairs
 * with a switch in @first (those the line named) are looked at first.
 */
static int check_combination(const struct mmsim_design_state *st,
			     unsigned int first, char *m, size_t size)
{
	char a[160], b[160];

	for (int pass = 0; pass < 2; pass++)
	for (int i = 0; i < MMSIM_NR_DESIGNS; i++) {
		const struct mmsim_design_value *vi = &designs[i].values[st->value[i]];

		for (int j = 0; j < MMSIM_NR_DESIGNS; j++) {
			const struct mmsim_design_value *vj = &designs[j].values[st->value[j]];

			if (i == j || (!pass && !(first & (1U << i))) || is_proposal(vi) ||
			    is_proposal(vj))
				continue;
			if ((!vi->last || vj->first <= vi->last) &&
			    (!vj->last || vi->first <= vj->last))
				continue;
			return msg(m, size, "design: %s and %s: no kernel had both "
				   "(design mixed allows it)",
				   mmsim_design_label(i, st->value[i], a, sizeof(a)),
				   mmsim_design_label(j, st->value[j], b, sizeof(b)));
		}
	}
	return 0;
}

int mmsim_design_state_apply(struct mmsim_design_state *st, int argc,
			     char *const *argv, char *m, size_t size)
{
	struct mmsim_design_state next = *st;
	unsigned int named = 0;
	char key[32];
	int err, k;

	for (int i = 0; i < argc; i++) {
		err = apply_word(&next, argv[i], m, size);
		if (err)
			return err;
		if (sscanf(argv[i], "%31[^=]=", key) == 1 &&
		    (k = mmsim_design_find(key)) >= 0)
			named |= 1U << k;
	}
	if (!next.mixed && (err = check_combination(&next, named, m, size)))
		return err;
	*st = next;
	return 0;
}

const char *mmsim_design_label(int key, int value, char *buf, size_t size)
{
	snprintf(buf, size, "%s=%s (%s)", designs[key].key,
		 designs[key].values[value].name, designs[key].values[value].label);
	return buf;
}

/* ---- the machine's switches -------------------------------------------- */

void mmsim_note_kernel_bug(const char *what)
{
	struct machine *m = current_machine();

	if (!m->kernel_bug)
		m->kernel_bug = what;
}

const char *mmsim_kernel_bug(struct machine *m)
{
	return m->kernel_bug;
}

void design_init(struct machine *m)
{
	mmsim_design_state_init(&m->design, MMSIM_KERNEL_DEFAULT);
}

int design_get(enum design_key key)
{
	struct machine *m = current_machine();

	m->design_touched |= 1U << key;
	return m->design.value[key];
}

void mmsim_design_get_state(struct machine *m, struct mmsim_design_state *st)
{
	*st = m->design;
}

unsigned int mmsim_design_touched(struct machine *m)
{
	return m->design_touched;
}

int mmsim_design(const char *key)
{
	int k = mmsim_design_find(key);

	return k < 0 ? k : design_get(k);
}

/* Switches whose state lives in structures: only while those are idle. */
static int may_switch(enum design_key key)
{
	switch (key) {
	case DESIGN_PINS:
	case DESIGN_HISTORIC:
		return pincount_may_switch();
	case DESIGN_PAT:
		return pat_may_switch();
	case DESIGN_GUARD:
		return current_machine()->guard_installs ? -EBUSY : 0;
	default:
		return 0;
	}
}

/* `design` alone: every switch, its values and labels, '*' the current. */
static void design_list(struct machine *m, struct seq_buf *out)
{
	char seed[16];

	seq_buf_printf(out, "kernel %d.%d%s%s\n", m->design.kernel / 100,
		       m->design.kernel % 100,
		       m->design.kernel == MMSIM_KERNEL_DEFAULT ? " (default)" : "",
		       m->design.mixed ? ", mixed" : "");
	for (int k = 0; k < MMSIM_NR_DESIGNS; k++) {
		const struct mmsim_design *d = &designs[k];

		if (*d->seed)
			snprintf(seed, sizeof(seed), " (seed %s)", d->seed);
		else
			seed[0] = '\0';
		seq_buf_printf(out, "%s%s: %s\n", d->key, seed, d->summary);
		for (int v = 0; v < d->nr_values; v++)
			seq_buf_printf(out, "  %c %-13s %s\n",
				       m->design.value[k] == v ? '*' : ' ',
				       d->values[v].name, d->values[v].label);
	}
}

int design_ctl(struct machine *m, int argc, char **argv, struct seq_buf *out)
{
	struct mmsim_design_state next = m->design;
	char why[512];
	int err;

	if (!argc) {
		design_list(m, out);
		return 0;
	}
	err = mmsim_design_state_apply(&next, argc, argv, why, sizeof(why));
	if (err) {
		seq_buf_printf(out, "%s", why);
		return err;
	}
	for (int k = 0; k < MMSIM_NR_DESIGNS; k++)
		if (next.value[k] != m->design.value[k] && (err = may_switch(k)))
			return err;
	m->design = next;
	seq_buf_printf(out, "ok");
	return 0;
}

/* design_list: every word `design` takes, for completion. */
void design_words(struct seq_buf *out)
{
	for (int k = 0; k < MMSIM_NR_DESIGNS; k++)
		for (int v = 0; v < designs[k].nr_values; v++)
			seq_buf_printf(out, "%s%s=%s", k || v ? " " : "",
				       designs[k].key, designs[k].values[v].name);
	for (size_t i = 0; i < ARRAY_SIZE(kernel_names); i++)
		seq_buf_printf(out, " kernel=%s", kernel_names[i]);
	seq_buf_printf(out, " mixed");
}

int mmsim_design_state_setup(struct mmsim_design_state *st, const char *words,
			     bool pin, char *m, size_t size)
{
	char buf[512], *argv[24] = { NULL }, *save = NULL;
	int argc = 0, err, k;

	if (strlen(words) >= sizeof(buf))
		return msg(m, size, "design: too many words");
	strcpy(buf, words);
	for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (argc == (int)ARRAY_SIZE(argv))
			return msg(m, size, "design: too many words");
		argv[argc++] = w;
	}
	err = mmsim_design_state_apply(st, argc, argv, m, size);
	for (int i = 0; !err && pin && i < argc; i++) {
		char key[32];

		if (sscanf(argv[i], "%31[^=]=", key) == 1 &&
		    (k = mmsim_design_find(key)) >= 0)
			st->pinned |= 1U << k;
	}
	return err;
}

int mmsim_machine_design(struct machine *m, const char *words, bool pin)
{
	char why[256];

	machine_enter(m);
	return mmsim_design_state_setup(&m->design, words, pin, why, sizeof(why));
}
