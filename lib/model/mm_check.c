// SPDX-License-Identifier: GPL-2.0
/*
 * mm_check.c - recompute the model's invariants from scratch and compare.
 *
 * Nothing here trusts a counter: it walks every VMA tree and every page
 * table of every process, counts what maps each frame, and then checks
 * (numbers as in shared/DESIGN.md):
 *
 *  1. VMAs sorted, non-overlapping, page-aligned, map_count right; no
 *     entry outside a VMA; total_vm and data_vm count them, locked_vm at
 *     least the locked ones.  A PTE marker is not a mapping: it counts
 *     nothing; a uffd-wp marker lies in a VMA registered for uffd-wp;
 *     a guard marker lies in a VMA with VM_MAYBE_GUARD (so that
 *     fork copies it) that is not VM_SPECIAL, and an anonymous one with
 *     an anon_vma.  Every range mseal() sealed is still mapped by
 *     VM_SEALED VMAs with the protection, file and offset it had.
 *  2. mapcount of every RAM frame == entries mapping it; refcount ==
 *     mapcount + GUP references (a pin weighs what its design adds:
 *     1024 for bias on a small folio, else 1) + page-cache reference,
 *     so refcount >= mapcount + pins in every design (drivers' own
 *     pages, PG_kernel, may hold more); free iff refcount == 0; RSS
 *     counters equal the entries.
 *  3. rmap_walk() finds exactly the entries mapping each mapped folio.
 *  4. a writable entry to an anon page: the page is exclusive and mapped
 *     once; a pinned anon page is exclusive; an anon page GUP holds for
 *     one mm is never mapped writable by another (CVE-2020-29374, the
 *     vmsplice leak), and the pin design's own count agrees with the pins
 *     held (pincount_check).
 *  5. entries of frames without struct page are special, and only
 *     PFN/mixed maps (or the zero page) hold special entries; PMD/PUD
 *     leaves are special, aligned and inside one PFN/mixed map - or, in
 *     an anonymous VMA, a THP or the huge zero folio (below) - and
 *     vm_normal_page*() returns no page for any special entry.
 *  6. PAT: the memtype tree holds exactly the ranges of the live tracking
 *     contexts (recomputed from every VMA, or the global design's links),
 *     and each context's kref counts the VMAs holding it.
 *  7. drivers' own invariants: every present PTE of a VMA of a driver's
 *     file passes the driver's check_entry hook (driver.h) - fb_defio's:
 *     a writable entry to a framebuffer page implies the page is on its
 *     dirty list, so no write is missed; and no driver misbehaved since
 *     the last check (a fault hook returned something that is not a
 *     vm_fault_t, a special entry maps a free frame).
 *     Likewise for files that write back (page-writeback.c): in a shared
 *     mapping that wants write-notify, a writable or dirty entry maps a
 *     dirty folio, and PG_dirty agrees with the page cache's dirty tag,
 *     so writeback misses no stored byte.
 *  8. with no process, file or pin left, every frame but the zero page is
 *     free and no object is allocated; a leaked kernel page names the
 *     driver that allocated it.
 *
 * and that every page cache holds its folios where their mapping and
 * index say, with nrpages counting them.
 *
 * Large folios (THP, mTHP; the "large folios" section): an anonymous PMD
 * leaf maps the head of an order-9 anon folio (or is the special,
 * read-only huge zero PMD), aligned, inside one anonymous VMA, with
 * exactly one PTE table deposited under it; every page's mapcount is its
 * PTEs, the entire mapcount its folio's PMDs, the large mapcount both,
 * _nr_pages_mapped the pages mapped by PTE (plus ENTIRELY_MAPPED while a
 * PMD maps it); _pincount is the pins held on any of its pages and no
 * more than the refcount; the refcount is one per mapping plus GUP's;
 * the MM slots count each MM's mappings, and a folio not marked "maybe
 * shared" is mapped by one MM only; a writable PMD maps a folio this PMD
 * alone maps, exclusively; tails point at their head and hold no
 * reference; a partially-mapped folio is on the deferred split queue.
 *
 * The first failure is described in mm_check_report(); -EUCLEAN.
 */
#include <stdarg.h>

#include "internal.h"

/* What GUP holds on one frame, from the pin sets. */
struct gup_held {
	uint32_t pins;		/* FOLL_PIN */
	uint32_t counted;	/* pins the design counts (not pre-5.8 plain) */
	long refs;		/* references they add to the refcount */
	struct mm_struct *mm;	/* for whom; (void *)1: several mms */
};

static const struct gup_held no_gup;

struct check_state {
	struct machine *m;
	uint32_t *maps;		/* per RAM frame: entries mapping it */
	uint32_t *pmd_maps;	/* per RAM frame: PMD leaves mapping it (heads) */
	int anon_leaves;	/* anon PMD leaves in the PMD table being walked */
	uint32_t *gup;		/* per RAM frame: 1 + index in held[], or 0 */
	struct gup_held *held;	/* frames GUP holds, few */
	size_t nr_held;
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
	const char *why;
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
	why = mseal_check(mm);
	if (why)
		return fail(cs, "pid %d: %s", t->pid, why);
	return true;
}

/* ---- 1, 2, 4, 5: every entry ---------------------------------------- */

static const struct gup_held *held_of(const struct check_state *cs,
				      unsigned long i)
{
	return cs->gup[i] ? &cs->held[cs->gup[i] - 1] : &no_gup;
}

/* A non-present entry: a PTE marker, where markers may be. */
static bool check_nonpresent_pte(struct check_state *cs, struct task_struct *t,
				 struct vm_area_struct *vma, unsigned long addr,
				 pte_t pte)
{
	if (pte_marker_uffd_wp(pte) && !is_guard_pte_marker(pte)) {
		if (!(vma->vm_flags & VM_UFFD_WP))
			return fail(cs, "pid %d: uffd-wp marker at %lx in a vma without VM_UFFD_WP",
				    t->pid, addr);
		return true;
	}
	if (!is_guard_pte_marker(pte))
		return fail(cs, "pid %d: non-present entry %llx at %lx is not a guard marker nor a uffd-wp one (no swap in the model)",
			    t->pid, (unsigned long long)pte_val(pte), addr);
	if (cs->m->design.value[DESIGN_GUARD] == GUARD_MAYBE_GUARD &&
	    !(vma->vm_flags & VM_MAYBE_GUARD))
		return fail(cs, "pid %d: guard marker at %lx in a vma without VM_MAYBE_GUARD",
			    t->pid, addr);
	if (cs->m->design.value[DESIGN_GUARD] == GUARD_ANON_VMA && !vma->anon_vma)
		return fail(cs, "pid %d: guard marker at %lx in a vma without anon_vma (guard=anon-vma)",
			    t->pid, addr);
	if (vma->vm_flags & (VM_SPECIAL | VM_HUGETLB))
		return fail(cs, "pid %d: guard marker at %lx in a special vma", t->pid, addr);
	if (vma_is_anonymous(vma) && !vma->anon_vma)
		return fail(cs, "pid %d: guard marker at %lx in an anonymous vma without anon_vma",
			    t->pid, addr);
	return true;
}

/* 7: the driver of @vma's file checks its own invariant on the entry. */
static bool check_driver_entry(struct check_state *cs, struct task_struct *t,
			       struct vm_area_struct *vma, unsigned long addr,
			       pte_t pte)
{
	const struct mmsim_driver *drv = mmsim_file_driver(vma->vm_file);
	struct seq_buf why;
	bool ok;

	if (!drv || !drv->check_entry || !pte_present(pte))
		return true;
	seq_buf_init(&why);
	ok = !drv->check_entry(vma, addr, pte, &why);
	if (!ok)
		fail(cs, "pid %d: driver %s at %lx: %s", t->pid, drv->name, addr,
		     why.buf && !why.err ? why.buf : "its check failed");
	seq_buf_free(&why);
	return ok;
}

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
		return check_nonpresent_pte(cs, t, vma, addr, pte);
	if (pte_uffd_wp(pte) && pte_write(pte))	/* page_table_check_pte_flags */
		return fail(cs, "pid %d: entry at %lx is uffd-wp and writable", t->pid, addr);
	if (!check_driver_entry(cs, t, vma, addr, pte))
		return false;
	if (pte_special(pte)) {
		if (pfn_valid(pfn) && (!pfn_to_page(pfn)->_refcount ||
				       PageTable(pfn_to_page(pfn))))
			return fail(cs, "pid %d: special entry at %lx maps %s pfn %lx (%s mapped memory it does not own)",
				    t->pid, addr,
				    PageTable(pfn_to_page(pfn)) ? "page-table" : "free",
				    pfn, vma_driver_name(vma));
		if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) && !is_zero_pfn(pfn))
			return fail(cs, "pid %d: special entry at %lx in a normal vma", t->pid, addr);
		if (vm_normal_page(vma, addr, pte))
			return fail(cs, "pid %d: vm_normal_page returns a page for the special entry at %lx",
				    t->pid, addr);
		return true;
	}
	if (!pfn_valid(pfn))
		return fail(cs, "pid %d: entry at %lx maps pfn %lx without struct page but is not special",
			    t->pid, addr, pfn);
	page = vm_normal_page(vma, addr, pte);
	if (page != pfn_to_page(pfn))
		return fail(cs, "pid %d: vm_normal_page disagrees with the entry at %lx", t->pid, addr);
	if (!page_ref_count(page))
		return fail(cs, "pid %d: entry at %lx maps free pfn %lx", t->pid, addr, pfn);
	cs->maps[pfn - m->ram_start]++;
	if (folio_test_anon(page_folio(page))) {
		cs->rss[MM_ANONPAGES]++;
		if (pte_write(pte) && (!PageAnonExclusive(page) || page_mapcount(page) != 1))
			return fail(cs, "pid %d: writable entry at %lx to a shared anon page (%s)",
				    t->pid, addr, page_describe(page));
		if (pte_write(pte) && held_of(cs, pfn - m->ram_start)->mm &&
		    held_of(cs, pfn - m->ram_start)->mm != t->mm)
			return fail(cs, "pid %d: writable entry at %lx to an anon page GUP holds for another mm (CVE-2020-29374) (%s)",
				    t->pid, addr, page_describe(page));
	} else {
		cs->rss[mm_counter_file(page_folio(page))]++;
		if (!writeback_entry_ok(vma, pte, page_folio(page)))
			return fail(cs, "pid %d: writable or dirty entry at %lx to a clean page-cache folio of a file that writes back (%s)",
				    t->pid, addr, page_describe(page));
	}
	return true;
}

/* ---- large folios: PMD leaves ------------------------------------- */

/* An anonymous PMD leaf: a THP or the huge zero folio. */
static bool check_anon_huge_leaf(struct check_state *cs, struct task_struct *t,
				 struct vm_area_struct *vma, unsigned long a,
				 pmd_t pmd)
{
	struct machine *m = cs->m;
	unsigned long pfn = pmd_pfn(pmd);
	struct folio *folio;

	cs->anon_leaves++;
	if (is_huge_zero_pmd(pmd))
		return pmd_special(pmd) && !pmd_write(pmd) ? true :
		       fail(cs, "pid %d: huge zero PMD at %lx is writable or not special",
			    t->pid, a);
	if (pmd_special(pmd) || !pfn_valid(pfn) || (pfn & (HPAGE_PMD_NR - 1)))
		return fail(cs, "pid %d: anon PMD at %lx maps no aligned THP (pfn %lx)",
			    t->pid, a, pfn);
	folio = page_folio(pfn_to_page(pfn));
	if (&folio->page != pfn_to_page(pfn) || folio_order(folio) != HPAGE_PMD_ORDER ||
	    !folio_test_anon(folio) || !folio_ref_count(folio))
		return fail(cs, "pid %d: anon PMD at %lx maps no live anon THP head (%s)",
			    t->pid, a, page_describe(&folio->page));
	if (vm_normal_page_pmd(vma, a, pmd) != &folio->page)
		return fail(cs, "pid %d: vm_normal_page_pmd disagrees with the PMD at %lx",
			    t->pid, a);
	if (pmd_write(pmd) && (!PageAnonExclusive(&folio->page) ||
			       folio_large_mapcount(folio) != 1))
		return fail(cs, "pid %d: writable PMD at %lx to a THP mapped elsewhere too (%s)",
			    t->pid, a, page_describe(&folio->page));
	cs->pmd_maps[pfn - m->ram_start]++;
	cs->rss[MM_ANONPAGES] += HPAGE_PMD_NR;
	return true;
}

/* One deposited PTE table per anonymous leaf of the PMD table @table_pfn. */
static bool check_deposits(struct check_state *cs, struct task_struct *t,
			   unsigned long table_pfn)
{
	struct machine *m = cs->m;
	int n = 0;

	for (unsigned long pfn = pgtable_deposited_first(table_pfn); pfn;
	     pfn = pgtable_deposited_next(pfn), n++) {
		struct page *tp = pfn_valid(pfn) ? pfn_to_page(pfn) : NULL;

		if (!tp || !PageTable(tp) || n > PTRS_PER_PMD)
			return fail(cs, "pid %d: deposited table pfn %lx is not a page table",
				    t->pid, pfn);
		for (int i = 0; i < PTRS_PER_PTE; i++)
			if (tp->pt[i])
				return fail(cs, "pid %d: deposited table pfn %lx is not empty",
					    t->pid, pfn);
		cs->maps[pfn - m->ram_start]++;
	}
	if (n != cs->anon_leaves)
		return fail(cs, "pid %d: PMD table pfn %lx has %d anon PMD leaves but %d deposited tables",
			    t->pid, table_pfn, cs->anon_leaves, n);
	return true;
}

/* 5 at PMD/PUD: a huge leaf is special, aligned, inside one PFN/mixed map. */
static bool check_huge_leaf(struct check_state *cs, struct task_struct *t,
			    unsigned long a, uint64_t e, int shift)
{
	struct vm_area_struct *vma = vma_lookup(t->mm, a);
	unsigned long pfn = (e & PTE_PFN_MASK) >> PAGE_SHIFT;
	struct page *page;

	if (!vma || a + (1UL << shift) > vma->vm_end)
		return fail(cs, "pid %d: huge entry at %lx outside one vma", t->pid, a);
	if ((e & _PAGE_UFFD_WP) && (e & _PAGE_RW))	/* page_table_check_pmd_flags */
		return fail(cs, "pid %d: huge entry at %lx is uffd-wp and writable", t->pid, a);
	if (shift == PMD_SHIFT && pmd_is_anon_huge(vma, __pmd(e)))
		return check_anon_huge_leaf(cs, t, vma, a, __pmd(e));
	if (!(e & _PAGE_SPECIAL))
		return fail(cs, "pid %d: huge entry at %lx is not special", t->pid, a);
	if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)))
		return fail(cs, "pid %d: special huge entry at %lx in a normal vma", t->pid, a);
	if (pfn & ((1UL << (shift - PAGE_SHIFT)) - 1))
		return fail(cs, "pid %d: huge entry at %lx maps unaligned pfn %lx", t->pid, a, pfn);
	page = shift == PUD_SHIFT ? vm_normal_page_pud(vma, a, __pud(e)) :
				    vm_normal_page_pmd(vma, a, __pmd(e));
	if (page)
		return fail(cs, "pid %d: vm_normal_page returns a page for the special huge entry at %lx",
			    t->pid, a);
	return true;
}

static bool walk_table(struct check_state *cs, struct task_struct *t,
		       unsigned long table_pfn, int shift, unsigned long base)
{
	struct machine *m = cs->m;
	struct page *tp = pfn_to_page(table_pfn);
	const uint64_t *e;

	if (!pfn_valid(table_pfn) || !PageTable(tp) || tp->_refcount != 1)
		return fail(cs, "pid %d: table pfn %lx is not a live page-table page",
			    t->pid, table_pfn);
	cs->maps[table_pfn - m->ram_start]++;	/* owned by its parent entry */
	e = tp->pt;
	if (shift == PMD_SHIFT)
		cs->anon_leaves = 0;
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long a = base + ((unsigned long)i << shift);

		if (!e[i])
			continue;
		if (shift == PAGE_SHIFT) {
			if (!check_pte(cs, t, a, __pte(e[i])))
				return false;
		} else if (e[i] & _PAGE_PSE) {
			if (!check_huge_leaf(cs, t, a, e[i], shift))
				return false;
		} else if (!walk_table(cs, t, (e[i] & PTE_PFN_MASK) >> PAGE_SHIFT,
				       shift - 9, a)) {
			return false;
		}
	}
	if (shift == PMD_SHIFT)
		return check_deposits(cs, t, table_pfn);
	if (shift != PAGE_SHIFT && pgtable_deposited_first(table_pfn))
		return fail(cs, "pid %d: table pfn %lx holds deposited tables", t->pid,
			    table_pfn);
	return true;
}

/*
 * The size counters of /proc/PID/status and of the limits, from the
 * VMAs: total_vm, data_vm (private writable), and locked_vm (VM_LOCKED),
 * which may count more - as in Linux 6.18, MREMAP_DONTUNMAP of locked
 * memory unlocks the source without uncharging it.
 */
static bool check_vm_counters(struct check_state *cs, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;
	unsigned long total = 0, locked = 0, data = 0;
	struct vm_area_struct *vma;

	for_each_vma(mm, vma) {
		unsigned long pages = vma_pages(vma);

		total += pages;
		if (vma->vm_flags & VM_LOCKED)
			locked += pages;
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED | VM_STACK_FLAGS)) == VM_WRITE)
			data += pages;
	}
	if (total != mm->total_vm || locked > mm->locked_vm || data != mm->data_vm)
		return fail(cs, "pid %d: total/locked/data_vm %lu/%lu/%lu, VMAs say %lu/%lu/%lu",
			    t->pid, mm->total_vm, mm->locked_vm, mm->data_vm,
			    total, locked, data);
	return true;
}

static bool check_task(struct check_state *cs, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	memset(cs->rss, 0, sizeof(cs->rss));
	if (!check_vmas(cs, t) || !check_vm_counters(cs, t) ||
	    !walk_table(cs, t, mm->pgd, PGDIR_SHIFT, 0))
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
	pte_t *ptep = page_vma_mapped(vma, addr, rc->pfn);

	if (ptep && !pte_special(*ptep))
		rc->found++;
	return true;
}

static bool check_rmap(struct check_state *cs, struct page *page)
{
	struct rmap_count rc = { .m = cs->m, .pfn = page_to_pfn(page) };
	struct rmap_walk_control rwc = { .arg = &rc, .rmap_one = count_one };

	/* vm_insert_page()d driver memory: mapped, but nothing to walk */
	if (!page->mapping && PageKernel(page))
		return true;
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

static void count_one_ref(struct check_state *cs, struct pin_set *ps,
			  struct page *page)
{
	unsigned long i = page - cs->m->memmap;
	bool pin = ps->flags & FOLL_PIN;
	struct gup_held *h;

	if (!cs->gup[i])
		cs->gup[i] = ++cs->nr_held;
	h = &cs->held[cs->gup[i] - 1];
	h->pins += pin;
	h->counted += pin && ps->acct != PINS_PLAIN;
	h->refs += pin ? pincount_ref_weight(page_folio(page), ps->acct) : 1;
	if (!h->mm)
		h->mm = ps->mm;
	else if (h->mm != ps->mm)
		h->mm = (struct mm_struct *)1;
}

static int count_pins(struct check_state *cs)
{
	struct pin_set *ps;
	size_t n = 0;

	list_for_each_entry(ps, &cs->m->pin_sets, list)
		n += ps->nr;
	cs->held = calloc(n ? n : 1, sizeof(*cs->held));
	if (!cs->held)
		return -ENOMEM;
	list_for_each_entry(ps, &cs->m->pin_sets, list)
		for (unsigned long i = 0; i < ps->nr; i++)
			if (!is_zero_pfn(page_to_pfn(ps->pages[i])))
				count_one_ref(cs, ps, ps->pages[i]);
	return 0;
}

static bool check_tail(struct check_state *cs, unsigned long i);
static bool check_large_folio(struct check_state *cs, struct folio *folio);

static bool check_frame(struct check_state *cs, unsigned long i)
{
	struct machine *m = cs->m;
	struct page *page = &m->memmap[i];
	unsigned long pfn = m->ram_start + i;
	const struct gup_held *h = held_of(cs, i);
	const char *why;
	long expect;

	if (PageTail(page))
		return check_tail(cs, i);
	if (!page->_refcount)
		return cs->maps[i] || cs->pmd_maps[i] ?
		       fail(cs, "free pfn %lx is mapped", pfn) : true;
	if (PageTable(page))
		return cs->maps[i] == 1 ? true :
		       fail(cs, "page table pfn %lx is reachable %u times", pfn, cs->maps[i]);
	if (is_zero_pfn(pfn))
		return true;
	if (folio_test_large(page_folio(page)))
		return check_large_folio(cs, page_folio(page));
	if ((uint32_t)page_mapcount(page) != cs->maps[i])
		return fail(cs, "pfn %lx: mapcount %d but %u entries map it (%s)",
			    pfn, page_mapcount(page), cs->maps[i], page_describe(page));
	if (h->pins && folio_test_anon(page_folio(page)) && !PageAnonExclusive(page))
		return fail(cs, "pfn %lx: pinned anon page is not exclusive", pfn);
	if (cs->maps[i] && !check_rmap(cs, page))
		return false;
	why = pincount_check(page, h->counted);
	if (why)
		return fail(cs, "pfn %lx: %s (pins %u, %s)", pfn, why, h->counted,
			    page_describe(page));
	expect = cs->maps[i] + h->refs + in_page_cache(page);
	if (PageKernel(page) ? page->_refcount < expect : page->_refcount != expect)
		return fail(cs, "pfn %lx: refcount %d, expected %ld (mapped %u, gup refs %ld, cache %d)",
			    pfn, page->_refcount, expect, cs->maps[i], h->refs,
			    in_page_cache(page));
	return true;
}

/* ---- large folios: the folio and its pages ------------------------------- */

/* A tail page: part of the large folio of the head it points at. */
static bool check_tail(struct check_state *cs, unsigned long i)
{
	struct machine *m = cs->m;
	struct page *page = &m->memmap[i], *head = compound_head(page);
	unsigned long hi = (unsigned long)(head - m->memmap);

	if (hi >= i || !PageHead(head) ||
	    i - hi >= (unsigned long)folio_nr_pages((struct folio *)head) ||
	    !head->_refcount || page->_refcount || PageBuddy(page))
		return fail(cs, "pfn %lx: broken tail page (%s)", m->ram_start + i,
			    page_describe(page));
	return true;
}

/* What the rmap finds of one large folio: every mapping, per MM slot. */
struct folio_rmap_count {
	struct folio *folio;
	long found;
	long slot[2];		/* mappings by the MMs in the folio's slots */
	mm_id_t first;		/* the first MM seen */
	bool several;		/* more than one MM maps it */
};

static bool count_folio_one(struct folio *folio, struct vm_area_struct *vma,
			    unsigned long addr, void *arg)
{
	struct folio_rmap_count *rc = arg;
	struct page_vma_mapped_walk pvmw = {
		.pfn = folio_pfn(folio), .nr_pages = folio_nr_pages(folio),
		.vma = vma, .address = addr,
	};
	mm_id_t id = vma->vm_mm->mm_id;

	while (page_vma_mapped_walk(&pvmw)) {
		if (pvmw.pte && pte_special(*pvmw.pte))
			continue;
		rc->found++;
		for (int s = 0; s < 2; s++)
			rc->slot[s] += folio_mm_id(folio, s) == id;
		if (!rc->first)
			rc->first = id;
		rc->several |= rc->first != id;
	}
	return true;
}

/*
 * The rmap finds every mapping; each MM slot counts no more than its MM
 * maps (a slot taken while its MM already mapped pages counts fewer, as
 * the kernel allows); a folio not "maybe shared" is mapped by one MM.
 */
static bool check_folio_rmap(struct check_state *cs, struct folio *folio)
{
	struct folio_rmap_count rc = { .folio = folio };
	struct rmap_walk_control rwc = { .arg = &rc, .rmap_one = count_folio_one };
	unsigned long pfn = folio_pfn(folio);

	rmap_walk(folio, &rwc);
	if (rc.found != folio_large_mapcount(folio))
		return fail(cs, "pfn %lx: rmap finds %ld of %d mappings of the large folio",
			    pfn, rc.found, folio_large_mapcount(folio));
	for (int s = 0; s < 2; s++) {
		long slot = folio->_mm_id_mapcount[s] + 1;

		if (folio_mm_id(folio, s) == MM_ID_DUMMY ? slot != 0 :
		    slot < 1 || slot > rc.slot[s])
			return fail(cs, "pfn %lx: MM slot %d (id %u) counts %ld, its MM maps %ld",
				    pfn, s, folio_mm_id(folio, s), slot, rc.slot[s]);
	}
	if (rc.several && !folio_maybe_mapped_shared(folio))
		return fail(cs, "pfn %lx: large folio mapped by several MMs is not maybe-shared",
			    pfn);
	return true;
}

/* The huge zero folio: never mapcounted; referenced by its owner and GUP. */
static bool check_huge_zero_folio(struct check_state *cs, struct folio *folio)
{
	unsigned long hi = (unsigned long)(&folio->page - cs->m->memmap);
	long refs = 1;

	for (long idx = 0; idx < folio_nr_pages(folio); idx++) {
		if (cs->maps[hi + idx] || folio_page(folio, idx)->_mapcount != -1)
			return fail(cs, "the huge zero folio is mapcounted (%s)",
				    page_describe(folio_page(folio, idx)));
		refs += held_of(cs, hi + idx)->refs;
	}
	if (folio_ref_count(folio) != refs || folio->_large_mapcount != -1)
		return fail(cs, "the huge zero folio has refcount %d, expected %ld",
			    folio_ref_count(folio), refs);
	return true;
}

/* The counts of one page of a large folio; adds up the folio's totals. */
struct folio_totals {
	long pte_maps, pages_mapped, refs, pins;
};

static bool check_folio_page(struct check_state *cs, struct folio *folio,
			     long idx, struct folio_totals *ft)
{
	struct machine *m = cs->m;
	struct page *page = folio_page(folio, idx);
	unsigned long i = (unsigned long)(page - m->memmap), pfn = m->ram_start + i;
	const struct gup_held *h = held_of(cs, i);
	bool pmd_exclusive = cs->pmd_maps[i - idx] && PageAnonExclusive(&folio->page);
	const char *why;

	if (page->_mapcount + 1 != (int)cs->maps[i])
		return fail(cs, "pfn %lx: page mapcount %d but %u PTEs map it (%s)",
			    pfn, page->_mapcount + 1, cs->maps[i], page_describe(page));
	if (h->pins && folio_test_anon(folio) && !PageAnonExclusive(page) &&
	    !pmd_exclusive)
		return fail(cs, "pfn %lx: pinned anon page is not exclusive", pfn);
	why = pincount_check(page, h->counted);
	if (why)
		return fail(cs, "pfn %lx: %s (pins %u, %s)", pfn, why, h->counted,
			    page_describe(page));
	ft->pte_maps += cs->maps[i];
	ft->pages_mapped += cs->maps[i] > 0;
	ft->refs += h->refs;
	ft->pins += h->counted;
	return true;
}

static bool check_large_folio(struct check_state *cs, struct folio *folio)
{
	struct machine *m = cs->m;
	unsigned long hi = (unsigned long)(&folio->page - m->memmap);
	unsigned long pfn = m->ram_start + hi;
	long nr = folio_nr_pages(folio), entire = cs->pmd_maps[hi];
	struct folio_totals ft = { 0 };

	if (is_huge_zero_folio(folio))
		return check_huge_zero_folio(cs, folio);
	if (folio_order(folio) < 1 || folio_order(folio) > HPAGE_PMD_ORDER ||
	    (pfn & (nr - 1)))
		return fail(cs, "pfn %lx: bad large folio order %u", pfn, folio_order(folio));
	for (long idx = 0; idx < nr; idx++)
		if (!check_folio_page(cs, folio, idx, &ft))
			return false;
	if (folio_entire_mapcount(folio) != entire ||
	    folio_large_mapcount(folio) != ft.pte_maps + entire)
		return fail(cs, "pfn %lx: entire mapcount %d, large %d; PMDs %ld, PTEs %ld",
			    pfn, folio_entire_mapcount(folio), folio_large_mapcount(folio),
			    entire, ft.pte_maps);
	if (folio->_nr_pages_mapped != ft.pages_mapped + (entire ? ENTIRELY_MAPPED : 0))
		return fail(cs, "pfn %lx: _nr_pages_mapped %#x, %ld pages mapped by PTE%s",
			    pfn, folio->_nr_pages_mapped, ft.pages_mapped,
			    entire ? " and a PMD" : "");
	if (folio->_pincount != ft.pins || folio->_pincount > folio_ref_count(folio))
		return fail(cs, "pfn %lx: _pincount %d, %ld pins held, refcount %d", pfn,
			    folio->_pincount, ft.pins, folio_ref_count(folio));
	if (folio_ref_count(folio) != ft.pte_maps + entire + ft.refs)
		return fail(cs, "pfn %lx: refcount %d, expected %ld (PTEs %ld, PMDs %ld, gup refs %ld)",
			    pfn, folio_ref_count(folio), ft.pte_maps + entire + ft.refs,
			    ft.pte_maps, entire, ft.refs);
	if (folio_test_partially_mapped(folio) && list_empty(&folio->_deferred_list))
		return fail(cs, "pfn %lx: partially mapped folio not on the deferred split queue",
			    pfn);
	if (ft.pte_maps + entire && !folio->page.mapping)
		return fail(cs, "mapped large folio with no rmap: %s", page_describe(&folio->page));
	return ft.pte_maps + entire ? check_folio_rmap(cs, folio) : true;
}

/* ---- 6: PAT tracking ---------------------------------------------------- */

static bool check_pat(struct check_state *cs)
{
	const char *why = pfnmap_track_check();

	return why ? fail(cs, "%s", why) : true;
}

/* ---- the page cache of every inode ------------------------------------ */

static bool check_page_caches(struct check_state *cs)
{
	struct inode *inode;

	list_for_each_entry(inode, &cs->m->inodes, i_sb_list) {
		const char *why = filemap_check(&inode->i_data);

		if (why)
			return fail(cs, "inode %s: %s", inode->name, why);
	}
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
	if (m->nr_free != m->ram_pages - 1) {
		for (unsigned long i = 0; i < m->ram_pages; i++) {
			const char *owner = driver_page_owner(&m->memmap[i]);

			if (m->memmap[i]._refcount && owner)
				return fail(cs, "driver %s leaked pfn %lx: %lu frames still allocated with no process or file left",
					    owner, m->ram_start + i,
					    m->ram_pages - 1 - m->nr_free);
		}
		return fail(cs, "%lu frames still allocated with no process left",
			    m->ram_pages - 1 - m->nr_free);
	}
	if (m->live_objects)
		return fail(cs, "%ld objects still allocated with no process left",
			    m->live_objects);
	return true;
}

static void check_state_free(struct check_state *cs)
{
	free(cs->maps);
	free(cs->pmd_maps);
	free(cs->gup);
	free(cs->held);
}

int mm_check(struct machine *m)
{
	machine_enter(m);
	struct check_state cs = { .m = m };
	unsigned int touched = m->design_touched;
	struct task_struct *t;

	m->check_report[0] = '\0';
	cs.maps = calloc(m->ram_pages, sizeof(*cs.maps));
	cs.pmd_maps = calloc(m->ram_pages, sizeof(*cs.pmd_maps));
	cs.gup = calloc(m->ram_pages, sizeof(*cs.gup));
	if (!cs.maps || !cs.pmd_maps || !cs.gup || count_pins(&cs)) {
		snprintf(m->check_report, sizeof(m->check_report), "out of host memory");
		check_state_free(&cs);
		m->design_touched = touched;
		return -ENOMEM;
	}
	if (m->drv.error[0]) {
		fail(&cs, "%s", m->drv.error);
		m->drv.error[0] = '\0';	/* reported once */
	}
	list_for_each_entry(t, &m->tasks, tasks)
		if (!cs.failed && !check_task(&cs, t))
			break;
	for (unsigned long i = 0; !cs.failed && i < m->ram_pages; i++)
		check_frame(&cs, i);
	if (!cs.failed)
		check_pat(&cs);
	if (!cs.failed)
		check_page_caches(&cs);
	if (!cs.failed)
		check_leaks(&cs);
	check_state_free(&cs);
	m->design_touched = touched;	/* the checker consults no design */
	return cs.failed ? -EUCLEAN : 0;
}
