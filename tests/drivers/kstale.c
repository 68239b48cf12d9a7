// SPDX-License-Identifier: GPL-2.0
/*
 * kstale.c - a misbehaving driver: ->mmap maps a page it has just freed
 * (remap_pfn_range of a kernel page, then put_page of its only
 * reference).  The special entry now maps a free frame; mm_check must
 * report it, naming the driver.
 */
#include <mmsim/driver.h>

static int kstale_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int err;

	if (!page)
		return -ENOMEM;
	err = remap_pfn_range(vma, vma->vm_start, page_to_pfn(page), PAGE_SIZE,
			      vma->vm_page_prot);
	put_page(page);		/* the bug: the entry outlives the page */
	return err;
}

static const struct file_operations kstale_fops = {
	.name = "/dev/kstale",
	.mmap = kstale_mmap,
};

static const struct mmsim_driver kstale_driver = {
	.name = "kstale",
	.fops = &kstale_fops,
};

MMSIM_MODULE(&kstale_driver);
