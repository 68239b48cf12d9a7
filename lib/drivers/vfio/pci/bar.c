// SPDX-License-Identifier: GPL-2.0
/*
 * bar.c - a PCI BAR mapped the way vfio-pci maps one: ->mmap only
 * sets VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP and uncached protection;
 * entries are inserted on demand by ->huge_fault with a PUD- or PMD-level
 * special leaf where the address and the PFN are both aligned and the
 * leaf fits in the VMA, and a special PTE elsewhere (->fault is
 * ->huge_fault at order 0).
 *
 * `open F bar [size=BYTES]` (default 4 MiB; k, m, g suffixes): a BAR that
 * fits in the I/O region sits at its start (PUD-aligned); a larger one
 * sits in the PFN hole above it, PUD-aligned, where nothing answers:
 * reads see all ones, writes are dropped.  MAP_PRIVATE is -EINVAL and a
 * range past the BAR is -EINVAL (vfio_pci_core_mmap).
 */
#include <mmsim/driver.h>

struct bar {
	unsigned long pfn;		/* first PFN */
	unsigned long nr_pages;
};

static vm_fault_t bar_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	struct vm_area_struct *vma = vmf->vma;
	struct bar *bar = vma->vm_private_data;
	unsigned long size = PAGE_SIZE << order;
	unsigned long addr = vmf->address & ~(size - 1);
	unsigned long pfn = bar->pfn + vma->vm_pgoff +
			    ((addr - vma->vm_start) >> PAGE_SHIFT);

	if (order && (addr < vma->vm_start || addr + size > vma->vm_end ||
		      (pfn & ((1UL << order) - 1))))
		return VM_FAULT_FALLBACK;
	if (order == PUD_SHIFT - PAGE_SHIFT)
		return vmf_insert_pfn_pud(vmf, pfn, vmf->flags & FAULT_FLAG_WRITE);
	if (order == PMD_SHIFT - PAGE_SHIFT)
		return vmf_insert_pfn_pmd(vmf, pfn, vmf->flags & FAULT_FLAG_WRITE);
	if (order)
		return VM_FAULT_FALLBACK;
	return vmf_insert_pfn(vma, vmf->address, pfn);
}

static vm_fault_t bar_fault(struct vm_fault *vmf)
{
	return bar_huge_fault(vmf, 0);
}

static const struct vm_operations_struct bar_vmops = {
	.fault = bar_fault,
	.huge_fault = bar_huge_fault,
};

static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bar *bar = file->private_data;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff > bar->nr_pages ||
	    vma_pages(vma) > bar->nr_pages - vma->vm_pgoff)
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_page_prot = __pgprot(pgprot_val(vma->vm_page_prot) | _PAGE_PCD);
	vma->vm_private_data = bar;
	vma->vm_ops = &bar_vmops;
	return 0;
}

static void bar_release(struct file *file)
{
	kfree(file->private_data);
}

static int bar_open(struct file *file, const char *options)
{
	unsigned long size = 4UL << 20, io_start, io_pages;
	struct bar *bar;

	if (driver_option_ulong(options, "size", PAGE_SIZE, 1UL << 46, &size) ||
	    !IS_ALIGNED(size, PAGE_SIZE))
		return -EINVAL;
	bar = kzalloc(sizeof(*bar), GFP_KERNEL);
	if (!bar)
		return -ENOMEM;
	mmsim_io_region(&io_start, &io_pages);
	bar->nr_pages = size >> PAGE_SHIFT;
	bar->pfn = io_start;
	if (bar->nr_pages > io_pages)
		bar->pfn = ALIGN(io_start + io_pages, PUD_SIZE >> PAGE_SHIFT);
	file->private_data = bar;
	return 0;
}

static const struct file_operations bar_fops = {
	.name = "/dev/vfio/devices/vfio0",
	.mmap = bar_mmap,
	.release = bar_release,
};

static const struct mmsim_driver bar_driver = {
	.name = "bar",
	.fops = &bar_fops,
	.options = (const char *const[]){ "size", NULL },
	.open = bar_open,
};

MMSIM_MODULE(&bar_driver);
