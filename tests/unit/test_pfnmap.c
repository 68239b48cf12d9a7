// SPDX-License-Identifier: GPL-2.0
/*
 * test_pfnmap.c - the mapping APIs for driver memory and their errors:
 * remap_pfn_range, vmf_insert_pfn[_prot], vmf_insert_mixed[_mkwrite],
 * vm_insert_page[s], vm_map_pages, vmf_insert_pfn_pmd/pud, and
 * vm_normal_page()'s special-bit rules; each test is named after the rule.
 * A test driver runs the code under test from its ->mmap hook.
 */
#include "helpers.h"
#include "../../lib/internal.h"

static int (*mmap_hook)(struct vm_area_struct *vma);
static struct vm_area_struct *hooked;

static int test_mmap(struct file *file, struct vm_area_struct *vma)
{
	hooked = vma;
	return mmap_hook ? mmap_hook(vma) : 0;
}

static const struct file_operations test_fops = { .name = "/dev/test", .mmap = test_mmap };

/* Map @pages of the test device at ARENA with @hook as its ->mmap. */
static long map_dev(struct fixture *f, unsigned long pages, int flags,
		    int (*hook)(struct vm_area_struct *))
{
	struct inode *inode = shmem_inode_create("test");
	struct file *file = alloc_file(inode, &test_fops, FMODE_READ | FMODE_WRITE);
	long ret;

	mmap_hook = hook;
	hooked = NULL;
	ret = sys_mmap(f->t, ARENA, pages * PG, PROT_READ | PROT_WRITE,
		       flags | MAP_FIXED_NOREPLACE, file, 0);
	fput(file);
	return ret;
}

static pte_t pte_at(struct fixture *f, unsigned long addr)
{
	pte_t *ptep = walk_to_pte(f->t->mm, addr, NULL, NULL);

	return ptep ? *ptep : __pte(0);
}

static int hook_err;

static int hook_cow_partial_then_whole(struct vm_area_struct *vma)
{
	unsigned long pfn = io_pfn(&(struct fixture){ .m = current_machine() }, 8);

	hook_err = remap_pfn_range(vma, vma->vm_start + PG, pfn, PG, vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, pfn, 2 * PG, vma->vm_page_prot);
}

TEST(remap_pfn_range_cow_mapping_must_cover_whole_vma_and_sets_pgoff)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_dev(&f, 2, MAP_PRIVATE, hook_cow_partial_then_whole), ARENA);
	ASSERT_EQ(hook_err, -EINVAL);
	ASSERT_EQ(hooked->vm_pgoff, io_pfn(&f, 8));
	ASSERT_EQ(hooked->vm_flags & VMA_REMAP_FLAGS, VMA_REMAP_FLAGS);
	ASSERT_TRUE(pte_special(pte_at(&f, ARENA + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static int hook_shared_ranges(struct vm_area_struct *vma)
{
	unsigned long pfn = io_pfn(&(struct fixture){ .m = current_machine() }, 0);
	pgprot_t prot = vma->vm_page_prot;

	if (remap_pfn_range(vma, vma->vm_start + 1, pfn, PG, prot) != -EINVAL ||
	    remap_pfn_range(vma, vma->vm_start + PG, pfn, 4 * PG, prot) != -EINVAL ||
	    remap_pfn_range(vma, vma->vm_start - PG, pfn, PG, prot) != -EINVAL)
		return -EIO;
	if (remap_pfn_range(vma, vma->vm_start + PG, pfn, PG, prot) || vma->vm_pgoff)
		return -EIO;	/* partial is fine for a shared mapping */
	hook_err = remap_pfn_range(vma, vma->vm_start, pfn, 2 * PG, prot);
	return 0;
}

TEST(remap_pfn_range_rejects_bad_ranges_and_populated_ptes)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_dev(&f, 2, MAP_SHARED, hook_shared_ranges), ARENA);
	ASSERT_EQ(hook_err, -EBUSY);
	ASSERT_TRUE(pte_none(pte_at(&f, ARENA)));	/* the partial try was zapped */
	ASSERT_TRUE(pte_special(pte_at(&f, ARENA + PG)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static int hook_set(struct vm_area_struct *vma)
{
	vm_flags_set(vma, (vm_flags_t)(uintptr_t)vma->vm_private_data);
	return 0;
}

static int hook_pfnmap(struct vm_area_struct *vma) { vm_flags_set(vma, VM_PFNMAP | VM_IO); return 0; }
static int hook_mixed(struct vm_area_struct *vma) { vm_flags_set(vma, VM_MIXEDMAP); return 0; }

TEST(vmf_insert_pfn_misuse_is_sigbus)
{
	struct fixture f;
	struct vm_area_struct *vma;
	unsigned long pfn;

	ASSERT_EQ(fixture_init(&f), 0);
	pfn = io_pfn(&f, 3);
	ASSERT_EQ(map_dev(&f, 2, MAP_SHARED, hook_set), ARENA);
	vma = hooked;
	ASSERT_EQ(vmf_insert_pfn(vma, ARENA, pfn), VM_FAULT_SIGBUS);	/* neither */
	vm_flags_set(vma, VM_PFNMAP | VM_MIXEDMAP);
	ASSERT_EQ(vmf_insert_pfn(vma, ARENA, pfn), VM_FAULT_SIGBUS);	/* both */
	vm_flags_clear(vma, VM_PFNMAP);
	ASSERT_EQ(vmf_insert_pfn(vma, ARENA, f.m->ram_start + 0x100), VM_FAULT_SIGBUS);	/* mixed + struct page */
	vm_flags_clear(vma, VM_MIXEDMAP);
	vm_flags_set(vma, VM_PFNMAP);
	ASSERT_EQ(vmf_insert_pfn(vma, ARENA + 2 * PG, pfn), VM_FAULT_SIGBUS);	/* outside */
	ASSERT_EQ(vmf_insert_pfn(vma, ARENA, pfn), VM_FAULT_NOPAGE);
	ASSERT_EQ(vmf_insert_pfn(vma, ARENA, pfn + 1), VM_FAULT_NOPAGE);
	ASSERT_EQ(pte_pfn(pte_at(&f, ARENA)), pfn);	/* an existing entry stays */
	ASSERT_TRUE(pte_special(pte_at(&f, ARENA)));
	CHECK_MM(f.m);
	machine_destroy(f.m);

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_dev(&f, 1, MAP_PRIVATE, hook_pfnmap), ARENA);
	ASSERT_EQ(vmf_insert_pfn(hooked, ARENA, io_pfn(&f, 0)), VM_FAULT_SIGBUS);	/* PFNMAP + COW */
	machine_destroy(f.m);
}

TEST(vmf_insert_mixed_mkwrite_upgrades_only_the_same_pfn)
{
	struct fixture f;
	unsigned long pfn;
	pte_t pte;

	ASSERT_EQ(fixture_init(&f), 0);
	pfn = io_pfn(&f, 5);
	ASSERT_EQ(map_dev(&f, 2, MAP_SHARED, hook_mixed), ARENA);
	hooked->vm_page_prot = vm_get_page_prot(VM_READ);
	ASSERT_EQ(vmf_insert_mixed(hooked, ARENA, pfn), VM_FAULT_NOPAGE);
	ASSERT_FALSE(pte_write(pte_at(&f, ARENA)));
	ASSERT_EQ(vmf_insert_mixed_mkwrite(hooked, ARENA, pfn + 1), VM_FAULT_NOPAGE);
	ASSERT_FALSE(pte_write(pte_at(&f, ARENA)));
	ASSERT_EQ(vmf_insert_mixed_mkwrite(hooked, ARENA, pfn), VM_FAULT_NOPAGE);
	pte = pte_at(&f, ARENA);
	ASSERT_TRUE(pte_write(pte) && pte_dirty(pte) && pte_special(pte));
	ASSERT_EQ(vmf_insert_mixed_mkwrite(hooked, ARENA + PG, f.m->zero_pfn), VM_FAULT_SIGBUS);
	ASSERT_EQ(vmf_insert_mixed(hooked, ARENA + 2 * PG, pfn), VM_FAULT_SIGBUS);
	vm_flags_clear(hooked, VM_MIXEDMAP);
	ASSERT_EQ(vmf_insert_mixed(hooked, ARENA + PG, pfn), VM_FAULT_SIGBUS);
	vm_flags_set(hooked, VM_MIXEDMAP);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static struct page *kpages[4];

static int hook_insert(struct vm_area_struct *vma)
{
	return vm_insert_page(vma, vma->vm_start, kpages[0]);
}

TEST(vm_insert_page_maps_normal_refcounted_entry_and_sets_mixedmap)
{
	struct fixture f;
	struct folio *anon;

	ASSERT_EQ(fixture_init(&f), 0);
	kpages[0] = alloc_page(GFP_KERNEL);
	ASSERT_EQ(map_dev(&f, 2, MAP_SHARED, hook_insert), ARENA);
	ASSERT_TRUE(hooked->vm_flags & VM_MIXEDMAP);
	ASSERT_FALSE(pte_special(pte_at(&f, ARENA)));
	ASSERT_TRUE(vm_normal_page(hooked, ARENA, pte_at(&f, ARENA)) == kpages[0]);
	ASSERT_EQ(page_ref_count(kpages[0]), 2);
	ASSERT_EQ(page_mapcount(kpages[0]), 1);
	ASSERT_EQ(vm_insert_page(hooked, ARENA, kpages[0]), -EBUSY);
	ASSERT_EQ(vm_insert_page(hooked, ARENA + 2 * PG, kpages[0]), -EFAULT);
	anon = folio_alloc(GFP_HIGHUSER_MOVABLE, 0);
	folio_add_new_anon_rmap(anon, hooked, ARENA + PG, RMAP_EXCLUSIVE); /* just to make it anon */
	anon->page._mapcount = -1;
	ASSERT_EQ(vm_insert_page(hooked, ARENA + PG, &anon->page), -EINVAL);
	anon->page.mapping = NULL;
	folio_put(anon);
	add_mm_counter(f.t->mm, MM_ANONPAGES, -1);
	CHECK_MM(f.m);
	sys_munmap(f.t, ARENA, 2 * PG);
	ASSERT_EQ(page_ref_count(kpages[0]), 1);
	put_page(kpages[0]);
	machine_destroy(f.m);
}

TEST(vm_insert_page_on_pfnmap_is_einval)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	kpages[0] = alloc_page(GFP_KERNEL);
	ASSERT_EQ(map_dev(&f, 1, MAP_SHARED, hook_pfnmap), ARENA);
	ASSERT_EQ(vm_insert_page(hooked, ARENA, kpages[0]), -EINVAL);
	put_page(kpages[0]);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static int hook_insert_pages(struct vm_area_struct *vma)
{
	unsigned long n = 3;

	if (vm_insert_page(vma, vma->vm_start + PG, kpages[3]))
		return -EIO;
	hook_err = vm_insert_pages(vma, vma->vm_start, kpages, &n);
	return n == 2 ? 0 : -EIO;	/* page 0 mapped, 1 busy: 2 left */
}

TEST(vm_insert_pages_returns_the_number_not_mapped)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	for (int i = 0; i < 4; i++)
		kpages[i] = alloc_page(GFP_KERNEL);
	ASSERT_EQ(map_dev(&f, 3, MAP_SHARED, hook_insert_pages), ARENA);
	ASSERT_EQ(hook_err, -EBUSY);
	CHECK_MM(f.m);
	sys_munmap(f.t, ARENA, 3 * PG);
	for (int i = 0; i < 4; i++)
		put_page(kpages[i]);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static int hook_map_pages(struct vm_area_struct *vma)
{
	return vm_map_pages(vma, kpages, 2);
}

TEST(vm_map_pages_beyond_the_array_is_enxio)
{
	struct fixture f;

	ASSERT_EQ(fixture_init(&f), 0);
	kpages[0] = alloc_page(GFP_KERNEL);
	kpages[1] = alloc_page(GFP_KERNEL);
	ASSERT_EQ(map_dev(&f, 3, MAP_SHARED, hook_map_pages), -ENXIO);
	ASSERT_EQ(map_dev(&f, 2, MAP_SHARED, hook_map_pages), ARENA);
	ASSERT_EQ(page_mapcount(kpages[1]), 1);
	sys_munmap(f.t, ARENA, 2 * PG);
	put_page(kpages[0]);
	put_page(kpages[1]);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vmf_insert_pfn_pmd_installs_special_leaf_and_checks_misuse)
{
	struct fixture f;
	struct vm_fault vmf = { 0 };
	unsigned long pfn;
	pmd_t *leaf = NULL;

	ASSERT_EQ(fixture_init(&f), 0);
	pfn = io_pfn(&f, 512);
	ASSERT_EQ(map_dev(&f, 1024, MAP_SHARED, hook_set), ARENA);
	vmf.vma = hooked;
	vmf.address = ARENA;
	vmf.pud = pud_alloc(f.t->mm, pgd_offset(f.t->mm, ARENA), ARENA);
	vmf.pmd = pmd_alloc(f.t->mm, vmf.pud, ARENA);
	ASSERT_EQ(vmf_insert_pfn_pmd(&vmf, pfn, false), VM_FAULT_SIGBUS);	/* no PFNMAP */
	vm_flags_set(hooked, VM_PFNMAP | VM_IO);
	hooked->vm_page_prot = vm_get_page_prot(VM_READ);	/* as if write-notified */
	ASSERT_EQ(vmf_insert_pfn_pud(&vmf, pfn, false), VM_FAULT_SIGBUS);	/* does not fit */
	ASSERT_EQ(vmf_insert_pfn_pmd(&vmf, pfn, false), VM_FAULT_NOPAGE);
	walk_to_pte(f.t->mm, ARENA, &leaf, NULL);
	ASSERT_TRUE(leaf && pmd_special(*leaf) && !pmd_write(*leaf));
	ASSERT_TRUE(vm_normal_page_pmd(hooked, ARENA, *leaf) == NULL);
	ASSERT_EQ(vmf_insert_pfn_pmd(&vmf, pfn, true), VM_FAULT_NOPAGE);
	ASSERT_TRUE(pmd_write(*leaf));
	CHECK_MM(f.m);
	leaf->pmd &= ~(uint64_t)_PAGE_SPECIAL;
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	leaf->pmd |= _PAGE_SPECIAL | (1UL << PAGE_SHIFT);
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);	/* unaligned PFN */
	leaf->pmd &= ~(1UL << PAGE_SHIFT);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(vm_normal_page_special_bit_decides_and_flags_bad_maps)
{
	struct fixture f;
	struct vm_area_struct *vma;
	unsigned long bad;
	pte_t pte;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), 0);
	vma = vma_lookup(f.t->mm, ARENA);
	pte = pte_at(&f, ARENA);
	ASSERT_TRUE(vm_normal_page(vma, ARENA, pte) != NULL);
	bad = f.m->ev.bad_page_map;
	ASSERT_TRUE(vm_normal_page(vma, ARENA, pte_mkspecial(pte)) == NULL);
	ASSERT_EQ(f.m->ev.bad_page_map, bad + 1);	/* special in a normal VMA */
	ASSERT_TRUE(vm_normal_page(vma, ARENA, pte_mkspecial(pfn_pte(f.m->zero_pfn, vma->vm_page_prot))) == NULL);
	ASSERT_TRUE(vm_normal_page(vma, ARENA, pfn_pte(f.m->zero_pfn, vma->vm_page_prot)) == NULL);
	ASSERT_EQ(f.m->ev.bad_page_map, bad + 1);	/* the zero page is fine */
	ASSERT_TRUE(vm_normal_folio(vma, ARENA, pte) == page_folio(vm_normal_page(vma, ARENA, pte)));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

static unsigned long prepare_extra;

static int test_mmap_prepare(struct vm_area_desc *desc)
{
	unsigned long start, nr;

	machine_io_range(desc->mm->machine, &start, &nr);
	remap_pfn_range_prepare(desc, start + 2);
	desc->action.nr_pages += prepare_extra;
	desc->action.nr_writable = 1;
	return 0;
}

static const struct file_operations prepare_fops = {
	.name = "/dev/test", .mmap_prepare = test_mmap_prepare,
};

static long map_prepare(struct fixture *f, int flags)
{
	struct inode *inode = shmem_inode_create("test");
	struct file *file = alloc_file(inode, &prepare_fops, FMODE_READ | FMODE_WRITE);
	long ret = sys_mmap(f->t, ARENA, 2 * PG, PROT_READ | PROT_WRITE,
			    flags | MAP_FIXED_NOREPLACE, file, 0);

	fput(file);
	return ret;
}

TEST(mmap_prepare_action_maps_after_prot_is_settled_and_fails_whole)
{
	struct fixture f;
	struct vm_area_struct *vma;

	ASSERT_EQ(fixture_init(&f), 0);
	prepare_extra = 0;
	ASSERT_EQ(map_prepare(&f, MAP_PRIVATE), ARENA);
	vma = vma_lookup(f.t->mm, ARENA);
	ASSERT_EQ(vma->vm_flags & VMA_REMAP_FLAGS, VMA_REMAP_FLAGS);
	ASSERT_EQ(vma->vm_pgoff, pte_pfn(pte_at(&f, ARENA)));	/* COW: pgoff = pfn */
	ASSERT_FALSE(pte_write(pte_at(&f, ARENA)));	/* private: never writable */
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	ASSERT_EQ(map_prepare(&f, MAP_SHARED), ARENA);
	ASSERT_TRUE(pte_write(pte_at(&f, ARENA)));	/* nr_writable = 1 */
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	prepare_extra = 1;				/* describes more than the VMA */
	ASSERT_EQ(map_prepare(&f, MAP_SHARED), -EINVAL);
	ASSERT_TRUE(vma_lookup(f.t->mm, ARENA) == NULL);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/* ---- special entries to RAM: what the checker counts -------------------- */

static struct page *drvbuf[256];	/* the driver's buffer, a page each */
static unsigned long drvbuf_pages;

/* Each page of the buffer allocated and remapped on its own. */
static int hook_remap_kernel_pages(struct vm_area_struct *vma)
{
	drvbuf_pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	for (unsigned long i = 0; i < drvbuf_pages; i++) {
		int err;

		drvbuf[i] = alloc_pages(GFP_KERNEL, 0);
		if (!drvbuf[i])
			return -ENOMEM;
		err = remap_pfn_range(vma, vma->vm_start + i * PG,
				      page_to_pfn(drvbuf[i]), PG, vma->vm_page_prot);
		if (err)
			return err;
	}
	return 0;
}

/* The buffer given back (its mapping gone). */
static void free_drvbuf(void)
{
	for (unsigned long i = 0; i < drvbuf_pages; i++)
		__free_pages(drvbuf[i], 0);
}

/*
 * @pages of the driver's buffer mapped at ARENA, and 8 MiB written
 * elsewhere, so that a change to a few frames is checked incrementally.
 */
static int map_kernel_pages(struct fixture *f, unsigned long pages)
{
	unsigned long at = ARENA + (1UL << 30), len = 8UL << 20;

	if (fixture_init(f) ||
	    map_anon(f, at, len, PROT_READ | PROT_WRITE, MAP_PRIVATE) != (long)at ||
	    uaccess_memset(f->t, at, 1, len) ||
	    map_dev(f, pages, MAP_SHARED, hook_remap_kernel_pages) != (long)ARENA)
		return -1;
	return mm_check_changes(f->m);	/* the first is full */
}

/*
 * The driver frees its buffer while a special entry still maps it, in
 * a later step than the one that mapped it: only the frame is logged.
 * Both checks must see it.  Catches check_logged_frame() not asking for
 * the special entries page_table_check counted on a frame gone free.
 */
TEST(both_checks_catch_a_special_entry_to_a_page_freed_later)
{
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;
		unsigned long pfn;

		ASSERT_EQ(map_kernel_pages(&f, 1), 0);
		ASSERT_EQ(mm_check_changes(f.m), 0);
		pfn = page_to_pfn(drvbuf[0]);
		ASSERT_EQ(special_count_get(&f.m->ck, pfn), 1);
		get_page(drvbuf[0]);		/* kept, to give back after */
		free_drvbuf();
		drvbuf[0]->_refcount = 0;	/* as if that was the last */
		ASSERT_EQ(f.m->ck.nr_ranges, 0);
		ASSERT_EQ(incremental ? mm_check_changes(f.m) : mm_check(f.m), -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), incremental ? 2UL : 0UL);
		ASSERT_TRUE(strstr(mm_check_report(f.m), incremental ?
				   "is free, but 1 special entries map it" :
				   "special entry at 100000000000 maps free pfn") != NULL);
		drvbuf[0]->_refcount = 1;
		ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
		ASSERT_EQ(special_count_get(&f.m->ck, pfn), 0);
		free_drvbuf();
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

/*
 * The driver's page taken for a page table while a special entry still
 * maps it (as if freed and allocated again): only the frame is logged.
 * Catches check_logged_frame() asking for special entries only of
 * frames gone free.
 */
TEST(both_checks_catch_a_special_entry_to_a_page_turned_page_table)
{
	for (int incremental = 0; incremental < 2; incremental++) {
		struct fixture f;

		ASSERT_EQ(map_kernel_pages(&f, 1), 0);
		SetPageTable(drvbuf[0]);
		ASSERT_EQ(incremental ? mm_check_changes(f.m) : mm_check(f.m), -EUCLEAN);
		ASSERT_EQ(mm_check_commands(f.m), incremental ? 1UL : 0UL);
		ASSERT_TRUE(strstr(mm_check_report(f.m), incremental ?
				   "is a page table, but 1 special entries map it" :
				   "special entry at 100000000000 maps page-table pfn") != NULL);
		ClearPageTable(drvbuf[0]);
		ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
		free_drvbuf();
		CHECK_MM(f.m);
		machine_destroy(f.m);
	}
}

/*
 * A special entry written around set_pte_at(), then one cleared around
 * it: the full check recounts the special entries to each RAM frame and
 * finds page_table_check's counts wrong - which is what makes the
 * incremental rule above sound.  Catches special_count_check() left out
 * of mm_check(), or comparing only the frames the recount found.
 */
TEST(check_catches_a_special_entry_written_around_set_pte_at)
{
	struct fixture f;
	pte_t *ptep;
	pte_t pte;

	ASSERT_EQ(map_kernel_pages(&f, 2), 0);
	ptep = walk_to_pte(f.t->mm, ARENA, NULL, NULL);
	pte = ptep[1];
	ptep[1] = ptep[0];		/* the first page mapped twice */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "2 special entries map it, but 1 were set through set_pte_at()") != NULL);
	ptep[1] = __pte(0);		/* the second page mapped by none */
	ASSERT_EQ(mm_check(f.m), -EUCLEAN);
	ASSERT_TRUE(strstr(mm_check_report(f.m),
			   "2 frames have special entries set through set_pte_at(), 1 are mapped by any") != NULL);
	ptep[1] = pte;
	CHECK_MM(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 2 * PG), 0);
	free_drvbuf();
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The counts given up (as when the host runs out of memory for them):
 * the incremental check cannot judge a frame by them, and the next full
 * check counts them afresh.  Catches special_count_check() not taking
 * the recount in place of counts lost.
 */
TEST(full_check_counts_special_entries_afresh_after_the_counts_were_lost)
{
	struct fixture f;
	unsigned long pfn;

	ASSERT_EQ(map_kernel_pages(&f, 4), 0);
	pfn = page_to_pfn(drvbuf[3]);
	f.m->ck.special_lost = true;
	ASSERT_EQ(special_count_get(&f.m->ck, pfn), -1);
	CHECK_MM(f.m);
	ASSERT_FALSE(f.m->ck.special_lost);
	ASSERT_EQ(f.m->ck.nr_special, 4);
	ASSERT_EQ(special_count_get(&f.m->ck, pfn), 1);
	ASSERT_EQ(sys_munmap(f.t, ARENA, 4 * PG), 0);
	ASSERT_EQ(f.m->ck.nr_special, 0);
	free_drvbuf();
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * 256 frames special-mapped, then unmapped 8 at a time from the
 * middle out: the counts grow their table past its first size and
 * shrink back to none, each frame's count right all along.  Catches a
 * table that loses a count when it grows, or when a slot emptied
 * before it is refilled (special_delete()'s moves).
 */
TEST(special_entry_counts_follow_a_buffer_mapped_and_unmapped_in_pieces)
{
	struct fixture f;
	unsigned long n = 256;

	ASSERT_EQ(map_kernel_pages(&f, n), 0);
	ASSERT_EQ(f.m->ck.nr_special, n);
	ASSERT_TRUE(f.m->ck.special_mask + 1 > 64);
	for (unsigned long i = 0; i < n; i++)
		ASSERT_EQ(special_count_get(&f.m->ck, page_to_pfn(drvbuf[i])), 1);
	for (unsigned long k = 0; k < n / 2; k += 8) {
		ASSERT_EQ(sys_munmap(f.t, ARENA + (n / 2 + k) * PG, 8 * PG), 0);
		ASSERT_EQ(sys_munmap(f.t, ARENA + (n / 2 - k - 8) * PG, 8 * PG), 0);
		ASSERT_EQ(f.m->ck.nr_special, n - 2 * (k + 8));
		for (unsigned long i = 0; i < n; i++) {
			bool mapped = i < n / 2 - k - 8 || i >= n / 2 + k + 8;

			ASSERT_EQ(special_count_get(&f.m->ck, page_to_pfn(drvbuf[i])),
				  mapped ? 1 : 0);
		}
		CHECK_MM(f.m);
	}
	ASSERT_EQ(f.m->ck.nr_special, 0);
	free_drvbuf();
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

/*
 * The counts' table itself, with frames chosen to fall into one run of
 * slots (PFNs 2^26 apart share a home slot while the table has 64):
 * counts taken out of the middle, the front and the end of the run
 * leave every other count where a lookup finds it.  Catches a deletion
 * that empties a slot without moving back the entries probed past it.
 */
TEST(special_entry_counts_survive_deletions_inside_a_run_of_colliding_frames)
{
	struct check_log ck = { 0 };
	const unsigned long step = 1UL << 26;
	const int order[] = { 5, 0, 11, 3, 7 };
	bool gone[12] = { false };

	for (unsigned long i = 0; i < 12; i++)
		special_count_add(&ck, 7 + i * step, (long)i + 1);
	ASSERT_EQ(ck.special_mask, 63);
	ASSERT_EQ(ck.nr_special, 12);
	for (int d = 0; d < 5; d++) {
		int k = order[d];

		special_count_add(&ck, 7 + k * step, -(long)k - 1);
		gone[k] = true;
		ASSERT_EQ(ck.nr_special, 12 - d - 1);
		for (unsigned long i = 0; i < 12; i++)
			ASSERT_EQ(special_count_get(&ck, 7 + i * step), gone[i] ? 0 : (long)i + 1);
	}
	special_count_add(&ck, 7 + 5 * step, 1);	/* back in */
	ASSERT_EQ(special_count_get(&ck, 7 + 5 * step), 1);
	ASSERT_EQ(special_count_get(&ck, 7 + 6 * step), 7);
	free(ck.special);
}

/*
 * A machine torn down while the driver's pages are still mapped: the
 * teardown's zaps must not start the counts afresh after they were
 * freed (a leak under `make test SANITIZE=address`, found by the fuzzer
 * replaying tests/regress/).  Catches page_table_check_exit() leaving
 * the counts open to the zaps that follow it.
 */
TEST(machine_destroy_under_special_entries_counts_nothing_after_the_checker_exits)
{
	struct fixture f;

	ASSERT_EQ(map_kernel_pages(&f, 2), 0);
	ASSERT_EQ(f.m->ck.nr_special, 2);
	page_table_check_exit(f.m);
	ASSERT_EQ(sys_munmap(f.t, ARENA, PG), 0);
	ASSERT_TRUE(f.m->ck.special == NULL);
	machine_destroy(f.m);
}
