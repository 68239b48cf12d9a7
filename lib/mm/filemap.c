// SPDX-License-Identifier: GPL-2.0
/*
 * filemap.c - the page cache: the folios of a file, in the file's
 * mapping->i_pages (an xarray indexed by page offset), and the generic
 * paths of regular files through it: faults (filemap_fault with
 * read-around, fault-around with filemap_map_pages, the first store of a
 * shared mapping with filemap_page_mkwrite) and read/write (filemap_read,
 * generic_perform_write).
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
		const char *why;

		if (folio->page.mapping != mapping || folio->page.index != index)
			return "a cached folio's mapping or index does not match its slot";
		if (folio_ref_count(folio) < 1)
			return "a cached folio without the cache's reference";
		why = folio_dirty_check(mapping, folio);
		if (why)
			return why;
		n++;
		if (index == ~0UL)
			break;
		index++;
	}
	if (n != mapping->nrpages)
		return "nrpages does not count the cached folios";
	return mapping_writable_check(mapping);
}

/* ---- generic paths of regular files (mm/filemap.c) -------------------- */

static pgoff_t i_size_pages(const struct inode *inode)
{
	return (pgoff_t)(((unsigned long long)inode->i_size + PAGE_SIZE - 1) >>
			 PAGE_SHIFT);
}

/*
 * filemap_grab_folio - the folio cached at @index, or a new one read in
 * with the file's ->read_folio (without one, zeroes: a hole).  A cached
 * folio that is not uptodate (a filesystem cached it to zero part of a
 * block: ext4_block_zero_page_range()) becomes uptodate: the model keeps
 * its bytes right, so reading it in (filemap_update_page()) has nothing
 * left to fill.
 * Return: the folio (the cache's reference only), or NULL if it cannot
 * be allocated or read.
 */
struct folio *filemap_grab_folio(struct address_space *mapping, pgoff_t index)
{
	struct folio *folio = filemap_get_folio(mapping, index);

	if (folio) {
		SetPageUptodate(&folio->page);
		return folio;
	}
	return filemap_create_folio(mapping, index);
}

/*
 * __filemap_create_folio - cache a new folio at @index, which holds none,
 * filled with the file's ->read_folio (without one, zeroes: a hole) but
 * left not uptodate, as a filesystem caches one to zero part of a block.
 * Return: the folio (the cache's reference only), or NULL if it cannot
 * be allocated or read.
 */
struct folio *__filemap_create_folio(struct address_space *mapping, pgoff_t index)
{
	struct folio *folio = folio_alloc(GFP_HIGHUSER_MOVABLE, 0);

	if (!folio)
		return NULL;
	if (filemap_add_folio(mapping, folio, index)) {
		folio_put(folio);
		return NULL;
	}
	if (mapping->a_ops && mapping->a_ops->read_folio &&
	    mapping->a_ops->read_folio(NULL, folio)) {
		filemap_remove_folio(folio);
		return NULL;
	}
	return folio;
}

/*
 * filemap_create_folio - __filemap_create_folio(), and the folio is then
 * uptodate: read in.
 * Return: as __filemap_create_folio().
 */
struct folio *filemap_create_folio(struct address_space *mapping, pgoff_t index)
{
	struct folio *folio = __filemap_create_folio(mapping, index);

	if (folio)
		SetPageUptodate(&folio->page);
	return folio;
}

/*
 * Read-ahead for a fault on an uncached page (do_sync_mmap_readahead):
 * VM_RAND_READ reads the page alone, VM_SEQ_READ the window from it on;
 * an executable mapping (Linux 6.16+) the window from it on, within the
 * VMA; anything else the window around it.  The window is the file's
 * ra_pages (the disk's read_ahead_kb); never past the end of the file.
 * Best effort: a folio that cannot be allocated ends it.
 */
static void do_sync_mmap_readahead(struct vm_fault *vmf, pgoff_t eof)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_flags_t flags = vma->vm_flags;
	pgoff_t ra = vma->vm_file->f_ra.ra_pages, start = vmf->pgoff;

	if ((flags & VM_RAND_READ) || !ra)
		ra = 1;
	else if (flags & VM_SEQ_READ)
		;			/* from the page on */
	else if (flags & VM_EXEC)
		eof = min(eof, vma->vm_pgoff + vma_pages(vma));
	else
		start = vmf->pgoff - min(vmf->pgoff, ra / 2);
	if (start < eof)
		do_page_cache_ra(vma->vm_file->f_mapping, start,
				 min(start + ra, eof) - start);
}

/*
 * filemap_fault - ->fault of a regular file: the page at vmf->pgoff from
 * the page cache.  Past the end of the file is SIGBUS.  An uncached page
 * is read in with its neighbours, with the mmap lock dropped for the I/O:
 * the fault is then retried (VM_FAULT_RETRY), and on the second try
 * fault-around maps the neighbours too.
 * Return: VM_FAULT_LOCKED with vmf->page referenced, or an error.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	pgoff_t eof = i_size_pages(mapping->host);
	struct folio *folio;

	if (vmf->pgoff >= eof)
		return VM_FAULT_SIGBUS;
	folio = filemap_get_folio(mapping, vmf->pgoff);
	if (!folio && !(vmf->flags & FAULT_FLAG_TRIED)) {
		do_sync_mmap_readahead(vmf, eof);
		return VM_FAULT_RETRY;
	}
	if (!folio)
		folio = filemap_create_folio(mapping, vmf->pgoff);
	else
		SetPageUptodate(&folio->page);	/* filemap_grab_folio() */
	if (!folio)
		return VM_FAULT_OOM;
	folio_get(folio);
	vmf->page = &folio->page;
	return VM_FAULT_LOCKED;
}

/*
 * filemap_map_pmd - the PTE of vmf->address, for fault-around that found
 * a page to map: where the PMD is still empty, the PTE table
 * do_fault_around() preallocated is linked now.  NULL without one: then
 * fault-around maps nothing.
 */
static pte_t *filemap_map_pmd(struct vm_fault *vmf)
{
	struct mm_struct *mm = vmf->vma->vm_mm;

	if (pmd_none(*vmf->pmd) && vmf->prealloc_pte)
		pmd_install(mm, vmf->pmd, &vmf->prealloc_pte);
	if (pmd_none(*vmf->pmd))
		return NULL;
	return pte_offset(mm, vmf->pmd, vmf->address);
}

/*
 * filemap_map_pages - ->map_pages: map the uptodate cached pages of
 * [@start, @end] around a read fault, read-only as a read fault would,
 * within the file and where nothing is mapped yet.  The page table is
 * linked at the first such page: with none, the fault leaves no table.
 * Return: VM_FAULT_NOPAGE if the faulting page itself was mapped.
 */
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start, pgoff_t end)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	pgoff_t eof = i_size_pages(mapping->host);
	vm_fault_t ret = 0;
	pte_t *pte = NULL;

	for (pgoff_t i = start; i <= end && i < eof; i++) {
		struct folio *folio = filemap_get_folio(mapping, i);
		struct vm_fault one = *vmf;

		if (!folio || !PageUptodate(&folio->page))
			continue;
		if (!pte && !(pte = filemap_map_pmd(vmf)))
			break;
		one.address = vmf->address + ((long)i - (long)vmf->pgoff) * (long)PAGE_SIZE;
		one.pte = pte + ((long)i - (long)vmf->pgoff);
		one.flags &= ~FAULT_FLAG_WRITE;
		if (!pte_none(ptep_get(one.pte)))
			continue;
		folio_get(folio);
		set_pte_range(&one, &folio->page, false);
		if (i == vmf->pgoff)
			ret = VM_FAULT_NOPAGE;
	}
	return ret;
}

/*
 * filemap_page_mkwrite - ->page_mkwrite: the first store to a page of a
 * shared mapping since it was last cleaned.  A page truncated meanwhile
 * makes the fault retry (VM_FAULT_NOPAGE); otherwise the folio is marked
 * dirty (a filesystem would reserve its blocks here) and stays locked.
 */
vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf)
{
	struct folio *folio = page_folio(vmf->page);
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;

	if (folio->page.mapping != mapping)
		return VM_FAULT_NOPAGE;
	folio_mark_dirty(folio);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
	.page_mkwrite = filemap_page_mkwrite,
};

/* generic_file_mmap - ->mmap of a page-cache file: the generic vm_ops. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

/*
 * filemap_read - ->read_iter through the page cache: up to the end of
 * the file, reading uncached pages in (holes read as zeroes).  A short
 * copy to the destination (a fault the kernel cannot handle) ends it.
 * Return: the bytes read, or -EFAULT / -ENOMEM if none.
 */
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping->host;
	size_t done = 0;
	ssize_t ret = 0;

	while (to->count && iocb->ki_pos < inode->i_size) {
		loff_t pos = iocb->ki_pos;
		pgoff_t index = pos >> PAGE_SHIFT;
		size_t off = pos & (PAGE_SIZE - 1);
		size_t n = min(min(to->count, PAGE_SIZE - off),
			       (size_t)(inode->i_size - pos)), c;
		struct folio *folio = filemap_get_folio(mapping, index);

		if (!folio) {
			page_cache_sync_ra(mapping, &file->f_ra, index,
					   DIV_ROUND_UP(pos + to->count, PAGE_SIZE) - index);
			folio = filemap_grab_folio(mapping, index);
		} else {
			SetPageUptodate(&folio->page);	/* filemap_grab_folio() */
		}
		if (!folio) {
			ret = -ENOMEM;
			break;
		}
		c = copy_page_to_iter(&folio->page, off, n, to);
		done += c;
		iocb->ki_pos += c;
		if (c < n) {
			ret = -EFAULT;
			break;
		}
	}
	file->f_ra.prev_pos = iocb->ki_pos;
	return done ? (ssize_t)done : ret;
}

/*
 * write_fault_in - after a chunk of a buffered write copied nothing with
 * page faults disabled: fault the source in for the chunk to be tried
 * again (0), or -EFAULT when nothing of it can be - a hole, no
 * permission, a range starting at address 0 - or when the chunk was
 * already tried again after a fault-in (@retried), which no page cache
 * loop can hope to end otherwise.
 */
int write_fault_in(struct iov_iter *from, size_t bytes, bool *retried)
{
	if (*retried || fault_in_iov_iter_readable(from, bytes) == bytes)
		return -EFAULT;
	*retried = true;
	return 0;
}

/*
 * write_copy_chunk - one chunk of a buffered write: @n bytes of @from
 * into @folio (of @inode) at @pos, copied with page faults disabled, and
 * i_size grown to their end - to @pos itself when none were copied, as
 * write_end does (Linux 6.14+: the folio is taken before the copy).
 * Return: the bytes copied; 0 when the source was faulted in for the
 * chunk to be tried again; -EFAULT or -ENOMEM to end the write.
 */
ssize_t write_copy_chunk(struct inode *inode, struct folio *folio, loff_t pos,
			 size_t n, struct iov_iter *from, bool *retried)
{
	char buf[PAGE_SIZE];
	size_t c = copy_from_iter_atomic(buf, n, from);

	if (c && frame_write(&folio->page, pos & (PAGE_SIZE - 1), buf, c))
		return -ENOMEM;
	if (pos + (loff_t)c > inode->i_size)
		inode->i_size = pos + c;
	if (!c)
		return write_fault_in(from, n, retried);
	*retried = false;
	return c;
}

/*
 * generic_perform_write - ->write_iter's core, page by page as Linux
 * 6.14+ does it (no prefault of the source): the cached folio first,
 * then write_copy_chunk(); the folio is dirtied if anything was copied
 * (a copy of nothing leaves it cached, clean).  Return: the bytes
 * written, or -EFAULT / -ENOMEM if none.
 */
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct address_space *mapping = iocb->ki_filp->f_mapping;
	bool retried = false;
	size_t done = 0;
	ssize_t c = 0;

	while (from->count) {
		loff_t pos = iocb->ki_pos;
		size_t n = min(from->count, PAGE_SIZE - (pos & (PAGE_SIZE - 1)));
		struct folio *folio = filemap_grab_folio(mapping, pos >> PAGE_SHIFT);

		if (!folio) {
			c = -ENOMEM;
			break;
		}
		c = write_copy_chunk(mapping->host, folio, pos, n, from, &retried);
		if (c < 0)
			break;
		if (c)
			folio_mark_dirty(folio);
		done += c;
		iocb->ki_pos += c;
	}
	return done ? (ssize_t)done : c;
}
