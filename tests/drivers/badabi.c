// SPDX-License-Identifier: GPL-2.0
/*
 * badabi.c - a driver built for another driver ABI: its mmsim_module
 * says so, and mmsim must refuse to load it (exit 2) rather than call
 * into structures of another layout.
 */
#include <mmsim/driver.h>

static const struct file_operations badabi_fops = { .name = "/dev/badabi" };
static const struct mmsim_driver badabi_driver = {
	.name = "badabi",
	.fops = &badabi_fops,
};

extern const struct mmsim_module mmsim_module;
const struct mmsim_module mmsim_module = {
	.abi_version = MMSIM_DRIVER_ABI + 1000,
	.drivers = (const struct mmsim_driver *const[]){ &badabi_driver, NULL },
};
