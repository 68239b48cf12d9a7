// SPDX-License-Identifier: GPL-2.0
/*
 * native_disk.c - the queue limits of the disk under the host's `file`s
 * (an O_TMPFILE in /var/tmp): read_ahead_kb, the read-ahead window, and
 * max_sectors_kb, its largest I/O - the profile keys of the same names,
 * which the model's read-ahead reads (lib/mm/readahead.c).  Read from
 * sysfs, never written.  A partition reads its disk's queue; a
 * filesystem with no block device of its own (major 0) its backing
 * device's read_ahead_kb; what cannot be read keeps the default.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "backend.h"

/*
 * The number in @name under the directory @dir, or -1.  One openat() and
 * one read(): no stdio stream (its fstat and buffer) and no path walk
 * from the root for each file.
 */
static long read_kb(int dir, const char *name)
{
	char buf[32], *end;
	int fd = dir >= 0 ? openat(dir, name, O_RDONLY | O_CLOEXEC) : -1;
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	long v;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	v = strtol(buf, &end, 10);
	return end == buf ? -1 : v;
}

static void set_kb(struct mmsim_profile *p, const char *key, long kb)
{
	char v[24];

	if (kb < 0)
		return;
	snprintf(v, sizeof(v), "%ld", kb);
	mmsim_profile_set(p, key, v);
}

void native_probe_disk(struct mmsim_profile *p)
{
	static const char *const queues[] = { "queue", "../queue" };
	char path[64], name[32];
	struct stat st;
	int dev;

	if (stat("/var/tmp", &st))
		return;
	snprintf(path, sizeof(path), "/sys/dev/block/%u:%u", major(st.st_dev),
		 minor(st.st_dev));
	dev = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (size_t i = 0; dev >= 0 && i < sizeof(queues) / sizeof(queues[0]); i++) {
		long ra;

		snprintf(name, sizeof(name), "%s/read_ahead_kb", queues[i]);
		ra = read_kb(dev, name);
		if (ra < 0)
			continue;
		set_kb(p, "read_ahead_kb", ra);
		snprintf(name, sizeof(name), "%s/max_sectors_kb", queues[i]);
		set_kb(p, "max_sectors_kb", read_kb(dev, name));
		close(dev);
		return;
	}
	if (dev >= 0)
		close(dev);
	snprintf(path, sizeof(path), "/sys/class/bdi/%u:%u", major(st.st_dev),
		 minor(st.st_dev));
	dev = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	set_kb(p, "read_ahead_kb", read_kb(dev, "read_ahead_kb"));
	if (dev >= 0)
		close(dev);
}
