// SPDX-License-Identifier: GPL-2.0
/*
 * swap.c - releasing folios in batches (mm/swap.c; the model has no
 * swap, and no LRU lists to take the folios off): folios_put_refs()
 * drops a batch's references and frees those that reach zero with one
 * call into the page allocator, as the end of a zap does (mmu_gather.c).
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
