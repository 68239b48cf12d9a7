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

#define CTL_MAX_ARGS 8

struct ctl_ctx {
	struct task_struct *t;
	struct machine *m;
	struct seq_buf *out;
};

typedef int (*ctl_fn)(struct ctl_ctx *cx, int argc, char **argv);

static int parse_on_off(const char *v, bool *out)
{
	if (!strcmp(v, "on") || !strcmp(v, "1") || !strcmp(v, "yes"))
		*out = true;
	else if (!strcmp(v, "off") || !strcmp(v, "0") || !strcmp(v, "no"))
		*out = false;
	else
		return -EINVAL;
	return 0;
}

static int parse_addr(const char *s, unsigned long *addr)
{
	char *end;

	errno = 0;
	*addr = strtoul(s, &end, 0);
	return (errno || *end || end == s) ? -EINVAL : 0;
}

/* profile zero_page=on soft_dirty=off ... */
static int ctl_profile(struct ctl_ctx *cx, int argc, char **argv)
{
	struct mmsim_profile p = cx->m->profile;

	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		bool *field = NULL;

		if (!eq)
			return -EINVAL;
		*eq = '\0';
		if (!strcmp(argv[i], "zero_page"))
			field = &p.zero_page;
		else if (!strcmp(argv[i], "soft_dirty"))
			field = &p.soft_dirty;
		if (!field || parse_on_off(eq + 1, field))
			return -EINVAL;
	}
	cx->m->profile = p;
	seq_buf_printf(cx->out, "ok");
	return 0;
}

/* Design switches: key, its values, and where the choice is kept. */
struct design_switch {
	const char *key;
	const char *const *values;	/* NULL-terminated; index = setting */
	int *(*slot)(struct machine *m);
};

static const struct design_switch designs[] = {
	{ NULL, NULL, NULL },
};

static int ctl_design(struct ctl_ctx *cx, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		const struct design_switch *d;
		int v;

		if (!eq)
			return -EINVAL;
		*eq = '\0';
		for (d = designs; d->key && strcmp(d->key, argv[i]); d++)
			;
		if (!d->key)
			return -EINVAL;
		for (v = 0; d->values[v] && strcmp(d->values[v], eq + 1); v++)
			;
		if (!d->values[v])
			return -EINVAL;
		*d->slot(cx->m) = v;
	}
	seq_buf_printf(cx->out, "ok");
	return 0;
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
	if (is_zero_pfn(m, pfn))
		return "zero";
	if (pfn_valid_m(m, pfn))
		return PageTable(pfn_to_page(m, pfn)) ? "table" : "ram";
	return pfn_is_io(m, pfn) ? "io" : "hole";
}

static void print_entry(struct ctl_ctx *cx, const char *level, uint64_t e,
			bool leaf)
{
	seq_buf_printf(cx->out, "%s", level);
	if (!e) {
		seq_buf_printf(cx->out, " none\n");
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

	if (parse_addr(argv[1], &addr) || addr >= TASK_SIZE)
		return -EINVAL;
	tbl = pgtable_entries(cx->m, mm->pgd);
	for (int level = 0; level < 4; level++) {
		uint64_t e = tbl[(addr >> shifts[level]) & 511];
		bool leaf = level == 3 || (level && (e & _PAGE_PSE));

		print_entry(cx, names[level], e, leaf);
		if (!e || leaf)
			break;
		tbl = pgtable_entries(cx->m, (e & PTE_PFN_MASK) >> PAGE_SHIFT);
	}
	return 0;
}

/* The leaf entry mapping @addr and its VMA, or an errno. */
static int leaf_at(struct ctl_ctx *cx, const char *arg, unsigned long *addr,
		   struct vm_area_struct **vma, pte_t *pte)
{
	pte_t *ptep;

	if (parse_addr(arg, addr))
		return -EINVAL;
	*vma = vma_lookup(cx->t->mm, *addr);
	if (!*vma)
		return -EFAULT;
	ptep = walk_to_pte(cx->t->mm, *addr, NULL, NULL);
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

/* normal_page ADDR: what vm_normal_page() returns for the entry there. */
static int ctl_normal_page(struct ctl_ctx *cx, int argc, char **argv)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	pte_t pte;
	int err = leaf_at(cx, argv[1], &addr, &vma, &pte);

	if (err)
		return err;
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
	struct page *page;
	pte_t pte;
	int err = leaf_at(cx, argv[1], &addr, &vma, &pte);

	if (err)
		return err;
	if (!pte_present(pte) || !pfn_valid_m(cx->m, pte_pfn(pte))) {
		seq_buf_printf(cx->out, "no page");
		return 0;
	}
	page = pfn_to_page(cx->m, pte_pfn(pte));
	seq_buf_printf(cx->out, "refcount %d mapcount %d pincount %d%s%s%s",
		       page->_refcount, page_mapcount(page), page->_pincount,
		       folio_maybe_dma_pinned(page_folio(page)) ? " maybe-pinned" : "",
		       folio_test_anon(page_folio(page)) ? " anon" : "",
		       PageAnonExclusive(page) ? " exclusive" : "");
	return 0;
}

static const struct {
	const char *name;
	int min_args, max_args;
	ctl_fn fn;
} ctls[] = {
	{ "profile", 1, CTL_MAX_ARGS - 1, ctl_profile },
	{ "design", 1, CTL_MAX_ARGS - 1, ctl_design },
	{ "entry", 1, 1, ctl_entry },
	{ "normal_page", 1, 1, ctl_normal_page },
	{ "counts", 1, 1, ctl_counts },
};

int mmsim_ctl(struct task_struct *t, const char *line, struct seq_buf *out)
{
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
	for (size_t i = 0; argc && i < ARRAY_SIZE(ctls); i++) {
		if (strcmp(ctls[i].name, argv[0]))
			continue;
		if (argc - 1 < ctls[i].min_args || argc - 1 > ctls[i].max_args)
			return -EINVAL;
		return ctls[i].fn(&cx, argc, argv);
	}
	return -EINVAL;
}
