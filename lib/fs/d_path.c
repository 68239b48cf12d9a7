// SPDX-License-Identifier: GPL-2.0
/*
 * d_path.c - the name of an open file as /proc/PID/maps prints it: the
 * driver's name for device files ("/dev/zero", "anon_inode:[perf_event]"),
 * otherwise "/NAME (deleted)" for the unlinked shmem inodes behind memfds
 * and shared anonymous memory.
 */
#include "internal.h"

const char *file_path_name(struct file *f, char *buf, size_t size)
{
	if (f->f_op && f->f_op->name)
		snprintf(buf, size, "%s", f->f_op->name);
	else if (f->f_inode)
		snprintf(buf, size, "/%s (deleted)", f->f_inode->name);
	else
		snprintf(buf, size, "anon_inode:[unknown]");
	return buf;
}
