// SPDX-License-Identifier: GPL-2.0
/*
 * test_files.c - memfd/shmem mappings and GUP pins (lib/mm/shmem.c,
 * lib/mm/gup.c, lib/mm/rmap.c).
 */
#include "helpers.h"
#include "../../lib/internal.h"

static long map_file(struct fixture *f, unsigned long addr, unsigned long len,
		     int prot, int flags, struct file *file)
{
	return sys_mmap(f->t, addr, len, prot, flags | MAP_FIXED_NOREPLACE, file, 0);
}

TEST(shared_memfd_writes_are_seen_by_every_mapping_and_by_read)
{
	struct fixture f;
	struct file *mf;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, 2 * PG), 0);
	ASSERT_EQ(map_file(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), ARENA);
	ASSERT_EQ(map_file(&f, ARENA + (1UL << 30), 2 * PG, PROT_READ, MAP_SHARED, mf),
		  ARENA + (1UL << 30));
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 0x33, 1), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA + (1UL << 30) + PG), 0x33);
	ASSERT_EQ(kernel_read(mf, &c, 1, PG), 1);
	ASSERT_EQ(c, 0x33);
	ASSERT_EQ(pfn_of(f.t, ARENA + PG), pfn_of(f.t, ARENA + (1UL << 30) + PG));
	ASSERT_TRUE(pagemap(f.t, ARENA + PG) & PM_FILE);
	fput(mf);
	machine_destroy(f.m);
}

TEST(private_memfd_write_copies_and_leaves_the_file_alone)
{
	struct fixture f;
	struct file *mf;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(kernel_write(mf, "a", 1, 0), 1);
	ASSERT_EQ(map_file(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, mf), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 'a');
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_FILE);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 'b', 1), 0);
	CHECK_MM(f.m);
	ASSERT_FALSE(pagemap(f.t, ARENA) & PM_FILE);
	ASSERT_EQ(kernel_read(mf, &c, 1, 0), 1);
	ASSERT_EQ(c, 'a');
	fput(mf);
	machine_destroy(f.m);
}

TEST(truncate_makes_access_past_eof_sigbus_even_for_private_copies)
{
	struct fixture f;
	struct file *mf;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, 2 * PG), 0);
	ASSERT_EQ(map_file(&f, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, mf), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), 0);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(peek(f.t, ARENA + PG), -SIGBUS);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(vfs_truncate(mf, -1), -EINVAL);
	fput(mf);
	machine_destroy(f.m);
}

TEST(fork_copies_a_pinned_exclusive_page_eagerly)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *pin;
	uint64_t pfn;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	pfn = pfn_of(f.t, ARENA);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &pin), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn);
	ASSERT_NE(pfn_of(child, ARENA), pfn);
	ASSERT_TRUE(pagemap(f.t, ARENA) & PM_MMAP_EXCLUSIVE);
	ASSERT_EQ(peek(child, ARENA), 1);
	/* the parent's write lands in the pinned page: the pin sees it */
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_EQ(pfn_of(f.t, ARENA), pfn);
	pin_release(pin);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(read_only_pin_unshares_a_cow_shared_anon_page)
{
	struct fixture f;
	struct task_struct *child;
	struct pin_set *pin;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, true, &pin), 0);
	CHECK_MM(f.m);
	ASSERT_NE(pfn_of(f.t, ARENA), pfn_of(child, ARENA));
	ASSERT_EQ(page_to_pfn(pin->pages[0]), pfn_of(f.t, ARENA));
	/* the write must reuse the pinned page, not copy it away */
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_EQ(page_to_pfn(pin->pages[0]), pfn_of(f.t, ARENA));
	pin_release(pin);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pinning_a_pfn_map_is_efault)
{
	struct fixture f;
	struct file *perf;
	struct pin_set *pin;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(device_open(f.m, "perf", "", &perf), 0);
	ASSERT_EQ(map_file(&f, ARENA, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, perf), ARENA);
	ASSERT_EQ(pin_range(f.t, ARENA, PG, false, &pin), -EFAULT);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), SIGBUS);
	ASSERT_EQ(sys_munmap(f.t, ARENA + PG, PG), -EINVAL);
	CHECK_MM(f.m);
	fput(perf);
	machine_destroy(f.m);
}

TEST(folio_mkclean_write_protects_every_shared_mapping)
{
	struct fixture f;
	struct file *mf;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	ASSERT_EQ(map_file(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_SHARED, mf), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	ASSERT_TRUE(pte_write(*ptep) && pte_dirty(*ptep));
	ASSERT_EQ(folio_mkclean(filemap_get_folio(mf->f_mapping, 0)), 1);
	ASSERT_FALSE(pte_write(*ptep) || pte_dirty(*ptep));
	CHECK_MM(f.m);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 2, 1), 0);
	ASSERT_TRUE(pte_write(*ptep));
	fput(mf);
	machine_destroy(f.m);
}

TEST(a_write_at_one_tib_costs_one_frame_and_a_few_tree_nodes)
{
	struct mmsim_meminfo before, after;
	struct fixture f;
	struct file *mf;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	machine_meminfo(f.m, &before);
	ASSERT_EQ(kernel_write(mf, "\x2a", 1, 1UL << 40), 1);
	machine_meminfo(f.m, &after);
	ASSERT_EQ(after.frames_used, before.frames_used + 1);
	ASSERT_LE(xa_node_bytes(&mf->f_mapping->i_pages), 5 * 600);
	ASSERT_EQ(mf->f_inode->i_size, (1L << 40) + 1);
	ASSERT_EQ(kernel_read(mf, &c, 1, 1UL << 40), 1);
	ASSERT_EQ(c, 0x2a);
	ASSERT_EQ(kernel_read(mf, &c, 1, 1UL << 39), 1);	/* a hole reads 0 */
	ASSERT_EQ(c, 0);
	ASSERT_EQ(mf->f_mapping->nrpages, 1);			/* and stays a hole */
	CHECK_MM(f.m);
	ASSERT_EQ(vfs_truncate(mf, PG), 0);
	machine_meminfo(f.m, &after);
	ASSERT_EQ(after.frames_used, before.frames_used);
	ASSERT_EQ(xa_node_bytes(&mf->f_mapping->i_pages), 0);
	fput(mf);
	machine_destroy(f.m);
}

TEST(file_size_limit_is_llong_max_and_positions_past_it_are_einval)
{
	const loff_t max = 0x7fffffffffffffffLL;
	struct fixture f;
	struct file *mf;
	char c = 0;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(sys_memfd_create(f.m, "m", &mf), 0);
	ASSERT_EQ(vfs_truncate(mf, max), 0);
	ASSERT_EQ(vfs_truncate(mf, -1), -EINVAL);
	ASSERT_EQ(kernel_write(mf, "\x07", 1, max - 1), 1);	/* the last byte */
	ASSERT_EQ(kernel_write(mf, "\x07", 1, max), -EINVAL);	/* pos + count overflows */
	ASSERT_EQ(kernel_write(mf, "", 0, max), 0);
	ASSERT_EQ(kernel_write(mf, "\x07", 1, -1), -EINVAL);
	ASSERT_EQ(kernel_read(mf, &c, 1, max - 1), 1);
	ASSERT_EQ(c, 7);
	ASSERT_EQ(kernel_read(mf, &c, 1, max), -EINVAL);
	ASSERT_EQ(kernel_read(mf, &c, 1, -5), -EINVAL);
	CHECK_MM(f.m);
	fput(mf);
	sys_exit(f.t);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
