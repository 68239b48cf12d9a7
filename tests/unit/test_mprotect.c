// SPDX-License-Identifier: GPL-2.0
/*
 * test_mprotect.c - write faults on huge PFN-map leaves and mprotect().
 * A write to a read-only PMD leaf whose ->huge_fault falls back drops
 * the leaf and faults at the PTE level (lib/mm/memory.c wp_huge_leaf, as
 * 6.18's wp_huge_pmd()); there ->fault maps the page read-only and what
 * the driver's ->pfn_mkwrite answers decides whether it becomes writable;
 * mprotect() rewrites the entries (lib/mm/mprotect.c).  The driver is
 * registered through the public driver.h, as any driver is.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define HUGE_PMD_ORDER	(PMD_SHIFT - PAGE_SHIFT)

static vm_fault_t mkwrite_answer;	/* what ->pfn_mkwrite returns */
static int mkwrite_calls;

/* A read-only PMD leaf on the first fault; a write to it falls back. */
static vm_fault_t hl_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	unsigned long io, nr;

	if (order != HUGE_PMD_ORDER || !pmd_none(*vmf->pmd))
		return VM_FAULT_FALLBACK;
	mmsim_io_region(&io, &nr);
	return vmf_insert_pfn_pmd(vmf, io, false);
}

/* Once the leaf is dropped: the page, read-only (write-notified). */
static vm_fault_t hl_fault(struct vm_fault *vmf)
{
	unsigned long io, nr;

	mmsim_io_region(&io, &nr);
	return vmf_insert_pfn(vmf->vma, vmf->address, io + vmf->pgoff);
}

static vm_fault_t hl_pfn_mkwrite(struct vm_fault *vmf)
{
	mkwrite_calls++;
	return mkwrite_answer;
}

static const struct vm_operations_struct hl_vm_ops = {
	.fault = hl_fault,
	.huge_fault = hl_huge_fault,
	.pfn_mkwrite = hl_pfn_mkwrite,
};

static int hl_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_PFNMAP | VM_IO | VM_DONTEXPAND);
	vma->vm_ops = &hl_vm_ops;
	return 0;
}

static const struct file_operations hl_fops = { .name = "/dev/hugeleaf", .mmap = hl_mmap };
static const struct mmsim_driver hl_driver = { .name = "test-hugeleaf", .fops = &hl_fops };

/* A 2 MiB shared mapping of the test device at ARENA, read once. */
static int map_hugeleaf(struct fixture *f, struct file **file)
{
	int err = mmsim_driver_register(&hl_driver);

	if (err && err != -EEXIST)
		return err;
	err = device_open(f->m, "test-hugeleaf", "", file);
	if (err)
		return err;
	if (sys_mmap(f->t, ARENA, PMD_SIZE, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_FIXED_NOREPLACE, *file, 0) != (long)ARENA)
		return -EINVAL;
	return peek(f->t, ARENA) < 0 ? -EFAULT : 0;
}

static bool pmd_leaf_present(struct fixture *f)
{
	pmd_t *pmd = NULL;

	machine_enter(f->m);
	walk_to_pte(f->t->mm, ARENA, &pmd, NULL);
	return pmd != NULL;
}

/* The PTE at @addr: 1 writable, 0 read-only, -1 none. */
static int pte_writable(struct fixture *f, unsigned long addr)
{
	pte_t *ptep;

	machine_enter(f->m);
	ptep = walk_to_pte(f->t->mm, addr, NULL, NULL);
	if (!ptep || pte_none(*ptep))
		return -1;
	return pte_write(*ptep) ? 1 : 0;
}

TEST(pfn_mkwrite_refusal_after_a_huge_leaf_split_keeps_the_pte_read_only)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_hugeleaf(&f, &file), 0);
	ASSERT_TRUE(pmd_leaf_present(&f));
	mkwrite_answer = VM_FAULT_SIGBUS;
	mkwrite_calls = 0;
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), SIGBUS);
	ASSERT_EQ(mkwrite_calls, 1);
	ASSERT_FALSE(pmd_leaf_present(&f));
	ASSERT_EQ(pte_writable(&f, ARENA + PG), 0);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(pfn_mkwrite_consent_after_a_huge_leaf_split_makes_one_pte_writable)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_hugeleaf(&f, &file), 0);
	mkwrite_answer = 0;
	mkwrite_calls = 0;
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), 0);
	ASSERT_EQ(mkwrite_calls, 1);
	ASSERT_EQ(pte_writable(&f, ARENA + PG), 1);
	/* a second store to the same page goes straight through */
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG + 8, 2, 1), 0);
	ASSERT_EQ(mkwrite_calls, 1);
	/* another page is write-notified on its own */
	ASSERT_EQ(pte_writable(&f, ARENA + 2 * PG), -1);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 2, 1), 0);
	ASSERT_EQ(mkwrite_calls, 2);
	/* and mprotect r-- takes the write bits away again */
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PMD_SIZE, PROT_READ), 0);
	ASSERT_EQ(pte_writable(&f, ARENA + PG), 0);
	ASSERT_EQ(pte_writable(&f, ARENA + 2 * PG), 0);
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 3, 1), SIGSEGV);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(pfn_mkwrite_nopage_without_an_upgrade_ends_in_sigbus_not_a_loop)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_hugeleaf(&f, &file), 0);
	mkwrite_answer = VM_FAULT_NOPAGE;	/* "done" without upgrading: retry */
	ASSERT_EQ(uaccess_memset(f.t, ARENA, 1, 1), SIGBUS);
	ASSERT_EQ(pte_writable(&f, ARENA), 0);
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}
