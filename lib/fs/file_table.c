// SPDX-License-Identifier: GPL-2.0
/*
 * file_table.c - the life of a struct file: allocated with a reference
 * on its inode (alloc_file), shared by VMAs and descriptors
 * (get_file), and freed by the last fput(), which calls the driver's
 * ->release and drops the inode.
 *
 * Every open file is counted in the machine (nr_files): a file left
 * open once every task has exited is a leak, and mm_check() says so.
 */
#include "internal.h"

struct file *alloc_file(struct inode *inode,
			const struct file_operations *fops, unsigned int mode)
{
	struct machine *m = current_machine();
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_mode = mode;
	f->f_op = fops;
	f->f_inode = inode;
	f->f_mapping = inode ? &inode->i_data : NULL;
	f->machine = m;
	file_ra_state_init(&f->f_ra, f->f_mapping);
	m->nr_files++;
	return f;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

void fput(struct file *f)
{
	struct machine *m;

	if (!f)
		return;
	m = f->machine;
	machine_enter(m);
	if (--f->f_count)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	if (f->f_inode)
		iput(f->f_inode);
	m->nr_files--;
	kfree(f);
}
