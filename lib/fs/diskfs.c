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
 *   - ftruncate (the tail of a partial page zeroed), fallocate (mode 0
 *     and KEEP_SIZE reserve blocks without caching pages, PUNCH_HOLE
 *     drops the whole pages and zeroes the partial ones), the size limit
 *     of ext4 with 4 KiB blocks (s_maxbytes, 16 TiB - 4 KiB: EFBIG).
 *
 * What it does not: blocks, extents, delayed allocation, the journal,
 * ENOSPC, large folios, page eviction and reading back from a device.
 * The page cache is the disk: a folio is never dropped while its inode
 * lives, so "writing back" is cleaning (and counting: nr_written).
 * MADV_PAGEOUT therefore unmaps clean pages but keeps them cached, where
 * the host would drop clean ones from its cache.
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

static const struct address_space_operations diskfs_aops = {
	.dirty_folio = filemap_dirty_folio,
};

bool diskfs_file(struct file *file)
{
	return file && file->f_op == &diskfs_file_operations;
}

/* Zero [from, to) of one cached page, if it is cached (the rest stays). */
static void diskfs_zero_partial(struct address_space *mapping, loff_t from,
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
 * ftruncate: shrinking zaps every mapping of what goes (private COW
 * copies too, as truncate_pagecache does) and drops it from the cache;
 * the partial last page keeps its bytes up to the new end only.
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
		if (size & (PAGE_SIZE - 1))
			diskfs_zero_partial(mapping, size,
					    (loff_t)PAGE_ALIGN((unsigned long)size));
	}
	inode->i_size = size;
	return 0;
}

static const struct inode_operations diskfs_inode_operations = {
	.setattr = diskfs_setattr,
};

/* generic_write_checks: a write starting at s_maxbytes is EFBIG, one
 * crossing it is cut short there. */
static ssize_t diskfs_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	if (iocb->ki_pos >= DISKFS_MAX_BYTES)
		return -EFBIG;
	if ((loff_t)from->count > DISKFS_MAX_BYTES - iocb->ki_pos)
		from->count = DISKFS_MAX_BYTES - iocb->ki_pos;
	return generic_perform_write(iocb, from);
}

/* Punch a hole: like shmem's, but private COW copies stay mapped. */
static long diskfs_punch_hole(struct inode *inode, loff_t offset, loff_t len)
{
	struct address_space *mapping = &inode->i_data;
	loff_t end = min(offset + len, inode->i_size);
	pgoff_t first = (pgoff_t)((offset + PAGE_SIZE - 1) >> PAGE_SHIFT);
	pgoff_t last = (pgoff_t)(end >> PAGE_SHIFT);	/* exclusive */

	if (offset >= inode->i_size)
		return 0;
	if (last > first) {
		unmap_mapping_range(mapping, first, last - first, false);
		truncate_inode_pages_range(mapping, first, last - 1);
	}
	diskfs_zero_partial(mapping, offset,
			    min(end, (loff_t)first << PAGE_SHIFT));
	diskfs_zero_partial(mapping, max(offset, (loff_t)last << PAGE_SHIFT), end);
	return 0;
}

/*
 * fallocate: allocation reserves blocks (the model has none to reserve)
 * and grows the file unless FALLOC_FL_KEEP_SIZE; no page is cached.
 */
static long diskfs_fallocate(struct file *file, int mode, loff_t offset,
			     loff_t len)
{
	struct inode *inode = file->f_inode;

	if (offset + len > DISKFS_MAX_BYTES)
		return -EFBIG;
	if (mode & FALLOC_FL_PUNCH_HOLE)
		return diskfs_punch_hole(inode, offset, len);
	if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + len > inode->i_size)
		inode->i_size = offset + len;
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
	char path[264];
	struct inode *inode;
	struct file *f;

	machine_enter(m);
	if (!name || strlen(name) > 255)	/* NAME_MAX */
		return -ENAMETOOLONG;
	snprintf(path, sizeof(path), "var/tmp/%s", name);
	inode = new_inode(path);
	if (!inode)
		return -ENOMEM;
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
