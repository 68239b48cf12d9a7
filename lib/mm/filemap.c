// SPDX-License-Identifier: GPL-2.0
/*
 * filemap.c - the page cache: the folios of a file, in the file's
 * mapping->i_pages (an xarray indexed by page offset).
 *
 * A cached folio holds one reference for the cache, has mapping and
 * index set, and is counted in mapping->nrpages; removing it clears the
 * mapping and drops that reference.  Lookups cost the height of the
 * tree, which follows the largest offset cached, never the file size.
 */
#include "internal.h"

struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index)
{
	return xa_load(&mapping->i_pages, index);
}

/*
 * filemap_add_folio - cache @folio at @index; the caller's reference
 * becomes the cache's.
 * Return: 0, -EEXIST if @index is cached, -ENOMEM (nothing changed).
 */
int filemap_add_folio(struct address_space *mapping, struct folio *folio,
		      pgoff_t index)
{
	int err = xa_insert(&mapping->i_pages, index, folio, GFP_KERNEL);

	if (err)
		return err == -EBUSY ? -EEXIST : err;
	folio->page.mapping = mapping;
	folio->page.index = index;
	mapping->nrpages++;
	return 0;
}

/* Drop @folio from its mapping and put the cache's reference. */
void filemap_remove_folio(struct folio *folio)
{
	struct address_space *mapping = folio->page.mapping;

	VM_BUG_ON_PAGE(xa_load(&mapping->i_pages, folio->page.index) != folio,
		       &folio->page);
	xa_erase(&mapping->i_pages, folio->page.index);
	mapping->nrpages--;
	folio->page.mapping = NULL;
	folio_put(folio);
}

/*
 * The next cached folio at an index in [*index, last]; *index is set to
 * its index.  NULL when there is none.
 */
struct folio *filemap_get_next_folio(struct address_space *mapping,
				     pgoff_t *index, pgoff_t last)
{
	return xa_find(&mapping->i_pages, index, last);
}

/* i_mmap_writable counts the shared VMAs that may write, or is denied. */
static const char *mapping_writable_check(struct address_space *mapping)
{
	struct vm_area_struct *vma;
	long writers = 0;

	vma_interval_tree_foreach(vma, &mapping->i_mmap, 0, ~0UL)
		writers += vma_is_shared_maywrite(vma);
	if (mapping->i_mmap_writable == writers ||
	    (!writers && mapping->i_mmap_writable < 0))
		return NULL;
	return "i_mmap_writable does not count the shared writable mappings";
}

/*
 * filemap_check - every cached folio is where its mapping and index say,
 * nrpages counts them, and i_mmap_writable the shared mappings that may
 * write.  Return: NULL, or what is wrong.
 */
const char *filemap_check(struct address_space *mapping)
{
	unsigned long n = 0;
	pgoff_t index = 0;
	struct folio *folio;

	while ((folio = filemap_get_next_folio(mapping, &index, ~0UL))) {
		if (folio->page.mapping != mapping || folio->page.index != index)
			return "a cached folio's mapping or index does not match its slot";
		if (folio_ref_count(folio) < 1)
			return "a cached folio without the cache's reference";
		n++;
		if (index == ~0UL)
			break;
		index++;
	}
	if (n != mapping->nrpages)
		return "nrpages does not count the cached folios";
	return mapping_writable_check(mapping);
}
