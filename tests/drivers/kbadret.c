// SPDX-License-Identifier: GPL-2.0
/*
 * kbadret.c - a misbehaving driver: ->fault returns a value that is no
 * vm_fault_t.  The access must get SIGBUS (not crash mmsim) and mm_check
 * must report the driver and the value.
 */
#include <mmsim/driver.h>

static vm_fault_t kbadret_fault(struct vm_fault *vmf)
{
	return 0x40000000;
}

static const struct vm_operations_struct kbadret_vm_ops = {
	.fault = kbadret_fault,
};

static int kbadret_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &kbadret_vm_ops;
	return 0;
}

static const struct file_operations kbadret_fops = {
	.name = "/dev/kbadret",
	.mmap = kbadret_mmap,
};

static const struct mmsim_driver kbadret_driver = {
	.name = "kbadret",
	.fops = &kbadret_fops,
};

MMSIM_MODULE(&kbadret_driver);
