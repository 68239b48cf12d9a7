// SPDX-License-Identifier: GPL-2.0
/*
 * pincount.c - how the model knows a page may be DMA-pinned: the three
 * pin-accounting designs of seed 003, behind one interface used by GUP
 * (pincount_pin/unpin), folio_maybe_dma_pinned() and mm_check
 * (pincount_ref_weight/check).  `design pins=bias|shadow|pmd` switches.
 *
 *  bias    today's kernel: a pin of a small folio adds
 *          GUP_PIN_COUNTING_BIAS (1024) to the refcount, so "maybe pinned"
 *          is refcount >= 1024 and 1024 plain references look pinned too;
 *          large folios count pins exactly in _pincount.
 *  shadow  an exact pin count per page in a second struct-page-sized
 *          record (the seed's "2-adjacent pages").  The shadow memmap is
 *          allocated UP FRONT for all of RAM, once (on the first pin under
 *          this design; the model's stand-in for boot): finding the record
 *          is pfn arithmetic, and neither GUP-fast (which cannot sleep to
 *          allocate) nor unpin_user_page() (which cannot fail) ever
 *          allocates.  The price is sizeof(struct page) per frame of RAM,
 *          pinned or not - shown by `mmsim report pins`.
 *  pmd     a pin counter per page-table page, kept in a block hung off the
 *          PMD table's own struct page (page->_shadow; the seed's first
 *          idea), allocated on demand.  It answers "pinned?" per 2 MiB of
 *          one mm's address space: every page mapped in a PTE table with a
 *          pin looks pinned.  unpin_user_page() gets no address, so the
 *          design needs the API change the seed mentions: each pin records
 *          where it was taken (mm, address, block id).  A block dies with
 *          its table (munmap): the pins under it then become invisible.
 *
 * Each pin: refcount +1 (shadow, pmd, large folios) or +1024 (bias, small
 * folio) plus the design's counter.  PINS_PLAIN is no design: pre-5.8 GUP
 * (`design historic=pre5.8`) pinned with plain references.
 */
#include "internal.h"

struct pmd_pin_rec {
	struct page *page;
	struct mm_struct *mm;
	unsigned long addr;
	unsigned long gen;
};

struct pmd_pins {
	unsigned long gen;
	int32_t count[PTRS_PER_PMD];
};

static unsigned long frame_index(struct machine *m, const struct page *page)
{
	return (unsigned long)(page - m->memmap);
}

int pincount_acct(void)
{
	struct machine *m = current_machine();

	return m->pins.historic == HISTORIC_PRE58 ? PINS_PLAIN : m->pins.design;
}

int pincount_may_switch(void)
{
	struct machine *m = current_machine();

	return m->pins.nr_pins ? -EBUSY : 0;
}

/* ---- shadow --------------------------------------------------------- */

static int shadow_init(struct machine *m)
{
	size_t bytes = m->ram_pages * sizeof(struct page);

	if (m->pins.shadow)
		return 0;
	if (mm_should_fail())
		return -ENOMEM;
	m->pins.shadow = calloc(m->ram_pages, sizeof(struct page));
	if (!m->pins.shadow)
		return -ENOMEM;
	m->pins.bytes += bytes;
	return 0;
}

static int32_t *shadow_pincount(struct machine *m, const struct page *page)
{
	if (!m->pins.shadow)
		return NULL;
	return &m->pins.shadow[frame_index(m, page)]._pincount;
}

/* ---- pmd -------------------------------------------------------------- */

/* The PMD table mapping @addr in @mm, or NULL. */
static struct page *pmd_table(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(mm, pgd, addr);
	if (!pud_present(*pud) || pud_leaf(*pud))
		return NULL;
	return pfn_to_page(pud_pfn(*pud));
}

static struct pmd_pins *pmd_block(struct page *table)
{
	return (struct pmd_pins *)table->_shadow;
}

static int pmd_block_get(struct machine *m, struct page *table,
			 struct pmd_pins **out)
{
	struct pmd_pins *b = pmd_block(table);

	if (!b) {
		if (mm_should_fail())
			return -ENOMEM;
		b = calloc(1, sizeof(*b));
		if (!b)
			return -ENOMEM;
		b->gen = ++m->pins.pmd_gen;
		table->_shadow = (unsigned long)b;
		m->pins.bytes += sizeof(*b);
	}
	*out = b;
	return 0;
}

void pincount_table_free(struct page *table)
{
	struct machine *m = current_machine();

	if (!table->_shadow)
		return;
	free(pmd_block(table));
	table->_shadow = 0;
	m->pins.bytes -= sizeof(struct pmd_pins);
}

static int pmd_rec_add(struct machine *m, const struct pmd_pin_rec *r)
{
	struct pincount_state *ps = &m->pins;

	if (ps->nr_recs == ps->cap_recs) {
		size_t cap = ps->cap_recs ? 2 * ps->cap_recs : 16;
		struct pmd_pin_rec *n;

		if (mm_should_fail())
			return -ENOMEM;
		n = realloc(ps->recs, cap * sizeof(*n));
		if (!n)
			return -ENOMEM;
		ps->bytes += (cap - ps->cap_recs) * sizeof(*n);
		ps->recs = n;
		ps->cap_recs = cap;
	}
	ps->recs[ps->nr_recs++] = *r;
	return 0;
}

static int pmd_pin(struct mm_struct *mm, unsigned long addr, struct page *page)
{
	struct machine *m = mm->machine;
	struct page *table = pmd_table(mm, addr);
	struct pmd_pin_rec rec = { page, mm, addr, 0 };
	struct pmd_pins *b;
	int err;

	VM_BUG_ON_PAGE(!table, page);	/* GUP just followed the entry */
	err = pmd_block_get(m, table, &b);
	if (err)
		return err;
	rec.gen = b->gen;
	err = pmd_rec_add(m, &rec);
	if (err)
		return err;
	b->count[pmd_index(addr)]++;
	return 0;
}

static bool mm_alive(struct machine *m, struct mm_struct *mm)
{
	struct task_struct *t;

	list_for_each_entry(t, &m->tasks, tasks)
		if (t->mm == mm)
			return true;
	return false;
}

static void pmd_unpin(struct machine *m, struct page *page)
{
	struct pincount_state *ps = &m->pins;
	struct pmd_pin_rec r;
	struct page *table;
	size_t i = ps->nr_recs;

	while (i && ps->recs[i - 1].page != page)
		i--;
	VM_BUG_ON_PAGE(!i, page);
	r = ps->recs[--i];
	ps->recs[i] = ps->recs[--ps->nr_recs];
	if (!ps->nr_recs) {
		free(ps->recs);
		ps->bytes -= ps->cap_recs * sizeof(*ps->recs);
		ps->recs = NULL;
		ps->cap_recs = 0;
	}
	table = mm_alive(m, r.mm) ? pmd_table(r.mm, r.addr) : NULL;
	/* the table may have gone (munmap) or the pin moved (mremap: a gap) */
	if (table && pmd_block(table) && pmd_block(table)->gen == r.gen &&
	    pmd_block(table)->count[pmd_index(r.addr)] > 0)
		pmd_block(table)->count[pmd_index(r.addr)]--;
}

struct pmd_probe {
	struct machine *m;
	bool pinned;
};

static bool pmd_probe_one(struct folio *folio, struct vm_area_struct *vma,
			  unsigned long addr, void *arg)
{
	struct pmd_probe *p = arg;
	struct page *table;

	if (!page_vma_mapped(vma, addr, folio_pfn(folio)))
		return true;
	table = pmd_table(vma->vm_mm, addr);
	p->pinned = table && pmd_block(table) &&
		    pmd_block(table)->count[pmd_index(addr)] > 0;
	return !p->pinned;
}

/* Pinned if a PTE table mapping the folio holds a pin (2 MiB granule). */
static bool pmd_maybe_pinned(struct machine *m, struct folio *folio)
{
	struct pmd_probe p = { .m = m };
	struct rmap_walk_control rwc = { .arg = &p, .rmap_one = pmd_probe_one };

	rmap_walk(folio, &rwc);
	return p.pinned;
}

/* ---- the interface ---------------------------------------------------- */

int pincount_ref_weight(const struct folio *folio, int acct)
{
	return acct == PINS_BIAS && !folio_test_large(folio) ?
	       GUP_PIN_COUNTING_BIAS : 1;
}

int pincount_pin(struct mm_struct *mm, unsigned long addr, struct page *page,
		 int acct)
{
	struct machine *m = mm->machine;
	struct folio *folio = page_folio(page);
	int err = 0;

	page_check_frame(page);
	if (acct == PINS_SHADOW)
		err = shadow_init(m);
	else if (acct == PINS_PMD)
		err = pmd_pin(mm, addr, page);
	if (err)
		return err;
	if (acct != PINS_PLAIN && folio_test_large(folio))
		folio->page._pincount++;
	else if (acct == PINS_SHADOW)
		(*shadow_pincount(m, page))++;
	folio_ref_add(folio, pincount_ref_weight(folio, acct));
	m->pins.nr_pins++;
	return 0;
}

void pincount_unpin(struct page *page, int acct)
{
	struct machine *m = current_machine();
	struct folio *folio = page_folio(page);
	int refs = pincount_ref_weight(folio, acct);

	page_check_frame(page);
	if (acct == PINS_PMD)
		pmd_unpin(m, page);
	if (acct != PINS_PLAIN && folio_test_large(folio))
		folio->page._pincount--;
	else if (acct == PINS_SHADOW)
		(*shadow_pincount(m, page))--;
	m->pins.nr_pins--;
	folio_ref_add(folio, 1 - refs);
	folio_put(folio);
}

bool folio_maybe_dma_pinned(struct folio *folio)
{
	struct machine *m = current_machine();

	int32_t *count;

	if (folio_test_large(folio))
		return folio->page._pincount > 0;
	switch (m->pins.design) {
	case PINS_SHADOW:
		count = shadow_pincount(m, &folio->page);
		return count && *count > 0;
	case PINS_PMD:
		return pmd_maybe_pinned(m, folio);
	default:
		return (unsigned int)folio_ref_count(folio) >= GUP_PIN_COUNTING_BIAS;
	}
}

bool folio_needs_cow_for_dma(struct vm_area_struct *vma, struct folio *folio)
{
	if (!(vma->vm_mm->flags & (1UL << MMF_HAS_PINNED)))
		return false;
	return folio_maybe_dma_pinned(folio);
}

static long pmd_recs_of(struct machine *m, const struct page *page)
{
	long n = 0;

	for (size_t i = 0; i < m->pins.nr_recs; i++)
		n += m->pins.recs[i].page == page;
	return n;
}

const char *pincount_check(struct page *page, long pins)
{
	struct machine *m = current_machine();

	int32_t *count = shadow_pincount(m, page);

	if (folio_test_large(page_folio(page)))
		return page->_pincount == pins ? NULL : "_pincount differs from the pins held";
	if (count && *count != (m->pins.design == PINS_SHADOW ? pins : 0))
		return "shadow pin count differs from the pins held";
	if (pmd_recs_of(m, page) != (m->pins.design == PINS_PMD ? pins : 0))
		return "pmd design records differ from the pins held";
	if (pins && m->pins.design == PINS_BIAS &&
	    !folio_maybe_dma_pinned(page_folio(page)))
		return "pinned page is not maybe-pinned";
	return NULL;
}

size_t pincount_bytes(struct machine *m)
{
	machine_enter(m);
	return m->pins.bytes;
}

/* The pmd design's records hang off PMD tables: freed with the table. */
void pincount_init(struct machine *m)
{
	m->pagetable_dtor = pincount_table_free;
}

void pincount_exit(struct machine *m)
{
	free(m->pins.shadow);
	free(m->pins.recs);
	memset(&m->pins, 0, sizeof(m->pins));
}
