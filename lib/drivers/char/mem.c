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
 * The mmap hook follows `design hook=` (mmsim_design("hook")): ->mmap
 * remap_pfn_range()s from inside the hook (Linux 1.0-6.18 for /dev/mem);
 * under mmap_action (6.19, "mm: update mem char driver to use
 * mmap_prepare") ->mmap_prepare asks for MMAP_REMAP_PFN and the core maps
 * (and PAT-tracks) the range once the VMA exists, a failure turned into
 * -EAGAIN by the action's error hook.  What user space sees is the same.
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

/* The values of `design hook=`, in the order of its table (designs.c). */
enum { HOOK_MMAP, HOOK_MMAP_PREPARE, HOOK_MMAP_ACTION };

/* mmap_mem()'s checks: 0, -EINVAL or -EPERM; *pfn the first frame. */
static int mem_range(pgoff_t pgoff, unsigned long pages, unsigned long *pfn)
{
	unsigned long start, nr;

	mmsim_io_region(&start, &nr);
	if (pgoff + pages < pgoff)
		return -EINVAL;
	if (pgoff + pages > nr)
		return -EPERM;
	*pfn = start + pgoff;
	return 0;
}

static pgprot_t mem_prot(struct file *file, pgprot_t prot)
{
	enum page_cache_mode pcm = (enum page_cache_mode)(uintptr_t)file->private_data;

	return __pgprot((pgprot_val(prot) & ~_PAGE_CACHE_MASK) |
			cachemode2protval(pcm));
}

static int mmap_mem(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start, pfn;
	int err = mem_range(vma->vm_pgoff, vma_pages(vma), &pfn);

	if (err)
		return err;
	vma->vm_page_prot = mem_prot(file, vma->vm_page_prot);
	if (remap_pfn_range(vma, vma->vm_start, pfn, size, vma->vm_page_prot))
		return -EAGAIN;
	return 0;	/* a COW mapping now has vm_pgoff == its first PFN */
}

static int mem_eagain(int err)
{
	return -EAGAIN;
}

static int mmap_mem_prepare(struct vm_area_desc *desc)
{
	unsigned long pages = (desc->end - desc->start) >> PAGE_SHIFT, pfn;
	int err = mem_range(desc->pgoff, pages, &pfn);

	if (err)
		return err;
	desc->page_prot = mem_prot(desc->file, desc->page_prot);
	remap_pfn_range_prepare(desc, pfn);
	desc->action.error_hook = mem_eagain;
	return 0;
}

static const struct file_operations mem_fops[] = {
	[HOOK_MMAP] = { .name = "/dev/mem", .mmap = mmap_mem },
	[HOOK_MMAP_PREPARE] = { .name = "/dev/mem", .mmap = mmap_mem },
	[HOOK_MMAP_ACTION] = { .name = "/dev/mem", .mmap_prepare = mmap_mem_prepare },
};

static int open_mem(struct file *file, const char *options)
{
	int pcm = _PAGE_CACHE_MODE_WB, hook = mmsim_design("hook");

	if (hook < 0 || driver_option_match(options, "cache", cache_modes, &pcm))
		return -EINVAL;
	file->f_op = &mem_fops[hook];
	file->private_data = (void *)(uintptr_t)pcm;
	return 0;
}

static const struct mmsim_driver mem_driver = {
	.name = "mem",
	.fops = &mem_fops[HOOK_MMAP],
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
