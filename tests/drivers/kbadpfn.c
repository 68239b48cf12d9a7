// SPDX-License-Identifier: GPL-2.0
/*
 * kbadpfn.c - a misbehaving driver: ->mmap maps a PFN beyond the
 * physical address space (a bad physical-address computation).  The
 * mapping must fail (EINVAL) rather than map whatever frame the cut-down
 * PFN names, and mm_check must report the driver.
 */
#include <mmsim/driver.h>

static int kbadpfn_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, 1UL << 40,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations kbadpfn_fops = {
	.name = "/dev/kbadpfn",
	.mmap = kbadpfn_mmap,
};

static const struct mmsim_driver kbadpfn_driver = {
	.name = "kbadpfn",
	.fops = &kbadpfn_fops,
};

MMSIM_MODULE(&kbadpfn_driver);
