// SPDX-License-Identifier: GPL-2.0
/*
 * open.c - ftruncate(2): the checks on the open file, then the inode's
 * ->setattr with ATTR_SIZE, which does the filesystem's part (shmem:
 * zap the mappings of what goes, drop the pages, check the seals).
 */
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
