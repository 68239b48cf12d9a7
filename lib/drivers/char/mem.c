// SPDX-License-Identifier: GPL-2.0
/*
 * mem.c - /dev/mem and /dev/zero (drivers/char/mem.c).
 *
 * mem: the model's I/O region, PFNs without struct page
 * (mmsim_io_region()).  File offset 0 is the first I/O frame (the model's
 * stand-in for its physical address).  ->mmap remap_pfn_range()s the
 * whole VMA, as mmap_mem() does; MAP_PRIVATE is allowed, so a write fault
 * copies the frame into an anonymous folio inside the PFN map - the case
 * seed 002 argues about: vm_normal_page() finds those folios by the
 * special bit alone.  Errors as in mmap_mem(): a range outside the region
 * is -EPERM (range_is_allowed), a range past the end of the PFN space
 * -EINVAL, a failed remap -EAGAIN (a PAT memtype conflict among them).
 * `open F mem [cache=wb|wc|uc-|uc]`: the cache mode mmap asks for
 * (default wb, as x86 mmap_mem without O_DSYNC); kept in private_data.
 *
 * zero: a private mapping of /dev/zero is anonymous memory (the VMA keeps
 * the file, as the kernel's does), a shared one a fresh shmem object.
 */
#include <mmsim/driver.h>

static const char *const cache_modes[] = {
	[_PAGE_CACHE_MODE_WB] = "wb", [_PAGE_CACHE_MODE_WC] = "wc",
	[_PAGE_CACHE_MODE_UC_MINUS] = "uc-", [_PAGE_CACHE_MODE_UC] = "uc",
	NULL,
};

static int mmap_mem(struct file *file, struct vm_area_struct *vma)
{
	enum page_cache_mode pcm = (enum page_cache_mode)(uintptr_t)file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start, start, nr;

	mmsim_io_region(&start, &nr);
	if (vma->vm_pgoff + vma_pages(vma) < vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > nr)
		return -EPERM;
	vma->vm_page_prot = __pgprot((pgprot_val(vma->vm_page_prot) & ~_PAGE_CACHE_MASK) |
				     cachemode2protval(pcm));
	if (remap_pfn_range(vma, vma->vm_start, start + vma->vm_pgoff, size,
			    vma->vm_page_prot))
		return -EAGAIN;
	return 0;	/* a COW mapping now has vm_pgoff == its first PFN */
}

static int open_mem(struct file *file, const char *options)
{
	int pcm = _PAGE_CACHE_MODE_WB;

	if (driver_option_match(options, "cache", cache_modes, &pcm))
		return -EINVAL;
	file->private_data = (void *)(uintptr_t)pcm;
	return 0;
}

static const struct file_operations mem_fops = {
	.name = "/dev/mem",
	.mmap = mmap_mem,
};

static const struct mmsim_driver mem_driver = {
	.name = "mem",
	.fops = &mem_fops,
	.options = (const char *const[]){ "cache", NULL },
	.open = open_mem,
};

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

static const struct mmsim_driver zero_driver = {
	.name = "zero",
	.fops = &zero_fops,
};

MMSIM_MODULE(&mem_driver, &zero_driver);
