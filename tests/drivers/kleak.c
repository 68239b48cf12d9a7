// SPDX-License-Identifier: GPL-2.0
/*
 * kleak.c - a misbehaving driver: ->open allocates a page, ->release
 * forgets it.  Once every file and process is gone, mm_check must report
 * the leaked frame and the driver that allocated it.
 */
#include <mmsim/driver.h>

static int kleak_open(struct file *file, const char *options)
{
	file->private_data = alloc_page(GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
}

static int kleak_mmap(struct file *file, struct vm_area_struct *vma)
{
	return vm_insert_page(vma, vma->vm_start, file->private_data);
}

static void kleak_release(struct file *file)
{
	/* the bug: no put_page(file->private_data) */
}

static const struct file_operations kleak_fops = {
	.name = "/dev/kleak",
	.mmap = kleak_mmap,
	.release = kleak_release,
};

static const struct mmsim_driver kleak_driver = {
	.name = "kleak",
	.fops = &kleak_fops,
	.open = kleak_open,
};

MMSIM_MODULE(&kleak_driver);
