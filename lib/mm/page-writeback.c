// SPDX-License-Identifier: GPL-2.0
/*
 * page-writeback.c - dirty page-cache folios and their writeback.
 *
 * A folio of a file becomes dirty through folio_mark_dirty(), which asks
 * the file's a_ops->dirty_folio: filemap_dirty_folio() for a filesystem
 * that writes back (the mapping has AS_CAN_WRITEBACK, the model's
 * stand-in for the backing device's BDI_CAP_WRITEBACK) sets PG_dirty and
 * tags the folio PAGECACHE_TAG_DIRTY in mapping->i_pages;
 * noop_dirty_folio() (shmem, anonymous memory) sets PG_dirty only.
 *
 * Writeback (filemap_write_and_wait_range, as fsync and msync(MS_SYNC)
 * run it) visits the tagged folios of a range, like write_cache_pages(),
 * and has the file's ->write_folio write each: folio_clear_dirty_for_io()
 * first write-protects and cleans every shared entry mapping the folio
 * through the file rmap (folio_mkclean), carrying a dirty entry's bit
 * over to the folio, then clears PG_dirty and the tag; then the contents
 * go to the file's storage (diskfs.c keeps them per page).  The next
 * store to a cleaned page faults, and ->page_mkwrite sees it; a clean
 * folio may be evicted (mapping_evict_folio) and read back later.
 *
 * Invariants (checked by mm_check):
 *  - on a mapping that writes back, PG_dirty and the dirty tag agree;
 *    elsewhere nothing is tagged;
 *  - in a shared mapping that wants write-notify over such a file, an
 *    entry that is writable or dirty maps a dirty folio: a store can
 *    never land in a folio that writeback considers clean.
 */
#include "internal.h"

#define PAGECACHE_TAG_DIRTY	XA_MARK_0

bool mapping_can_writeback(const struct address_space *mapping)
{
	return mapping && (mapping->flags & AS_CAN_WRITEBACK);
}

/* ->dirty_folio of mappings without writeback: the flag alone. */
bool noop_dirty_folio(struct address_space *mapping, struct folio *folio)
{
	if (folio_test_dirty(folio))
		return false;
	SetPageDirty(&folio->page);
	return true;
}

/*
 * filemap_dirty_folio - ->dirty_folio of a filesystem that writes back:
 * set PG_dirty and, if the folio was clean and is still in @mapping's
 * cache, tag it dirty there (__folio_mark_dirty).
 * Return: true if the folio was clean before.
 */
bool filemap_dirty_folio(struct address_space *mapping, struct folio *folio)
{
	if (folio_test_dirty(folio))
		return false;
	SetPageDirty(&folio->page);
	if (folio->page.mapping == mapping)
		xa_set_mark(&mapping->i_pages, folio->page.index,
			    PAGECACHE_TAG_DIRTY);
	return true;
}

/*
 * folio_mark_dirty - the folio's contents differ from what its file (or
 * swap) holds; the file's ->dirty_folio records it.
 * Return: true if the folio was clean before.
 */
bool folio_mark_dirty(struct folio *folio)
{
	struct address_space *mapping = folio_mapping(folio);

	if (mapping && mapping->a_ops && mapping->a_ops->dirty_folio)
		return mapping->a_ops->dirty_folio(mapping, folio);
	return noop_dirty_folio(mapping, folio);
}

/*
 * folio_clear_dirty_for_io - get @folio ready to be written: its shared
 * mappings are write-protected and cleaned (a dirty entry re-dirties the
 * folio first), then PG_dirty and the tag are cleared.
 * Return: true if the folio was dirty, i.e. must be written.
 */
bool folio_clear_dirty_for_io(struct folio *folio)
{
	struct address_space *mapping = folio_mapping(folio);

	if (!mapping_can_writeback(mapping)) {
		if (!folio_test_dirty(folio))
			return false;
		ClearPageDirty(&folio->page);
		return true;
	}
	if (folio_mkclean(folio))
		folio_mark_dirty(folio);
	if (!folio_test_dirty(folio))
		return false;
	ClearPageDirty(&folio->page);
	xa_clear_mark(&mapping->i_pages, folio->page.index, PAGECACHE_TAG_DIRTY);
	/* clean now: every entry mapping it must be too (the checker looks) */
	mapping_check_range(mapping, folio->page.index, folio_nr_pages(folio));
	return true;
}

/*
 * filemap_write_and_wait_range - write back the dirty folios of @mapping
 * whose bytes meet [@lstart, @lend] (inclusive), and wait for it (in the
 * model writing is synchronous).  Nothing to do on a mapping without
 * writeback.  Return: 0, or the first error of ->write_folio (-ENOMEM:
 * that folio and those after it stay dirty).
 */
int filemap_write_and_wait_range(struct address_space *mapping, loff_t lstart,
				 loff_t lend)
{
	pgoff_t index, last;
	struct folio *folio;

	if (!mapping_can_writeback(mapping) || lend < lstart || lstart < 0)
		return 0;
	index = (pgoff_t)lstart >> PAGE_SHIFT;
	last = (pgoff_t)lend >> PAGE_SHIFT;
	while ((folio = xa_find_marked(&mapping->i_pages, &index, last,
				       PAGECACHE_TAG_DIRTY))) {
		int ret = mapping->a_ops && mapping->a_ops->write_folio ?
			  mapping->a_ops->write_folio(mapping, folio) :
			  folio_clear_dirty_for_io(folio);

		if (ret < 0)
			return ret;
		mapping->nr_written += ret;
		if (index == last)
			break;
		index++;
	}
	return 0;
}

/*
 * A page-cache folio's dirty state: PG_dirty and the dirty tag agree on a
 * mapping that writes back, and nothing is tagged elsewhere.
 * Return: NULL, or what is wrong.
 */
const char *folio_dirty_check(struct address_space *mapping,
			      struct folio *folio)
{
	bool tagged = xa_get_mark(&mapping->i_pages, folio->page.index,
				  PAGECACHE_TAG_DIRTY);

	if (!mapping_can_writeback(mapping))
		return tagged ? "a folio tagged dirty in a mapping without writeback" : NULL;
	if (folio_test_dirty(folio) && !tagged)
		return "a dirty folio of a writeback file is not tagged dirty in the page cache (writeback would miss it)";
	if (!folio_test_dirty(folio) && tagged)
		return "a clean folio is tagged dirty in the page cache";
	return NULL;
}

/*
 * writeback_entry_ok - in a shared mapping that tracks dirtying (write-
 * notify over a file that writes back), an entry that is writable or
 * dirty must map a dirty folio, or writeback would consider it clean
 * while stores go on landing in it.
 */
bool writeback_entry_ok(struct vm_area_struct *vma, pte_t pte,
			struct folio *folio)
{
	if (!(vma->vm_flags & VM_SHARED) || folio_test_anon(folio) ||
	    !mapping_can_writeback(folio_mapping(folio)))
		return true;
	if (pgprot_val(vma->vm_page_prot) & _PAGE_RW)
		return true;	/* no write-notify: dirtiness found at unmap */
	return folio_test_dirty(folio) || (!pte_write(pte) && !pte_dirty(pte));
}
