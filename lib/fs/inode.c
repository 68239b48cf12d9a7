// SPDX-License-Identifier: GPL-2.0
/*
 * inode.c - the life of an inode: new_inode() for files with nothing
 * behind them (devices), inode_init() for filesystems that embed the
 * inode in their own structure (shmem), and the last iput(), which drops
 * the page cache and hands the inode back to its filesystem.  Inodes are
 * counted in the machine (nr_inodes) so that one outliving every file is
 * reported as a leak.
 */
#include "internal.h"

void iput(struct inode *inode)
{
	struct machine *m = inode->machine;

	if (--inode->i_count)
		return;
	truncate_inode_pages(&inode->i_data, 0);
	list_del(&inode->i_sb_list);
	m->nr_inodes--;
	inode->i_sop->free_inode(inode);
}

static void free_inode_nonrcu(struct inode *inode)
{
	kfree(inode);
}

static const struct super_operations simple_super_operations = {
	.free_inode = free_inode_nonrcu,
};

void inode_init(struct inode *inode, const char *name)
{
	struct machine *m = current_machine();

	inode->i_count = 1;
	inode->machine = m;
	inode->i_data.host = inode;
	inode->i_data.i_mmap = RB_ROOT;
	snprintf(inode->name, sizeof(inode->name), "%s", name);
	list_add_tail(&inode->i_sb_list, &m->inodes);
	m->nr_inodes++;
}

struct inode *new_inode(const char *name)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode_init(inode, name);
	inode->i_sop = &simple_super_operations;
	return inode;
}
