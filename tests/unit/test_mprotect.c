// SPDX-License-Identifier: GPL-2.0
/*
 * test_mprotect.c - write faults on huge PFN-map leaves: what the
 * driver's ->pfn_mkwrite answers decides whether a read-only PMD leaf
 * becomes writable (lib/mm/memory.c handle_huge_leaf_fault), and
 * mprotect() rewrites such a leaf (lib/mm/mprotect.c).  The driver is
 * registered through the public driver.h, as any driver is.
 */
#include "helpers.h"
#include "../../lib/internal.h"

#define HUGE_PMD_ORDER	(PMD_SHIFT - PAGE_SHIFT)

static vm_fault_t mkwrite_answer;	/* what ->pfn_mkwrite returns */
static int mkwrite_calls;

/* A read-only PMD leaf on the first fault; a write to it is ours to judge. */
static vm_fault_t hl_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	unsigned long io, nr;

	if (order != HUGE_PMD_ORDER || !pmd_none(*vmf->pmd))
		return VM_FAULT_FALLBACK;
	mmsim_io_region(&io, &nr);
	return vmf_insert_pfn_pmd(vmf, io, false);
}

static vm_fault_t hl_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;		/* everything is mapped huge */
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

static bool pmd_leaf_writable(struct fixture *f)
{
	pmd_t *pmd = NULL;

	machine_enter(f->m);
	walk_to_pte(f->t->mm, ARENA, &pmd, NULL);
	return pmd && (pmd_val(*pmd) & _PAGE_RW);
}

TEST(pfn_mkwrite_refusal_keeps_a_huge_leaf_read_only)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_hugeleaf(&f, &file), 0);
	ASSERT_FALSE(pmd_leaf_writable(&f));
	mkwrite_answer = VM_FAULT_SIGBUS;
	mkwrite_calls = 0;
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), SIGBUS);
	ASSERT_EQ(mkwrite_calls, 1);
	ASSERT_FALSE(pmd_leaf_writable(&f));
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}

TEST(pfn_mkwrite_consent_makes_a_huge_leaf_writable)
{
	struct fixture f;
	struct file *file;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_hugeleaf(&f, &file), 0);
	mkwrite_answer = 0;
	mkwrite_calls = 0;
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 1, 1), 0);
	ASSERT_EQ(mkwrite_calls, 1);
	ASSERT_TRUE(pmd_leaf_writable(&f));
	/* a second store goes straight through */
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 2, 1), 0);
	ASSERT_EQ(mkwrite_calls, 1);
	/* and mprotect r-- takes the leaf's write bit away again */
	ASSERT_EQ(sys_mprotect(f.t, ARENA, PMD_SIZE, PROT_READ), 0);
	ASSERT_FALSE(pmd_leaf_writable(&f));
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
	ASSERT_FALSE(pmd_leaf_writable(&f));
	CHECK_MM(f.m);
	fput(file);
	machine_destroy(f.m);
}
