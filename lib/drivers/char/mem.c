// SPDX-License-Identifier: GPL-2.0
/*
 * mem.c - /dev/mem over the model's I/O region: PFNs without struct
 * page (machine_io_range()).  File offset 0 is the first I/O frame (the
 * model's stand-in for its physical address).  ->mmap remap_pfn_range()s
 * the whole VMA, as drivers/char/mem.c mmap_mem() does; MAP_PRIVATE is
 * allowed, so a write fault copies the frame into an anonymous folio
 * inside the PFN map - the case seed 002 argues about: vm_normal_page()
 * finds those folios by the special bit alone.
 *
 * Errors as in mmap_mem(): a range outside the region is -EPERM
 * (range_is_allowed), a range past the end of the PFN space -EINVAL,
 * a failed remap -EAGAIN (a PAT memtype conflict among them).
 *
 * `open F mem [cache=wb|wc|uc-|uc]`: the cache mode mmap asks for
 * (default wb, as x86 mmap_mem without O_DSYNC); kept in private_data.
 */
#include "internal.h"

static int mmap_mem(struct file *file, struct vm_area_struct *vma)
{
	struct machine *m = file->machine;
	unsigned long size = vma->vm_end - vma->vm_start, start, nr;

	machine_io_range(m, &start, &nr);
	if (vma->vm_pgoff + vma_pages(vma) < vma->vm_pgoff)
		return -EINVAL;
	if (vma->vm_pgoff + vma_pages(vma) > nr)
		return -EPERM;
	pgprot_set_cachemode(&vma->vm_page_prot,
			     (enum page_cache_mode)(uintptr_t)file->private_data);
	if (remap_pfn_range(vma, vma->vm_start, start + vma->vm_pgoff, size,
			    vma->vm_page_prot))
		return -EAGAIN;
	return 0;	/* a COW mapping now has vm_pgoff == its first PFN */
}

static const struct file_operations mem_fops = {
	.name = "/dev/mem",
	.mmap = mmap_mem,
};

static int mem_open(struct machine *m, const char *options, struct file **out)
{
	static const char *const known[] = { "cache", NULL };
	enum page_cache_mode pcm = _PAGE_CACHE_MODE_WB;
	char val[8];
	struct file *f;

	if (device_check_options(options, known))
		return -EINVAL;
	if (!device_option(options, "cache", val, sizeof(val)) &&
	    cattr_parse(val, &pcm))
		return -EINVAL;
	f = device_file_alloc("mem", &mem_fops);
	if (!f) {
		return -ENOMEM;
	}
	f->private_data = (void *)(uintptr_t)pcm;
	*out = f;
	return 0;
}

const struct mm_device mem_device = {
	.name = "mem",
	.open = mem_open,
};
