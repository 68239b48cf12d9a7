// SPDX-License-Identifier: GPL-2.0
#include "interp_int.h"

int svg_write(struct interp *ip, int proc, const char *path)
{
	return bad(ip, "not yet");
}
