// SPDX-License-Identifier: GPL-2.0
/*
 * shmem.c - memory files: the tmpfs inodes behind memfds and shared
 * anonymous memory (a hidden "/dev/zero" file per mapping), their page
 * cache, reads, writes and truncation, and their faults.
 *
 * The page cache of an inode is mapping->pages, indexed by pgoff; each
 * cached folio holds one reference for the cache, PG_swapbacked set,
 * mapping and index filled.  A read fault on a hole allocates a zeroed
 * page in the cache (shmem has no zero-page shortcut).  Truncation zaps
 * every mapping of the dropped range, private copies included, then
 * drops the pages: accesses past EOF raise SIGBUS.  A VMA registered
 * with userfaultfd hands the monitor a fault on a hole (MISSING) or on a
 * cached page it does not map yet (MINOR), as shmem_get_folio_gfp does.
 */
#include <sys/stat.h>

#include "internal.h"

/* ---- inodes ------------------------------------------------------------ */

static void shmem_free_inode(struct inode *inode)
{
	kfree(SHMEM_I(inode));
}

static const struct super_operations shmem_ops = {
	.free_inode = shmem_free_inode,
};

static const struct inode_operations shmem_inode_operations;

struct inode *shmem_inode_create(const char *name)
{
	struct shmem_inode_info *info = kzalloc(sizeof(*info), GFP_KERNEL);

	if (!info)
		return NULL;
	inode_init(&info->vfs_inode, name);
	info->vfs_inode.i_sop = &shmem_ops;
	info->vfs_inode.i_op = &shmem_inode_operations;
	info->vfs_inode.i_mode = S_IFREG | 0777;
	info->seals = F_SEAL_SEAL;	/* memfd_create() may allow sealing */
	return &info->vfs_inode;
}

/* ---- page cache ------------------------------------------------------- */

/* The cached folio at @index, allocating a zeroed one if there is none. */
static struct folio *shmem_get_folio(struct inode *inode, pgoff_t index)
{
	struct address_space *mapping = &inode->i_data;
	struct folio *folio = filemap_get_folio(mapping, index);

	if (folio) {
		/* fallocated, never used: zero (it is) and now uptodate */
		if (!PageUptodate(&folio->page))
			SetPageUptodate(&folio->page);
		return folio;
	}
	folio = folio_alloc(GFP_HIGHUSER_MOVABLE, 0);
	if (!folio)
		return NULL;
	SetPageSwapBacked(&folio->page);
	SetPageUptodate(&folio->page);
	if (filemap_add_folio(mapping, folio, index)) {
		folio_put(folio);
		return NULL;
	}
	return folio;
}

static pgoff_t size_pages(struct inode *inode)
{
	return (pgoff_t)((inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

static int shmem_setattr(struct inode *inode, struct iattr *attr)
{
	loff_t size = attr->ia_size;
	pgoff_t first;

	if (!(attr->ia_valid & ATTR_SIZE))
		return 0;
	if (size > MAX_LFS_FILESIZE)		/* inode_newsize_ok() */
		return -EFBIG;
	if ((size < inode->i_size && (SHMEM_I(inode)->seals & F_SEAL_SHRINK)) ||
	    (size > inode->i_size && (SHMEM_I(inode)->seals & F_SEAL_GROW)))
		return -EPERM;
	if (size < inode->i_size) {
		struct folio *partial;

		first = (pgoff_t)((size + PAGE_SIZE - 1) >> PAGE_SHIFT);
		unmap_mapping_range(&inode->i_data, first, 0, true);
		truncate_inode_pages(&inode->i_data, first);
		partial = (size & (PAGE_SIZE - 1)) ?
			  filemap_get_folio(&inode->i_data, size >> PAGE_SHIFT) : NULL;
		if (partial)
			frame_fill(&partial->page, size & (PAGE_SIZE - 1), 0,
				   PAGE_SIZE - (size & (PAGE_SIZE - 1)));
	}
	inode->i_size = size;
	return 0;
}

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
};

static ssize_t shmem_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	size_t done = 0;

	while (to->count && iocb->ki_pos < inode->i_size) {
		loff_t pos = iocb->ki_pos;
		size_t off = pos & (PAGE_SIZE - 1);
		size_t n = min(to->count, PAGE_SIZE - off), c;
		struct folio *folio;

		n = min(n, (size_t)(inode->i_size - pos));
		folio = filemap_get_folio(&inode->i_data, pos >> PAGE_SHIFT);
		if (folio)
			c = copy_page_to_iter(&folio->page, off, n, to);
		else
			c = iov_iter_zero(n, to);
		done += c;
		iocb->ki_pos += c;
		if (c < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/* The seals' say on writing @len bytes at @pos (shmem_write_begin). */
static int shmem_write_begin(struct inode *inode, loff_t pos, size_t len)
{
	unsigned int seals = SHMEM_I(inode)->seals;

	if (seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
		return -EPERM;
	if ((seals & F_SEAL_GROW) && pos + (loff_t)len > inode->i_size)
		return -EPERM;
	return 0;
}

/*
 * Each page-sized chunk as generic_perform_write() takes it since Linux
 * 6.14 ("filemap: move prefaulting out of hot write path"): the folio
 * first (shmem_write_begin: the seals, then the page cached), then the
 * copy from the source with page faults disabled, then
 * shmem_write_end(), which grows i_size to the end of what was copied -
 * to @pos itself when nothing was - and keeps the folio, zero-filled
 * and dirty.  After a copy of nothing the source is faulted in and the
 * chunk tried again; a source that cannot be faulted in (or that starts
 * at address 0: fault_in_readable()) ends the write, EFAULT if first.
 */
static ssize_t shmem_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	bool retried = false;
	size_t done = 0;
	ssize_t c = 0;

	while (from->count) {
		loff_t pos = iocb->ki_pos;
		size_t n = min(from->count, PAGE_SIZE - (pos & (PAGE_SIZE - 1)));
		struct folio *folio;

		c = shmem_write_begin(inode, pos, n);
		if (c)
			break;
		folio = shmem_get_folio(inode, pos >> PAGE_SHIFT);
		if (!folio) {
			c = -ENOMEM;
			break;
		}
		SetPageDirty(&folio->page);	/* shmem_write_end, copied or not */
		c = write_copy_chunk(inode, folio, pos, n, from, &retried);
		if (c < 0)
			break;
		done += c;
		iocb->ki_pos += c;
	}
	return done ? (ssize_t)done : c;
}

/* Zero [from, to) of one cached page, if it is cached. */
static void shmem_zero_partial(struct address_space *mapping, loff_t from,
			       loff_t to)
{
	struct folio *folio;

	if (from >= to)
		return;
	folio = filemap_get_folio(mapping, from >> PAGE_SHIFT);
	if (folio)
		frame_fill(&folio->page, from & (PAGE_SIZE - 1), 0, to - from);
}

/*
 * Punch a hole: zap the shared mappings of the whole pages in the range
 * (private COW copies stay), drop those pages, and zero the partial
 * pages at the edges.
 */
static long shmem_punch_hole(struct inode *inode, loff_t offset, loff_t len)
{
	struct address_space *mapping = &inode->i_data;
	pgoff_t first = (pgoff_t)((offset + PAGE_SIZE - 1) >> PAGE_SHIFT);
	pgoff_t end = (pgoff_t)((offset + len) >> PAGE_SHIFT);	/* exclusive */
	loff_t last = offset + len - 1;

	if (SHMEM_I(inode)->seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
		return -EPERM;
	punch_hole_unmap(mapping, offset, len);
	if (end > first)
		truncate_inode_pages_range(mapping, first, end - 1);
	/* the partial pages at either end keep their other bytes */
	shmem_zero_partial(mapping, offset,
			   (loff_t)min((unsigned long long)last + 1,
				       (unsigned long long)first << PAGE_SHIFT));
	shmem_zero_partial(mapping, max(offset, (loff_t)end << PAGE_SHIFT), last + 1);
	return 0;
}

/*
 * Allocate [offset, offset + len): every missing page is added, zeroed,
 * and the file grows unless FALLOC_FL_KEEP_SIZE.  Pages are added not
 * uptodate and marked at the end, so a failure can drop exactly those.
 */
static long shmem_fallocate_range(struct inode *inode, int mode, loff_t offset,
				  loff_t len)
{
	struct address_space *mapping = &inode->i_data;
	pgoff_t start = offset >> PAGE_SHIFT;
	pgoff_t end = (pgoff_t)((offset + len - 1) >> PAGE_SHIFT);
	struct folio *folio;
	pgoff_t index;
	int err = 0;

	if ((SHMEM_I(inode)->seals & F_SEAL_GROW) && offset + len > inode->i_size)
		return -EPERM;
	for (index = start; index <= end; index++) {
		folio = filemap_get_folio(mapping, index);
		if (!folio) {
			folio = folio_alloc(GFP_HIGHUSER_MOVABLE, 0);
			if (!folio) {
				err = -ENOMEM;
				break;
			}
			SetPageSwapBacked(&folio->page);
			err = filemap_add_folio(mapping, folio, index);
			if (err) {
				folio_put(folio);
				break;
			}
		}
		folio_mark_dirty(folio);
	}
	/*
	 * The new pages stay !uptodate until first used (a fault or write
	 * zeroes them then; a read sees a hole; mincore does not count
	 * them), as shmem_fallocate() leaves them, but dirty, the pages of
	 * the range already cached too, so that reclaim would swap them
	 * rather than drop them (smaps: Private_Dirty once a private
	 * mapping maps them).  On failure the new pages are what is dropped
	 * (shmem_undo_range(..., unfalloc)).
	 */
	if (err) {
		for (index = start; (folio = filemap_get_next_folio(mapping, &index, end)); index++) {
			if (!PageUptodate(&folio->page))
				filemap_remove_folio(folio);
			if (index == end)
				break;
		}
		return err;
	}
	if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + len > inode->i_size)
		inode->i_size = offset + len;
	return 0;
}

static long shmem_fallocate(struct file *file, int mode, loff_t offset,
			    loff_t len)
{
	struct inode *inode = file->f_inode;

	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	if (mode & FALLOC_FL_PUNCH_HOLE)
		return shmem_punch_hole(inode, offset, len);
	return shmem_fallocate_range(inode, mode, offset, len);
}

static int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

/* ---- faults ----------------------------------------------------------- */

static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	struct folio *folio;

	if (vmf->pgoff >= size_pages(inode))
		return VM_FAULT_SIGBUS;
	/* userfaultfd: a cached page for MINOR, a hole for MISSING */
	folio = filemap_get_folio(&inode->i_data, vmf->pgoff);
	if (folio && userfaultfd_minor(vmf->vma))
		return handle_userfault(vmf, VM_UFFD_MINOR);
	if (!folio && userfaultfd_missing(vmf->vma))
		return handle_userfault(vmf, VM_UFFD_MISSING);
	folio = shmem_get_folio(inode, vmf->pgoff);
	if (!folio)
		return VM_FAULT_OOM;
	folio_get(folio);
	vmf->page = &folio->page;
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
	.map_pages = filemap_map_pages,
};

static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

const struct file_operations shmem_file_operations = {
	.mmap = shmem_mmap,
	.read_iter = shmem_file_read_iter,
	.write_iter = shmem_file_write_iter,
	.fallocate = shmem_fallocate,
	.fsync = noop_fsync,
};

bool vma_is_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_vm_ops;
}

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct inode *inode = shmem_inode_create("dev/zero");
	struct file *f;

	if (!inode)
		return -ENOMEM;
	inode->i_size = vma->vm_end - vma->vm_start;
	f = alloc_file(inode, &shmem_file_operations, FMODE_READ | FMODE_WRITE);
	if (!f) {
		iput(inode);
		return -ENOMEM;
	}
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = f;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}
