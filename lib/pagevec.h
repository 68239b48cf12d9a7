/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagevec.h - struct folio_batch, a small array of folios handled in one
 * go (include/linux/pagevec.h), and the calls that release a batch:
 * folios_put_refs() (swap.c) drops references and hands the folios whose
 * last reference went to free_unref_folios() (page_alloc.c).
 */
#ifndef MMSIM_PAGEVEC_H
#define MMSIM_PAGEVEC_H

/* As the kernel's PAGEVEC_SIZE: 31 folios and the counts fill 256 bytes. */
#define PAGEVEC_SIZE	31

struct folio_batch {
	unsigned char nr;
	struct folio *folios[PAGEVEC_SIZE];
};

static inline void folio_batch_init(struct folio_batch *fbatch)
{
	fbatch->nr = 0;
}

static inline void folio_batch_reinit(struct folio_batch *fbatch)
{
	fbatch->nr = 0;
}

static inline unsigned int folio_batch_count(const struct folio_batch *fbatch)
{
	return fbatch->nr;
}

/* Add @folio; Return: the room left (0: the batch is full). */
static inline unsigned int folio_batch_add(struct folio_batch *fbatch,
					   struct folio *folio)
{
	fbatch->folios[fbatch->nr++] = folio;
	return PAGEVEC_SIZE - fbatch->nr;
}

/*
 * folios_put_refs - drop @refs[i] references (one each when @refs is
 * NULL) on every folio of @folios; those whose last reference went are
 * freed together.  The batch is empty afterwards.
 * Context: any; the folios must be unmapped if this frees them.
 */
void folios_put_refs(struct folio_batch *folios, unsigned int *refs);

/*
 * free_unref_folios - return the folios of @folios, whose refcount is
 * already 0, to the page allocator.  The batch is empty afterwards.
 */
void free_unref_folios(struct folio_batch *folios);

#endif
