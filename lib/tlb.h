/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tlb.h - struct mmu_gather, the batch a zap collects the folios it
 * unmapped in (include/asm-generic/tlb.h, mm/mmu_gather.c).  The model
 * has no TLB to flush: what the gather keeps is the kernel's order of
 * work, in which entries are cleared and rmaps dropped while the tables
 * are walked, and the references those entries held are dropped
 * afterwards, a batch at a time (tlb_flush_mmu() -> folios_put_refs() ->
 * free_unref_folios()), so that the page allocator is entered once per
 * batch rather than once per page.
 *
 * Between tlb_gather_mmu() and tlb_finish_mmu() a folio in the batch may
 * be unmapped with its reference not yet dropped; nothing is checked in
 * between (mm_check() runs after a whole command).
 */
#ifndef MMSIM_TLB_H
#define MMSIM_TLB_H

#include "pagevec.h"

struct mmu_gather {
	struct mm_struct *mm;
	struct folio_batch folios;	/* unmapped, references still held */
	unsigned int refs[PAGEVEC_SIZE];	/* references each one holds */
};

/* tlb_gather_mmu - start a batch for @mm. */
void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
/* tlb_flush_mmu - drop the references the batch holds; it is empty after. */
void tlb_flush_mmu(struct mmu_gather *tlb);
/* tlb_finish_mmu - the last flush of a batch. */
void tlb_finish_mmu(struct mmu_gather *tlb);

/*
 * tlb_remove_folio_refs - the @nr entries just cleared held @nr
 * references on @folio: drop them with the batch (the kernel's
 * __tlb_remove_folio_pages(), which flushes when its batch is full).
 */
static inline void tlb_remove_folio_refs(struct mmu_gather *tlb,
					 struct folio *folio, unsigned int nr)
{
	unsigned int i = tlb->folios.nr;

	/* the batch's arrays written in place, as the kernel's batch is */
	tlb->refs[i] = nr;
	tlb->folios.folios[i] = folio;
	tlb->folios.nr = ++i;
	if (i == PAGEVEC_SIZE)
		tlb_flush_mmu(tlb);
}

#endif
