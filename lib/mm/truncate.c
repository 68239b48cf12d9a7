// SPDX-License-Identifier: GPL-2.0
/*
 * truncate.c - dropping a range of the page cache (truncation, hole
 * punching, the last iput).  The caller has zapped the mappings of the
 * range first; the cache's reference on each folio goes, and a folio
 * still mapped elsewhere (a private COW copy is not: it is anonymous)
 * lives on until its last reference.
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
