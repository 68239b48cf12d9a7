// SPDX-License-Identifier: GPL-2.0
/*
 * devices.c - opening model devices by name, and the simplest of them,
 * /dev/zero: a private mapping of it is anonymous memory (the VMA keeps
 * the file, as the kernel's does), a shared one is a fresh shmem object.
 */
#include "internal.h"

static const struct mm_device *const devices[] = {
	&zero_device,
	&perf_device,
};

int device_open(struct machine *m, const char *device, const char *options,
		struct file **out)
{
	for (size_t i = 0; i < ARRAY_SIZE(devices); i++)
		if (!strcmp(devices[i]->name, device))
			return devices[i]->open(m, options ? options : "", out);
	return -ENODEV;
}

static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_ops = NULL;
	return 0;
}

static const struct file_operations zero_fops = {
	.name = "/dev/zero",
	.mmap = mmap_zero,
};

static int zero_open(struct machine *m, const char *options, struct file **out)
{
	struct inode *inode = shmem_inode_create(m, "anon_inode");
	struct file *f = inode ? alloc_file(m, inode, &zero_fops, FMODE_READ | FMODE_WRITE) : NULL;

	if (!f) {
		if (inode)
			iput(inode);
		return -ENOMEM;
	}
	*out = f;
	return 0;
}

const struct mm_device zero_device = {
	.name = "zero",
	.open = zero_open,
};
