// SPDX-License-Identifier: GPL-2.0
/*
 * truncate.c - dropping a range of the page cache (truncation, hole
 * punching, the last iput).  The caller has zapped the mappings of the
 * range first; the cache's reference on each folio goes, and a folio
 * still mapped elsewhere (a private COW copy is not: it is anonymous)
 * lives on until its last reference.  Reclaim drops a clean folio of a
 * file that writes back the same way (mapping_evict_folio).
 */
#include "internal.h"

void truncate_inode_pages_range(struct address_space *mapping, pgoff_t start,
				pgoff_t last)
{
	struct folio *folio;
	pgoff_t index = start;

	while ((folio = filemap_get_next_folio(mapping, &index, last))) {
		filemap_remove_folio(folio);
		if (index == last)
			break;
		index++;
	}
}

void truncate_inode_pages(struct address_space *mapping, pgoff_t start)
{
	truncate_inode_pages_range(mapping, start, ~0UL);
}

/*
 * mapping_evict_folio - drop a clean, unmapped folio of a file that
 * writes back from its page cache (reclaim's __remove_mapping): its
 * contents are in the file's storage and will be read back on the next
 * access.  Return: 1 if it was dropped, 0 if it must stay (dirty, mapped,
 * held by someone else, or nowhere else to read it back from).
 */
long mapping_evict_folio(struct address_space *mapping, struct folio *folio)
{
	if (!mapping_can_writeback(mapping) || folio->page.mapping != mapping)
		return 0;
	if (folio_test_dirty(folio) || folio_mapped(folio) ||
	    folio_ref_count(folio) != 1)
		return 0;
	filemap_remove_folio(folio);
	return 1;
}
