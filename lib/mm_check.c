// SPDX-License-Identifier: GPL-2.0
/*
 * mm_check.c - recompute the model's invariants from scratch and compare.
 *
 * Nothing here trusts a counter: it walks every VMA tree and every page
 * table of every process, counts what maps each frame, and then checks
 * (numbers as in shared/DESIGN.md):
 *
 *  1. VMAs sorted, non-overlapping, page-aligned, map_count right; no
 *     entry outside a VMA.
 *  2. mapcount of every RAM frame == entries mapping it; refcount ==
 *     mapcount + pin references + page-cache reference (drivers' own
 *     pages, PG_kernel, may hold more); free iff refcount == 0; RSS
 *     counters equal the entries.
 *  3. rmap_walk() finds exactly the entries mapping each mapped folio.
 *  4. a writable entry to an anon page: the page is exclusive and mapped
 *     once; a pinned anon page is exclusive.
 *  5. entries of frames without struct page are special, and only
 *     PFN/mixed maps (or the zero page) hold special entries.
 *  8. with no process, file or pin left, every frame but the zero page is
 *     free and no object is allocated.
 *
 * The first failure is described in mm_check_report(); -EUCLEAN.
 */
#include <stdarg.h>

#include "internal.h"

struct check_state {
	struct machine *m;
	uint32_t *maps;		/* per RAM frame: entries mapping it */
	uint32_t *pins;		/* per RAM frame: pin references */
	long rss[NR_MM_COUNTERS];
	bool failed;
};

static bool fail(struct check_state *cs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool fail(struct check_state *cs, const char *fmt, ...)
{
	va_list ap;

	if (cs->failed)
		return false;
	va_start(ap, fmt);
	vsnprintf(cs->m->check_report, sizeof(cs->m->check_report), fmt, ap);
	va_end(ap);
	cs->failed = true;
	return false;
}

const char *mm_check_report(struct machine *m)
{
	return m->check_report;
}

/* ---- 1: the VMA tree -------------------------------------------------- */

static bool check_vmas(struct check_state *cs, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;
	struct vm_area_struct *vma, *prev = NULL;
	int n = 0;

	for_each_vma(mm, vma) {
		n++;
		if (vma->vm_mm != mm)
			return fail(cs, "pid %d: vma %lx-%lx has the wrong mm", t->pid,
				    vma->vm_start, vma->vm_end);
		if (!PAGE_ALIGNED(vma->vm_start) || !PAGE_ALIGNED(vma->vm_end) ||
		    vma->vm_start >= vma->vm_end)
			return fail(cs, "pid %d: bad vma bounds %lx-%lx", t->pid,
				    vma->vm_start, vma->vm_end);
		if (prev && prev->vm_end > vma->vm_start)
			return fail(cs, "pid %d: vmas %lx-%lx and %lx-%lx overlap or are unsorted",
				    t->pid, prev->vm_start, prev->vm_end,
				    vma->vm_start, vma->vm_end);
		if (vma->anon_vma && list_empty(&vma->anon_vma_chain))
			return fail(cs, "pid %d: vma %lx-%lx has an anon_vma but no chain",
				    t->pid, vma->vm_start, vma->vm_end);
		prev = vma;
	}
	if (n != mm->map_count)
		return fail(cs, "pid %d: map_count %d but %d vmas", t->pid, mm->map_count, n);
	return true;
}

/* ---- 1, 2, 4, 5: every entry ---------------------------------------- */

static bool check_pte(struct check_state *cs, struct task_struct *t,
		      unsigned long addr, pte_t pte)
{
	struct machine *m = cs->m;
	struct vm_area_struct *vma = vma_lookup(t->mm, addr);
	unsigned long pfn = pte_pfn(pte);
	struct page *page;

	if (!vma)
		return fail(cs, "pid %d: entry at %lx outside any vma", t->pid, addr);
	if (!pte_present(pte))
		return fail(cs, "pid %d: non-present entry %llx at %lx (no swap in the model)",
			    t->pid, (unsigned long long)pte_val(pte), addr);
	if (pte_special(pte)) {
		if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) && !is_zero_pfn(m, pfn))
			return fail(cs, "pid %d: special entry at %lx in a normal vma", t->pid, addr);
		return true;
	}
	if (!pfn_valid_m(m, pfn))
		return fail(cs, "pid %d: entry at %lx maps pfn %lx without struct page but is not special",
			    t->pid, addr, pfn);
	page = vm_normal_page(vma, addr, pte);
	if (page != pfn_to_page(m, pfn))
		return fail(cs, "pid %d: vm_normal_page disagrees with the entry at %lx", t->pid, addr);
	if (!page->_refcount)
		return fail(cs, "pid %d: entry at %lx maps free pfn %lx", t->pid, addr, pfn);
	cs->maps[pfn - m->ram_start]++;
	if (folio_test_anon(page_folio(page))) {
		cs->rss[MM_ANONPAGES]++;
		if (pte_write(pte) && (!PageAnonExclusive(page) || page_mapcount(page) != 1))
			return fail(cs, "pid %d: writable entry at %lx to a shared anon page (%s)",
				    t->pid, addr, page_describe(page));
	} else {
		cs->rss[mm_counter_file(page_folio(page))]++;
	}
	return true;
}

static bool walk_table(struct check_state *cs, struct task_struct *t,
		       unsigned long table_pfn, int shift, unsigned long base)
{
	struct machine *m = cs->m;
	struct page *tp = pfn_to_page(m, table_pfn);
	const uint64_t *e;

	if (!pfn_valid_m(m, table_pfn) || !PageTable(tp) || tp->_refcount != 1)
		return fail(cs, "pid %d: table pfn %lx is not a live page-table page",
			    t->pid, table_pfn);
	cs->maps[table_pfn - m->ram_start]++;	/* owned by its parent entry */
	e = tp->pt;
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long a = base + ((unsigned long)i << shift);

		if (!e[i])
			continue;
		if (shift == PAGE_SHIFT) {
			if (!check_pte(cs, t, a, __pte(e[i])))
				return false;
		} else if (e[i] & _PAGE_PSE) {
			if (!vma_lookup(t->mm, a))
				return fail(cs, "pid %d: huge entry at %lx outside any vma", t->pid, a);
			if (!(e[i] & _PAGE_SPECIAL))
				return fail(cs, "pid %d: huge entry at %lx is not special", t->pid, a);
		} else if (!walk_table(cs, t, (e[i] & PTE_PFN_MASK) >> PAGE_SHIFT,
				       shift - 9, a)) {
			return false;
		}
	}
	return true;
}

static bool check_task(struct check_state *cs, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	memset(cs->rss, 0, sizeof(cs->rss));
	if (!check_vmas(cs, t) || !walk_table(cs, t, mm->pgd, PGDIR_SHIFT, 0))
		return false;
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (cs->rss[i] != mm->rss_stat[i])
			return fail(cs, "pid %d: rss counter %d is %ld, entries say %ld",
				    t->pid, i, mm->rss_stat[i], cs->rss[i]);
	return true;
}

/* ---- 3: the reverse map ----------------------------------------------- */

struct rmap_count {
	struct machine *m;
	unsigned long pfn;
	int found;
};

static bool count_one(struct folio *folio, struct vm_area_struct *vma,
		      unsigned long addr, void *arg)
{
	struct rmap_count *rc = arg;
	pte_t *ptep = walk_to_pte(vma->vm_mm, addr, NULL, NULL);

	if (ptep && pte_present(*ptep) && !pte_special(*ptep) &&
	    pte_pfn(*ptep) == rc->pfn)
		rc->found++;
	return true;
}

static bool check_rmap(struct check_state *cs, struct page *page)
{
	struct rmap_count rc = { .m = cs->m, .pfn = page_to_pfn(cs->m, page) };
	struct rmap_walk_control rwc = { .arg = &rc, .rmap_one = count_one };

	if (!page->mapping)
		return fail(cs, "mapped page with no rmap: %s", page_describe(page));
	rmap_walk(page_folio(page), &rwc);
	if (rc.found != page_mapcount(page))
		return fail(cs, "rmap finds %d of %d mappings: %s", rc.found,
			    page_mapcount(page), page_describe(page));
	return true;
}

/* ---- 2: frames ---------------------------------------------------------- */

static bool in_page_cache(struct page *page)
{
	struct address_space *mapping;

	if (!page->mapping || folio_test_anon(page_folio(page)) || PageKernel(page))
		return false;
	mapping = page->mapping;
	return filemap_get_folio(mapping, page->index) == page_folio(page);
}

static void count_pins(struct check_state *cs)
{
	struct pin_set *ps;

	list_for_each_entry(ps, &cs->m->pin_sets, list)
		for (unsigned long i = 0; i < ps->nr; i++) {
			unsigned long pfn = page_to_pfn(cs->m, ps->pages[i]);

			if (!is_zero_pfn(cs->m, pfn))
				cs->pins[pfn - cs->m->ram_start]++;
		}
}

static bool check_frame(struct check_state *cs, unsigned long i)
{
	struct machine *m = cs->m;
	struct page *page = &m->memmap[i];
	unsigned long pfn = m->ram_start + i;
	long expect;

	if (!page->_refcount)
		return cs->maps[i] ? fail(cs, "free pfn %lx is mapped", pfn) : true;
	if (PageTable(page))
		return cs->maps[i] == 1 ? true :
		       fail(cs, "page table pfn %lx is reachable %u times", pfn, cs->maps[i]);
	if (is_zero_pfn(m, pfn))
		return true;
	if ((uint32_t)page_mapcount(page) != cs->maps[i])
		return fail(cs, "pfn %lx: mapcount %d but %u entries map it (%s)",
			    pfn, page_mapcount(page), cs->maps[i], page_describe(page));
	if (cs->pins[i] && folio_test_anon(page_folio(page)) && page_mapcount(page) &&
	    !PageAnonExclusive(page))
		return fail(cs, "pfn %lx: pinned anon page is not exclusive", pfn);
	if (cs->maps[i] && !check_rmap(cs, page))
		return false;
	expect = cs->maps[i] + (long)cs->pins[i] * GUP_PIN_COUNTING_BIAS +
		 in_page_cache(page);
	if (PageKernel(page) ? page->_refcount < expect : page->_refcount != expect)
		return fail(cs, "pfn %lx: refcount %d, expected %ld (mapped %u, pins %u, cache %d)",
			    pfn, page->_refcount, expect, cs->maps[i], cs->pins[i],
			    in_page_cache(page));
	return true;
}

/* ---- 8: nothing left behind ------------------------------------------- */

static bool check_leaks(struct check_state *cs)
{
	struct machine *m = cs->m;

	if (!list_empty(&m->tasks) || !list_empty(&m->pin_sets) || m->nr_files)
		return true;
	if (m->nr_inodes)
		return fail(cs, "%ld inodes left with no file open", m->nr_inodes);
	if (m->nr_free != m->ram_pages - 1)
		return fail(cs, "%lu frames still allocated with no process left",
			    m->ram_pages - 1 - m->nr_free);
	if (m->live_objects)
		return fail(cs, "%ld objects still allocated with no process left",
			    m->live_objects);
	return true;
}

int mm_check(struct machine *m)
{
	struct check_state cs = { .m = m };
	struct task_struct *t;

	m->check_report[0] = '\0';
	cs.maps = calloc(m->ram_pages, sizeof(*cs.maps));
	cs.pins = calloc(m->ram_pages, sizeof(*cs.pins));
	if (!cs.maps || !cs.pins) {
		snprintf(m->check_report, sizeof(m->check_report), "out of host memory");
		free(cs.maps);
		free(cs.pins);
		return -ENOMEM;
	}
	count_pins(&cs);
	list_for_each_entry(t, &m->tasks, tasks)
		if (!check_task(&cs, t))
			break;
	for (unsigned long i = 0; !cs.failed && i < m->ram_pages; i++)
		check_frame(&cs, i);
	if (!cs.failed)
		check_leaks(&cs);
	free(cs.maps);
	free(cs.pins);
	return cs.failed ? -EUCLEAN : 0;
}
