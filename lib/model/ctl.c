// SPDX-License-Identifier: GPL-2.0
/*
 * ctl.c - the model's control and introspection interface (mmsim_ctl):
 * the things a scenario can ask of the model but not of a real kernel -
 * switching the configuration profile or a modelled design, and looking
 * at raw page-table entries, vm_normal_page()'s answer and page counts.
 *
 * Each command is a row of one table; a handler gets the words of the
 * line and prints its answer.  Features add their commands (and their
 * design switches) here.
 */
#include "internal.h"
#include "model/draw.h"

#define CTL_MAX_ARGS 16

struct ctl_ctx {
	struct task_struct *t;
	struct machine *m;
	struct seq_buf *out;
};

typedef int (*ctl_fn)(struct ctl_ctx *cx, int argc, char **argv);

/* profile KEY=VALUE ...: the configuration profile (profile.c). */
static int ctl_profile(struct ctl_ctx *cx, int argc, char **argv)
{
	struct mmsim_profile p = cx->m->profile;

	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq)
			return -EINVAL;
		*eq = '\0';
		if (mmsim_profile_set(&p, argv[i], eq + 1))
			return -EINVAL;
	}
	cx->m->profile = p;
	seq_buf_printf(cx->out, "ok");
	return 0;
}

/* design [KEY=VALUE...]: the switches of lib/model/designs.c */
static int ctl_design(struct ctl_ctx *cx, int argc, char **argv)
{
	return design_ctl(cx->m, argc - 1, argv + 1, cx->out);
}

static const struct { uint64_t bit; const char *name; } entry_bits[] = {
	{ _PAGE_PRESENT, "present" }, { _PAGE_RW, "rw" }, { _PAGE_USER, "user" },
	{ _PAGE_PWT, "pwt" }, { _PAGE_PCD, "pcd" }, { _PAGE_ACCESSED, "accessed" },
	{ _PAGE_DIRTY, "dirty" }, { _PAGE_PSE, "pse" }, { _PAGE_GLOBAL, "protnone" },
	{ _PAGE_SPECIAL, "special" }, { _PAGE_UFFD_WP, "uffd-wp" },
	{ _PAGE_SOFT_DIRTY, "soft-dirty" }, { _PAGE_NX, "nx" },
};

static const char *pfn_kind(struct machine *m, unsigned long pfn)
{
	if (is_zero_pfn(pfn) || is_huge_zero_pfn(pfn))
		return "zero";
	if (pfn_valid(pfn))
		return PageTable(pfn_to_page(pfn)) ? "table" : "ram";
	return pfn_is_io(pfn) ? "io" : "hole";
}

static void print_entry(struct ctl_ctx *cx, const char *level, uint64_t e,
			bool leaf)
{
	seq_buf_printf(cx->out, "%s", level);
	if (!e) {
		seq_buf_printf(cx->out, " none\n");
		return;
	}
	if (leaf && is_pte_marker(__pte(e))) {
		seq_buf_printf(cx->out, " marker=%s\n",
			       is_guard_pte_marker(__pte(e)) ? "guard" : "other");
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(entry_bits); i++)
		if (e & entry_bits[i].bit)
			seq_buf_printf(cx->out, " %s", entry_bits[i].name);
	seq_buf_printf(cx->out, " pfn=%s\n",
		       leaf ? pfn_kind(cx->m, (e & PTE_PFN_MASK) >> PAGE_SHIFT) : "table");
}

/* entry ADDR: the entry at each level down to the leaf (or the hole). */
static int ctl_entry(struct ctl_ctx *cx, int argc, char **argv)
{
	static const char *const names[] = { "pgd", "pud", "pmd", "pte" };
	static const int shifts[] = { PGDIR_SHIFT, PUD_SHIFT, PMD_SHIFT, PAGE_SHIFT };
	struct mm_struct *mm = cx->t->mm;
	unsigned long addr;
	uint64_t *tbl;

	if (kstrtoul(argv[1], 0, &addr) || addr >= TASK_SIZE)
		return -EINVAL;
	tbl = pgtable_entries(mm->pgd);
	for (int level = 0; level < 4; level++) {
		uint64_t e = tbl[(addr >> shifts[level]) & 511];
		bool leaf = level == 3 || (level && (e & _PAGE_PSE));

		print_entry(cx, names[level], e, leaf);
		if (!e || leaf)
			break;
		tbl = pgtable_entries((e & PTE_PFN_MASK) >> PAGE_SHIFT);
	}
	return 0;
}

/* The address in @arg and the VMA holding it: -EINVAL or -EFAULT. */
static int ctl_vma_at(struct ctl_ctx *cx, const char *arg, unsigned long *addr,
		      struct vm_area_struct **vma)
{
	if (kstrtoul(arg, 0, addr))
		return -EINVAL;
	*vma = vma_lookup(cx->t->mm, *addr);
	return *vma ? 0 : -EFAULT;
}

/*
 * The leaf entry mapping @addr and its VMA, or an errno.  A PMD leaf is
 * given as the PTE it would split into: the PFN of @addr's own page.
 */
static int leaf_at(struct ctl_ctx *cx, const char *arg, unsigned long *addr,
		   struct vm_area_struct **vma, pte_t *pte)
{
	int err = ctl_vma_at(cx, arg, addr, vma);
	pmd_t *leaf_pmd = NULL;
	pte_t *ptep;

	if (err)
		return err;
	ptep = walk_to_pte(cx->t->mm, *addr, &leaf_pmd, NULL);
	if (leaf_pmd)
		*pte = __pte(pmd_val(*leaf_pmd) +
			     ((pteval_t)pte_index(*addr) << PAGE_SHIFT));
	else
		*pte = ptep ? ptep_get(ptep) : __pte(0);
	return 0;
}

static const char *page_kind(struct page *page)
{
	if (!page)
		return "none";
	if (folio_test_anon(page_folio(page)))
		return "anon";
	return PageKernel(page) ? "kernel" : "file";
}

/* The answer of vm_normal_page_pmd/_pud for a huge leaf at @addr, if any. */
static bool huge_normal_page(struct ctl_ctx *cx, struct vm_area_struct *vma,
			     unsigned long addr)
{
	pmd_t *pmd = NULL;
	pud_t *pud = NULL;

	walk_to_pte(cx->t->mm, addr, &pmd, &pud);
	if (pud)
		seq_buf_printf(cx->out, "%s", page_kind(vm_normal_page_pud(vma, addr, *pud)));
	else if (pmd)
		seq_buf_printf(cx->out, "%s", page_kind(vm_normal_page_pmd(vma, addr, *pmd)));
	return pmd || pud;
}

/* normal_page ADDR: what vm_normal_page[_pmd/_pud]() returns there. */
static int ctl_normal_page(struct ctl_ctx *cx, int argc, char **argv)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	pte_t pte;
	int err = leaf_at(cx, argv[1], &addr, &vma, &pte);

	if (err)
		return err;
	if (huge_normal_page(cx, vma, addr))
		return 0;
	if (!pte_present(pte)) {
		seq_buf_printf(cx->out, "unmapped");
		return 0;
	}
	seq_buf_printf(cx->out, "%s", page_kind(vm_normal_page(vma, addr, pte)));
	return 0;
}

/* counts ADDR: the counts of the page mapped there. */
static int ctl_counts(struct ctl_ctx *cx, int argc, char **argv)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	struct folio *folio;
	struct page *page;
	pte_t pte;
	int err = leaf_at(cx, argv[1], &addr, &vma, &pte);

	if (err)
		return err;
	if (!pte_present(pte) || !pfn_valid(pte_pfn(pte))) {
		seq_buf_printf(cx->out, "no page");
		return 0;
	}
	page = pfn_to_page(pte_pfn(pte));
	folio = page_folio(page);
	seq_buf_printf(cx->out, "refcount %d mapcount %d pincount %d",
		       folio_ref_count(folio), page_mapcount(page),
		       folio_test_large(folio) ? folio->_pincount : 0);
	if (folio_test_large(folio))
		seq_buf_printf(cx->out, " order %u large %d entire %d",
			       folio_order(folio), folio_large_mapcount(folio),
			       folio_entire_mapcount(folio));
	seq_buf_printf(cx->out, "%s%s%s%s%s",
		       folio_maybe_dma_pinned(folio) ? " maybe-pinned" : "",
		       folio_test_anon(folio) ? " anon" : "",
		       PageAnonExclusive(page) ? " exclusive" : "",
		       folio_test_large(folio) && folio_maybe_mapped_shared(folio) ?
		       " maybe-shared" : "",
		       folio_test_partially_mapped(folio) ? " partially-mapped" : "");
	return 0;
}

/* folio_walk ADDR: folio_walk_start(FW_ZEROPAGE)'s answer. */
static int ctl_folio_walk(struct ctl_ctx *cx, int argc, char **argv)
{
	static const char *const levels[] = { "pte", "pmd", "pud" };
	struct vm_area_struct *vma;
	struct folio_walk fw;
	struct folio *folio;
	unsigned long addr;
	int err = ctl_vma_at(cx, argv[1], &addr, &vma);

	if (err)
		return err;
	folio = folio_walk_start(&fw, vma, addr, FW_ZEROPAGE);
	if (!folio) {
		seq_buf_printf(cx->out, "none");
		return 0;
	}
	seq_buf_printf(cx->out, "%s %s", fw.page ? page_kind(fw.page) : "zero",
		       levels[fw.level]);
	folio_walk_end(&fw, vma);
	return 0;
}

/* page_status ADDR: move_pages(2) status with nodes == NULL. */
static int ctl_page_status(struct ctl_ctx *cx, int argc, char **argv)
{
	unsigned long addr;
	int st;

	if (kstrtoul(argv[1], 0, &addr))
		return -EINVAL;
	st = do_pages_stat_one(cx->t->mm, addr);
	if (st < 0)
		seq_buf_printf(cx->out, "%s", errno_name(-st));
	else
		seq_buf_printf(cx->out, "node %d", st);
	return 0;
}

/*
 * deferred_split_scan: the deferred split shrinker, on demand (under
 * memory pressure in the kernel): splits the queued THPs that are partly
 * unmapped or wholly zero.  Result: how many were split.
 */
static int ctl_deferred_split(struct ctl_ctx *cx, int argc, char **argv)
{
	seq_buf_printf(cx->out, "%lu", deferred_split_scan());
	return 0;
}

/* pat_report, memtype_list: PAT tracking (pfnmap_track.c). */
static int ctl_pat(struct ctl_ctx *cx, int argc, char **argv)
{
	if (!strcmp(argv[0], "pat_report"))
		pat_report(cx->out);
	else
		memtype_list(cx->out);
	return 0;
}

/* ---- GUP references, pins, soft-dirty, userfaultfd ------------------- */

static int parse_range(char **argv, unsigned long *addr, unsigned long *len)
{
	return kstrtoul(argv[0], 0, addr) || kstrtolen(argv[1], len) ? -EINVAL : 0;
}

/* gup_get NAME ADDR LEN: a read-only reference without a pin (vmsplice). */
static int ctl_gup_get(struct ctl_ctx *cx, int argc, char **argv)
{
	unsigned long addr, len;
	struct pin_set *ps;
	int err = parse_range(argv + 2, &addr, &len);

	if (!err)
		err = gup_get_range(cx->t, argv[1], addr, len, &ps);
	if (!err)
		seq_buf_printf(cx->out, "ok");
	return err;
}

/* The named set of the right kind: gup_get references or pins. */
static struct pin_set *named_set(struct ctl_ctx *cx, const char *name,
				 unsigned int flags)
{
	struct pin_set *ps = pin_set_find(name);

	return ps && (ps->flags & flags) ? ps : NULL;
}

/* gup_put NAME */
static int ctl_gup_put(struct ctl_ctx *cx, int argc, char **argv)
{
	struct pin_set *ps = named_set(cx, argv[1], FOLL_GET);

	if (!ps)
		return -ENOENT;
	pin_release(ps);
	seq_buf_printf(cx->out, "ok");
	return 0;
}

/* gup_read NAME / pin_read NAME: what the held pages contain. */
static int read_set(struct ctl_ctx *cx, const char *name, unsigned int flags)
{
	struct pin_set *ps = named_set(cx, name, flags);
	int byte;

	if (!ps)
		return -ENOENT;
	byte = pin_set_read(ps);
	if (byte < 0)
		seq_buf_printf(cx->out, "mixed");
	else
		seq_buf_printf(cx->out, "0x%02x", byte);
	return 0;
}

static int ctl_gup_read(struct ctl_ctx *cx, int argc, char **argv)
{
	return read_set(cx, argv[1], FOLL_GET);
}

static int ctl_pin_read(struct ctl_ctx *cx, int argc, char **argv)
{
	return read_set(cx, argv[1], FOLL_PIN);
}



/* pgtable, rmap, leaves: the pictures (draw.c) */
static int ctl_draw(struct ctl_ctx *cx, int argc, char **argv)
{
	return draw_ctl(cx->t, argc, argv, cx->out);
}

/* design_list: every word `design` accepts (for completion) */
static int ctl_design_list(struct ctl_ctx *cx, int argc, char **argv)
{
	design_words(cx->out);
	return 0;
}

/*
 * The one list of model-only commands (the CLI asks for it with
 * mmsim_ctl_command()).  In usage, argument words spelled ADDR are
 * addresses the CLI resolves from scenario names; the others pass as
 * written.  Drivers add theirs (driver.h: struct mmsim_driver_command).
 */
static const struct ctl_cmd {
	struct mmsim_ctl_command c;
	ctl_fn fn;
} ctls[] = {
	{ { "profile", 1, CTL_MAX_ARGS - 1, "profile KEY=VALUE...",
	    "configure the model: zero_page, soft_dirty (on|off); thp "
	    "(always|madvise|never), thp_zero_page (on|off), thp_16k ... "
	    "thp_2048k (always|inherit|madvise|never), thp_max_ptes_none "
	    "(0..511), thp_shrink_underused (on|off); max_map_count (N, "
	    "vm.max_map_count); read_ahead_kb, max_sectors_kb (N, the queue "
	    "limits of the disk under files)" }, ctl_profile },
	{ { "design", 0, CTL_MAX_ARGS - 1, "design [KEY=VALUE...] [kernel=V] [mixed]",
	    "list the design switches, or switch (see docs/scenarios.md)" }, ctl_design },
	{ { "entry", 1, 1, "entry ADDR",
	    "the page-table entry at every level: LEVEL BITS..." }, ctl_entry },
	{ { "normal_page", 1, 1, "normal_page ADDR",
	    "vm_normal_page(): anon, file, kernel or none" }, ctl_normal_page },
	{ { "counts", 1, 1, "counts ADDR",
	    "refcount, mapcount, pincount and flags of the page at ADDR" }, ctl_counts },
	{ { "gup_get", 3, 3, "gup_get NAME ADDR LEN",
	    "read-only GUP reference without a pin (as vmsplice takes)" }, ctl_gup_get },
	{ { "gup_put", 1, 1, "gup_put NAME", "drop reference NAME" }, ctl_gup_put },
	{ { "gup_read", 1, 1, "gup_read NAME",
	    "what reference NAME sees: the byte if uniform, else mixed" }, ctl_gup_read },
	{ { "pin_read", 1, 1, "pin_read NAME",
	    "what pin NAME sees: the byte if uniform, else mixed" }, ctl_pin_read },
	{ { "folio_walk", 1, 1, "folio_walk ADDR",
	    "folio_walk_start(FW_ZEROPAGE): anon|file|kernel|zero pte|pmd|pud, or none" },
	  ctl_folio_walk },
	{ { "page_status", 1, 1, "page_status ADDR",
	    "move_pages(2) status (nodes NULL): node 0, ENOENT or EFAULT" }, ctl_page_status },
	{ { "pat_report", 0, 0, "pat_report",
	    "vm_area_struct size and slab class per PAT design; tracked ranges" }, ctl_pat },
	{ { "memtype_list", 0, 0, "memtype_list",
	    "the PAT memtype tree: [mem START-END] wb|wc|uc-|uc, or none" }, ctl_pat },
	{ { "pgtable", 1, 2, "pgtable ADDR [LEN]",
	    "the page tables over the range as a tree: tables, leaves by kind" }, ctl_draw },
	{ { "rmap", 1, 1, "rmap ADDR",
	    "the frame at ADDR and every process, VMA and entry that maps it" }, ctl_draw },
	{ { "leaves", 2, 2, "leaves ADDR ADDR",
	    "the leaf entries from the first ADDR to the second, for pictures" }, ctl_draw },
	{ { "design_list", 0, 0, "design_list",
	    "every KEY=VALUE `design` accepts (for completion)" }, ctl_design_list },
	{ { "deferred_split_scan", 0, 0, "deferred_split_scan",
	    "run the THP deferred split shrinker now: the folios split" },
	  ctl_deferred_split },
};

const struct mmsim_ctl_command *ctl_builtin_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(ctls); i++)
		if (!strcmp(ctls[i].c.name, name))
			return &ctls[i].c;
	return NULL;
}

static void ctl_from_driver(const struct mmsim_driver_command *d,
			    struct mmsim_ctl_command *cmd)
{
	*cmd = (struct mmsim_ctl_command) {
		.name = d->name, .min_args = d->min_args, .max_args = d->max_args,
		.usage = d->usage, .summary = d->summary,
	};
}

bool mmsim_ctl_command(unsigned int i, struct mmsim_ctl_command *cmd)
{
	const struct mmsim_driver_command *d;

	mmsim_driver_find("");		/* the built-in drivers are registered */
	if (i < ARRAY_SIZE(ctls)) {
		*cmd = ctls[i].c;
		return true;
	}
	d = driver_command(i - ARRAY_SIZE(ctls), NULL);
	if (d)
		ctl_from_driver(d, cmd);
	return d;
}

bool mmsim_ctl_lookup(const char *name, struct mmsim_ctl_command *cmd)
{
	struct mmsim_ctl_command c;

	for (unsigned int i = 0; mmsim_ctl_command(i, &c); i++)
		if (!strcmp(c.name, name)) {
			*cmd = c;
			return true;
		}
	return false;
}

void mmsim_events(struct machine *m, struct mmsim_events *ev)
{
	machine_enter(m);
	*ev = (struct mmsim_events) {
		.faults = m->ev.faults,
		.mkwrite_calls = m->ev.mkwrite_calls,
		.pfn_mkwrite_calls = m->ev.pfn_mkwrite_calls,
		.entries_inserted = m->ev.entries_at_mmap,
		.page_field_writes = m->ev.legacy_page_writes,
		.bad_page_map = m->ev.bad_page_map,
	};
}

/* Run argv[0] with @argc words: a built-in command, else a driver's. */
static int ctl_run(struct ctl_ctx *cx, int argc, char **argv)
{
	const struct mmsim_driver_command *d;
	const struct mmsim_driver *drv;

	for (size_t i = 0; i < ARRAY_SIZE(ctls); i++) {
		if (strcmp(ctls[i].c.name, argv[0]))
			continue;
		if (argc - 1 < ctls[i].c.min_args || argc - 1 > ctls[i].c.max_args)
			return -EINVAL;
		return ctls[i].fn(cx, argc, argv);
	}
	for (unsigned int i = 0; (d = driver_command(i, &drv)); i++) {
		if (strcmp(d->name, argv[0]))
			continue;
		if (argc - 1 < d->min_args || argc - 1 > d->max_args)
			return -EINVAL;
		return driver_command_run(cx->t, drv, d, argc, argv, cx->out);
	}
	return -EINVAL;
}

int mmsim_ctl(struct task_struct *t, const char *line, struct seq_buf *out)
{
	machine_enter(t->machine);
	struct ctl_ctx cx = { .t = t, .m = t->machine, .out = out };
	char buf[256], *argv[CTL_MAX_ARGS], *save = NULL;
	int argc = 0;

	if (!line || strlen(line) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, line);
	for (char *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (argc == CTL_MAX_ARGS)
			return -EINVAL;
		argv[argc++] = w;
	}
	if (!argc)
		return -EINVAL;
	mmsim_driver_find("");		/* the built-in drivers are registered */
	return ctl_run(&cx, argc, argv);
}
