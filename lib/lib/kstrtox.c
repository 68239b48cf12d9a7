// SPDX-License-Identifier: GPL-2.0
/*
 * kstrtox.c - kstrtoul(), as lib/kstrtox.c: a whole string as one
 * unsigned number, for drivers' model-only commands (driver.h).
 */
#include <stdlib.h>

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
