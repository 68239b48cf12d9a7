// SPDX-License-Identifier: GPL-2.0
/*
 * pt_reclaim.c - freeing the PTE tables a zap leaves empty
 * (CONFIG_PT_RECLAIM, Linux 6.14; on by default on x86-64, and on the
 * host).
 *
 * Only a zap that asks for it (struct zap_details .reclaim_pt:
 * MADV_DONTNEED) and covers a PTE table's whole 2 MiB frees the table,
 * and only when every entry in it is then none: a marker the zap kept
 * (a guard region) keeps the table.  The PMD entry is cleared and the
 * table page freed (mm's page-table bytes, VmPTE, drop with it), so the
 * range looks as if it had never been touched: the next fault in a
 * THP-eligible VMA may map a PMD there, and MADV_COLLAPSE finds nothing
 * to collapse.
 */
#include "internal.h"

bool reclaim_pt_is_enabled(unsigned long start, unsigned long end,
			   const struct zap_details *details)
{
	return details && details->reclaim_pt && end - start >= PMD_SIZE;
}

void try_to_free_pte(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	const uint64_t *e;

	VM_BUG_ON(pmd_none(*pmd) || pmd_leaf(*pmd));	/* zap_pte_range() ran */
	e = pgtable_entries(pmd_pfn(*pmd));
	for (int i = 0; i < PTRS_PER_PTE; i++)
		if (e[i])	/* !pte_none() */
			return;
	pte_free(mm, pmd_pfn(*pmd));
	set_pmd_at(mm, addr, pmd, __pmd(0));	/* pmd_clear() */
}
