// SPDX-License-Identifier: GPL-2.0
/*
 * draw.c - the model's side of the pictures: page tables and reverse
 * maps as text, for people (`pgtable`, `rmap`) and for the CLI's SVG
 * (`leaves`).  Read-only: it walks the tables with pgtable_entries()
 * and never takes a reference or sets a bit.
 *
 *   pgtable ADDR [LEN]	the four levels over [ADDR, ADDR+LEN) (LEN
 *			default one page) as a tree: each table page, then
 *			its entries; runs of like PTEs folded into one line
 *   rmap ADDR		the frame mapped at ADDR, and every process, VMA
 *			and entry that maps it (found by walking every mm:
 *			the truth the rmap must agree with)
 *   leaves START END	one line per table page and per present leaf in
 *			the range, machine-readable (for svg.c)
 *
 * Every leaf is classified by leaf_kind(), the one place that knows the
 * kinds: add a kind (a THP folio, the huge zero folio, a PTE marker of a
 * new sort) to enum leaf_kind, leaf_kind_name[] and leaf_kind() only.
 */
#include "internal.h"
#include "model/draw.h"

enum leaf_kind {
	LEAF_ANON,		/* an anonymous folio */
	LEAF_FILE,		/* a page-cache folio */
	LEAF_KERNEL,		/* a driver's page with struct page */
	LEAF_ZERO,		/* the shared zero page */
	LEAF_HUGE_ZERO,		/* the huge zero folio (PMD) */
	LEAF_SPECIAL,		/* a PFN map's entry: no page to take */
	LEAF_MARKER,		/* not present but not none: a PTE marker */
	NR_LEAF_KINDS
};

static const char *const leaf_kind_name[NR_LEAF_KINDS] = {
	[LEAF_ANON] = "anon", [LEAF_FILE] = "file", [LEAF_KERNEL] = "kernel",
	[LEAF_ZERO] = "zero", [LEAF_HUGE_ZERO] = "huge-zero",
	[LEAF_SPECIAL] = "special", [LEAF_MARKER] = "marker",
};

static const char *const level_name[] = { "pgd", "pud", "pmd", "pte" };
static const int level_shift[] = { PGDIR_SHIFT, PUD_SHIFT, PMD_SHIFT, PAGE_SHIFT };

#define ENTRY_PRESENT	(_PAGE_PRESENT | _PAGE_PROTNONE)

static unsigned long entry_pfn(uint64_t e)
{
	return (e & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static enum leaf_kind leaf_kind(int level, uint64_t e)
{
	unsigned long pfn = entry_pfn(e);
	struct folio *folio;

	if (!(e & ENTRY_PRESENT))
		return LEAF_MARKER;
	if (level == 2 && is_huge_zero_pfn(pfn))
		return LEAF_HUGE_ZERO;
	if (is_zero_pfn(pfn))
		return LEAF_ZERO;
	if ((e & _PAGE_SPECIAL) || !pfn_valid(pfn))
		return LEAF_SPECIAL;
	folio = page_folio(pfn_to_page(pfn));
	if (folio_test_anon(folio))
		return LEAF_ANON;
	return PageKernel(&folio->page) ? LEAF_KERNEL : LEAF_FILE;
}

static bool entry_is_leaf(int level, uint64_t e)
{
	return level == 3 || !(e & ENTRY_PRESENT) || (level && (e & _PAGE_PSE));
}

/*
 * A walk over [start, end) of one mm: ->table for each table page
 * reached (level 0 is the PGD page), ->leaf for each leaf entry.
 */
struct draw_walk {
	void (*table)(struct draw_walk *w, int level, unsigned long addr,
		      unsigned long pfn);
	void (*leaf)(struct draw_walk *w, int level, unsigned long addr,
		     uint64_t e);
	void *priv;
};

static void walk_level(struct draw_walk *w, int level, unsigned long table,
		       unsigned long start, unsigned long end)
{
	unsigned long size = 1UL << level_shift[level];
	uint64_t *tbl = pgtable_entries(table);
	unsigned long addr = start, next;

	do {
		uint64_t e = tbl[(addr >> level_shift[level]) & (PTRS_PER_PTE - 1)];

		next = (addr & ~(size - 1)) + size;
		if (next > end || !next)
			next = end;
		if (!e)
			continue;
		if (entry_is_leaf(level, e)) {
			w->leaf(w, level, addr & ~(size - 1), e);
			continue;
		}
		if (w->table)
			w->table(w, level + 1, addr & ~(size - 1), entry_pfn(e));
		walk_level(w, level + 1, entry_pfn(e), addr, next);
	} while (addr = next, addr != end);
}

static void draw_walk_mm(struct draw_walk *w, struct mm_struct *mm,
			 unsigned long start, unsigned long end)
{
	if (start >= end)
		return;
	if (w->table)
		w->table(w, 0, 0, mm->pgd);
	walk_level(w, 0, mm->pgd, start, end);
}

static void print_bits(struct seq_buf *out, uint64_t e)
{
	if (!(e & ENTRY_PRESENT))
		return;
	seq_buf_printf(out, " %s%s%s", e & _PAGE_RW ? "rw" : "ro",
		       e & _PAGE_DIRTY ? " dirty" : "",
		       e & _PAGE_PROTNONE && !(e & _PAGE_PRESENT) ? " protnone" : "");
}

/* ---- pgtable ADDR [LEN] ---- */

/* A run of PTEs alike (same kind and bits but the PFN) is one line. */
struct tree_state {
	struct seq_buf *out;
	unsigned long run_start, run_end;
	int run_level;
	uint64_t run_flags;
	enum leaf_kind run_kind;
	int run_n;
};

#define RUN_FLAGS(e)	((e) & ~PTE_PFN_MASK & ~(uint64_t)(_PAGE_ACCESSED))

static void tree_flush(struct tree_state *ts)
{
	int lvl = ts->run_level;
	unsigned long idx = (ts->run_start >> level_shift[lvl]) & (PTRS_PER_PTE - 1);

	if (!ts->run_n)
		return;
	seq_buf_printf(ts->out, "%*s%s[%lu", 2 * lvl, "", level_name[lvl], idx);
	if (ts->run_n > 1)
		seq_buf_printf(ts->out, "-%lu", idx + ts->run_n - 1);
	seq_buf_printf(ts->out, "] %lx-%lx %s%s", ts->run_start, ts->run_end,
		       leaf_kind_name[ts->run_kind],
		       lvl == 1 ? " pud-leaf" : lvl == 2 ? " pmd-leaf" : "");
	print_bits(ts->out, ts->run_flags);
	seq_buf_printf(ts->out, "\n");
	ts->run_n = 0;
}

static void tree_table(struct draw_walk *w, int level, unsigned long addr,
		       unsigned long pfn)
{
	struct tree_state *ts = w->priv;

	tree_flush(ts);
	if (!level) {
		seq_buf_printf(ts->out, "pgd table pfn %#lx\n", pfn);
		return;
	}
	seq_buf_printf(ts->out, "%*s%s[%lu] %lx -> %s table pfn %#lx\n",
		       2 * (level - 1), "", level_name[level - 1],
		       (addr >> level_shift[level - 1]) & (PTRS_PER_PTE - 1),
		       addr, level_name[level], pfn);
}

static void tree_leaf(struct draw_walk *w, int level, unsigned long addr,
		      uint64_t e)
{
	struct tree_state *ts = w->priv;
	enum leaf_kind kind = leaf_kind(level, e);
	unsigned long size = 1UL << level_shift[level];

	if (ts->run_n && ts->run_level == level && ts->run_end == addr &&
	    ts->run_kind == kind && ts->run_flags == RUN_FLAGS(e) &&
	    (addr & ((size << 9) - 1))) {
		ts->run_end += size;
		ts->run_n++;
		return;
	}
	tree_flush(ts);
	*ts = (struct tree_state){ ts->out, addr, addr + size, level,
				   RUN_FLAGS(e), kind, 1 };
}

static int draw_pgtable(struct task_struct *t, int argc, char **argv,
			struct seq_buf *out)
{
	struct tree_state ts = { .out = out };
	struct draw_walk w = { .table = tree_table,
			       .leaf = tree_leaf, .priv = &ts };
	unsigned long addr, len = PAGE_SIZE;

	if (kstrtoul(argv[1], 0, &addr) ||
	    (argc > 2 && kstrtolen(argv[2], &len)) || !len ||
	    addr >= TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	addr &= PAGE_MASK;
	len = PAGE_ALIGN(len);
	draw_walk_mm(&w, t->mm, addr, addr + len);
	tree_flush(&ts);
	return 0;
}

/* ---- rmap ADDR ---- */

/*
 * Entries listed at most: the zero page may be mapped by every entry of
 * every table in RAM (hundreds of millions); the rest are counted.
 */
#define RMAP_MAX_LISTED	4096

struct rmap_state {
	struct seq_buf *out;
	struct task_struct *t;
	struct vm_area_struct *vma;
	unsigned long pfn;
	unsigned long found;
};

static void rmap_leaf(struct draw_walk *w, int level, unsigned long addr,
		      uint64_t e)
{
	struct rmap_state *rs = w->priv;
	unsigned long pfn = entry_pfn(e), nr = 1UL << (level_shift[level] - PAGE_SHIFT);
	struct vm_area_struct *vma = rs->vma;

	if (!(e & ENTRY_PRESENT) || rs->pfn < pfn || rs->pfn >= pfn + nr)
		return;
	if (rs->found++ >= RMAP_MAX_LISTED)
		return;
	addr += (rs->pfn - pfn) << PAGE_SHIFT;
	seq_buf_printf(rs->out, "pid %d vma %lx-%lx %c%c%c%c entry %s %lx",
		       rs->t->pid, vma->vm_start, vma->vm_end,
		       vma->vm_flags & VM_READ ? 'r' : '-',
		       vma->vm_flags & VM_WRITE ? 'w' : '-',
		       vma->vm_flags & VM_EXEC ? 'x' : '-',
		       vma->vm_flags & VM_SHARED ? 's' : 'p',
		       level_name[level], addr);
	print_bits(rs->out, e);
	seq_buf_printf(rs->out, "\n");
}

/* The leaf entry mapping @addr in @mm and its level, or 0. */
static uint64_t leaf_at(struct mm_struct *mm,
			unsigned long addr, int *level)
{
	unsigned long table = mm->pgd;

	for (int l = 0; l < 4; l++) {
		uint64_t e = pgtable_entries(table)
			[(addr >> level_shift[l]) & (PTRS_PER_PTE - 1)];

		if (!e || entry_is_leaf(l, e)) {
			*level = l;
			return e;
		}
		table = entry_pfn(e);
	}
	return 0;
}

static void rmap_frame_header(struct seq_buf *out,
			      unsigned long pfn, enum leaf_kind kind)
{
	struct page *page;

	seq_buf_printf(out, "frame pfn %#lx %s", pfn, leaf_kind_name[kind]);
	if (!pfn_valid(pfn)) {
		seq_buf_printf(out, " (no struct page)\n");
		return;
	}
	page = pfn_to_page(pfn);
	/* a page of a large folio: the folio's references, the page's mappings */
	seq_buf_printf(out, " refcount %d mapcount %d", page_ref_count(page),
		       page_mapcount(page));
	if (folio_test_large(page_folio(page)))
		seq_buf_printf(out, " folio order %u",
			       folio_order(page_folio(page)));
	seq_buf_printf(out, "\n");
}

static int draw_rmap(struct task_struct *t, int argc, char **argv,
		     struct seq_buf *out)
{
	struct machine *m = t->machine;
	struct rmap_state rs = { .out = out };
	struct draw_walk w = { .leaf = rmap_leaf, .priv = &rs };
	struct task_struct *other;
	unsigned long addr;
	int level;
	uint64_t e;

	if (kstrtoul(argv[1], 0, &addr) || addr >= TASK_SIZE)
		return -EINVAL;
	if (!vma_lookup(t->mm, addr))
		return -EFAULT;
	e = leaf_at(t->mm, addr, &level);
	if (!(e & ENTRY_PRESENT)) {
		seq_buf_printf(out, "unmapped");
		return 0;
	}
	rs.pfn = entry_pfn(e) + ((addr & ((1UL << level_shift[level]) - 1)) >> PAGE_SHIFT);
	rmap_frame_header(out, rs.pfn, leaf_kind(level, e));
	list_for_each_entry(other, &m->tasks, tasks) {
		if (!other->mm)
			continue;
		rs.t = other;
		for_each_vma(other->mm, rs.vma)
			draw_walk_mm(&w, other->mm, rs.vma->vm_start, rs.vma->vm_end);
	}
	if (rs.found > RMAP_MAX_LISTED)
		seq_buf_printf(out, "and %lu more entries\n", rs.found - RMAP_MAX_LISTED);
	return 0;
}

/* ---- leaves START END (for the SVG) ---- */

static void list_table(struct draw_walk *w, int level, unsigned long addr,
		       unsigned long pfn)
{
	seq_buf_printf(w->priv, "table %s %lx %lx\n", level_name[level], addr, pfn);
}

static void list_leaf(struct draw_walk *w, int level, unsigned long addr,
		      uint64_t e)
{
	seq_buf_printf(w->priv, "leaf %s %lx %lx %s%s\n", level_name[level],
		       addr, entry_pfn(e), leaf_kind_name[leaf_kind(level, e)],
		       !(e & ENTRY_PRESENT) ? "" : e & _PAGE_RW ? " rw" : " ro");
}

static int draw_leaves(struct task_struct *t, int argc, char **argv,
		       struct seq_buf *out)
{
	struct draw_walk w = { .table = list_table,
			       .leaf = list_leaf, .priv = out };
	unsigned long start, end;

	if (kstrtoul(argv[1], 0, &start) || kstrtoul(argv[2], 0, &end) ||
	    start > end || end > TASK_SIZE)
		return -EINVAL;
	seq_buf_printf(out, "pid %d\n", t->pid);
	draw_walk_mm(&w, t->mm, start & PAGE_MASK, PAGE_ALIGN(end));
	return 0;
}

int draw_ctl(struct task_struct *t, int argc, char **argv, struct seq_buf *out)
{
	if (!t->mm)
		return -ESRCH;
	if (!strcmp(argv[0], "pgtable") && (argc == 2 || argc == 3))
		return draw_pgtable(t, argc, argv, out);
	if (!strcmp(argv[0], "rmap") && argc == 2)
		return draw_rmap(t, argc, argv, out);
	if (!strcmp(argv[0], "leaves") && argc == 3)
		return draw_leaves(t, argc, argv, out);
	return -EINVAL;
}
