// SPDX-License-Identifier: GPL-2.0
/*
 * dupname.c - a driver that takes the name of a built-in one (perf):
 * loading it must fail with exit 2, and leave perf as it was.
 */
#include <mmsim/driver.h>

static const struct file_operations dup_fops = { .name = "/dev/dup" };
static const struct mmsim_driver dup_driver = {
	.name = "perf",
	.fops = &dup_fops,
};

MMSIM_MODULE(&dup_driver);
