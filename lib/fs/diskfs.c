// SPDX-License-Identifier: GPL-2.0
/*
 * diskfs.c - regular files on a disk filesystem, the model's stand-in for
 * an ext4 file opened with O_TMPFILE (what the kernel's selftests call a
 * "tmpfile").  It is not tmpfs: its mapping writes back.
 *
 * What it models of ext4:
 *   - the address_space has AS_CAN_WRITEBACK and a ->dirty_folio that
 *     tags dirty folios (filemap_dirty_folio), so a shared writable
 *     mapping wants write-notify: entries start read-only, the first
 *     store to each page faults into ->page_mkwrite (filemap_page_mkwrite,
 *     as ext4_page_mkwrite marks the folio dirty), and fsync/msync write
 *     back with folio_mkclean() so that the next store faults again;
 *   - GUP refuses a writable long-term pin of a shared writable mapping
 *     (it needs dirty tracking: mm/gup.c writable_file_mapping_allowed);
 *   - faults read the page in with the neighbours the read-ahead window
 *     covers (filemap_fault), holes read as zeroes, past EOF is SIGBUS;
 *   - ftruncate (the tail of a partial page zeroed), the old EOF block's
 *     tail zeroed when the size grows (truncate up, a write or fallocate
 *     past EOF, writeback of the EOF folio), a partly zeroed page
 *     cached not uptodate (ext4_block_zero_page_range), fallocate (mode 0
 *     and KEEP_SIZE reserve blocks without caching pages, PUNCH_HOLE
 *     drops the whole pages and zeroes the partial ones), the size limit
 *     of ext4 with 4 KiB blocks (s_maxbytes, 16 TiB - 4 KiB: EFBIG).
 *
 *   - the disk: writeback (->write_folio) copies a page's bytes into the
 *     file's block for that page, and a page read into the cache
 *     (->read_folio) comes from its block, or is zeroes (a hole); so a
 *     clean page may be evicted (MADV_PAGEOUT) and read back, and a store
 *     that writeback missed would be lost - observable by content.
 *
 * What it does not: block allocation, extents, delayed allocation, the
 * journal, ENOSPC, I/O errors, background writeback, and large folios
 * (ext4 caches files in large folios since 6.16: the host evicts, keeps
 * and punches whole folios where the model handles pages).  Blocks live
 * in DISKFS_I(inode)->blocks, one per page written back, each a struct
 * page that is no frame (never in the memmap, never mapped): only a
 * holder of contents in frame_data.c's form.
 *
 * maps names a file "/var/tmp/NAME (deleted)": the host makes its
 * tmpfiles with O_TMPFILE in /var/tmp, which it names "#INODE" there (the
 * native backend puts the scenario's name in its place; a "#" would
 * start a comment in a scenario).
 */
#include <sys/stat.h>

#include "internal.h"

/* ext4's s_maxbytes with 4 KiB blocks and extents: 2^32 - 1 blocks. */
#define DISKFS_MAX_BYTES	((loff_t)0xffffffffULL << PAGE_SHIFT)

static const struct inode_operations diskfs_inode_operations;
static const struct file_operations diskfs_file_operations;

/* The diskfs part of an inode: its blocks, indexed by page offset. */
struct diskfs_inode_info {
	struct xarray blocks;		/* pgoff -> struct page (contents only) */
	struct inode vfs_inode;
};

static struct diskfs_inode_info *DISKFS_I(struct inode *inode)
{
	return container_of(inode, struct diskfs_inode_info, vfs_inode);
}

/* ---- the disk ---------------------------------------------------------- */

static void diskfs_free_block(struct xarray *blocks, pgoff_t index)
{
	struct page *block = xa_erase(blocks, index);

	if (block) {
		frame_clear(block);
		kfree(block);
	}
}

/* Drop the blocks of [first, last]: they become holes. */
static void diskfs_drop_blocks(struct inode *inode, pgoff_t first, pgoff_t last)
{
	struct xarray *blocks = &DISKFS_I(inode)->blocks;
	pgoff_t index = first;

	while (xa_find(blocks, &index, last)) {
		diskfs_free_block(blocks, index);
		if (index++ == last)
			break;
	}
}

/*
 * diskfs_cache_folio - the folio cached at @index for zeroing part of it:
 * an uncached one is added, not uptodate, as ext4_block_zero_page_range()
 * takes it with FGP_CREAT whether the block is a hole, unwritten or
 * written; read-ahead then passes it over (mincore: not in core) until a
 * read or fault reads it in.  Its bytes are the block's (zero for a
 * hole), so that reading it in needs nothing more.  Best effort: without
 * memory for it, nothing is cached (the block is zeroed all the same).
 */
static struct folio *diskfs_cache_folio(struct inode *inode, pgoff_t index)
{
	struct folio *folio = filemap_get_folio(&inode->i_data, index);

	return folio ? folio : __filemap_create_folio(&inode->i_data, index);
}

/*
 * Zero [from, to) within one page: its block and its folio, cached now
 * if it was not (ext4_block_zero_page_range()).
 */
static void diskfs_zero_partial(struct inode *inode, loff_t from, loff_t to)
{
	pgoff_t index = (pgoff_t)(from >> PAGE_SHIFT);
	struct page *block;
	struct folio *folio;

	if (from >= to)
		return;
	block = xa_load(&DISKFS_I(inode)->blocks, index);
	folio = diskfs_cache_folio(inode, index);
	if (block)
		frame_fill(block, from & (PAGE_SIZE - 1), 0, to - from);
	if (folio)
		frame_fill(&folio->page, from & (PAGE_SIZE - 1), 0, to - from);
}

/*
 * diskfs_zero_eof_tail - zero what the block of @from holds past @from,
 * up to @to or the block's end: ext4_block_truncate_page() when a
 * truncate moves EOF to or from @from.  Nothing to do when @from is
 * block-aligned.
 */
static void diskfs_zero_eof_tail(struct inode *inode, loff_t from, loff_t to)
{
	loff_t block_end = (from | (PAGE_SIZE - 1)) + 1;

	if (from & (PAGE_SIZE - 1))
		diskfs_zero_partial(inode, from, min(to, block_end));
}

/*
 * diskfs_zero_partial_blocks - zero the partial blocks at either end of
 * [@lstart, @lstart + @length), as ext4_zero_partial_blocks() does: the
 * range itself when it lies within one block, else the start block from
 * @lstart on and the end block up to the range's end.  After a write or
 * fallocate grows the file from @lstart (ext4 since Linux 6.12,
 * c7fc0366c656 "ext4: partial zero eof block on unaligned inode size
 * extension"), bytes stored past the old EOF through a shared mapping
 * are not data of the file and must not appear in it.
 */
static void diskfs_zero_partial_blocks(struct inode *inode, loff_t lstart,
				       loff_t length)
{
	loff_t byte_end = lstart + length - 1;
	loff_t partial_start = lstart & (PAGE_SIZE - 1);
	loff_t partial_end = byte_end & (PAGE_SIZE - 1);

	if (length <= 0)
		return;
	if (lstart >> PAGE_SHIFT == byte_end >> PAGE_SHIFT) {
		if (partial_start || partial_end != PAGE_SIZE - 1)
			diskfs_zero_partial(inode, lstart, byte_end + 1);
		return;
	}
	if (partial_start)
		diskfs_zero_eof_tail(inode, lstart, byte_end + 1);
	if (partial_end != PAGE_SIZE - 1)
		diskfs_zero_partial(inode, byte_end - partial_end, byte_end + 1);
}

/* ->read_folio: the page's block, or zeroes for a hole. */
static int diskfs_read_folio(struct file *file, struct folio *folio)
{
	struct inode *inode = folio->page.mapping ?
		((struct address_space *)folio->page.mapping)->host : NULL;
	struct page *block;

	if (!inode)
		return -EIO;
	block = xa_load(&DISKFS_I(inode)->blocks, folio->page.index);
	return block ? frame_copy(&folio->page, block) : 0;
}

/*
 * ->write_folio: the block is allocated first (nothing changes if that
 * fails), then the folio is cleaned for I/O and its bytes copied.  The
 * part of the EOF folio past i_size is zeroed in the cache first, as
 * ext4_bio_write_folio() does: a store there through a mapping is lost.
 */
static int diskfs_write_folio(struct address_space *mapping, struct folio *folio)
{
	struct xarray *blocks = &DISKFS_I(mapping->host)->blocks;
	pgoff_t index = folio->page.index;
	struct page *block = xa_load(blocks, index);
	int err;

	if (!block) {
		block = kzalloc(sizeof(*block), GFP_KERNEL);
		if (!block)
			return -ENOMEM;
		err = xa_insert(blocks, index, block, GFP_KERNEL);
		if (err) {
			kfree(block);
			return err;
		}
	}
	if (!folio_clear_dirty_for_io(folio))
		return 0;
	if (index == (pgoff_t)(mapping->host->i_size >> PAGE_SHIFT))
		diskfs_zero_eof_tail(mapping->host, mapping->host->i_size,
				     MAX_LFS_FILESIZE);
	if (frame_copy(block, &folio->page)) {
		folio_mark_dirty(folio);	/* the host is out of memory */
		return -ENOMEM;
	}
	return 1;
}

static const struct address_space_operations diskfs_aops = {
	.dirty_folio = filemap_dirty_folio,
	.read_folio = diskfs_read_folio,
	.write_folio = diskfs_write_folio,
};

static void diskfs_free_inode(struct inode *inode)
{
	diskfs_drop_blocks(inode, 0, ~0UL);
	kfree(DISKFS_I(inode));
}

static const struct super_operations diskfs_super_operations = {
	.free_inode = diskfs_free_inode,
};

bool diskfs_file(struct file *file)
{
	return file && file->f_op == &diskfs_file_operations;
}

/*
 * ftruncate: shrinking zaps every mapping of what goes (private COW
 * copies too, as truncate_pagecache does) and drops it from the cache
 * and the disk; the partial last page keeps its bytes up to the new end
 * only.  Growing zeroes the old EOF block past the old end, to the
 * block's end (ext4_setattr's ext4_block_truncate_page()).
 */
static int diskfs_setattr(struct inode *inode, struct iattr *attr)
{
	struct address_space *mapping = &inode->i_data;
	loff_t size = attr->ia_size;

	if (!(attr->ia_valid & ATTR_SIZE))
		return 0;
	if (size > DISKFS_MAX_BYTES)		/* inode_newsize_ok() */
		return -EFBIG;
	if (size < inode->i_size) {
		pgoff_t first = (pgoff_t)((size + PAGE_SIZE - 1) >> PAGE_SHIFT);

		unmap_mapping_range(mapping, first, 0, true);
		truncate_inode_pages(mapping, first);
		diskfs_drop_blocks(inode, first, ~0UL);
		if (size & (PAGE_SIZE - 1))
			diskfs_zero_partial(inode, size,
					    (loff_t)PAGE_ALIGN((unsigned long)size));
	} else {
		diskfs_zero_eof_tail(inode, inode->i_size, MAX_LFS_FILESIZE);
	}
	inode->i_size = size;
	return 0;
}

static const struct inode_operations diskfs_inode_operations = {
	.setattr = diskfs_setattr,
};

/* generic_write_checks: a write starting at s_maxbytes is EFBIG, one
 * crossing it is cut short there.  A write starting past EOF zeroes the
 * old EOF block from the old end to the write (ext4's ->write_end). */
static ssize_t diskfs_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_inode;
	loff_t old_size = inode->i_size, pos = iocb->ki_pos;
	ssize_t ret;

	if (pos >= DISKFS_MAX_BYTES)
		return -EFBIG;
	if ((loff_t)from->count > DISKFS_MAX_BYTES - pos)
		from->count = DISKFS_MAX_BYTES - pos;
	ret = generic_perform_write(iocb, from);
	if (pos > old_size && inode->i_size > old_size)
		diskfs_zero_partial_blocks(inode, old_size, pos - old_size);
	return ret;
}

/*
 * Punch a hole: like shmem's, but private COW copies stay mapped.  A hole
 * past EOF ends with the page holding EOF (ext4_punch_hole()), which is
 * then dropped whole.
 */
static long diskfs_punch_hole(struct inode *inode, loff_t offset, loff_t len)
{
	struct address_space *mapping = &inode->i_data;
	loff_t end = offset + len > inode->i_size ?
		     (loff_t)PAGE_ALIGN(inode->i_size) : offset + len;
	pgoff_t first = (pgoff_t)((offset + PAGE_SIZE - 1) >> PAGE_SHIFT);
	pgoff_t last = (pgoff_t)(end >> PAGE_SHIFT);	/* exclusive */

	if (offset >= inode->i_size)
		return 0;
	punch_hole_unmap(mapping, offset, end - offset);
	if (last > first) {
		truncate_inode_pages_range(mapping, first, last - 1);
		diskfs_drop_blocks(inode, first, last - 1);
	}
	diskfs_zero_partial(inode, offset, min(end, (loff_t)first << PAGE_SHIFT));
	diskfs_zero_partial(inode, max(offset, (loff_t)last << PAGE_SHIFT), end);
	return 0;
}

/*
 * fallocate: allocation reserves blocks (the model has none to reserve)
 * and grows the file unless FALLOC_FL_KEEP_SIZE, zeroing the old EOF
 * block from the old end to the new one (ext4_alloc_file_blocks());
 * no page is cached.
 */
static long diskfs_fallocate(struct file *file, int mode, loff_t offset,
			     loff_t len)
{
	struct inode *inode = file->f_inode;

	if (offset + len > DISKFS_MAX_BYTES)
		return -EFBIG;
	if (mode & FALLOC_FL_PUNCH_HOLE)
		return diskfs_punch_hole(inode, offset, len);
	if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + len > inode->i_size) {
		loff_t old_size = inode->i_size;

		inode->i_size = offset + len;
		diskfs_zero_partial_blocks(inode, old_size, offset + len - old_size);
	}
	return 0;
}

/* fsync(2), msync(MS_SYNC): write back the dirty folios of the range. */
static int diskfs_fsync(struct file *file, loff_t start, loff_t end,
			int datasync)
{
	return filemap_write_and_wait_range(file->f_mapping, start, end);
}

static const struct file_operations diskfs_file_operations = {
	.mmap = generic_file_mmap,
	.read_iter = filemap_read,
	.write_iter = diskfs_file_write_iter,
	.fallocate = diskfs_fallocate,
	.fsync = diskfs_fsync,
};

int vfs_tmpfile(struct machine *m, const char *name, struct file **out)
{
	struct diskfs_inode_info *info;
	char path[264];
	struct inode *inode;
	struct file *f;

	machine_enter(m);
	if (!name || strlen(name) > 255)	/* NAME_MAX */
		return -ENAMETOOLONG;
	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	snprintf(path, sizeof(path), "var/tmp/%s", name);
	inode = &info->vfs_inode;
	inode_init(inode, path);
	inode->i_sop = &diskfs_super_operations;
	inode->i_mode = S_IFREG | 0600;
	inode->i_op = &diskfs_inode_operations;
	inode->i_data.a_ops = &diskfs_aops;
	inode->i_data.flags |= AS_CAN_WRITEBACK;
	f = alloc_file(inode, &diskfs_file_operations, FMODE_READ | FMODE_WRITE);
	if (!f) {
		iput(inode);
		return -ENOMEM;
	}
	*out = f;
	return 0;
}

int vfs_fsync(struct file *file)
{
	machine_enter(file->machine);
	if (!file->f_op || !file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, 0, MAX_LFS_FILESIZE, 0);
}
