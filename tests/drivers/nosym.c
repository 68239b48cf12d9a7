// SPDX-License-Identifier: GPL-2.0
/*
 * nosym.c - a shared object that is not an mmsim driver: it exports no
 * mmsim_module, so `mmsim run --driver=nosym.so` must refuse it (exit 2).
 */
#include <mmsim/driver.h>

int nosym_answer(void);

int nosym_answer(void)
{
	return 42;
}
