// SPDX-License-Identifier: GPL-2.0
/*
 * memfd.c - memfd_create(2) and file sealing (fcntl F_ADD_SEALS /
 * F_GET_SEALS) on the shmem inodes behind memfds.
 *
 * Seals only accumulate.  Where each one bites:
 *
 *   F_SEAL_SEAL          no more seals (EPERM); set from birth unless
 *                        MFD_ALLOW_SEALING or MFD_NOEXEC_SEAL
 *   F_SEAL_SHRINK/GROW   ftruncate, writes and fallocate past EOF (shmem.c)
 *   F_SEAL_WRITE         write, punch hole: EPERM; cannot be added while a
 *                        shared mapping may write (i_mmap_writable > 0:
 *                        EBUSY) or a cached page has references beyond the
 *                        cache and its mappings - a GUP pin (EBUSY)
 *   F_SEAL_FUTURE_WRITE  like WRITE for what comes after; existing
 *                        writable mappings keep writing
 *   F_SEAL_EXEC          the exec bits stay; on a file that has them it
 *                        brings SHRINK, GROW, WRITE and FUTURE_WRITE along
 *
 * Under WRITE or FUTURE_WRITE a new shared mapping may not be writable
 * (EPERM), and a read-only one loses VM_MAYWRITE, so mprotect cannot make
 * it writable (EACCES) and it does not count as a writer.
 */
#include <sys/stat.h>

#include "internal.h"

#define MFD_NAME_MAX_LEN	(255 - 6)	/* NAME_MAX - strlen("memfd:") */
#define MFD_ALL_FLAGS	(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | \
			 MFD_NOEXEC_SEAL | MFD_EXEC)

static unsigned int *memfd_file_seals_ptr(struct file *file)
{
	if (file->f_op != &shmem_file_operations || !file->f_inode)
		return NULL;
	return &SHMEM_I(file->f_inode)->seals;
}

bool shmem_file(struct file *file)
{
	return file && file->f_op == &shmem_file_operations;
}

/*
 * memfd_wait_for_pins - does any cached page have references beyond the
 * cache's and its mappings'?  The kernel waits ~150 ms for them to go;
 * in the model nothing drops a reference meanwhile.
 */
static int memfd_wait_for_pins(struct address_space *mapping)
{
	pgoff_t index = 0;
	struct folio *folio;

	while ((folio = filemap_get_next_folio(mapping, &index, ~0UL))) {
		if (folio_ref_count(folio) - folio_mapcount(folio) != 1)
			return -EBUSY;
		if (index++ == ~0UL)
			break;
	}
	return 0;
}

static int memfd_add_seals(struct file *file, unsigned int seals)
{
	struct inode *inode = file->f_inode;
	unsigned int *file_seals;
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EPERM;
	if (seals & ~(unsigned int)F_ALL_SEALS)
		return -EINVAL;
	file_seals = memfd_file_seals_ptr(file);
	if (!file_seals)
		return -EINVAL;
	if (*file_seals & F_SEAL_SEAL)
		return -EPERM;
	if ((seals & F_SEAL_WRITE) && !(*file_seals & F_SEAL_WRITE)) {
		err = mapping_deny_writable(file->f_mapping);
		if (err)
			return err;
		err = memfd_wait_for_pins(file->f_mapping);
		if (err) {
			mapping_allow_writable(file->f_mapping);
			return err;
		}
	}
	/* SEAL_EXEC implies the write seals on an executable file: W^X */
	if ((seals & F_SEAL_EXEC) && (inode->i_mode & 0111))
		seals |= F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE |
			 F_SEAL_FUTURE_WRITE;
	*file_seals |= seals;
	return 0;
}

long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	unsigned int *seals;

	machine_enter(file->machine);
	switch (cmd) {
	case F_ADD_SEALS:
		if (arg > 0xffffffffUL)
			return -EINVAL;
		return memfd_add_seals(file, (unsigned int)arg);
	case F_GET_SEALS:
		seals = memfd_file_seals_ptr(file);
		return seals ? (long)*seals : -EINVAL;
	}
	return -EINVAL;
}

/*
 * memfd_check_seals_mmap - mmap of a write-sealed file: a shared
 * writable mapping is EPERM, a shared read-only one loses VM_MAYWRITE.
 */
int memfd_check_seals_mmap(struct file *file, vm_flags_t *vm_flags)
{
	unsigned int *seals = memfd_file_seals_ptr(file);

	if (!seals || !(*seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)))
		return 0;
	if (!(*vm_flags & VM_SHARED))
		return 0;
	if (*vm_flags & VM_WRITE)
		return -EPERM;
	*vm_flags &= ~VM_MAYWRITE;
	return 0;
}

int sys_memfd_create_flags(struct machine *m, const char *name,
			   unsigned int flags, struct file **out)
{
	char full[264];
	struct inode *inode;
	struct file *f;

	machine_enter(m);
	if (flags & ~(unsigned int)MFD_ALL_FLAGS)
		return -EINVAL;
	if ((flags & MFD_EXEC) && (flags & MFD_NOEXEC_SEAL))
		return -EINVAL;
	if (flags & MFD_HUGETLB)
		return -EINVAL;		/* the model has no hugetlbfs */
	if (!(flags & (MFD_EXEC | MFD_NOEXEC_SEAL)))
		flags |= MFD_EXEC;	/* vm.memfd_noexec = 0, the default */
	if (!name)
		return -EFAULT;
	if (strlen(name) > MFD_NAME_MAX_LEN)
		return -EINVAL;
	snprintf(full, sizeof(full), "memfd:%s", name);
	inode = shmem_inode_create(full);
	if (!inode)
		return -ENOMEM;
	f = alloc_file(inode, &shmem_file_operations, FMODE_READ | FMODE_WRITE);
	if (!f) {
		iput(inode);
		return -ENOMEM;
	}
	SHMEM_I(inode)->seals = F_SEAL_SEAL;
	if (flags & MFD_NOEXEC_SEAL) {
		inode->i_mode &= ~0111;
		SHMEM_I(inode)->seals = F_SEAL_EXEC;
	} else if (flags & MFD_ALLOW_SEALING) {
		SHMEM_I(inode)->seals = 0;
	}
	*out = f;
	return 0;
}

int sys_memfd_create(struct machine *m, const char *name, struct file **out)
{
	return sys_memfd_create_flags(m, name, 0, out);
}
