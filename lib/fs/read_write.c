// SPDX-License-Identifier: GPL-2.0
/*
 * read_write.c - reads and writes at a position: the checks every file
 * shares (open mode, buffer, position), then the file's ->read_iter or
 * ->write_iter.  kernel_read()/kernel_write() move bytes to and from a
 * kernel buffer; pread64(2)/pwrite64(2) to and from the process's memory
 * with copy_to_user()/copy_from_user() semantics: the count is what was
 * copied before the first fault the kernel could not handle, and EFAULT
 * only when that is nothing.
 */
#include "internal.h"

/* rw_verify_area(): a position and count the file can take. */
static int rw_verify_area(loff_t pos, size_t count)
{
	loff_t end;

	if ((ssize_t)count < 0)
		return -EINVAL;
	if (pos < 0 || __builtin_add_overflow(pos, (loff_t)count, &end))
		return -EINVAL;
	return 0;
}

/*
 * The checks of vfs_read()/vfs_write(), then the file's ->read_iter or
 * ->write_iter.  A user buffer must lie in the user address space
 * (access_ok); faults inside it shorten the transfer.
 */
static ssize_t vfs_iter(struct file *f, struct iov_iter *iter, loff_t pos)
{
	struct kiocb kiocb = { .ki_filp = f, .ki_pos = pos };
	unsigned int need = iter->data_source ? FMODE_WRITE : FMODE_READ;
	ssize_t (*op)(struct kiocb *, struct iov_iter *);
	int err;

	if (!(f->f_mode & need))
		return -EBADF;
	op = iter->data_source ? f->f_op->write_iter : f->f_op->read_iter;
	if (!op)
		return -EINVAL;
	if (iter->iter_type == ITER_UBUF && !access_ok(iter->ubuf, iter->count))
		return -EFAULT;
	err = rw_verify_area(pos, iter->count);
	if (err)
		return err;
	if (iter->count > MAX_RW_COUNT)
		iter->count = MAX_RW_COUNT;
	if (!iter->count)
		return 0;
	return op(&kiocb, iter);
}

ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t pos)
{
	struct iov_iter iter;

	machine_enter(f->machine);
	iov_iter_kvec(&iter, false, buf, count);
	return vfs_iter(f, &iter, pos);
}

ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t pos)
{
	struct iov_iter iter;

	machine_enter(f->machine);
	iov_iter_kvec(&iter, true, (void *)buf, count);
	return vfs_iter(f, &iter, pos);
}

/*
 * file_pread_ok - may pread64(2)/pwrite64(2) address @f at a position?
 * Files the kernel opens without FMODE_PREAD/FMODE_PWRITE (secretmem's
 * pseudo file) refuse with ESPIPE.
 * Return: 0 or -ESPIPE.
 */
int file_pread_ok(struct file *f)
{
	return f->f_mode & FMODE_NO_PREAD ? -ESPIPE : 0;
}

/* pread64(2)/pwrite64(2): a negative position is EINVAL before all else. */
static ssize_t ksys_prw64(struct task_struct *t, struct file *f,
			  unsigned long buf, size_t count, loff_t pos,
			  bool write)
{
	struct iov_iter iter;

	machine_enter(t->machine);
	if (pos < 0)
		return -EINVAL;
	if (file_pread_ok(f))
		return -ESPIPE;
	iov_iter_ubuf(&iter, write, t->mm, buf, count);
	return vfs_iter(f, &iter, pos);
}

ssize_t sys_pread64(struct task_struct *t, struct file *f, unsigned long buf,
		    size_t count, loff_t pos)
{
	return ksys_prw64(t, f, buf, count, pos, false);
}

ssize_t sys_pwrite64(struct task_struct *t, struct file *f, unsigned long buf,
		     size_t count, loff_t pos)
{
	return ksys_prw64(t, f, buf, count, pos, true);
}
