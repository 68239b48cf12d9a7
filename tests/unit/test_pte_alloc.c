// SPDX-License-Identifier: GPL-2.0
/*
 * test_pte_alloc.c - where a fault makes its PTE table (lib/mm/memory.c,
 * lib/mm/filemap.c).  handle_mm_fault() walks down to the PMD; on an
 * empty PMD an anonymous fault makes the PTE table before anything else,
 * so one that goes to userfaultfd or fails leaves it; a file or driver
 * fault makes it only to map a page (finish_fault(), fault-around at its
 * first cached page, vmf_insert_pfn()), so one that fails leaves none.
 * Each mapping sits in its own 1 GiB slot, so that no other fault has
 * made its table.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define RW (PROT_READ | PROT_WRITE)
#define SLOT (1UL << 30)

static bool has_pte_table(struct task_struct *t, unsigned long addr)
{
	return walk_to_pte(t->mm, addr, NULL, NULL) != NULL;
}

static long map_file_at(struct fixture *f, unsigned long addr, unsigned long len,
			int prot, int flags, struct file *file, unsigned long off)
{
	return sys_mmap(f->t, addr, len, prot, flags | MAP_FIXED_NOREPLACE, file, off);
}

static vm_fault_t fault_at(struct task_struct *t, unsigned long addr,
			   unsigned int flags)
{
	return handle_mm_fault(find_vma(t->mm, addr), addr, flags | FAULT_FLAG_USER);
}

/* A disk file of two pages and a byte, its second page cached. */
static struct file *small_file(struct fixture *f)
{
	struct file *file;
	char c = 0x5a;

	if (vfs_tmpfile(f->m, "f", &file))
		return NULL;
	if (vfs_truncate(file, 2 * PG + 1) || kernel_write(file, &c, 1, PG) != 1) {
		fput(file);
		return NULL;
	}
	return file;
}

TEST(anon_fault_makes_the_table_first_even_when_userfaultfd_takes_it)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, 2 * PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(peek(f.t, ARENA), -UACCESS_UFFD_MISSING);
	ASSERT_TRUE(has_pte_table(f.t, ARENA));
	ASSERT_EQ(pagemap(f.t, ARENA), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(map_anon(&f, ARENA + SLOT, PG, RW, MAP_PRIVATE), ARENA + SLOT);
	ASSERT_EQ(uffd_register(f.t, ARENA + SLOT, PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT, 1, 1), UACCESS_UFFD_MISSING);
	ASSERT_TRUE(has_pte_table(f.t, ARENA + SLOT));
	ASSERT_EQ(pagemap(f.t, ARENA + SLOT), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(shmem_fault_sent_to_userfaultfd_makes_no_table)
{
	struct fixture f;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, 2 * PG), 0);
	ASSERT_EQ(map_file_at(&f, ARENA, 2 * PG, RW, MAP_SHARED, mf, 0), ARENA);
	ASSERT_EQ(map_file_at(&f, ARENA + SLOT, 2 * PG, RW, MAP_PRIVATE, mf, 0), ARENA + SLOT);
	ASSERT_EQ(uffd_register(f.t, ARENA, 2 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(uffd_register(f.t, ARENA + SLOT, 2 * PG, UFFDIO_REGISTER_MODE_MISSING), 0);
	ASSERT_EQ(peek(f.t, ARENA), -UACCESS_UFFD_MISSING);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), UACCESS_UFFD_MISSING);
	ASSERT_EQ(peek(f.t, ARENA + SLOT), -UACCESS_UFFD_MISSING);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT + PG, 1, 1), UACCESS_UFFD_MISSING);
	ASSERT_FALSE(has_pte_table(f.t, ARENA));
	ASSERT_FALSE(has_pte_table(f.t, ARENA + SLOT));
	CHECK_MM(f.m);
	fput(mf);
	machine_destroy(f.m);
}

/* A read, a private write (COW) and a shared write wholly past EOF. */
TEST(file_faults_past_eof_make_no_table)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_NE(file = small_file(&f), NULL);
	ASSERT_EQ(map_file_at(&f, ARENA, 4 * PG, PROT_READ, MAP_PRIVATE, file, 4 * PG), ARENA);
	ASSERT_EQ(map_file_at(&f, ARENA + SLOT, 4 * PG, RW, MAP_PRIVATE, file, 4 * PG),
		  ARENA + SLOT);
	ASSERT_EQ(map_file_at(&f, ARENA + 2 * SLOT, 4 * PG, RW, MAP_SHARED, file, 4 * PG),
		  ARENA + 2 * SLOT);
	ASSERT_EQ(peek(f.t, ARENA), -SIGBUS);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT, 1, 1), SIGBUS);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * SLOT, 1, 1), SIGBUS);
	ASSERT_FALSE(has_pte_table(f.t, ARENA));
	ASSERT_FALSE(has_pte_table(f.t, ARENA + SLOT));
	ASSERT_FALSE(has_pte_table(f.t, ARENA + 2 * SLOT));
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

/* The same three kinds within the file: finish_fault() makes the table. */
TEST(file_faults_that_map_make_the_table)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_NE(file = small_file(&f), NULL);
	ASSERT_EQ(map_file_at(&f, ARENA, 2 * PG, PROT_READ, MAP_PRIVATE, file, 0), ARENA);
	ASSERT_EQ(map_file_at(&f, ARENA + SLOT, 2 * PG, RW, MAP_PRIVATE, file, 0), ARENA + SLOT);
	ASSERT_EQ(map_file_at(&f, ARENA + 2 * SLOT, 2 * PG, RW, MAP_SHARED, file, 0),
		  ARENA + 2 * SLOT);
	ASSERT_EQ(peek(f.t, ARENA + PG), 0x5a);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + SLOT + PG, 1, 1), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * SLOT + PG, 2, 1), 0);
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_FILE);
	ASSERT_TRUE(pagemap(f.t, ARENA + SLOT + PG) & PM_MMAP_EXCLUSIVE);
	ASSERT_TRUE(pagemap(f.t, ARENA + 2 * SLOT + PG) & PM_FILE);
	ASSERT_EQ(peek(f.t, ARENA + PG), 2);	/* the shared store, seen */
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

/*
 * A read past EOF whose fault-around window holds a cached page: the
 * neighbour is mapped, so the table stays although ->fault fails.  A
 * window without one (the next 2 MiB) leaves none.
 */
TEST(fault_around_makes_the_table_for_a_cached_neighbour_of_a_failing_fault)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_NE(file = small_file(&f), NULL);
	ASSERT_EQ(map_file_at(&f, ARENA, PMD_SIZE + 16 * PG, PROT_READ, MAP_PRIVATE, file, 0),
		  ARENA);
	ASSERT_EQ(peek(f.t, ARENA + 5 * PG), -SIGBUS);
	ASSERT_TRUE(has_pte_table(f.t, ARENA));
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_PRESENT);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_PRESENT);	/* a hole, not cached */
	ASSERT_EQ(peek(f.t, ARENA + PMD_SIZE + 5 * PG), -SIGBUS);
	ASSERT_FALSE(has_pte_table(f.t, ARENA + PMD_SIZE));
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

/*
 * A test device: ->fault answers by dev_mode, and records whether it
 * was given a PTE.  VM_PFNMAP only for the vmf_insert_pfn() mode.
 */
enum dev_mode { DEV_PAGE, DEV_SIGBUS, DEV_NOPAGE, DEV_PFN };

static enum dev_mode dev_mode;
static struct page *dev_page;
static unsigned long dev_pfn;
static bool dev_saw_pte;
static int dev_faults;

static vm_fault_t dev_fault(struct vm_fault *vmf)
{
	dev_faults++;
	dev_saw_pte = vmf->pte != NULL;
	switch (dev_mode) {
	case DEV_PAGE:
		get_page(dev_page);
		vmf->page = dev_page;
		return 0;
	case DEV_SIGBUS:
		return VM_FAULT_SIGBUS;
	case DEV_NOPAGE:
		return VM_FAULT_NOPAGE;		/* and inserts nothing */
	case DEV_PFN:
		return vmf_insert_pfn(vmf->vma, vmf->address, dev_pfn);
	}
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct dev_vm_ops = { .fault = dev_fault };

static int dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND | (dev_mode == DEV_PFN ? VM_PFNMAP | VM_IO : 0));
	vma->vm_ops = &dev_vm_ops;
	return 0;
}

static const struct file_operations dev_fops = { .name = "/dev/ptalloc", .mmap = dev_mmap };

/* Map the device (in mode @mode) over [@addr, +@len), shared. */
static int map_dev(struct fixture *f, unsigned long addr, unsigned long len,
		   enum dev_mode mode)
{
	struct file *file = alloc_file(shmem_inode_create("ptalloc"), &dev_fops,
				       FMODE_READ | FMODE_WRITE);
	long ret;

	dev_mode = mode;
	ret = sys_mmap(f->t, addr, len, RW, MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0);
	fput(file);
	return ret == (long)addr ? 0 : -1;
}

TEST(driver_fault_runs_without_a_table_and_one_is_made_only_to_map)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_NE(dev_page = alloc_page(GFP_KERNEL), NULL);
	dev_pfn = io_pfn(&f, 3);
	ASSERT_EQ(map_dev(&f, ARENA + SLOT, PG, DEV_SIGBUS), 0);
	ASSERT_EQ(map_dev(&f, ARENA + 2 * SLOT, PG, DEV_NOPAGE), 0);
	ASSERT_EQ(map_dev(&f, ARENA + 3 * SLOT, PG, DEV_PFN), 0);
	ASSERT_EQ(map_dev(&f, ARENA, PG, DEV_PAGE), 0);

	ASSERT_EQ(fault_at(f.t, ARENA, 0), 0);
	ASSERT_FALSE(dev_saw_pte);
	ASSERT_TRUE(has_pte_table(f.t, ARENA));
	ASSERT_EQ(pfn_of(f.t, ARENA), page_to_pfn(dev_page));

	dev_mode = DEV_SIGBUS;
	dev_saw_pte = true;
	ASSERT_EQ(fault_at(f.t, ARENA + SLOT, 0), VM_FAULT_SIGBUS);
	ASSERT_FALSE(dev_saw_pte);
	ASSERT_FALSE(has_pte_table(f.t, ARENA + SLOT));

	dev_mode = DEV_NOPAGE;
	ASSERT_EQ(fault_at(f.t, ARENA + 2 * SLOT, 0), VM_FAULT_NOPAGE);
	ASSERT_FALSE(has_pte_table(f.t, ARENA + 2 * SLOT));

	dev_mode = DEV_PFN;
	ASSERT_EQ(fault_at(f.t, ARENA + 3 * SLOT, 0), VM_FAULT_NOPAGE);
	ASSERT_TRUE(has_pte_table(f.t, ARENA + 3 * SLOT));
	ASSERT_EQ(pte_pfn(ptep_get(walk_to_pte(f.t->mm, ARENA + 3 * SLOT, NULL, NULL))),
		  dev_pfn);
	CHECK_MM(f.m);

	/* a table made already is handed to ->fault */
	ASSERT_EQ(sys_munmap(f.t, ARENA + 3 * SLOT, PG), 0);
	dev_mode = DEV_SIGBUS;
	ASSERT_EQ(map_dev(&f, ARENA + PG, PG, DEV_SIGBUS), 0);
	ASSERT_EQ(fault_at(f.t, ARENA + PG, 0), VM_FAULT_SIGBUS);
	ASSERT_TRUE(dev_saw_pte);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ASSERT_EQ(dev_page->_refcount, 1);
	__free_pages(dev_page, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The PTE table cannot be allocated: an anonymous fault fails before it
 * allocates its folio; a file or driver fault before ->fault is called
 * (the table is allocated first, linked later).  Nothing is left.
 */
TEST(pte_table_allocation_failure_is_oom_and_leaves_nothing)
{
	struct fixture f;
	unsigned long free_before;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PMD_SIZE + PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_madvise(f.t, ARENA, PMD_SIZE + PG, MADV_NOHUGEPAGE), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);	/* PUD and PMD tables */
	free_before = f.m->nr_free;
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(fault_at(f.t, ARENA + PMD_SIZE, FAULT_FLAG_WRITE), VM_FAULT_OOM);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	mmsim_fail_nth(f.m, 0);
	ASSERT_FALSE(has_pte_table(f.t, ARENA + PMD_SIZE));
	ASSERT_EQ(f.m->nr_free, free_before);
	CHECK_MM(f.m);

	ASSERT_NE(dev_page = alloc_page(GFP_KERNEL), NULL);
	ASSERT_EQ(map_dev(&f, ARENA + SLOT, PMD_SIZE + PG, DEV_PAGE), 0);
	ASSERT_EQ(fault_at(f.t, ARENA + SLOT, 0), 0);		/* PMD table */
	free_before = f.m->nr_free;
	dev_faults = 0;
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(fault_at(f.t, ARENA + SLOT + PMD_SIZE, 0), VM_FAULT_OOM);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	mmsim_fail_nth(f.m, 0);
	ASSERT_EQ(dev_faults, 0);
	ASSERT_FALSE(has_pte_table(f.t, ARENA + SLOT + PMD_SIZE));
	ASSERT_EQ(f.m->nr_free, free_before);
	ASSERT_EQ(dev_page->_refcount, 2);	/* ours and the one mapping */
	ASSERT_EQ(fault_at(f.t, ARENA + SLOT + PMD_SIZE, 0), 0);
	ASSERT_EQ(dev_faults, 1);
	ASSERT_EQ(dev_page->_refcount, 3);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA + SLOT, PMD_SIZE + PG), 0);
	ASSERT_EQ(dev_page->_refcount, 1);
	__free_pages(dev_page, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * Fault-around allocates the table before it looks at the page cache:
 * when that fails the fault is OOM, with nothing mapped or cached; then
 * the same fault maps the cached page from fault-around, which links
 * the table (no ->fault, no second allocation).
 */
TEST(fault_around_allocates_the_table_first_and_links_it_at_a_cached_page)
{
	struct fixture f;
	struct file *file;
	unsigned long free_before, cached;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_NE(file = small_file(&f), NULL);
	ASSERT_EQ(map_anon(&f, ARENA, PG, RW, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);	/* PUD and PMD tables */
	ASSERT_EQ(map_file_at(&f, ARENA + PMD_SIZE, 2 * PG, PROT_READ, MAP_PRIVATE, file, 0),
		  ARENA + PMD_SIZE);
	free_before = f.m->nr_free;
	cached = file->f_mapping->nrpages;
	mmsim_fail_nth(f.m, 1);
	ASSERT_EQ(fault_at(f.t, ARENA + PMD_SIZE + PG, 0), VM_FAULT_OOM);
	ASSERT_EQ(mmsim_fail_injected(f.m), 1);
	mmsim_fail_nth(f.m, 0);
	ASSERT_FALSE(has_pte_table(f.t, ARENA + PMD_SIZE));
	ASSERT_EQ(f.m->nr_free, free_before);
	ASSERT_EQ(file->f_mapping->nrpages, cached);
	CHECK_MM(f.m);
	ASSERT_EQ(fault_at(f.t, ARENA + PMD_SIZE + PG, 0), VM_FAULT_NOPAGE);
	ASSERT_TRUE(has_pte_table(f.t, ARENA + PMD_SIZE));
	ASSERT_EQ(f.m->nr_free, free_before - 1);
	ASSERT_TRUE(pagemap(f.t, ARENA + PMD_SIZE + PG) & PM_PRESENT);
	ASSERT_EQ(peek(f.t, ARENA + PMD_SIZE + PG), 0x5a);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}
