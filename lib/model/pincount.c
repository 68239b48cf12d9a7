// SPDX-License-Identifier: GPL-2.0
/*
 * pincount.c - how the model knows a page may be DMA-pinned: the
 * pin-accounting designs of seed 003 (`design pins=`), one ops table
 * each, behind one interface used by GUP (pincount_pin/unpin),
 * folio_maybe_dma_pinned() and mm_check (pincount_ref_weight/check).
 *
 *  bias      Linux 5.7-: a pin of a small folio adds
 *            GUP_PIN_COUNTING_BIAS (1024) to the refcount, so "maybe
 *            pinned" is refcount >= 1024 and 1024 plain references look
 *            pinned too.
 *  shadow    an exact pin count per page in a second struct-page-sized
 *            record (the seed's "2-adjacent pages").  The shadow memmap
 *            is allocated UP FRONT for all of RAM, once (on the first pin
 *            under this design; the model's stand-in for boot): finding
 *            the record is pfn arithmetic, and neither GUP-fast (which
 *            cannot sleep to allocate) nor unpin_user_page() (which
 *            cannot fail) ever allocates.  The price is sizeof(struct
 *            page) per frame of RAM, pinned or not.
 *  pmd       a pin counter per PTE table, kept in a block hung off the
 *            PMD table's own struct page (page->_shadow), allocated on
 *            demand.  It answers "pinned?" per 2 MiB of one mm's address
 *            space: every page mapped by a PTE table holding a pin looks
 *            pinned.
 *  pte-extra Nadav Amit's "extra PTEs": a block hung off each PTE
 *            table's struct page with one extra entry per PTE, holding
 *            the pins taken through that entry.  Exact per mapping, and
 *            4 KiB per page table that ever held a pin.  "Pinned?" walks
 *            the page's rmap and adds its mappings' extra entries, so it
 *            cannot see a pin whose mapping is gone (munmap, mremap -
 *            the proposal moved no extra state - or a zap): the page then
 *            looks unpinned while DMA may still write it (the checker
 *            then reports the break as the proposal's own).  The extra
 *            entry is not cleared when its PTE is, so a new page mapped
 *            there inherits the count (a false positive) until unpin.
 *
 * pmd and pte-extra need the API change the seed mentions: each pin
 * records where it was taken (mm, address, block id), for unpin, which
 * gets no address.  A block dies with its table (free_pgtables).
 *
 * Large folios count pins exactly in _pincount in every design, as the
 * kernel does.  PINS_PLAIN is no design: pre-5.8 GUP (`design
 * historic=pre5.8`) pinned with plain references.
 */
#include "internal.h"

/* Where a pin was taken, for the designs that count by address. */
struct pmd_pin_rec {
	struct page *page;
	struct mm_struct *mm;
	unsigned long addr;
	unsigned long gen;
};

/* A block hung off a page-table page: pmd and pte-extra. */
struct pin_block {
	unsigned long gen;
	int64_t count[PTRS_PER_PTE];
};

struct pin_design_ops {
	/* The design's own record of a pin of @page at @addr: 0 / -ENOMEM. */
	int (*pin)(struct mm_struct *mm, unsigned long addr, struct page *page);
	void (*unpin)(struct page *page);
	/* A small folio's answer to folio_maybe_dma_pinned(). */
	bool (*maybe_pinned)(struct folio *folio);
	/* Pins of @page the design's records hold (for the checker). */
	long (*records)(struct page *page);
	int ref_weight;		/* references a pin adds to a small folio */
};

static unsigned long frame_index(struct machine *m, const struct page *page)
{
	return (unsigned long)(page - m->memmap);
}

int pincount_may_switch(void)
{
	struct machine *m = current_machine();

	return m->pins.nr_pins ? -EBUSY : 0;
}

/* ---- bias ------------------------------------------------------------- */

static bool bias_maybe_pinned(struct folio *folio)
{
	return (unsigned int)folio_ref_count(folio) >= GUP_PIN_COUNTING_BIAS;
}

/* ---- shadow ----------------------------------------------------------- */

static int shadow_init(struct machine *m)
{
	size_t bytes = m->ram_pages * sizeof(struct page_shadow);

	if (m->pins.shadow)
		return 0;
	if (mm_should_fail())
		return -ENOMEM;
	m->pins.shadow = calloc(m->ram_pages, sizeof(struct page_shadow));
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

static int shadow_pin(struct mm_struct *mm, unsigned long addr, struct page *page)
{
	int err = shadow_init(mm->machine);

	if (!err)
		(*shadow_pincount(mm->machine, page))++;
	return err;
}

static void shadow_unpin(struct page *page)
{
	(*shadow_pincount(current_machine(), page))--;
}

static bool shadow_maybe_pinned(struct folio *folio)
{
	int32_t *count = shadow_pincount(current_machine(), &folio->page);

	return count && *count > 0;
}

static long shadow_records(struct page *page)
{
	int32_t *count = shadow_pincount(current_machine(), page);

	return count ? *count : 0;
}

/* ---- pmd and pte-extra: blocks hung off page-table pages --------------- */

/* The PMD table (@pmd_level) or PTE table mapping @addr in @mm, or NULL. */
static struct page *pin_table(struct mm_struct *mm, unsigned long addr,
			      bool pmd_level)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(mm, pgd, addr);
	if (!pud_present(*pud) || pud_leaf(*pud))
		return NULL;
	if (pmd_level)
		return pfn_to_page(pud_pfn(*pud));
	pmd = pmd_offset(mm, pud, addr);
	if (!pmd_present(*pmd) || pmd_leaf(*pmd))
		return NULL;
	return pfn_to_page(pmd_pfn(*pmd));
}

static struct pin_block *pin_block(struct page *table)
{
	return table ? (struct pin_block *)table->_shadow : NULL;
}

static int pin_block_get(struct machine *m, struct page *table,
			 struct pin_block **out)
{
	struct pin_block *b = pin_block(table);

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
	free(pin_block(table));
	table->_shadow = 0;
	m->pins.bytes -= sizeof(struct pin_block);
}

static int pin_rec_add(struct machine *m, const struct pmd_pin_rec *r)
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

/* The index of @addr in a block of the given level. */
static unsigned long block_index(unsigned long addr, bool pmd_level)
{
	return pmd_level ? pmd_index(addr) : pte_index(addr);
}

static int block_pin(struct mm_struct *mm, unsigned long addr,
		     struct page *page, bool pmd_level)
{
	struct machine *m = mm->machine;
	struct page *table = pin_table(mm, addr, pmd_level);
	struct pmd_pin_rec rec = { page, mm, addr, 0 };
	struct pin_block *b;
	int err;

	VM_BUG_ON_PAGE(!table, page);	/* GUP just followed the entry */
	err = pin_block_get(m, table, &b);
	if (err)
		return err;
	rec.gen = b->gen;
	err = pin_rec_add(m, &rec);
	if (err)
		return err;
	b->count[block_index(addr, pmd_level)]++;
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

static void block_unpin(struct page *page, bool pmd_level)
{
	struct machine *m = current_machine();
	struct pincount_state *ps = &m->pins;
	struct pin_block *b;
	struct pmd_pin_rec r;
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
	b = mm_alive(m, r.mm) ? pin_block(pin_table(r.mm, r.addr, pmd_level)) : NULL;
	/* the table may have gone (munmap) or the pin moved (mremap: a gap) */
	if (b && b->gen == r.gen && b->count[block_index(r.addr, pmd_level)] > 0)
		b->count[block_index(r.addr, pmd_level)]--;
}

struct block_probe {
	bool pmd_level;
	bool pinned;
};

static bool block_probe_one(struct folio *folio, struct vm_area_struct *vma,
			    unsigned long addr, void *arg)
{
	struct block_probe *p = arg;
	struct pin_block *b;

	if (!page_vma_mapped(vma, addr, folio_pfn(folio)))
		return true;
	b = pin_block(pin_table(vma->vm_mm, addr, p->pmd_level));
	p->pinned = b && b->count[block_index(addr, p->pmd_level)] > 0;
	return !p->pinned;
}

#define BLOCK_LOST_PIN_BUG "proposal pins=pmd/pte-extra (seed 003): a pin " \
	"is counted in the page table it was taken through, and the page " \
	"has moved away from that entry (mremap, munmap or a zap moved no " \
	"count), so the pinned page looks unpinned"

/* The pins recorded for @page, wherever its mappings now are. */
static long block_records(struct page *page)
{
	struct machine *m = current_machine();
	long n = 0;

	for (size_t i = 0; i < m->pins.nr_recs; i++)
		n += m->pins.recs[i].page == page;
	return n;
}

static bool block_maybe_pinned(struct folio *folio, bool pmd_level)
{
	struct block_probe p = { .pmd_level = pmd_level };
	struct rmap_walk_control rwc = { .arg = &p, .rmap_one = block_probe_one };

	rmap_walk(folio, &rwc);
	/* the design's known gap, not the model's: say so to the checker */
	if (!p.pinned && block_records(&folio->page))	/* a small folio */
		mmsim_note_kernel_bug(BLOCK_LOST_PIN_BUG);
	return p.pinned;
}

static int pmd_pin(struct mm_struct *mm, unsigned long addr, struct page *page)
{
	return block_pin(mm, addr, page, true);
}

static void pmd_unpin(struct page *page)
{
	block_unpin(page, true);
}

static bool pmd_maybe_pinned(struct folio *folio)
{
	return block_maybe_pinned(folio, true);
}

static int pte_extra_pin(struct mm_struct *mm, unsigned long addr, struct page *page)
{
	return block_pin(mm, addr, page, false);
}

static void pte_extra_unpin(struct page *page)
{
	block_unpin(page, false);
}

static bool pte_extra_maybe_pinned(struct folio *folio)
{
	return block_maybe_pinned(folio, false);
}

/* ---- the designs ------------------------------------------------------ */

static const struct pin_design_ops pin_designs[] = {
	[PINS_BIAS] = {
		.maybe_pinned = bias_maybe_pinned,
		.ref_weight = GUP_PIN_COUNTING_BIAS,
	},
	[PINS_SHADOW] = {
		.pin = shadow_pin, .unpin = shadow_unpin,
		.maybe_pinned = shadow_maybe_pinned, .records = shadow_records,
		.ref_weight = 1,
	},
	[PINS_PMD] = {
		.pin = pmd_pin, .unpin = pmd_unpin,
		.maybe_pinned = pmd_maybe_pinned, .records = block_records,
		.ref_weight = 1,
	},
	[PINS_PTE_EXTRA] = {
		.pin = pte_extra_pin, .unpin = pte_extra_unpin,
		.maybe_pinned = pte_extra_maybe_pinned, .records = block_records,
		.ref_weight = 1,
	},
	[PINS_PLAIN] = {	/* historic=pre5.8: plain references */
		.maybe_pinned = bias_maybe_pinned,
		.ref_weight = 1,
	},
};

/* The historic switch, then the pins switch: how pins taken now count. */
int pincount_acct(void)
{
	if (design_get(DESIGN_HISTORIC) == HISTORIC_PRE58)
		return PINS_PLAIN;
	return design_get(DESIGN_PINS);
}

int pincount_ref_weight(const struct folio *folio, int acct)
{
	return folio_test_large(folio) ? 1 : pin_designs[acct].ref_weight;
}

int pincount_pin(struct mm_struct *mm, unsigned long addr, struct page *page,
		 int acct)
{
	const struct pin_design_ops *d = &pin_designs[acct];
	struct folio *folio = page_folio(page);
	int err;

	page_check_frame(page);
	if (acct != PINS_PLAIN && folio_test_large(folio)) {
		folio->_pincount++;
	} else if (d->pin && (err = d->pin(mm, addr, page))) {
		return err;
	}
	folio_ref_add(folio, pincount_ref_weight(folio, acct));
	mm->machine->pins.nr_pins++;
	return 0;
}

void pincount_unpin(struct page *page, int acct)
{
	const struct pin_design_ops *d = &pin_designs[acct];
	struct folio *folio = page_folio(page);
	int refs = pincount_ref_weight(folio, acct);

	page_check_frame(page);
	if (acct != PINS_PLAIN && folio_test_large(folio))
		folio->_pincount--;
	else if (d->unpin)
		d->unpin(page);
	current_machine()->pins.nr_pins--;
	folio_ref_add(folio, 1 - refs);
	folio_put(folio);
}

bool folio_maybe_dma_pinned(struct folio *folio)
{
	if (folio_test_large(folio))
		return folio->_pincount > 0;
	return design_ops(pin_designs, DESIGN_PINS)->maybe_pinned(folio);
}

const char *pincount_check(struct page *page, long pins)
{
	struct machine *m = current_machine();
	int cur = m->design.value[DESIGN_PINS];	/* not a consultation */
	long shadow = shadow_records(page), recs = block_records(page);

	/* large folios count in _pincount (checked per folio by mm_check) */
	if (folio_test_large(page_folio(page)))
		return shadow || recs ? "large folio page has design records" : NULL;
	if (shadow != (cur == PINS_SHADOW ? pins : 0))
		return "shadow pin count differs from the pins held";
	if (recs != (cur == PINS_PMD || cur == PINS_PTE_EXTRA ? pins : 0))
		return "pmd/pte-extra design records differ from the pins held";
	if (pins && cur == PINS_BIAS && !bias_maybe_pinned(page_folio(page)))
		return "pinned page is not maybe-pinned";
	return NULL;
}

/*
 * The structures pincount_check() reads are empty: no shadow memmap, no
 * pmd/pte-extra record.  Then it finds no record for any page, and a
 * small page no pin holds passes it; mm_check() asks once per check.
 */
bool pincount_none_recorded(struct machine *m)
{
	return !m->pins.shadow && !m->pins.nr_recs;
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
