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

/**
 * punch_hole_unmap - zap the shared mappings of the whole pages of the
 * hole [@offset, @offset + @len), as truncate_pagecache_range() (ext4)
 * and shmem_fallocate() do before dropping them; private COW copies stay.
 * @mapping: the file's page cache
 * @offset: the hole's first byte
 * @len: its length, > 0
 *
 * Their rounding has a quirk, which Linux 6.18 on the host shows: a hole
 * that ends inside the first page makes the last whole page -1, which
 * compares as the largest unsigned value, and the length handed on
 * unmaps from the first page boundary at or after @offset to the end of
 * the file.  The pages stay cached; only their entries go.
 */
void punch_hole_unmap(struct address_space *mapping, loff_t offset, loff_t len)
{
	loff_t unmap_start = (loff_t)PAGE_ALIGN(offset);
	loff_t unmap_end = ((offset + len) & PAGE_MASK) - 1;
	pgoff_t first = (pgoff_t)(unmap_start >> PAGE_SHIFT);

	if ((uint64_t)unmap_end <= (uint64_t)unmap_start)
		return;
	if (unmap_end < 0)	/* to the end of the file */
		unmap_mapping_range(mapping, first, 0, false);
	else
		unmap_mapping_range(mapping, first,
				    (pgoff_t)((unmap_end + 1) >> PAGE_SHIFT) - first, false);
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
