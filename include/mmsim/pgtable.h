/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pgtable.h - pure operations on page-table entry values (no table is
 * read or written here; see lib/arch/x86/mm/pgtable.c for the accessors that do).
 */
#ifndef MMSIM_PGTABLE_H
#define MMSIM_PGTABLE_H

#include <stdbool.h>
#include <mmsim/pgtable_types.h>
#include <mmsim/mm_types.h>

#define __pte(x) ((pte_t) { (x) })
#define __pmd(x) ((pmd_t) { (x) })
#define __pud(x) ((pud_t) { (x) })
#define __pgd(x) ((pgd_t) { (x) })
#define __pgprot(x) ((pgprot_t) { (x) })
#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pud_val(x) ((x).pud)
#define pgd_val(x) ((x).pgd)
#define pgprot_val(x) ((x).pgprot)

/*
 * PROT_NONE entries keep _PAGE_PRESENT clear, as x86 does with
 * _PAGE_PROTNONE; the model marks them with _PAGE_GLOBAL, which x86
 * also reuses for that purpose on non-present user entries.
 */
#define _PAGE_PROTNONE	_PAGE_GLOBAL

/* x86-64 protection_map values (PAGE_NONE ... PAGE_SHARED_EXEC). */
#define PAGE_NONE	(_PAGE_PROTNONE | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_READONLY	(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_READONLY_EXEC (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY	PAGE_READONLY
#define PAGE_COPY_EXEC	PAGE_READONLY_EXEC
#define PAGE_SHARED	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_SHARED_EXEC (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
/* Kernel-table link entries. */
#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)


#define pte_none(p)	(pte_val(p) == 0)
#define pmd_none(p)	(pmd_val(p) == 0)
#define pud_none(p)	(pud_val(p) == 0)
#define pgd_none(p)	(pgd_val(p) == 0)

static inline bool pte_present(pte_t p)
{
	return pte_val(p) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}
static inline bool pte_protnone(pte_t p)
{
	return (pte_val(p) & (_PAGE_PRESENT | _PAGE_PROTNONE)) == _PAGE_PROTNONE;
}
static inline bool pte_write(pte_t p) { return pte_val(p) & _PAGE_RW; }
static inline bool pte_dirty(pte_t p) { return pte_val(p) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t p) { return pte_val(p) & _PAGE_ACCESSED; }
static inline bool pte_special(pte_t p) { return pte_val(p) & _PAGE_SPECIAL; }
static inline bool pte_soft_dirty(pte_t p) { return pte_val(p) & _PAGE_SOFT_DIRTY; }
static inline bool pte_uffd_wp(pte_t p) { return pte_val(p) & _PAGE_UFFD_WP; }
static inline bool pte_exec(pte_t p) { return !(pte_val(p) & _PAGE_NX); }
static inline unsigned long pte_pfn(pte_t p)
{
	return (pte_val(p) & PTE_PFN_MASK) >> 12;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pteval_t)pfn << 12) | pgprot_val(prot));
}
static inline pte_t pte_set(pte_t p, pteval_t bits) { return __pte(pte_val(p) | bits); }
static inline pte_t pte_clear_bits(pte_t p, pteval_t bits) { return __pte(pte_val(p) & ~bits); }
static inline pte_t pte_mkwrite(pte_t p) { return pte_set(p, _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t p) { return pte_clear_bits(p, _PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t p) { return pte_set(p, _PAGE_DIRTY | _PAGE_SOFT_DIRTY); }
static inline pte_t pte_mkclean(pte_t p) { return pte_clear_bits(p, _PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t p) { return pte_set(p, _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t p) { return pte_clear_bits(p, _PAGE_ACCESSED); }
static inline pte_t pte_mkspecial(pte_t p) { return pte_set(p, _PAGE_SPECIAL); }
static inline pte_t pte_mksoft_dirty(pte_t p) { return pte_set(p, _PAGE_SOFT_DIRTY); }
static inline pte_t pte_clear_soft_dirty(pte_t p) { return pte_clear_bits(p, _PAGE_SOFT_DIRTY); }
/* x86 (Linux 6.5 on): a uffd-wp entry is always write-protected too. */
static inline pte_t pte_mkuffd_wp(pte_t p) { return pte_clear_bits(pte_set(p, _PAGE_UFFD_WP), _PAGE_RW); }
static inline pte_t pte_clear_uffd_wp(pte_t p) { return pte_clear_bits(p, _PAGE_UFFD_WP); }

/* Change the protection bits, keeping PFN, dirty, young and software bits. */
#define _PAGE_CHG_MASK	(PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_SPECIAL | \
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_SOFT_DIRTY | \
			 _PAGE_UFFD_WP | _PAGE_PAT)
static inline pte_t pte_modify(pte_t p, pgprot_t newprot)
{
	return __pte((pte_val(p) & _PAGE_CHG_MASK) |
		     (pgprot_val(newprot) & ~_PAGE_CHG_MASK));
}

static inline bool pmd_present(pmd_t p) { return pmd_val(p) & (_PAGE_PRESENT | _PAGE_PROTNONE); }
static inline bool pmd_leaf(pmd_t p) { return pmd_present(p) && (pmd_val(p) & _PAGE_PSE); }
static inline bool pud_present(pud_t p) { return pud_val(p) & (_PAGE_PRESENT | _PAGE_PROTNONE); }
static inline bool pud_leaf(pud_t p) { return pud_present(p) && (pud_val(p) & _PAGE_PSE); }
static inline bool pgd_present(pgd_t p) { return pgd_val(p) & _PAGE_PRESENT; }
static inline bool pmd_write(pmd_t p) { return pmd_val(p) & _PAGE_RW; }
static inline bool pud_write(pud_t p) { return pud_val(p) & _PAGE_RW; }
static inline bool pmd_special(pmd_t p) { return pmd_val(p) & _PAGE_SPECIAL; }
static inline bool pud_special(pud_t p) { return pud_val(p) & _PAGE_SPECIAL; }
static inline unsigned long pmd_pfn(pmd_t p) { return (pmd_val(p) & PTE_PFN_MASK) >> 12; }
static inline unsigned long pud_pfn(pud_t p) { return (pud_val(p) & PTE_PFN_MASK) >> 12; }
static inline unsigned long pgd_pfn(pgd_t p) { return (pgd_val(p) & PTE_PFN_MASK) >> 12; }

static inline unsigned long pte_index(unsigned long a) { return (a >> 12) & 511; }
static inline unsigned long pmd_index(unsigned long a) { return (a >> PMD_SHIFT) & 511; }
static inline unsigned long pud_index(unsigned long a) { return (a >> PUD_SHIFT) & 511; }
static inline unsigned long pgd_index(unsigned long a) { return (a >> PGDIR_SHIFT) & 511; }

static inline unsigned long pgd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long b = (addr + PGDIR_SIZE) & PGDIR_MASK;
	return (b - 1 < end - 1) ? b : end;
}
static inline unsigned long pud_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long b = (addr + PUD_SIZE) & PUD_MASK;
	return (b - 1 < end - 1) ? b : end;
}
static inline unsigned long pmd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long b = (addr + PMD_SIZE) & PMD_MASK;
	return (b - 1 < end - 1) ? b : end;
}

#endif /* MMSIM_PGTABLE_H */
