// SPDX-License-Identifier: GPL-2.0
/*
 * swap.c - releasing folios in batches (mm/swap.c; the model has no
 * swap, and no LRU lists to take the folios off): folios_put_refs()
 * drops a batch's references and frees those that reach zero with one
 * call into the page allocator, as the end of a zap does (mmu_gather.c).
 * And the LRU's use bits: folio_mark_accessed().
 */
#include "internal.h"
#include "pagevec.h"

/*
 * Drop the references and keep the folios whose last one went at the
 * front of the batch.  Return: how many.  Inline twice below, so that a
 * zap's counts are read without testing for @refs at every folio.
 */
static inline __attribute__((always_inline)) unsigned int
folios_drop_refs(struct folio_batch *folios, const unsigned int *refs)
{
	unsigned int i, j = 0, nr = folio_batch_count(folios);

	for (i = 0; i < nr; i++) {
		struct folio *folio = folios->folios[i];
		int nr_refs = refs ? (int)refs[i] : 1;

		VM_BUG_ON_PAGE(PageTail(&folio->page), &folio->page);
		VM_BUG_ON_PAGE(folio->page._refcount < nr_refs, &folio->page);
		folio_ref_sub(folio, nr_refs);
		if (folio->page._refcount)
			continue;
		folios->folios[j++] = folio;
	}
	return j;
}

void folios_put_refs(struct folio_batch *folios, unsigned int *refs)
{
	folios->nr = refs ? folios_drop_refs(folios, refs)
			  : folios_drop_refs(folios, NULL);
	free_unref_folios(folios);
}

/**
 * folio_mark_accessed - a use of @folio that no accessed bit records
 * (GUP with FOLL_TOUCH, a young file entry zapped): the first sets
 * PG_referenced; the next, on a folio not yet active, activates it and
 * clears PG_referenced, so that a third sets it again (mm/swap.c with
 * the classic LRU: CONFIG_LRU_GEN is off by default, as on the host).
 * The kernel activates a folio already on an LRU list through a per-CPU
 * batch; the model, as for a folio still in the LRU-add batch (a new
 * one), at once.  An unevictable (mlocked) folio is never activated: the
 * model keeps no PG_mlocked, so callers that map it through a VM_LOCKED
 * VMA ask folio_mark_accessed_vma().
 * Context: smaps Referenced shows PG_referenced (task_mmu.c).
 */
void folio_mark_accessed(struct folio *folio)
{
	struct page *head = &folio->page;

	if (!PageReferenced(head)) {
		SetPageReferenced(head);
	} else if (!PageActive(head)) {
		SetPageActive(head);
		ClearPageReferenced(head);
	}
}

/* folio_mark_accessed() of a folio @vma maps: mlocked there, unevictable. */
void folio_mark_accessed_vma(struct folio *folio, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_LOCKED)
		SetPageReferenced(&folio->page);
	else
		folio_mark_accessed(folio);
}
