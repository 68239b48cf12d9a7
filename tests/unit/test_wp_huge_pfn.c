// SPDX-License-Identifier: GPL-2.0
/*
 * test_wp_huge_pfn.c - a write to a read-only huge PFN-map leaf (Linux
 * 6.18 wp_huge_pmd() for VMAs that are not anonymous): a shared VMA's
 * ->huge_fault gets it at PMD order; without ->huge_fault, or when it
 * falls back, the leaf is dropped and the fault goes on at the PTE
 * level, where ->fault maps the page read-only and ->pfn_mkwrite sees
 * the write.  A test device maps I/O memory write-notified (VM_PFNMAP,
 * read-only vm_page_prot) with a PMD leaf installed up front.
 */
#include "helpers.h"
#include "../../lib/internal.h"

static unsigned long base_pfn;
static int fault_calls, huge_calls, mkwrite_calls;
static bool huge_falls_back;

static vm_fault_t dev_fault(struct vm_fault *vmf)
{
	fault_calls++;
	return vmf_insert_pfn(vmf->vma, vmf->address, base_pfn + vmf->pgoff);
}

static vm_fault_t dev_pfn_mkwrite(struct vm_fault *vmf)
{
	mkwrite_calls++;
	return 0;
}

static vm_fault_t dev_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	huge_calls++;
	if (huge_falls_back || order != PMD_SHIFT - PAGE_SHIFT)
		return VM_FAULT_FALLBACK;
	return vmf_insert_pfn_pmd(vmf, base_pfn, vmf->flags & FAULT_FLAG_WRITE);
}

static const struct vm_operations_struct ops_plain = {
	.fault = dev_fault, .pfn_mkwrite = dev_pfn_mkwrite,
};
static const struct vm_operations_struct ops_huge = {
	.fault = dev_fault, .pfn_mkwrite = dev_pfn_mkwrite,
	.huge_fault = dev_huge_fault,
};
static const struct vm_operations_struct *dev_ops;

static int dev_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_PFNMAP | VM_IO);
	vma->vm_ops = dev_ops;
	return 0;
}

static const struct file_operations dev_fops = { .name = "/dev/hugepfn", .mmap = dev_mmap };

/* Map 2 MiB of the device at ARENA with a read-only PMD leaf over it. */
static struct vm_area_struct *map_with_leaf(struct fixture *f,
					    const struct vm_operations_struct *ops)
{
	struct inode *inode = shmem_inode_create("hugepfn");
	struct file *file = alloc_file(inode, &dev_fops, FMODE_READ | FMODE_WRITE);
	struct vm_fault vmf = { 0 };
	struct vm_area_struct *vma;
	long ret;

	dev_ops = ops;
	fault_calls = huge_calls = mkwrite_calls = 0;
	ret = sys_mmap(f->t, ARENA, PMD_SIZE, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_FIXED_NOREPLACE, file, 0);
	fput(file);
	if (ret != (long)ARENA)
		return NULL;
	vma = find_vma(f->t->mm, ARENA);
	vma->vm_page_prot = vm_get_page_prot(VM_READ);	/* write-notified */
	base_pfn = io_pfn(f, 512);
	vmf.vma = vma;
	vmf.address = ARENA;
	vmf.pud = pud_alloc(f->t->mm, pgd_offset(f->t->mm, ARENA), ARENA);
	vmf.pmd = pmd_alloc(f->t->mm, vmf.pud, ARENA);
	if (vmf_insert_pfn_pmd(&vmf, base_pfn, false) != VM_FAULT_NOPAGE)
		return NULL;
	return vma;
}

static pmd_t *leaf_at(struct fixture *f, unsigned long addr)
{
	pmd_t *leaf = NULL;

	walk_to_pte(f->t->mm, addr, &leaf, NULL);
	return leaf;
}

TEST(wp_huge_pfn_pmd_without_huge_fault_drops_leaf_and_pfn_mkwrite_sees_pte)
{
	struct fixture f;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_TRUE(map_with_leaf(&f, &ops_plain) != NULL);
	ASSERT_EQ(peek(f.t, ARENA + 5 * PG), 0);	/* a read: the leaf allows it */
	ASSERT_TRUE(leaf_at(&f, ARENA) != NULL);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 5 * PG, 7, 1), 0);
	ASSERT_TRUE(leaf_at(&f, ARENA) == NULL);	/* the leaf was dropped */
	ASSERT_EQ(fault_calls, 1);
	ASSERT_EQ(mkwrite_calls, 1);	/* at the PTE level, for this page */
	ptep = walk_to_pte(f.t->mm, ARENA + 5 * PG, NULL, NULL);
	ASSERT_TRUE(ptep && pte_special(*ptep) && pte_write(*ptep));
	ASSERT_EQ(pte_pfn(*ptep), base_pfn + 5);
	ptep = walk_to_pte(f.t->mm, ARENA + 6 * PG, NULL, NULL);
	ASSERT_TRUE(ptep && pte_none(*ptep));	/* only the page written */
	ASSERT_EQ(peek(f.t, ARENA + 5 * PG), 7);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(wp_huge_pfn_pmd_with_huge_fault_upgrades_leaf_without_pfn_mkwrite)
{
	struct fixture f;
	pmd_t *leaf;

	ASSERT_EQ(fixture_init(&f), 0);
	huge_falls_back = false;
	ASSERT_TRUE(map_with_leaf(&f, &ops_huge) != NULL);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 5 * PG, 7, 1), 0);
	leaf = leaf_at(&f, ARENA);
	ASSERT_TRUE(leaf && pmd_special(*leaf) && pmd_write(*leaf));
	ASSERT_EQ(huge_calls, 1);
	ASSERT_EQ(mkwrite_calls, 0);
	ASSERT_EQ(fault_calls, 0);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(wp_huge_pfn_pmd_huge_fault_fallback_goes_to_pte_level_not_huge_fault_again)
{
	struct fixture f;
	pte_t *ptep;

	ASSERT_EQ(fixture_init(&f), 0);
	huge_falls_back = true;
	ASSERT_TRUE(map_with_leaf(&f, &ops_huge) != NULL);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 5 * PG, 7, 1), 0);
	huge_falls_back = false;
	ASSERT_TRUE(leaf_at(&f, ARENA) == NULL);
	/* once for the write on the leaf; the PTE faults that follow do not ask */
	ASSERT_EQ(huge_calls, 1);
	ASSERT_EQ(fault_calls, 1);
	ASSERT_EQ(mkwrite_calls, 1);
	ptep = walk_to_pte(f.t->mm, ARENA + 5 * PG, NULL, NULL);
	ASSERT_TRUE(ptep && pte_write(*ptep));
	CHECK_MM(f.m);
	machine_destroy(f.m);
}
