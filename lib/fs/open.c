// SPDX-License-Identifier: GPL-2.0
/*
 * open.c - ftruncate(2), fallocate(2) and a second open of a file: the
 * checks on the open file, then the filesystem's part - the inode's
 * ->setattr with ATTR_SIZE (shmem: check the seals, zap the mappings of
 * what goes, drop the pages) or the file's ->fallocate.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "internal.h"

int vfs_truncate(struct file *f, loff_t size)
{
	struct inode *inode = f->f_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = size };

	machine_enter(f->machine);
	if (size < 0)
		return -EINVAL;
	if (!inode || !inode->i_op || !inode->i_op->setattr)
		return -EINVAL;
	if (!(f->f_mode & FMODE_WRITE))
		return -EINVAL;
	return inode->i_op->setattr(inode, &attr);
}

/*
 * vfs_fallocate - the checks fallocate(2) makes before the filesystem's
 * ->fallocate: arguments (EINVAL), modes (EOPNOTSUPP; a hole must keep
 * the size), the open mode (EBADF), the file type (ENODEV), the size
 * limit (EFBIG).
 */
long vfs_fallocate(struct file *f, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = f->f_inode;
	loff_t end;

	machine_enter(f->machine);
	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!inode || !S_ISREG(inode->i_mode))
		return -ENODEV;
	if (__builtin_add_overflow(offset, len, &end) || end > MAX_LFS_FILESIZE)
		return -EFBIG;
	if (!f->f_op->fallocate)
		return -EOPNOTSUPP;
	return f->f_op->fallocate(f, mode, offset, len);
}

/*
 * dentry_open - open @f's inode again, as open("/proc/self/fd/N") does:
 * a new open file description with its own mode.  The model reopens
 * memfds and tmpfiles only.
 */
int dentry_open(struct file *f, int flags, struct file **out)
{
	unsigned int mode;
	struct file *nf;
	int err;

	machine_enter(f->machine);
	switch (flags & O_ACCMODE) {
	case O_RDONLY: mode = FMODE_READ; break;
	case O_WRONLY: mode = FMODE_WRITE; break;
	case O_RDWR: mode = FMODE_READ | FMODE_WRITE; break;
	default: return -EINVAL;
	}
	if (flags & ~(O_ACCMODE | O_TRUNC))
		return -EINVAL;
	if (!shmem_file(f) && !diskfs_file(f))
		return -ENXIO;
	nf = alloc_file(f->f_inode, f->f_op, mode);
	if (!nf)
		return -ENOMEM;
	f->f_inode->i_count++;
	if (flags & O_TRUNC) {
		struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = 0 };

		err = f->f_inode->i_op->setattr(f->f_inode, &attr);
		if (err) {
			fput(nf);
			return err;
		}
	}
	*out = nf;
	return 0;
}
