// SPDX-License-Identifier: GPL-2.0
/*
 * pgtable.c - page-table pages and the accessors every entry passes
 * through.
 *
 * A table is a RAM frame marked PG_table whose 512 entries live in
 * page->pt (host memory); a link entry holds the next table's PFN with
 * _PAGE_TABLE, exactly as x86-64 does.  Tables count in the mm's
 * pgtables_bytes and are freed by free_pgtables() when the address range
 * they cover holds no VMA any more, as the kernel frees them on unmap.
 *
 * set_pte_at() and friends are the one place entries change: tracing and
 * the checker hook in here (page_table_check.c counts what each leaf
 * maps and each link links, and logs the change for mm_check_changes()).
 * Every write that changes or clears an entry above the PTE level
 * flushes the software MMU's paging-structure cache
 * (mmu_flush_pde_cache()); a table is freed only once unlinked, so no
 * cached table outlives its link.  Linking a table where the entry was
 * empty (table_alloc()) needs no flush: nothing is cached below an
 * empty entry.
 * Only the MMU's accessed and dirty bits are set around them, as the
 * hardware does.
 *
 * Each anonymous PMD leaf (a THP or the huge zero folio) has a PTE table
 * deposited with it (pgtable_trans_huge_deposit(), mm/pgtable-generic.c),
 * so that splitting the PMD never allocates: the PMD table's struct page
 * keeps a stack of them, linked by PFN through each deposited table's
 * page->index.  They count in pgtables_bytes like linked tables, and for
 * page_table_check as linked: by the PMD table that holds them.
 */
#include "internal.h"

/* ---- the host memory behind the entries -------------------------------- */

/*
 * A table's 512 entries live in host memory from the machine's pt_store:
 * 4 KiB slots carved from blocks (two 64 KiB blocks of malloc, then 2 MiB
 * mappings the host may back with a huge page), reused through a free
 * list and given back with the machine.  A fork or a THP's deposit then
 * costs one host fault per 2 MiB of tables rather than one per table, and
 * the cost no longer depends on what malloc's heap happened to hold.  A
 * slot of malloc's is zeroed when it is handed out, not its whole block
 * when the block is taken: a machine with one table touches one slot.  The
 * first slot of each block chains the blocks.  Under AddressSanitizer
 * every table is its own allocation, so that every use after free is seen.
 */
#define PT_BYTES	(PTRS_PER_PTE * sizeof(uint64_t))
#define PT_SMALL_BLOCK	(64UL << 10)
#define PT_SMALL_BLOCKS	2

/* unused under AddressSanitizer, where every table is its own calloc() */
static __maybe_unused int pt_store_grow(struct pt_store *s)
{
	size_t size = s->nr_blocks < PT_SMALL_BLOCKS ? PT_SMALL_BLOCK : HOST_BIG_BLOCK;
	void **block = host_block_alloc(size, PT_BYTES);

	if (!block)
		return -ENOMEM;
	block[0] = s->blocks;
	s->blocks = block;
	s->nr_blocks++;
	s->bump = (char *)block + PT_BYTES;
	s->end = (char *)block + size;
	return 0;
}

static uint64_t *pt_store_alloc(struct machine *m)
{
#ifdef __SANITIZE_ADDRESS__
	return calloc(PTRS_PER_PTE, sizeof(uint64_t));
#else
	struct pt_store *s = &m->pt_store;
	void *pt = s->free;

	if (pt) {
		s->free = *(void **)pt;
		return memset(pt, 0, PT_BYTES);
	}
	if (s->bump == s->end && pt_store_grow(s))
		return NULL;
	pt = s->bump;
	s->bump += PT_BYTES;
	/* a mapping comes zeroed; malloc's blocks are zeroed a slot at a time */
	if ((size_t)s->blocks[1] < HOST_BIG_BLOCK)
		memset(pt, 0, PT_BYTES);
	return pt;
#endif
}

void pt_store_free(struct machine *m, uint64_t *pt)
{
#ifdef __SANITIZE_ADDRESS__
	free(pt);
#else
	if (!pt)
		return;
	*(void **)pt = m->pt_store.free;
	m->pt_store.free = pt;
#endif
}

void pt_store_exit(struct machine *m)
{
	void **b = m->pt_store.blocks;

	while (b) {
		void **next = b[0];

		host_block_free(b);
		b = next;
	}
	memset(&m->pt_store, 0, sizeof(m->pt_store));
}

/* ---- table pages -------------------------------------------------------- */

static unsigned long pgtable_page_alloc(struct mm_struct *mm)
{
	struct page *p = alloc_pages(GFP_PGTABLE_USER, 0);

	if (!p)
		return 0;
	p->pt = pt_store_alloc(current_machine());
	if (!p->pt) {
		__free_pages(p, 0);
		return 0;
	}
	SetPageTable(p);
	mm->pgtables_bytes += PAGE_SIZE;
	return page_to_pfn(p);
}

static void pgtable_page_free(struct mm_struct *mm, unsigned long pfn)
{
	struct page *p = pfn_to_page(pfn);

	VM_BUG_ON_PAGE(p->index, p);	/* deposited tables left behind */
	pt_store_free(current_machine(), p->pt);
	p->pt = NULL;
	if (current_machine()->pagetable_dtor)
		current_machine()->pagetable_dtor(p);
	ClearPageTable(p);
	__free_pages(p, 0);
	mm->pgtables_bytes -= PAGE_SIZE;
}

/* The same frame, mapped as the same kind: page_table_check counts nothing. */
static inline bool same_frame(uint64_t old, uint64_t new)
{
	return !((old ^ new) & (PTE_PFN_MASK | _PAGE_PRESENT | _PAGE_PROTNONE |
				_PAGE_SPECIAL));
}

void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	pte_t old = *ptep;

	*ptep = pte;
	/* a protection or accessed/dirty change: only the log wants it */
	if (same_frame(pte_val(old), pte_val(pte)) && !current_machine()->ck.logging)
		return;
	/* an anon frame mapped where nothing was (a fault): counted inline */
	if (pte_none(old) && page_table_check_anon_delta(mm, pte, 1))
		return;
	page_table_check_leaf(mm, addr, pte_val(old), pte_val(pte), PAGE_SIZE);
}

void ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	set_pte_at(mm, addr, ptep, pte_wrprotect(*ptep));
}

/*
 * get_and_clear_ptes - clear @nr entries mapping consecutive pages of one
 * folio (include/linux/pgtable.h's get_and_clear_full_ptes): the first
 * entry, with the dirty and accessed bits of all; page_table_check
 * hears of the batch once.
 */
pte_t get_and_clear_ptes(struct mm_struct *mm, unsigned long addr,
			 pte_t *ptep, unsigned int nr)
{
	pte_t first = ptep[0];
	pteval_t bits = 0;

	for (unsigned int i = 0; i < nr; i++) {
		bits |= pte_val(ptep[i]) & (_PAGE_DIRTY | _PAGE_ACCESSED);
		ptep[i] = __pte(0);
	}
	page_table_check_ptes_clear(mm, addr, first, nr);
	return __pte(pte_val(first) | bits);
}

/*
 * __set_ptes - map @nr consecutive pages of one folio, from @pte's on, at
 * @nr consecutive entries (include/linux/pgtable.h): page_table_check
 * hears of the batch once, as the kernel's page_table_check_ptes_set().
 * Entries replaced are counted out one by one (none, at fork).
 */
void __set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep,
		pte_t pte, unsigned int nr)
{
	pte_t first = pte;

	for (unsigned int i = 0; i < nr; i++) {
		pte_t old = ptep[i];

		ptep[i] = pte;
		if (!pte_none(old))
			page_table_check_leaf(mm, addr + i * PAGE_SIZE,
					      pte_val(old), 0, PAGE_SIZE);
		pte = pte_next_pfn(pte);
	}
	page_table_check_ptes_set(mm, addr, first, nr);
}

/*
 * An entry above the PTE level: a huge leaf (_PAGE_PSE) of @size, or a
 * link to a table (table_alloc/free_level link tables themselves).
 */
void set_upper_entry(struct mm_struct *mm, unsigned long addr,
			    uint64_t *e, uint64_t val, unsigned long size)
{
	uint64_t old = *e;

	*e = val;
	mmu_flush_pde_cache(mm);
	page_table_check_leaf(mm, addr, old & _PAGE_PSE ? old : 0,
			      val & _PAGE_PSE ? val : 0, size);
	page_table_check_link(mm, old && !(old & _PAGE_PSE) ? old : 0,
			      val && !(val & _PAGE_PSE) ? val : 0);
}

void set_pmd_at(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp, pmd_t pmd)
{
	set_upper_entry(mm, addr, &pmdp->pmd, pmd_val(pmd), PMD_SIZE);
}

void set_pud_at(struct mm_struct *mm, unsigned long addr, pud_t *pudp, pud_t pud)
{
	set_upper_entry(mm, addr, &pudp->pud, pud_val(pud), PUD_SIZE);
}

/* The mm links its top-level table as an entry would (counted once). */
static uint64_t pgd_link(const struct mm_struct *mm)
{
	return ((uint64_t)mm->pgd << PAGE_SHIFT) | _PAGE_TABLE;
}

unsigned long pte_alloc_one(struct mm_struct *mm)
{
	return pgtable_page_alloc(mm);
}

void pte_free(struct mm_struct *mm, unsigned long pgtable_pfn)
{
	pgtable_page_free(mm, pgtable_pfn);
}

/* The PMD table page mapping @addr in @mm (the PUD entry must link one). */
static struct page *pmd_table_of(struct mm_struct *mm, unsigned long addr)
{
	pud_t *pud = pud_offset(mm, pgd_offset(mm, addr), addr);

	return pfn_to_page(pud_pfn(*pud));
}

void pgtable_trans_huge_deposit(struct mm_struct *mm, unsigned long addr,
				unsigned long pgtable_pfn)
{
	struct page *pmd_table = pmd_table_of(mm, addr);

	pfn_to_page(pgtable_pfn)->index = pmd_table->index;
	pmd_table->index = pgtable_pfn;
	page_table_check_link(mm, 0, ((uint64_t)pgtable_pfn << PAGE_SHIFT) | _PAGE_TABLE);
}

unsigned long pgtable_trans_huge_withdraw(struct mm_struct *mm,
					  unsigned long addr)
{
	struct page *pmd_table = pmd_table_of(mm, addr);
	unsigned long pfn = pmd_table->index;

	VM_BUG_ON_PAGE(!pfn, pmd_table);
	pmd_table->index = pfn_to_page(pfn)->index;
	pfn_to_page(pfn)->index = 0;
	page_table_check_link(mm, ((uint64_t)pfn << PAGE_SHIFT) | _PAGE_TABLE, 0);
	return pfn;
}

unsigned long pgtable_deposited_first(unsigned long pmd_table_pfn)
{
	return pfn_to_page(pmd_table_pfn)->index;
}

unsigned long pgtable_deposited_next(unsigned long pgtable_pfn)
{
	return pfn_to_page(pgtable_pfn)->index;
}

int pgd_alloc(struct mm_struct *mm)
{
	mm->pgd = pgtable_page_alloc(mm);
	if (!mm->pgd)
		return -ENOMEM;
	page_table_check_link(mm, 0, pgd_link(mm));
	return 0;
}

/* Install a new table under *entry if it is empty; 0 or -ENOMEM. */
static int table_alloc(struct mm_struct *mm, uint64_t *entry)
{
	unsigned long pfn;

	if (*entry)
		return 0;
	pfn = pgtable_page_alloc(mm);
	if (!pfn)
		return -ENOMEM;
	*entry = ((uint64_t)pfn << PAGE_SHIFT) | _PAGE_TABLE;
	page_table_check_link(mm, 0, *entry);
	return 0;
}

int __pud_alloc(struct mm_struct *mm, pgd_t *pgd)
{
	return table_alloc(mm, &pgd->pgd);
}

int __pmd_alloc(struct mm_struct *mm, pud_t *pud)
{
	return table_alloc(mm, &pud->pud);
}

int __pte_alloc(struct mm_struct *mm, pmd_t *pmd)
{
	return table_alloc(mm, &pmd->pmd);
}

void pmd_install(struct mm_struct *mm, pmd_t *pmd, unsigned long *pte_pfn)
{
	if (!pmd_none(*pmd))
		return;
	pmd->pmd = ((uint64_t)*pte_pfn << PAGE_SHIFT) | _PAGE_TABLE;
	page_table_check_link(mm, 0, pmd->pmd);
	*pte_pfn = 0;
}

pte_t *walk_to_pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud = pud_alloc(mm, pgd, addr);
	pmd_t *pmd;

	if (!pud || pud_leaf(*pud))
		return NULL;
	pmd = pmd_alloc(mm, pud, addr);
	if (!pmd || pmd_leaf(*pmd))
		return NULL;
	return pte_alloc(mm, pmd, addr);
}

pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr,
		   pmd_t **leaf_pmd, pud_t **leaf_pud)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(mm, pgd, addr);
	if (pud_none(*pud))
		return NULL;
	if (pud_leaf(*pud)) {
		if (leaf_pud)
			*leaf_pud = pud;
		return NULL;
	}
	pmd = pmd_offset(mm, pud, addr);
	if (pmd_none(*pmd))
		return NULL;
	if (pmd_leaf(*pmd)) {
		if (leaf_pmd)
			*leaf_pmd = pmd;
		return NULL;
	}
	return pte_offset(mm, pmd, addr);
}

/*
 * The end of the hole of missing tables at @addr (capped at @end), for a
 * per-page loop to step over what has no PTE table; @addr itself when a
 * PTE table or a leaf covers it.
 */
unsigned long pte_hole_end(struct mm_struct *mm, unsigned long addr,
			   unsigned long end)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return pgd_addr_end(addr, end);
	pud = pud_offset(mm, pgd, addr);
	if (pud_none(*pud))
		return pud_addr_end(addr, end);
	if (pud_leaf(*pud))
		return addr;
	pmd = pmd_offset(mm, pud, addr);
	return pmd_none(*pmd) ? pmd_addr_end(addr, end) : addr;
}

/* The libc's memcmp() against a table of zeroes: no loop of our own. */
static bool table_empty(struct machine *m, unsigned long pfn)
{
	static const uint64_t none[PTRS_PER_PTE];

	return !memcmp(pgtable_entries(pfn), none, sizeof(none));
}

/*
 * Free the PTE tables (then PMD and PUD tables) that meet [start, end)
 * and whose whole span lies in [floor, ceiling), where no VMA is left,
 * once they hold no entry.  As the kernel's free_pgd_range(), only the
 * tables over the range just unmapped are visited, not the whole gap:
 * what lies elsewhere in the gap was freed when it was unmapped.
 */
struct free_range {
	unsigned long start, end, floor, ceiling;
};

static void free_level(struct mm_struct *mm, uint64_t *entry, int shift,
		       unsigned long base, const struct free_range *r)
{
	struct machine *m = mm->machine;
	unsigned long span = 1UL << (shift + 9);
	uint64_t *tbl;

	if (!*entry || (*entry & _PAGE_PSE))
		return;
	tbl = pgtable_entries((*entry & PTE_PFN_MASK) >> PAGE_SHIFT);
	if (shift > PAGE_SHIFT) {
		int first = r->start > base ? (int)((r->start - base) >> shift) : 0;

		for (int i = first; i < PTRS_PER_PTE; i++) {
			unsigned long a = base + ((unsigned long)i << shift);

			if (a >= r->end)
				break;
			if (a + (1UL << shift) <= r->floor || a >= r->ceiling)
				continue;
			free_level(mm, &tbl[i], shift - 9, a, r);
		}
	}
	if (base < r->floor || base + span > r->ceiling)
		return;
	if (!table_empty(m, (*entry & PTE_PFN_MASK) >> PAGE_SHIFT))
		return;
	page_table_check_link(mm, *entry, 0);
	pgtable_page_free(mm, (*entry & PTE_PFN_MASK) >> PAGE_SHIFT);
	*entry = 0;
	mmu_flush_pde_cache(mm);
}

void free_pgtables(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long floor, unsigned long ceiling)
{
	struct free_range r = { max(start, floor), min(end, ceiling), floor, ceiling };
	uint64_t *pgd = pgtable_entries(mm->pgd);
	unsigned long addr = r.start;

	if (r.start >= r.end)
		return;
	do {
		unsigned long next = pgd_addr_end(addr, r.end);

		free_level(mm, &pgd[pgd_index(addr)], PUD_SHIFT,
			   addr & PGDIR_MASK, &r);
		addr = next;
	} while (addr && addr < r.end);
}

void pgd_free(struct mm_struct *mm)
{
	free_pgtables(mm, 0, 1UL << 47, 0, 1UL << 47);
	page_table_check_link(mm, pgd_link(mm), 0);
	pgtable_page_free(mm, mm->pgd);
	mm->pgd = 0;
}
