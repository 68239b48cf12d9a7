// SPDX-License-Identifier: GPL-2.0
/*
 * shmem.c - memory files: memfd, shared anonymous memory (a hidden
 * "/dev/zero" file per mapping), their page cache, and the struct file /
 * inode life cycle every file in the model shares.
 *
 * The page cache of an inode is mapping->pages, indexed by pgoff; each
 * cached folio holds one reference for the cache, PG_swapbacked set,
 * mapping and index filled.  A read fault on a hole allocates a zeroed
 * page in the cache (shmem has no zero-page shortcut).  Truncation zaps
 * every mapping of the dropped range, private copies included, then
 * drops the pages: accesses past EOF raise SIGBUS.
 */
#include "internal.h"

/* ---- files and inodes -------------------------------------------------- */

struct inode *shmem_inode_create(const char *name)
{
	struct machine *m = current_machine();
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_count = 1;
	inode->machine = m;
	inode->i_data.host = inode;
	inode->i_data.i_mmap = RB_ROOT;
	snprintf(inode->name, sizeof(inode->name), "%s", name);
	m->nr_inodes++;
	return inode;
}

static void truncate_inode_pages(struct address_space *mapping, pgoff_t start);

void iput(struct inode *inode)
{
	struct machine *m = inode->machine;

	if (--inode->i_count)
		return;
	truncate_inode_pages(&inode->i_data, 0);
	free(inode->i_data.pages);
	m->nr_inodes--;
	kfree(inode);
}

struct file *alloc_file(struct inode *inode,
			const struct file_operations *fops, unsigned int mode)
{
	struct machine *m = current_machine();
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_mode = mode;
	f->f_op = fops;
	f->f_inode = inode;
	f->f_mapping = inode ? &inode->i_data : NULL;
	f->machine = m;
	m->nr_files++;
	return f;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

void fput(struct file *f)
{
	machine_enter(f->machine);
	struct machine *m;

	if (!f || --f->f_count)
		return;
	m = f->machine;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	if (f->f_inode)
		iput(f->f_inode);
	m->nr_files--;
	kfree(f);
}

const char *file_path_name(struct file *f, char *buf, size_t size)
{
	if (f->f_op && f->f_op->name)
		snprintf(buf, size, "%s", f->f_op->name);
	else if (f->f_inode)
		snprintf(buf, size, "/%s (deleted)", f->f_inode->name);
	else
		snprintf(buf, size, "anon_inode:[unknown]");
	return buf;
}

/* ---- page cache ------------------------------------------------------- */

struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index)
{
	return index < mapping->nr_slots ? mapping->pages[index] : NULL;
}

static int filemap_grow(struct address_space *mapping,
			pgoff_t index)
{
	unsigned long n = mapping->nr_slots ? mapping->nr_slots : 16;
	struct folio **p;

	while (n <= index)
		n *= 2;
	if (mm_should_fail())
		return -ENOMEM;
	p = realloc(mapping->pages, n * sizeof(*p));
	if (!p)
		return -ENOMEM;
	memset(p + mapping->nr_slots, 0, (n - mapping->nr_slots) * sizeof(*p));
	mapping->pages = p;
	mapping->nr_slots = n;
	return 0;
}

/* The cached folio at @index, allocating a zeroed one if there is none. */
static struct folio *shmem_get_folio(struct inode *inode, pgoff_t index)
{
	struct address_space *mapping = &inode->i_data;
	struct folio *folio = filemap_get_folio(mapping, index);

	if (folio)
		return folio;
	if (index >= mapping->nr_slots && filemap_grow(mapping, index))
		return NULL;
	folio = folio_alloc(GFP_HIGHUSER_MOVABLE, 0);
	if (!folio)
		return NULL;
	folio->page.mapping = mapping;
	folio->page.index = index;
	SetPageSwapBacked(&folio->page);
	SetPageUptodate(&folio->page);
	mapping->pages[index] = folio;
	mapping->nrpages++;
	return folio;
}

static void filemap_remove_folio(struct address_space *mapping,
				 pgoff_t index)
{
	struct folio *folio = mapping->pages[index];

	mapping->pages[index] = NULL;
	mapping->nrpages--;
	folio->page.mapping = NULL;
	folio_put(folio);
}

static void truncate_inode_pages(struct address_space *mapping, pgoff_t start)
{

	for (pgoff_t i = start; i < mapping->nr_slots; i++)
		if (mapping->pages[i])
			filemap_remove_folio(mapping, i);
}

static pgoff_t size_pages(struct inode *inode)
{
	return (pgoff_t)((inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

int vfs_truncate(struct file *f, loff_t size)
{
	machine_enter(f->machine);
	struct inode *inode = f->f_inode;
	pgoff_t first;

	if (size < 0)
		return -EINVAL;
	if (!inode || f->f_op != &shmem_file_operations)
		return -EINVAL;
	if (!(f->f_mode & FMODE_WRITE))
		return -EINVAL;
	if ((unsigned long long)size > (1ULL << 46))
		return -EFBIG;
	if (size < inode->i_size) {
		struct folio *partial;

		first = (pgoff_t)((size + PAGE_SIZE - 1) >> PAGE_SHIFT);
		unmap_mapping_range(&inode->i_data, first, 0, true);
		truncate_inode_pages(&inode->i_data, first);
		partial = (size & (PAGE_SIZE - 1)) ?
			  filemap_get_folio(&inode->i_data, size >> PAGE_SHIFT) : NULL;
		if (partial)
			frame_fill(&partial->page, size & (PAGE_SIZE - 1), 0,
				   PAGE_SIZE - (size & (PAGE_SIZE - 1)));
	}
	inode->i_size = size;
	return 0;
}

static ssize_t shmem_rw(struct file *f, void *buf, size_t count, loff_t pos,
			bool write)
{
	struct inode *inode = f->f_inode;
	size_t done = 0;

	if (pos < 0)
		return -EINVAL;
	if (!inode || f->f_op != &shmem_file_operations)
		return -EINVAL;
	if (!write) {
		if (pos >= inode->i_size)
			return 0;
		count = min(count, (size_t)(inode->i_size - pos));
	}
	while (done < count) {
		loff_t p = pos + done;
		size_t off = p & (PAGE_SIZE - 1), n = min(count - done, PAGE_SIZE - off);
		struct folio *folio;

		if (write)
			folio = shmem_get_folio(inode, p >> PAGE_SHIFT);
		else
			folio = filemap_get_folio(&inode->i_data, p >> PAGE_SHIFT);
		if (write && !folio)
			return done ? (ssize_t)done : -ENOMEM;
		if (!folio)
			memset((char *)buf + done, 0, n);
		else if (!write)
			frame_read(&folio->page, off, (char *)buf + done, n);
		else if (frame_write(&folio->page, off, (char *)buf + done, n))
			return done ? (ssize_t)done : -ENOMEM;
		else
			SetPageDirty(&folio->page);
		done += n;
		if (write && pos + (loff_t)done > inode->i_size)
			inode->i_size = pos + done;
	}
	return done;
}

ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t pos)
{
	machine_enter(f->machine);
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	return shmem_rw(f, (void *)buf, count, pos, true);
}

ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t pos)
{
	machine_enter(f->machine);
	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	return shmem_rw(f, buf, count, pos, false);
}

/* ---- faults ----------------------------------------------------------- */

static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	struct folio *folio;

	if (vmf->pgoff >= size_pages(inode))
		return VM_FAULT_SIGBUS;
	folio = shmem_get_folio(inode, vmf->pgoff);
	if (!folio)
		return VM_FAULT_OOM;
	folio_get(folio);
	vmf->page = &folio->page;
	return VM_FAULT_LOCKED;
}

/* Map the cached pages of [start, end] around the fault, read-only. */
static vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start,
				    pgoff_t end)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	pgoff_t eof = size_pages(inode);
	vm_fault_t ret = 0;

	for (pgoff_t i = start; i <= end && i < eof; i++) {
		struct folio *folio = filemap_get_folio(&inode->i_data, i);
		struct vm_fault one = *vmf;

		if (!folio || !PageUptodate(&folio->page))
			continue;
		one.address = vmf->address + ((long)i - (long)vmf->pgoff) * (long)PAGE_SIZE;
		one.pte = vmf->pte + ((long)i - (long)vmf->pgoff);
		one.flags &= ~FAULT_FLAG_WRITE;
		if (!pte_none(ptep_get(one.pte)))
			continue;
		folio_get(folio);
		set_pte_range(&one, &folio->page, false);
		if (i == vmf->pgoff)
			ret = VM_FAULT_NOPAGE;
	}
	return ret;
}

const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
	.map_pages = filemap_map_pages,
};

static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

const struct file_operations shmem_file_operations = {
	.mmap = shmem_mmap,
};

bool vma_is_shmem(const struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_vm_ops;
}

int sys_memfd_create(struct machine *m, const char *name, struct file **out)
{
	machine_enter(m);
	char full[264];
	struct inode *inode;
	struct file *f;

	if (!name || strlen(name) > 249)
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
	*out = f;
	return 0;
}

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct inode *inode = shmem_inode_create("dev/zero");
	struct file *f;

	if (!inode)
		return -ENOMEM;
	inode->i_size = vma->vm_end - vma->vm_start;
	f = alloc_file(inode, &shmem_file_operations, FMODE_READ | FMODE_WRITE);
	if (!f) {
		iput(inode);
		return -ENOMEM;
	}
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = f;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}
