// SPDX-License-Identifier: GPL-2.0
/*
 * secretmem.c - memfd_secret(2) (Linux 5.14, on by default since 6.5):
 * memory only the process that maps it can reach, as mm/secretmem.c.
 *
 * A secretmem file is a pseudo file with a page cache and nothing else:
 *
 *  - no read, write, pread or pwrite (no ->read_iter/->write_iter, and
 *    the file is opened without FMODE_PREAD/FMODE_PWRITE: ESPIPE),
 *    no fallocate, no fsync, no seals;
 *  - its size can be set once, while it is 0 (ftruncate); after that
 *    every size change is EINVAL;
 *  - it maps MAP_SHARED only (EINVAL otherwise), always VM_LOCKED and
 *    VM_DONTDUMP: the mapping is charged to RLIMIT_MEMLOCK at mmap
 *    (EAGAIN past it) and munlock leaves it locked (mlock.c), but mmap
 *    faults nothing in - populating goes through GUP, which refuses;
 *  - a fault allocates the page into the cache (in the kernel it then
 *    leaves the direct map; the model has no direct map to leave); a
 *    fault past the size is SIGBUS;
 *  - GUP refuses its VMAs (vma_is_secretmem() in gup.c's
 *    check_vma_flags(): EFAULT), so no pin, no /proc/PID/mem or ptrace
 *    access (EIO), no process_vm_readv, and no mlock or MADV_POPULATE_*
 *    population (ENOMEM and EINVAL).
 *
 * Its pseudo filesystem is noexec (init_pseudo()'s SB_I_NOEXEC): a
 * mapping has no VM_MAYEXEC, and PROT_EXEC is EPERM.  /proc/PID/maps
 * names it "/secretmem (deleted)".
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "internal.h"

static pgoff_t secretmem_size_pages(struct inode *inode)
{
	return (pgoff_t)((inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

/* The page at @vmf->pgoff, from the cache or freshly allocated into it. */
static vm_fault_t secretmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	struct address_space *mapping = &inode->i_data;
	struct folio *folio;

	if (vmf->pgoff >= secretmem_size_pages(inode))
		return VM_FAULT_SIGBUS;
	folio = filemap_get_folio(mapping, vmf->pgoff);
	if (!folio) {
		folio = folio_alloc(GFP_HIGHUSER_MOVABLE, 0);
		if (!folio)
			return VM_FAULT_OOM;
		SetPageUptodate(&folio->page);
		if (filemap_add_folio(mapping, folio, vmf->pgoff)) {
			folio_put(folio);
			return VM_FAULT_OOM;
		}
	}
	folio_get(folio);
	vmf->page = &folio->page;
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct secretmem_vm_ops = {
	.fault = secretmem_fault,
};

/* secretmem_mmap_prepare(): shared only, locked and charged as such. */
static int secretmem_mmap_prepare(struct vm_area_desc *desc)
{
	unsigned long len = desc->end - desc->start;

	if (!(desc->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return -EINVAL;
	if (!mlock_future_ok(desc->mm, desc->vm_flags | VM_LOCKED, len))
		return -EAGAIN;
	desc->vm_flags |= VM_LOCKED | VM_DONTDUMP;
	desc->vm_ops = &secretmem_vm_ops;
	return 0;
}

static const struct file_operations secretmem_fops = {
	.mmap_prepare = secretmem_mmap_prepare,
};

/* secretmem_setattr(): the size is set once. */
static int secretmem_setattr(struct inode *inode, struct iattr *attr)
{
	if (!(attr->ia_valid & ATTR_SIZE))
		return 0;
	if (inode->i_size)
		return -EINVAL;
	if (attr->ia_size > MAX_LFS_FILESIZE)
		return -EFBIG;
	inode->i_size = attr->ia_size;
	return 0;
}

static const struct inode_operations secretmem_iops = {
	.setattr = secretmem_setattr,
};

bool vma_is_secretmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &secretmem_vm_ops;
}

/**
 * sys_memfd_secret - memfd_secret(2): a new secretmem file.
 * @m:     the machine
 * @flags: O_CLOEXEC or nothing (SECRETMEM_FLAGS_MASK has no mode yet)
 * @out:   the file, opened for reading and writing
 *
 * Context: any task.
 * Return: 0; -EINVAL for other flags, -ENOMEM.
 */
int sys_memfd_secret(struct machine *m, unsigned int flags, struct file **out)
{
	struct inode *inode;
	struct file *f;

	machine_enter(m);
	if (flags & ~(unsigned int)O_CLOEXEC)
		return -EINVAL;
	inode = new_inode("secretmem");
	if (!inode)
		return -ENOMEM;
	inode->i_op = &secretmem_iops;
	inode->i_mode = S_IFREG;
	f = alloc_file(inode, &secretmem_fops,
		       FMODE_READ | FMODE_WRITE | FMODE_NO_PREAD | FMODE_NOEXEC);
	if (!f) {
		iput(inode);
		return -ENOMEM;
	}
	*out = f;
	return 0;
}
