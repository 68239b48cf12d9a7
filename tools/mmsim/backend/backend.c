// SPDX-License-Identifier: GPL-2.0
/*
 * backend.c - what both backends share: releasing a result.
 */
#include <stdlib.h>
#include <string.h>

#include "backend.h"

void bres_clear(struct bres *r)
{
	free(r->text);
	memset(r, 0, sizeof(*r));
}
