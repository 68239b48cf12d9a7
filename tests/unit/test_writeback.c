// SPDX-License-Identifier: GPL-2.0
/*
 * test_writeback.c - regular files on the disk filesystem (lib/fs/diskfs.c)
 * and their writeback (mm/page-writeback.c): a shared writable mapping
 * wants write-notify, each first store runs ->page_mkwrite and tags the
 * folio dirty, fsync cleans it through the file rmap so the next store
 * faults again; GUP refuses a writable long-term pin there; and mm_check()
 * notices a dirty folio writeback would miss and a writable entry to a
 * clean folio.
 */
#include <fcntl.h>

#include "helpers.h"
#include "../../lib/internal.h"

#define FILE_AT (ARENA + (1UL << 30))

/* A tmpfile of @pages pages mapped shared and writable at FILE_AT. */
static struct file *tmpfile_mapped(struct fixture *f, unsigned long pages,
				   int flags)
{
	struct file *file;

	if (fixture_init(f) || vfs_tmpfile(f->m, "t", &file))
		return NULL;
	if (vfs_truncate(file, pages * PG) ||
	    sys_mmap(f->t, FILE_AT, pages * PG, PROT_READ | PROT_WRITE,
		     flags | MAP_FIXED_NOREPLACE, file, 0) != (long)FILE_AT) {
		fput(file);
		return NULL;
	}
	return file;
}

static pte_t pte_at(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep ? ptep_get(ptep) : __pte(0);
}

static struct folio *folio_at(struct task_struct *t, unsigned long addr)
{
	return page_folio(pfn_to_page(pte_pfn(pte_at(t, addr))));
}

static unsigned long mkwrites(struct machine *m)
{
	struct mmsim_events ev;

	mmsim_events(m, &ev);
	return ev.mkwrite_calls;
}

TEST(tmpfile_shared_mapping_wants_writenotify_and_fsync_makes_the_next_store_fault)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);
	struct address_space *mapping;
	struct folio *folio;
	unsigned long calls;

	ASSERT_TRUE(file != NULL);
	mapping = file->f_mapping;
	ASSERT_EQ(peek(f.t, FILE_AT), 0);
	ASSERT_FALSE(pte_write(pte_at(f.t, FILE_AT)));	/* read: read-only */
	calls = mkwrites(f.m);
	ASSERT_EQ(uaccess_memset(f.t, FILE_AT, 7, 1), 0);
	ASSERT_EQ(mkwrites(f.m), calls + 1);		/* ->page_mkwrite ran */
	folio = folio_at(f.t, FILE_AT);
	ASSERT_TRUE(folio_test_dirty(folio));
	ASSERT_TRUE(xa_get_mark(&mapping->i_pages, 0, XA_MARK_0));
	ASSERT_TRUE(pte_write(pte_at(f.t, FILE_AT)));
	CHECK_MM(f.m);
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_EQ(mapping->nr_written, 1);
	ASSERT_FALSE(folio_test_dirty(folio));
	ASSERT_FALSE(xa_get_mark(&mapping->i_pages, 0, XA_MARK_0));
	ASSERT_FALSE(pte_write(pte_at(f.t, FILE_AT)));	/* folio_mkclean */
	ASSERT_FALSE(pte_dirty(pte_at(f.t, FILE_AT)));
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_EQ(mapping->nr_written, 1);		/* clean: nothing to write */
	ASSERT_EQ(uaccess_memset(f.t, FILE_AT, 8, 1), 0);
	ASSERT_EQ(mkwrites(f.m), calls + 2);		/* the next store faulted */
	ASSERT_TRUE(folio_test_dirty(folio));
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A store through a second process's entry must be noticed too: the
 * writeback's folio_mkclean reaches every mapping through i_mmap.
 */
TEST(tmpfile_writeback_write_protects_every_process_mapping_the_page)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);
	struct task_struct *child;

	ASSERT_TRUE(file != NULL);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(uaccess_memset(f.t, FILE_AT, 1, 1), 0);
	ASSERT_EQ(uaccess_memset(child, FILE_AT, 2, 1), 0);
	ASSERT_TRUE(pte_write(pte_at(child, FILE_AT)));
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_FALSE(pte_write(pte_at(f.t, FILE_AT)));
	ASSERT_FALSE(pte_write(pte_at(child, FILE_AT)));
	ASSERT_EQ(uaccess_memset(child, FILE_AT, 3, 1), 0);
	ASSERT_TRUE(folio_test_dirty(folio_at(child, FILE_AT)));
	CHECK_MM(f.m);
	sys_exit(child);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* Read-around caches the 32-page window; fault-around maps 16 of it. */
TEST(tmpfile_read_fault_reads_around_and_maps_the_fault_around_window)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 64, MAP_SHARED);

	ASSERT_TRUE(file != NULL);
	ASSERT_EQ(peek(f.t, FILE_AT + 20 * PG), 0);
	ASSERT_EQ(file->f_mapping->nrpages, VM_READAHEAD_PAGES);
	ASSERT_TRUE(filemap_get_folio(file->f_mapping, 4) != NULL);
	ASSERT_TRUE(filemap_get_folio(file->f_mapping, 3) == NULL);
	ASSERT_TRUE(filemap_get_folio(file->f_mapping, 36) == NULL);
	ASSERT_FALSE(pte_present(pte_at(f.t, FILE_AT + 15 * PG)));
	ASSERT_TRUE(pte_present(pte_at(f.t, FILE_AT + 16 * PG)));
	ASSERT_TRUE(pte_present(pte_at(f.t, FILE_AT + 31 * PG)));
	ASSERT_FALSE(pte_present(pte_at(f.t, FILE_AT + 32 * PG)));
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(writable_longterm_pin_of_a_file_that_needs_dirty_tracking_is_efault)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);
	struct pin_set *ps = NULL;

	ASSERT_TRUE(file != NULL);
	ASSERT_EQ(pin_range(f.t, FILE_AT, PG, false, &ps), -EFAULT);
	ASSERT_EQ(pin_range(f.t, FILE_AT, PG, true, &ps), 0);	/* read-only: fine */
	pin_release(ps);
	/* a private mapping of the same file: the pin's write fault copies */
	ASSERT_EQ(sys_mmap(f.t, ARENA, PG, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_FIXED_NOREPLACE, file, 0), (long)ARENA);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &ps), 0);
	ASSERT_TRUE(folio_test_anon(folio_at(f.t, ARENA)));
	pin_release(ps);
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(tmpfile_errors_are_the_kernels)
{
	char name[300];
	struct fixture f;
	struct file *file, *dev;

	ASSERT_EQ(fixture_init(&f), 0);
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	ASSERT_EQ(vfs_tmpfile(f.m, name, &file), -ENAMETOOLONG);
	ASSERT_EQ(vfs_tmpfile(f.m, "t", &file), 0);
	ASSERT_EQ(vfs_truncate(file, 0xffffffff001L), -EFBIG);
	ASSERT_EQ(kernel_write(file, "x", 1, 0xffffffff000L), -EFBIG);
	ASSERT_EQ(kernel_write(file, "xy", 2, 0xfffffffefffL), 1);	/* cut short */
	ASSERT_EQ(vfs_fallocate(file, 0, 0xffffffff000L, 1), -EFBIG);
	ASSERT_EQ(device_open(f.m, "zero", "", &dev), 0);
	ASSERT_EQ(vfs_fsync(dev), -EINVAL);
	fput(dev);
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* Invariant: PG_dirty and the dirty tag agree on a writeback mapping. */
TEST(check_catches_a_dirty_folio_writeback_would_miss)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);
	struct xarray *pages;

	ASSERT_TRUE(file != NULL);
	pages = &file->f_mapping->i_pages;
	ASSERT_EQ(kernel_write(file, "x", 1, 0), 1);	/* dirty, not mapped */
	CHECK_MM(f.m);
	xa_clear_mark(pages, 0, XA_MARK_0);	/* dirty, but not tagged */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "not tagged dirty") != NULL);
	xa_set_mark(pages, 0, XA_MARK_0);
	CHECK_MM(f.m);
	ClearPageDirty(&filemap_get_folio(file->f_mapping, 0)->page);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);	/* tagged, but clean */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "clean folio is tagged") != NULL);
	SetPageDirty(&filemap_get_folio(file->f_mapping, 0)->page);
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* Invariant: no writable (or dirty) entry to a clean folio under write-notify. */
TEST(check_catches_a_writable_entry_to_a_clean_page_cache_folio)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);
	struct folio *folio;
	pte_t *ptep;
	pte_t old;

	ASSERT_TRUE(file != NULL);
	ASSERT_EQ(peek(f.t, FILE_AT), 0);		/* mapped read-only, clean */
	CHECK_MM(f.m);
	folio = folio_at(f.t, FILE_AT);
	ASSERT_FALSE(folio_test_dirty(folio));
	ptep = walk_to_pte(f.t->mm, FILE_AT, NULL, NULL);
	old = ptep_get(ptep);
	set_pte_at(f.t->mm, FILE_AT, ptep, pte_mkwrite(old));	/* no mkwrite */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m), "clean page-cache folio") != NULL);
	set_pte_at(f.t->mm, FILE_AT, ptep, pte_mkdirty(old));	/* dirty only */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	set_pte_at(f.t->mm, FILE_AT, ptep, old);
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * A stored page gone clean with nothing else changed (as if writeback
 * cleaned it without folio_mkclean()): its entry, writable and dirty,
 * lies in no logged range, and only the frame is logged.  Catches
 * check_logged_frame() not walking the rmap of a page-cache page that
 * was dirty and is clean now (the incremental check leaves the page
 * cache's tags to the next full check).
 */
TEST(incremental_check_catches_a_page_cleaned_under_its_writable_entry)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);
	struct page *page;

	ASSERT_TRUE(file != NULL);
	/* frames in use besides, so that one logged frame is checked alone */
	ASSERT_EQ(sys_mmap(f.t, ARENA, 8UL << 20, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0),
		  (long)ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 8UL << 20), 0);
	ASSERT_EQ(uaccess_memset(f.t, FILE_AT, 7, 1), 0);
	page = &folio_at(f.t, FILE_AT)->page;
	ASSERT_TRUE(PageDirty(page) && pte_write(pte_at(f.t, FILE_AT)));
	ASSERT_EQ(mm_check_changes(f.m), 0);	/* the first is full */
	ClearPageDirty(page);
	ASSERT_EQ(f.m->ck.nr_ranges, 0);
	ASSERT_EQ(mm_check_changes(f.m), -EUCLEAN);
	ASSERT_EQ(mm_check_commands(f.m), 1);	/* incremental */
	ASSERT_TRUE(strstr(mm_check_report(f.m), "writable or dirty entry at 100040000000 to a clean page-cache folio") != NULL);
	SetPageDirty(page);
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* The disk: what fsync wrote comes back after the page left the cache. */
TEST(tmpfile_evicted_clean_page_reads_back_what_was_written_back)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 2, MAP_SHARED);
	struct address_space *mapping;

	ASSERT_TRUE(file != NULL);
	mapping = file->f_mapping;
	ASSERT_EQ(uaccess_memset(f.t, FILE_AT, 0x5a, 2 * PG), 0);
	ASSERT_EQ(sys_madvise(f.t, FILE_AT, 2 * PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(mapping->nrpages, 2);		/* dirty: kept */
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_EQ(peek(f.t, FILE_AT), 0x5a);		/* map them again */
	ASSERT_EQ(sys_madvise(f.t, FILE_AT, 2 * PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(mapping->nrpages, 0);		/* clean: evicted */
	ASSERT_EQ(peek(f.t, FILE_AT + PG + 100), 0x5a);	/* read back */
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);			/* the blocks went with the inode */
	machine_destroy(f.m);
}

/* Truncation drops the blocks too: growing again reads a hole. */
TEST(tmpfile_truncation_leaves_no_stale_block_behind)
{
	struct fixture f;
	struct file *file = tmpfile_mapped(&f, 1, MAP_SHARED);

	ASSERT_TRUE(file != NULL);
	ASSERT_EQ(kernel_write(file, "abcdefgh", 8, 0), 8);
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_EQ(vfs_truncate(file, 4), 0);		/* partial: tail zeroed */
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_EQ(vfs_truncate(file, 0), 0);
	ASSERT_EQ(vfs_truncate(file, PG), 0);
	ASSERT_EQ(file->f_mapping->nrpages, 0);
	ASSERT_EQ(peek(f.t, FILE_AT), 0);		/* a hole, not "a" */
	ASSERT_EQ(kernel_write(file, "abcdefgh", 8, 0), 8);
	ASSERT_EQ(vfs_fsync(file), 0);
	ASSERT_EQ(vfs_truncate(file, 4), 0);
	ASSERT_EQ(sys_madvise(f.t, FILE_AT, PG, MADV_PAGEOUT), 0);
	ASSERT_EQ(file->f_mapping->nrpages, 0);
	ASSERT_EQ(vfs_truncate(file, 8), 0);
	ASSERT_EQ(peek(f.t, FILE_AT + 3), 'd');
	ASSERT_EQ(peek(f.t, FILE_AT + 4), 0);		/* the block's tail too */
	CHECK_MM(f.m);
	fput(file);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
