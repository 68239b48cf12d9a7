// SPDX-License-Identifier: GPL-2.0
/*
 * kstrtox.c - kstrtoul(), as lib/kstrtox.c: a whole string as one
 * unsigned number, for drivers' model-only commands (driver.h); and
 * kstrtolen(), the same with the unit suffixes scenarios use.
 */
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	char *end;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return -EINVAL;
	errno = 0;
	*res = strtoul(s, &end, (int)base);
	if (*end)
		return -EINVAL;
	return errno == ERANGE ? -ERANGE : 0;
}

int kstrtolen(const char *s, unsigned long *res)
{
	static const char units[] = "pkmg";
	static const unsigned int shift[] = { PAGE_SHIFT, 10, 20, 30 };
	const char *u;
	unsigned long v;
	char *end;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || end == s)
		return -EINVAL;
	if (*end) {
		u = strchr(units, *end | 0x20);
		if (!u || !*u || end[1] || v > (~0UL >> shift[u - units]))
			return -EINVAL;
		v <<= shift[u - units];
	}
	*res = v;
	return 0;
}
