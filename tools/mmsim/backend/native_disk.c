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
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "backend.h"

/* The number in @path, or -1. */
static long read_kb(const char *path)
{
	FILE *f = fopen(path, "r");
	long v = -1;

	if (f) {
		if (fscanf(f, "%ld", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
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
	char dev[64], path[160];
	struct stat st;

	if (stat("/var/tmp", &st))
		return;
	snprintf(dev, sizeof(dev), "/sys/dev/block/%u:%u", major(st.st_dev),
		 minor(st.st_dev));
	for (size_t i = 0; i < sizeof(queues) / sizeof(queues[0]); i++) {
		char q[96];
		long ra;

		snprintf(q, sizeof(q), "%s/%s", dev, queues[i]);
		snprintf(path, sizeof(path), "%s/read_ahead_kb", q);
		ra = read_kb(path);
		if (ra < 0)
			continue;
		set_kb(p, "read_ahead_kb", ra);
		snprintf(path, sizeof(path), "%s/max_sectors_kb", q);
		set_kb(p, "max_sectors_kb", read_kb(path));
		return;
	}
	snprintf(path, sizeof(path), "/sys/class/bdi/%u:%u/read_ahead_kb",
		 major(st.st_dev), minor(st.st_dev));
	set_kb(p, "read_ahead_kb", read_kb(path));
}
