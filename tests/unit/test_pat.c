// SPDX-License-Identifier: GPL-2.0
/*
 * test_pat.c - x86 PAT tracking of remap_pfn_range() (seed 004): the
 * memtype tree's conflict rules, the kref'd pfnmap_track_ctx shared by
 * split, mremap and fork, both `design pat=` choices, every error path,
 * and invariant 6 broken on purpose.  Tests are named after the property.
 */
#include <limits.h>

#include "helpers.h"
#include "../../lib/internal.h"

static enum page_cache_mode want = _PAGE_CACHE_MODE_WB;
static unsigned long first_io;		/* I/O frame the hook maps from */
static long ram_back;			/* nonzero: start that many frames before */
static unsigned long ram_pfn;		/* nonzero: map these RAM frames */
static struct vm_area_struct *hooked;

static int hook_whole(struct vm_area_struct *vma)
{
	unsigned long start, nr;

	hooked = vma;
	machine_io_range(current_machine(), &start, &nr);
	pgprot_set_cachemode(&vma->vm_page_prot, want);
	if (ram_back)
		start = current_machine()->ram_start + current_machine()->ram_pages - ram_back;
	if (ram_pfn)
		start = ram_pfn;
	return remap_pfn_range(vma, vma->vm_start, start + first_io,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int hook_partial(struct vm_area_struct *vma)
{
	unsigned long start, nr;

	hooked = vma;
	machine_io_range(current_machine(), &start, &nr);
	pgprot_set_cachemode(&vma->vm_page_prot, want);
	return remap_pfn_range(vma, vma->vm_start + PG, start + first_io, 2 * PG,
			       vma->vm_page_prot);
}

static int (*hook)(struct vm_area_struct *vma) = hook_whole;

static int pat_mmap(struct file *file, struct vm_area_struct *vma)
{
	return hook(vma);
}

static const struct file_operations pat_fops = { .name = "/dev/pat", .mmap = pat_mmap };

/* @pages of the test device at @addr, from I/O frame @io in mode @pcm. */
static long map_io(struct fixture *f, unsigned long addr, unsigned long pages,
		   unsigned long io, enum page_cache_mode pcm)
{
	struct inode *inode = shmem_inode_create("pat");
	struct file *file = inode ? alloc_file(inode, &pat_fops,
					       FMODE_READ | FMODE_WRITE) : NULL;
	long ret;

	if (!file) {
		if (inode)
			iput(inode);
		return -ENOMEM;
	}
	want = pcm;
	first_io = io;
	ret = sys_mmap(f->t, addr, pages * PG, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0);
	fput(file);
	return ret;
}

static int pte_mode(struct fixture *f, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(f->t->mm, addr, NULL, NULL);

	return ptep && pte_present(*ptep) ? (int)pgprot2cachemode(__pgprot(pte_val(*ptep))) : -1;
}

static int init(struct fixture *f, enum pat_design d)
{
	int err = fixture_init(f);

	hook = hook_whole;
	if (!err)
		f->m->design.value[DESIGN_PAT] = d;
	return err;
}

static void whole_range_tracked_until_last_vma(enum pat_design d)
{
	struct fixture f;

	ASSERT_EQ(init(&f, d), 0);
	ASSERT_EQ(map_io(&f, ARENA, 4, 0, _PAGE_CACHE_MODE_WC), ARENA);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 3)), _PAGE_CACHE_MODE_WC);
	ASSERT_EQ(pte_mode(&f, ARENA + 3 * PG), _PAGE_CACHE_MODE_WC);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA + PG, 2 * PG), 0);	/* split: 2 VMAs */
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(f.t->mm, ARENA))->kref, 2);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 1)), _PAGE_CACHE_MODE_WC);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 0)), _PAGE_CACHE_MODE_WC);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA + 3 * PG, PG), 0);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 0)), _PAGE_CACHE_MODE_UC_MINUS);
	ASSERT_TRUE(list_empty(&f.m->pat.memtypes));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_whole_remap_range_stays_tracked_until_last_vma_goes)
{
	whole_range_tracked_until_last_vma(PAT_VMA_CTX);
}

TEST(pat_global_whole_remap_range_stays_tracked_until_last_vma_goes)
{
	whole_range_tracked_until_last_vma(PAT_GLOBAL);
}

static void fork_and_mremap_share_the_ctx(enum pat_design d)
{
	struct task_struct *child;
	struct fixture f;
	long to = ARENA + 64 * PG;

	ASSERT_EQ(init(&f, d), 0);
	ASSERT_EQ(map_io(&f, ARENA, 2, 0, _PAGE_CACHE_MODE_UC), ARENA);
	ASSERT_EQ(sys_fork(f.t, &child), 0);
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(child->mm, ARENA)),
		  vma_pfnmap_ctx(vma_lookup(f.t->mm, ARENA)));
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(child->mm, ARENA))->kref, 2);
	CHECK_MM(f.m);
	ASSERT_EQ(sys_mremap(f.t, ARENA, 2 * PG, 2 * PG,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to), to);
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(f.t->mm, to))->kref, 2);
	CHECK_MM(f.m);
	sys_exit(child);
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(f.t->mm, to))->kref, 1);
	ASSERT_EQ(lookup_memtype(io_pfn(&f, 1)), _PAGE_CACHE_MODE_UC);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_fork_and_mremap_share_one_ctx)
{
	fork_and_mremap_share_the_ctx(PAT_VMA_CTX);
}

TEST(pat_global_fork_and_mremap_share_one_record)
{
	fork_and_mremap_share_the_ctx(PAT_GLOBAL);
}

TEST(pat_second_whole_remap_of_a_tracked_vma_is_einval)
{
	struct fixture f;
	struct vm_area_struct *vma;
	unsigned long pfn = 0;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(map_io(&f, ARENA, 2, 0, _PAGE_CACHE_MODE_WB), ARENA);
	vma = vma_lookup(f.t->mm, ARENA);
	pfn = io_pfn(&f, 8);
	ASSERT_EQ(remap_pfn_range(vma, ARENA, pfn, 2 * PG, vma->vm_page_prot), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_partial_remap_reserves_nothing_and_takes_the_frames_mode)
{
	struct fixture f;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(map_io(&f, ARENA, 2, 4, _PAGE_CACHE_MODE_WC), ARENA);
	hook = hook_partial;	/* frames 4-5 are WC now: a WB request gets WC */
	ASSERT_EQ(map_io(&f, ARENA + 8 * PG, 3, 4, _PAGE_CACHE_MODE_WB), ARENA + 8 * PG);
	ASSERT_EQ(pte_mode(&f, ARENA + 9 * PG), _PAGE_CACHE_MODE_WC);
	ASSERT_TRUE(!vma_pfnmap_ctx(hooked));
	ASSERT_EQ(map_io(&f, ARENA + 16 * PG, 3, 20, _PAGE_CACHE_MODE_WB), ARENA + 16 * PG);
	ASSERT_EQ(pte_mode(&f, ARENA + 17 * PG), _PAGE_CACHE_MODE_UC_MINUS);
	/* a partial range straddling two modes is refused */
	ASSERT_EQ(map_io(&f, ARENA + 24 * PG, 3, 5, _PAGE_CACHE_MODE_WB), -EINVAL);
	hook = hook_whole;
	ASSERT_EQ(map_io(&f, ARENA + 32 * PG, 1, 6, _PAGE_CACHE_MODE_WB), ARENA + 32 * PG);
	hook = hook_partial;
	ASSERT_EQ(map_io(&f, ARENA + 40 * PG, 3, 6, _PAGE_CACHE_MODE_WB), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_conflicting_cache_mode_is_einval_compatible_one_is_adopted)
{
	struct fixture f;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(map_io(&f, ARENA, 4, 0, _PAGE_CACHE_MODE_WB), ARENA);
	/* WC requested, WB granted: not allowed */
	ASSERT_EQ(map_io(&f, ARENA + 8 * PG, 2, 2, _PAGE_CACHE_MODE_WC), -EINVAL);
	CHECK_MM(f.m);
	machine_destroy(f.m);

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(map_io(&f, ARENA, 4, 0, _PAGE_CACHE_MODE_WC), ARENA);
	/* UC- and WB requests over WC are granted WC */
	ASSERT_EQ(map_io(&f, ARENA + 8 * PG, 2, 2, _PAGE_CACHE_MODE_UC_MINUS), ARENA + 8 * PG);
	ASSERT_EQ(pte_mode(&f, ARENA + 8 * PG), _PAGE_CACHE_MODE_WC);
	ASSERT_EQ(map_io(&f, ARENA + 16 * PG, 2, 3, _PAGE_CACHE_MODE_WB), ARENA + 16 * PG);
	ASSERT_EQ(pte_mode(&f, ARENA + 16 * PG), _PAGE_CACHE_MODE_WC);
	CHECK_MM(f.m);
	/* two overlapping entries that disagree: -EBUSY from the tree */
	ASSERT_EQ(memtype_reserve(io_pfn(&f, 10), io_pfn(&f, 12), _PAGE_CACHE_MODE_UC, NULL), 0);
	ASSERT_EQ(memtype_reserve(io_pfn(&f, 11), io_pfn(&f, 13), _PAGE_CACHE_MODE_WB, NULL), -EBUSY);
	ASSERT_EQ(memtype_reserve(io_pfn(&f, 3), io_pfn(&f, 11), _PAGE_CACHE_MODE_WC, NULL), -EBUSY);
	ASSERT_EQ(memtype_reserve(io_pfn(&f, 3), io_pfn(&f, 3), _PAGE_CACHE_MODE_WC, NULL), -EINVAL);
	ASSERT_EQ(memtype_free(io_pfn(&f, 10), io_pfn(&f, 11)), -EINVAL);	/* not exact */
	ASSERT_EQ(memtype_free(io_pfn(&f, 10), io_pfn(&f, 12)), 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_dup_of_a_saturated_ctx_fails_enomem)
{
	struct fixture f;
	struct pfnmap_track_ctx *ctx;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(map_io(&f, ARENA, 4, 0, _PAGE_CACHE_MODE_WB), ARENA);
	ctx = vma_pfnmap_ctx(vma_lookup(f.t->mm, ARENA));
	ctx->kref = INT_MAX;
	ASSERT_EQ(sys_munmap(f.t, ARENA + PG, PG), -ENOMEM);
	ctx->kref = 1;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* Every allocation of a tracked mmap, split and fork fails once. */
static void survives_every_allocation_failure(enum pat_design d)
{
	struct task_struct *child;
	struct fixture f;
	int ok = 0;

	for (unsigned long n = 1; n < 64 && ok < 3; n++) {
		ASSERT_EQ(init(&f, d), 0);
		mmsim_fail_nth(f.m, n);
		if (map_io(&f, ARENA, 4, 0, _PAGE_CACHE_MODE_WC) == (long)ARENA &&
		    !sys_munmap(f.t, ARENA + PG, PG) &&
		    !sys_fork(f.t, &child))
			ok++;
		mmsim_fail_nth(f.m, 0);
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
	ASSERT_EQ(ok, 3);
}

TEST(pat_every_allocation_failure_leaves_the_tree_consistent)
{
	survives_every_allocation_failure(PAT_VMA_CTX);
}

TEST(pat_global_every_allocation_failure_leaves_the_tree_consistent)
{
	survives_every_allocation_failure(PAT_GLOBAL);
}

TEST(pat_design_switch_is_ebusy_while_tracking_lives)
{
	struct fixture f;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(pat_may_switch(), 0);
	ASSERT_EQ(map_io(&f, ARENA, 1, 0, _PAGE_CACHE_MODE_WB), ARENA);
	ASSERT_EQ(pat_may_switch(), -EBUSY);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	ASSERT_EQ(pat_may_switch(), 0);
	machine_destroy(f.m);
}

TEST(pat_check_catches_stray_memtype_missing_memtype_and_bad_kref)
{
	struct fixture f;
	struct pfnmap_track_ctx *ctx;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	ASSERT_EQ(map_io(&f, ARENA, 2, 0, _PAGE_CACHE_MODE_WC), ARENA);
	CHECK_MM(f.m);
	ASSERT_EQ(memtype_reserve(io_pfn(&f, 8), io_pfn(&f, 9), _PAGE_CACHE_MODE_UC, NULL), 0);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);		/* no context holds it */
	ASSERT_EQ(memtype_free(io_pfn(&f, 8), io_pfn(&f, 9)), 0);
	CHECK_MM(f.m);
	ASSERT_EQ(memtype_free(io_pfn(&f, 0), io_pfn(&f, 2)), 0);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);		/* the context lost it */
	ASSERT_EQ(memtype_reserve(io_pfn(&f, 0), io_pfn(&f, 2), _PAGE_CACHE_MODE_WC, NULL), 0);
	CHECK_MM(f.m);
	ctx = vma_pfnmap_ctx(vma_lookup(f.t->mm, ARENA));
	ctx->kref = 2;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);		/* one VMA, two refs */
	ctx->kref = 1;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_global_check_catches_a_link_to_a_dead_vma)
{
	struct fixture f;
	struct vm_area_struct *vma;

	ASSERT_EQ(init(&f, PAT_GLOBAL), 0);
	ASSERT_EQ(map_io(&f, ARENA, 2, 0, _PAGE_CACHE_MODE_WC), ARENA);
	vma = vma_lookup(f.t->mm, ARENA);
	ASSERT_TRUE(!vma->pfnmap_track_ctx);
	vma->pfnmap_track_ctx = vma_pfnmap_ctx(vma);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);		/* a pointer in global */
	vma->pfnmap_track_ctx = NULL;
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(pat_ram_is_not_reserved_and_a_ram_io_mix_is_einval)
{
	struct fixture f;

	ASSERT_EQ(init(&f, PAT_VMA_CTX), 0);
	struct page *ram = alloc_pages(GFP_KERNEL, 1);

	ram[1]._refcount = 1;		/* split_page(): two pages, each held */
	ram[1]._mapcount = -1;
	ram[1].flags = ram[0].flags;	/* PG_kernel */
	ASSERT_EQ(f.m->ram_start + f.m->ram_pages <= io_pfn(&f, 0), 1);
	ram_pfn = page_to_pfn(ram);	/* two RAM frames: WB, never in the tree */
	ASSERT_EQ(map_io(&f, ARENA, 2, 0, _PAGE_CACHE_MODE_WC), ARENA);
	ram_pfn = 0;
	ASSERT_EQ(pte_mode(&f, ARENA), _PAGE_CACHE_MODE_WB);
	ASSERT_TRUE(list_empty(&f.m->pat.memtypes));
	ASSERT_EQ(vma_pfnmap_ctx(vma_lookup(f.t->mm, ARENA))->kref, 1);
	CHECK_MM(f.m);
	ram_back = 1;		/* the last RAM frame and the hole after it */
	ASSERT_EQ(map_io(&f, ARENA + 8 * PG, 2, 0, _PAGE_CACHE_MODE_WB), -EINVAL);
	ram_back = 0;
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ram[0]._refcount = 1;	/* back as alloc_pages() gave them */
	ram[1]._refcount = 0;
	ram[1].flags = 0;
	__free_pages(ram, 1);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
