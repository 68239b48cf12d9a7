// SPDX-License-Identifier: GPL-2.0
/*
 * profile.c - the configuration profile of the modelled kernel (struct
 * mmsim_profile): its keys, their text values and the kernel's defaults.
 * The same table serves `profile KEY=VALUE` (ctl.c), the scenario
 * interpreter's checks and `require KEY=VALUE`, and the native backend's
 * comparison with what it probed on the host.
 *
 *   zero_page		on|off	anonymous read faults map the zero page
 *   soft_dirty		on|off	CONFIG_MEM_SOFT_DIRTY
 *   thp		always|madvise|never
 *				/sys/kernel/mm/transparent_hugepage/enabled
 *   thp_zero_page	on|off	.../transparent_hugepage/use_zero_page
 *   thp_16k ... thp_2048k	always|inherit|madvise|never
 *				.../hugepages-<size>kB/enabled (anonymous)
 *   thp_max_ptes_none	0..511	.../khugepaged/max_ptes_none: a THP with
 *				more zero-filled pages than this is
 *				underused (511: none is)
 *   thp_shrink_underused on|off .../shrink_underused: the deferred split
 *				shrinker splits underused THPs
 *   max_map_count	1..INT_MAX  vm.max_map_count (default 65530)
 *   read_ahead_kb	0..1048576  the read-ahead window of the disk under
 *				`file`s (queue/read_ahead_kb; default 128,
 *				VM_READAHEAD_PAGES)
 *   max_sectors_kb	0..1048576  its largest I/O (queue/max_sectors_kb:
 *				bdi->io_pages; default 128, what a backing
 *				device without queue limits has)
 *
 * Defaults (Linux 6.18): mm/Kconfig's "Transparent Hugepage Support
 * sysfs defaults" choice defaults to TRANSPARENT_HUGEPAGE_ALWAYS;
 * use_zero_page starts set (TRANSPARENT_HUGEPAGE_USE_ZERO_PAGE_FLAG in
 * transparent_hugepage_flags); hugepage_init_sysfs() leaves the PMD size
 * "inherit" and every smaller anonymous size "never" unless the command
 * line (thp_anon=) said otherwise; max_ptes_none is HPAGE_PMD_NR - 1 and
 * shrink_underused is on.
 */
#include <ctype.h>

#include "internal.h"

static const char *const thp_words[] = {
	[MMSIM_THP_NEVER] = "never",
	[MMSIM_THP_MADVISE] = "madvise",
	[MMSIM_THP_ALWAYS] = "always",
	[MMSIM_THP_INHERIT] = "inherit",
};

void mmsim_profile_defaults(struct mmsim_profile *p)
{
	memset(p, 0, sizeof(*p));
	p->zero_page = true;
	p->soft_dirty = false;
	p->thp_enabled = MMSIM_THP_ALWAYS;
	p->thp_use_zero_page = true;
	for (int order = 0; order <= MMSIM_THP_MAX_ORDER; order++)
		p->thp_anon[order] = MMSIM_THP_NEVER;
	p->thp_anon[MMSIM_THP_MAX_ORDER] = MMSIM_THP_INHERIT;
	p->thp_max_ptes_none = (1 << MMSIM_THP_MAX_ORDER) - 1;
	p->thp_shrink_underused = true;
	p->max_map_count = DEFAULT_MAX_MAP_COUNT;
	p->read_ahead_kb = VM_READAHEAD_PAGES * (PAGE_SIZE >> 10);
	p->max_sectors_kb = VM_READAHEAD_PAGES * (PAGE_SIZE >> 10);
}

/* A decimal number in @min..@max into *@out. */
static int parse_ulong(const char *v, unsigned long min, unsigned long max,
		       unsigned long *out)
{
	char *end;

	if (!isdigit((unsigned char)*v))
		return -EINVAL;
	errno = 0;
	*out = strtoul(v, &end, 10);
	if (*end || errno || *out < min || *out > max)
		return -EINVAL;
	return 0;
}

/* A size in KiB for a block queue limit: 0 .. 1 GiB. */
static int parse_kb(const char *v, unsigned int *out)
{
	unsigned long n;
	int err = parse_ulong(v, 0, 1UL << 20, &n);

	if (!err)
		*out = (unsigned int)n;
	return err;
}

/* vm.max_map_count: 1 .. INT_MAX, as the sysctl takes. */
static int parse_max_map_count(const char *v, int *out)
{
	unsigned long n;
	int err = parse_ulong(v, 1, 0x7fffffffUL, &n);

	if (!err)
		*out = (int)n;
	return err;
}

/* A decimal number in 0..max. */
static int parse_uint(const char *v, unsigned long max, unsigned short *out)
{
	unsigned long n;
	int err = parse_ulong(v, 0, max, &n);

	if (!err)
		*out = (unsigned short)n;
	return err;
}

static int parse_bool(const char *v, bool *out)
{
	if (!strcmp(v, "on") || !strcmp(v, "1") || !strcmp(v, "yes"))
		*out = true;
	else if (!strcmp(v, "off") || !strcmp(v, "0") || !strcmp(v, "no"))
		*out = false;
	else
		return -EINVAL;
	return 0;
}

/* A THP word among thp_words[lo..hi]. */
static int parse_thp(const char *v, int lo, int hi, unsigned char *out)
{
	for (int i = lo; i <= hi; i++) {
		if (!strcmp(v, thp_words[i])) {
			*out = (unsigned char)i;
			return 0;
		}
	}
	return -EINVAL;
}

/* thp_16k .. thp_2048k: the order, or -1. */
static int thp_size_order(const char *key)
{
	char *end;
	unsigned long kb;

	if (strncmp(key, "thp_", 4) || !isdigit((unsigned char)key[4]))
		return -1;
	kb = strtoul(key + 4, &end, 10);
	if (strcmp(end, "k"))
		return -1;
	for (int order = MMSIM_THP_MIN_ORDER; order <= MMSIM_THP_MAX_ORDER; order++)
		if (kb == (PAGE_SIZE << order) >> 10)
			return order;
	return -1;
}

const char *mmsim_profile_values(const char *key)
{
	if (!strcmp(key, "zero_page") || !strcmp(key, "soft_dirty") ||
	    !strcmp(key, "thp_zero_page") || !strcmp(key, "thp_shrink_underused"))
		return "on|off";
	if (!strcmp(key, "thp_max_ptes_none"))
		return "0..511";
	if (!strcmp(key, "max_map_count"))
		return "1..2147483647";
	if (!strcmp(key, "read_ahead_kb") || !strcmp(key, "max_sectors_kb"))
		return "0..1048576";
	if (!strcmp(key, "thp"))
		return "always|madvise|never";
	if (thp_size_order(key) >= 0)
		return "always|inherit|madvise|never";
	return NULL;
}

int mmsim_profile_set(struct mmsim_profile *p, const char *key,
		      const char *value)
{
	int order = thp_size_order(key);

	if (!strcmp(key, "zero_page"))
		return parse_bool(value, &p->zero_page);
	if (!strcmp(key, "soft_dirty"))
		return parse_bool(value, &p->soft_dirty);
	if (!strcmp(key, "thp_zero_page"))
		return parse_bool(value, &p->thp_use_zero_page);
	if (!strcmp(key, "thp_shrink_underused"))
		return parse_bool(value, &p->thp_shrink_underused);
	if (!strcmp(key, "thp_max_ptes_none"))
		return parse_uint(value, (1 << MMSIM_THP_MAX_ORDER) - 1,
				  &p->thp_max_ptes_none);
	if (!strcmp(key, "max_map_count"))
		return parse_max_map_count(value, &p->max_map_count);
	if (!strcmp(key, "read_ahead_kb"))
		return parse_kb(value, &p->read_ahead_kb);
	if (!strcmp(key, "max_sectors_kb"))
		return parse_kb(value, &p->max_sectors_kb);
	if (!strcmp(key, "thp"))
		return parse_thp(value, MMSIM_THP_NEVER, MMSIM_THP_ALWAYS,
				 &p->thp_enabled);
	if (order >= 0)
		return parse_thp(value, MMSIM_THP_NEVER, MMSIM_THP_INHERIT,
				 &p->thp_anon[order]);
	return -ENOENT;
}

int mmsim_profile_get(const struct mmsim_profile *p, const char *key,
		      char *buf, size_t size)
{
	int order = thp_size_order(key);
	char num[16];
	const char *v;

	if (!strcmp(key, "zero_page"))
		v = p->zero_page ? "on" : "off";
	else if (!strcmp(key, "soft_dirty"))
		v = p->soft_dirty ? "on" : "off";
	else if (!strcmp(key, "thp_zero_page"))
		v = p->thp_use_zero_page ? "on" : "off";
	else if (!strcmp(key, "thp_shrink_underused"))
		v = p->thp_shrink_underused ? "on" : "off";
	else if (!strcmp(key, "thp_max_ptes_none")) {
		snprintf(num, sizeof(num), "%u", p->thp_max_ptes_none);
		v = num;
	} else if (!strcmp(key, "max_map_count")) {
		snprintf(num, sizeof(num), "%d", p->max_map_count);
		v = num;
	} else if (!strcmp(key, "read_ahead_kb")) {
		snprintf(num, sizeof(num), "%u", p->read_ahead_kb);
		v = num;
	} else if (!strcmp(key, "max_sectors_kb")) {
		snprintf(num, sizeof(num), "%u", p->max_sectors_kb);
		v = num;
	} else if (!strcmp(key, "thp"))
		v = thp_words[p->thp_enabled];
	else if (order >= 0)
		v = thp_words[p->thp_anon[order]];
	else
		return -ENOENT;
	snprintf(buf, size, "%s", v);
	return 0;
}
