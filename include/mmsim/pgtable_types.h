/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pgtable_types.h - x86-64 page-table entries: the four levels' entry
 * types and the hardware and software bits, as arch/x86 defines them.
 *
 * Level	covers		leaf possible
 * PGD		512 GiB		no
 * PUD		1 GiB		yes (_PAGE_PSE)
 * PMD		2 MiB		yes (_PAGE_PSE)
 * PTE		4 KiB		always
 */
#ifndef MMSIM_PGTABLE_TYPES_H
#define MMSIM_PGTABLE_TYPES_H

#include <stdint.h>

typedef uint64_t pteval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pteval_t pmd; } pmd_t;
typedef struct { pteval_t pud; } pud_t;
typedef struct { pteval_t pgd; } pgd_t;

#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7	/* huge leaf at PMD/PUD; PAT on a PTE */
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SPECIAL	9	/* software: no struct page behind it */
#define _PAGE_BIT_UFFD_WP	10	/* software: userfaultfd write-protect */
#define _PAGE_BIT_SOFT_DIRTY	11	/* software: written since clear_refs */
#define _PAGE_BIT_PAT_LARGE	12	/* PAT on a huge leaf */
#define _PAGE_BIT_NX		63

#define _PAGE_PRESENT	(1ULL << _PAGE_BIT_PRESENT)
#define _PAGE_RW	(1ULL << _PAGE_BIT_RW)
#define _PAGE_USER	(1ULL << _PAGE_BIT_USER)
#define _PAGE_PWT	(1ULL << _PAGE_BIT_PWT)
#define _PAGE_PCD	(1ULL << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	(1ULL << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	(1ULL << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	(1ULL << _PAGE_BIT_PSE)
#define _PAGE_PAT	(1ULL << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	(1ULL << _PAGE_BIT_GLOBAL)
#define _PAGE_SPECIAL	(1ULL << _PAGE_BIT_SPECIAL)
#define _PAGE_UFFD_WP	(1ULL << _PAGE_BIT_UFFD_WP)
#define _PAGE_SOFT_DIRTY (1ULL << _PAGE_BIT_SOFT_DIRTY)
#define _PAGE_PAT_LARGE	(1ULL << _PAGE_BIT_PAT_LARGE)
#define _PAGE_NX	(1ULL << _PAGE_BIT_NX)

#define PTE_PFN_MASK	0x000ffffffffff000ULL
#define _PAGE_CACHE_MASK (_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)

#define PTRS_PER_PTE	512
#define PTRS_PER_PMD	512
#define PTRS_PER_PUD	512
#define PTRS_PER_PGD	512

#define PMD_SHIFT	21
#define PUD_SHIFT	30
#define PGDIR_SHIFT	39
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define PUD_MASK	(~(PUD_SIZE - 1))
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))

#endif /* MMSIM_PGTABLE_TYPES_H */
