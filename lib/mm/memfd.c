// SPDX-License-Identifier: GPL-2.0
/*
 * memfd.c - memfd_create(2): an unlinked shmem file named "memfd:NAME".
 */
#include "internal.h"

int sys_memfd_create(struct machine *m, const char *name, struct file **out)
{
	char full[264];
	struct inode *inode;
	struct file *f;

	machine_enter(m);
	if (!name || strlen(name) > 249)
		return -EINVAL;
	snprintf(full, sizeof(full), "memfd:%s", name);
	inode = shmem_inode_create(full);
	if (!inode)
		return -ENOMEM;
	f = alloc_file(inode, &shmem_file_operations, FMODE_READ | FMODE_WRITE);
	if (!f) {
		iput(inode);
		return -ENOMEM;
	}
	*out = f;
	return 0;
}
