// SPDX-License-Identifier: GPL-2.0
/*
 * readahead.c - reading a file's pages into the page cache before they
 * are asked for, as mm/readahead.c does for a read(2) that misses the
 * cache (page_cache_sync_ra) and for MADV_WILLNEED (force_page_cache_ra).
 * The fault path's read-around is filemap.c's do_sync_mmap_readahead().
 *
 * The window's limits come from the disk under the file: its
 * read_ahead_kb (ra_pages) and max_sectors_kb (io_pages), the profile's
 * keys of the same names (a host's `file`s sit on /var/tmp's disk, which
 * --profile=host reads).  Pages are read one folio each (the model's page
 * cache has small folios only), never past the end of the file; a page
 * already cached is left as it is.  The fault path's read-around uses
 * do_page_cache_ra() too.
 *
 * Not modelled: the asynchronous read-ahead that a read of a page marked
 * PG_readahead starts (page_cache_async_ra), and the large folios a
 * filesystem such as ext4 reads ahead into: a sequential stream of reads
 * caches its first window only.
 */
#include "internal.h"

/* The disk's read-ahead window and largest I/O, in pages. */
static unsigned long bdi_ra_pages(void)
{
	return current_machine()->profile.read_ahead_kb >> (PAGE_SHIFT - 10);
}

static unsigned long bdi_io_pages(void)
{
	return current_machine()->profile.max_sectors_kb >> (PAGE_SHIFT - 10);
}

/* file_ra_state_init - a new open file's read-ahead state. */
void file_ra_state_init(struct file_ra_state *ra, struct address_space *mapping)
{
	ra->ra_pages = mapping ? bdi_ra_pages() : 0;
	ra->prev_pos = -1;
}

/*
 * do_page_cache_ra - cache the pages of [@index, @index + @nr) that are
 * not cached, up to the end of the file; a cached folio is skipped even
 * when not uptodate (page_cache_ra_unbounded()).  Best effort: a folio
 * that cannot be allocated ends it.
 */
void do_page_cache_ra(struct address_space *mapping, pgoff_t index,
		      unsigned long nr)
{
	loff_t size = mapping->host->i_size;
	pgoff_t end;

	if (!size)
		return;
	end = min(index + nr, (pgoff_t)((size - 1) >> PAGE_SHIFT) + 1);
	for (pgoff_t i = index; i < end; i++) {
		if (filemap_get_folio(mapping, i))	/* kept, uptodate or not */
			continue;
		if (!filemap_create_folio(mapping, i))
			break;
	}
}

/*
 * force_page_cache_ra - read @nr pages from @index whatever the window
 * says (POSIX_FADV_WILLNEED, MADV_WILLNEED), but no more than the larger
 * of the window and the disk's largest I/O.
 */
void force_page_cache_ra(struct address_space *mapping,
			 struct file_ra_state *ra, pgoff_t index,
			 unsigned long nr)
{
	if (!mapping->a_ops || !mapping->a_ops->read_folio)
		return;
	do_page_cache_ra(mapping, index,
			 min(nr, max(bdi_io_pages(), (unsigned long)ra->ra_pages)));
}

/*
 * The first window for a read of @size pages: four times the request
 * (rounded up to a power of two) while that is small beside @max, twice
 * while it is under a quarter of it, else @max.
 */
static unsigned long get_init_ra_size(unsigned long size, unsigned long max)
{
	unsigned long newsize = 1;

	while (newsize < size)
		newsize <<= 1;
	if (newsize <= max / 32)
		return newsize * 4;
	if (newsize <= max / 4)
		return newsize * 2;
	return max;
}

/* The window's bound: a request larger than it may use the disk's I/O size. */
static unsigned long ractl_max_pages(struct file_ra_state *ra,
				     unsigned long req_count)
{
	unsigned long max_pages = ra->ra_pages;

	if (req_count > max_pages && bdi_io_pages() > max_pages)
		max_pages = min(req_count, bdi_io_pages());
	return max_pages;
}

/* How many pages before @index are cached, looking back at most @max. */
static unsigned long cached_before(struct address_space *mapping,
				   pgoff_t index, unsigned long max, bool *to_start)
{
	unsigned long n = 0;

	*to_start = false;
	while (n < max && index > n) {
		if (!filemap_get_folio(mapping, index - n - 1))
			return n;
		n++;
	}
	*to_start = index == n;
	return n;
}

/*
 * page_cache_sync_ra - a read of @req_count pages from @index missed the
 * cache: read it and more.  At the start of the file, for a request
 * larger than the window, or right after the previous read, a new window
 * starts there (get_init_ra_size()); a read that follows cached pages
 * reads as many more as were cached (twice that when the file is cached
 * from its start), within the window; any other read is random and reads
 * just what it asked for.
 */
void page_cache_sync_ra(struct address_space *mapping,
			struct file_ra_state *ra, pgoff_t index,
			unsigned long req_count)
{
	pgoff_t prev_index = (unsigned long long)ra->prev_pos >> PAGE_SHIFT;
	unsigned long max_pages, contig;
	bool from_start;

	if (!ra->ra_pages) {
		force_page_cache_ra(mapping, ra, index, 1);
		return;
	}
	max_pages = ractl_max_pages(ra, req_count);
	if (!index || req_count > max_pages || index - prev_index <= 1UL) {
		ra->start = index;
		ra->size = get_init_ra_size(req_count, max_pages);
		ra->async_size = ra->size > req_count ? ra->size - req_count :
							ra->size >> 1;
		do_page_cache_ra(mapping, ra->start, ra->size);
		return;
	}
	contig = cached_before(mapping, index, max_pages, &from_start);
	if (contig <= req_count) {
		do_page_cache_ra(mapping, index, req_count);
		return;
	}
	if (from_start)
		contig *= 2;
	ra->start = index;
	ra->size = min(contig + req_count, max_pages);
	ra->async_size = 1;
	do_page_cache_ra(mapping, ra->start, ra->size);
}
