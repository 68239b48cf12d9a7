// SPDX-License-Identifier: GPL-2.0
/*
 * test_pagewalk.c - walk_page_range()'s callbacks (holes outside VMAs,
 * VM_PFNMAP skipped unless ->test_walk says otherwise, huge leaves at
 * ->pmd_entry) and folio_walk_start() in both designs of seed 002.
 */
#include "helpers.h"
#include "../../lib/internal.h"

struct counts {
	int ptes, present, pmd_leaves, holes, outside, pfnmap_holes;
};

static int count_pte(pte_t *pte, unsigned long addr, unsigned long next,
		     struct mm_walk *walk)
{
	struct counts *c = walk->private;

	c->ptes++;
	c->present += pte_present(*pte);
	return 0;
}

static int count_pmd(pmd_t *pmd, unsigned long addr, unsigned long next,
		     struct mm_walk *walk)
{
	((struct counts *)walk->private)->pmd_leaves += pmd_leaf(*pmd);
	return 0;
}

static int count_hole(unsigned long addr, unsigned long next, int depth,
		      struct mm_walk *walk)
{
	struct counts *c = walk->private;

	c->holes++;
	if (!walk->vma)
		c->outside++;
	else if (depth == -1 && (walk->vma->vm_flags & VM_PFNMAP))
		c->pfnmap_holes++;
	return 0;
}

static int walk_all(unsigned long s, unsigned long e, struct mm_walk *walk)
{
	return 0;
}

static const struct mm_walk_ops counting_ops = {
	.pmd_entry = count_pmd, .pte_entry = count_pte, .pte_hole = count_hole,
};
static const struct mm_walk_ops walk_pfnmap_ops = {
	.pte_entry = count_pte, .test_walk = walk_all,
};

static struct file *open_dev(struct fixture *f, const char *dev, const char *opts)
{
	struct file *file = NULL;

	return device_open(f->m, dev, opts, &file) ? NULL : file;
}

TEST(walk_page_range_reports_holes_outside_vmas)
{
	struct fixture f;
	struct counts c = { 0 };

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA + 2 * PG, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA + 2 * PG);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + 2 * PG, 1, 1), 0);
	ASSERT_EQ(walk_page_range(f.t->mm, ARENA, ARENA + 6 * PG, &counting_ops, &c), 0);
	ASSERT_EQ(c.outside, 2);		/* before and after the VMA */
	ASSERT_EQ(c.ptes, 2);
	ASSERT_EQ(c.present, 1);
	ASSERT_EQ(walk_page_range(f.t->mm, ARENA, ARENA, &counting_ops, &c), -EINVAL);
	machine_destroy(f.m);
}

TEST(walk_page_range_skips_pfnmap_unless_test_walk_says_so)
{
	struct fixture f;
	struct counts c = { 0 };
	struct file *mem;

	ASSERT_EQ(fixture_init(&f), 0);
	mem = open_dev(&f, "mem", "");
	ASSERT_TRUE(mem != NULL);
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, PROT_READ, MAP_SHARED | MAP_FIXED, mem, 0), ARENA);
	fput(mem);
	ASSERT_EQ(walk_page_range(f.t->mm, ARENA, ARENA + 2 * PG, &counting_ops, &c), 0);
	ASSERT_EQ(c.pfnmap_holes, 1);
	ASSERT_EQ(c.ptes, 0);
	memset(&c, 0, sizeof(c));
	ASSERT_EQ(walk_page_range(f.t->mm, ARENA, ARENA + 2 * PG, &walk_pfnmap_ops, &c), 0);
	ASSERT_EQ(c.present, 2);		/* the special entries themselves */
	machine_destroy(f.m);
}

TEST(walk_page_range_hands_huge_leaves_to_pmd_entry)
{
	struct fixture f;
	struct counts c = { 0 };
	struct file *bar;

	ASSERT_EQ(fixture_init(&f), 0);
	bar = open_dev(&f, "bar", "size=4m");
	ASSERT_EQ(sys_mmap(f.t, ARENA, 4UL << 20, PROT_READ, MAP_SHARED | MAP_FIXED, bar, 0), ARENA);
	fput(bar);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	ASSERT_EQ(peek(f.t, ARENA + (2UL << 20)), 0);
	ASSERT_EQ(walk_page_range(f.t->mm, ARENA, ARENA + (4UL << 20), &walk_pfnmap_ops, &c), 0);
	ASSERT_EQ(c.ptes, 0);			/* no pte_entry below a leaf */
	memset(&c, 0, sizeof(c));
	{
		static const struct mm_walk_ops ops = {
			.pmd_entry = count_pmd, .test_walk = walk_all,
		};
		ASSERT_EQ(walk_page_range(f.t->mm, ARENA, ARENA + (4UL << 20), &ops, &c), 0);
	}
	ASSERT_EQ(c.pmd_leaves, 2);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(folio_walk_start_trusts_special_bit_early_reject_misses_cow_folio)
{
	struct fixture f;
	struct folio_walk fw;
	struct vm_area_struct *vma;
	struct file *mem;

	ASSERT_EQ(fixture_init(&f), 0);
	mem = open_dev(&f, "mem", "");
	ASSERT_EQ(sys_mmap(f.t, ARENA, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, mem, 0), ARENA);
	fput(mem);
	ASSERT_EQ(uaccess_memset(f.t, ARENA + PG, 7, 1), 0);
	vma = vma_lookup(f.t->mm, ARENA);
	ASSERT_TRUE(folio_walk_start(&fw, vma, ARENA, 0) == NULL);	/* special */
	ASSERT_TRUE(folio_walk_start(&fw, vma, ARENA + PG, 0) != NULL);
	ASSERT_EQ(fw.level, FW_LEVEL_PTE);
	ASSERT_TRUE(folio_test_anon(page_folio(fw.page)));
	folio_walk_end(&fw, vma);
	ASSERT_EQ(do_pages_stat_one(f.t->mm, ARENA + PG), 0);
	f.m->design.value[DESIGN_WALK] = WALK_EARLY_REJECT;
	ASSERT_TRUE(folio_walk_start(&fw, vma, ARENA + PG, 0) == NULL);
	ASSERT_EQ(do_pages_stat_one(f.t->mm, ARENA + PG), -ENOENT);
	CHECK_MM(f.m);
	machine_destroy(f.m);
}

TEST(folio_walk_start_returns_zero_folio_only_with_fw_zeropage)
{
	struct fixture f;
	struct folio_walk fw;
	struct vm_area_struct *vma;
	struct folio *folio;

	ASSERT_EQ(fixture_init(&f), 0);
	ASSERT_EQ(map_anon(&f, ARENA, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE), ARENA);
	ASSERT_EQ(peek(f.t, ARENA), 0);
	vma = vma_lookup(f.t->mm, ARENA);
	ASSERT_TRUE(folio_walk_start(&fw, vma, ARENA, 0) == NULL);
	folio = folio_walk_start(&fw, vma, ARENA, FW_ZEROPAGE);
	ASSERT_TRUE(folio != NULL && fw.page == NULL);
	ASSERT_EQ(folio_pfn(folio), f.m->zero_pfn);
	ASSERT_EQ(do_pages_stat_one(f.t->mm, ARENA), -EFAULT);
	ASSERT_EQ(do_pages_stat_one(f.t->mm, ARENA + PG), -EFAULT);	/* no VMA */
	machine_destroy(f.m);
}

/*
 * `design walk=`: Linux 6.18 reads PMD leaves through __vm_normal_page(),
 * which reports a special leaf in a VMA that is no PFN map (a bad map:
 * print_bad_page_map()); before 6.18 vm_normal_page_pmd() refused it
 * silently.  Both return no page.  The VMA's flags are broken on purpose.
 */
TEST(walk_618_reports_a_special_pmd_outside_pfn_maps_pre618_does_not)
{
	static const int designs[] = { WALK_PRE618, WALK_618 };
	struct mmsim_events ev0, ev1;
	struct vm_area_struct *vma;
	struct fixture f;
	struct file *bar;
	pmd_t *pmd = NULL;

	for (int i = 0; i < 2; i++) {
		ASSERT_EQ(fixture_init(&f), 0);
		f.m->design.value[DESIGN_WALK] = designs[i];
		bar = open_dev(&f, "bar", "size=2m");
		ASSERT_EQ(sys_mmap(f.t, ARENA, 2UL << 20, PROT_READ,
				   MAP_SHARED | MAP_FIXED, bar, 0), ARENA);
		fput(bar);
		ASSERT_EQ(uaccess_read(f.t, ARENA, &(char){ 0 }, 1), 0);
		walk_to_pte(f.t->mm, ARENA, &pmd, NULL);
		ASSERT_TRUE(pmd && pmd_leaf(*pmd) && pmd_special(*pmd));
		vma = vma_lookup(f.t->mm, ARENA);
		vma->vm_flags &= ~VM_PFNMAP;
		mmsim_events(f.m, &ev0);
		ASSERT_EQ(vm_normal_page_pmd(vma, ARENA, *pmd), NULL);
		mmsim_events(f.m, &ev1);
		ASSERT_EQ(ev1.bad_page_map - ev0.bad_page_map, designs[i] == WALK_618);
		vma->vm_flags |= VM_PFNMAP;
		machine_destroy(f.m);
	}
}
