// SPDX-License-Identifier: GPL-2.0
/*
 * test_clear_refs.c - /proc/PID/clear_refs types 1-3
 * (lib/fs/proc/clear_refs.c): the accessed bit and the referenced flag
 * go, in the VMAs each type picks.
 */
#include "helpers.h"
#include "../../lib/internal.h"

static bool young(struct task_struct *t, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(t->mm, addr, NULL, NULL);

	return ptep && pte_young(ptep_get(ptep));
}

TEST(clear_refs_anon_clears_young_of_anonymous_vmas_only)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(sys_memfd_create(f.m, "f", &file), 0);
	ASSERT_EQ(vfs_truncate(file, PG), 0);
	ASSERT_EQ(sys_mmap(f.t, ARENA + 4 * PG, PG, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0), (long)(ARENA + 4 * PG));
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 4 * PG, 1, 1), 0);
	ASSERT_TRUE(young(f.t, ARENA) && young(f.t, ARENA + 4 * PG));
	ASSERT_EQ(clear_refs_write(f.t, 2), 0);
	ASSERT_FALSE(young(f.t, ARENA));
	ASSERT_TRUE(young(f.t, ARENA + 4 * PG));
	ASSERT_EQ(clear_refs_write(f.t, 3), 0);
	ASSERT_FALSE(young(f.t, ARENA + 4 * PG));
	ASSERT_EQ(clear_refs_write(f.t, 0), -EINVAL);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}
