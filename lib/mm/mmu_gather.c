// SPDX-License-Identifier: GPL-2.0
/*
 * mmu_gather.c - the zap's batch of unmapped folios (mm/mmu_gather.c):
 * started before a walk, flushed when full and at the end, each flush
 * dropping the references the cleared entries held (folios_put_refs()).
 * The model has no TLB, so a flush is only that.
 */
#include "internal.h"
#include "tlb.h"

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	folio_batch_init(&tlb->folios);
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	if (folio_batch_count(&tlb->folios))
		folios_put_refs(&tlb->folios, tlb->refs);
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
}
