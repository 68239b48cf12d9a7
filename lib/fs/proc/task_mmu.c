// SPDX-License-Identifier: GPL-2.0
/*
 * task_mmu.c - the /proc/PID views of a task's address space:
 *
 *	maps	one header line per VMA
 *	smaps	the header plus the memory counted by walking the VMA's
 *		page tables, THPeligible and VmFlags
 *	smaps_rollup  smaps' counts summed over every VMA, under one
 *		header spanning them, plus PSS split by kind (Pss_Anon,
 *		Pss_File, Pss_Shmem)
 *	pagemap	the 64-bit entry of one virtual page
 *
 * The text is byte for byte what Linux 6.18 prints on x86-64 without
 * protection keys: names padded to the same column, "%8lu kB" fields in
 * the same order, the same two-letter flag codes in bit order.  Device
 * and inode numbers of files are stand-ins (00:01 and a per-inode value).
 *
 * smaps and pagemap walk the page tables with walk_page_range() /
 * walk_page_vma() (pagewalk.c), as the kernel does.  Counting follows the
 * kernel's rules: only normal pages count (the zero page, the huge zero
 * PMD and PFN-map entries do not), VM_PFNMAP VMAs are not walked at all
 * (walk_page_test), a page mapped more than once is shared and its PSS is
 * divided by its mapcount, kept in fixed point with PSS_SHIFT fraction
 * bits.  smaps_rollup sums the fixed-point PSS over the whole mm and
 * rounds once, so its Pss may exceed the sum of the per-VMA lines.
 * Large folios (6.18, CONFIG_PAGE_MAPCOUNT): a folio whose only
 * reference is this entry's is private as a whole; otherwise each page
 * counts by its precise mapcount (its PTEs plus the folio's PMDs).  A
 * PMD-mapped anonymous THP adds 2 MiB to AnonHugePages.  pagemap's
 * "exclusively mapped" bit of every page under a PMD is that of the
 * folio's first page, as pagemap_pmd_range_thp() computes it.
 */
#include "internal.h"

#define PSS_SHIFT	12
/* Header width before the name: 25 + 6 * sizeof(void *) - 1 on 64-bit. */
#define MAPS_NAME_COLUMN	72

/* ---- maps -------------------------------------------------------------- */

static unsigned long file_ino(const struct file *file)
{
	/* Distinct for distinct live inodes, stable while the inode lives. */
	return (unsigned long)((uintptr_t)file->f_inode / sizeof(struct inode));
}

/* The name shown after the header, or NULL for a nameless VMA. */
static const char *vma_name(struct vm_area_struct *vma, char *buf, size_t size)
{
	const char *name;

	if (vma->vm_file)
		return file_path_name(vma->vm_file, buf, size);
	if (vma->vm_ops && vma->vm_ops->name) {
		name = vma->vm_ops->name(vma);
		if (name)
			return name;
	}
	return NULL;
}

static void show_vma_header_prefix(struct seq_buf *s,
				   struct vm_area_struct *vma)
{
	vm_flags_t flags = vma->vm_flags;
	unsigned long long pgoff = 0;
	unsigned int major = 0, minor = 0;
	unsigned long ino = 0;
	char name_buf[256];
	const char *name;
	char line[128];
	int len;

	if (vma->vm_file) {
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
		minor = 1;
		ino = file_ino(vma->vm_file);
	}
	len = snprintf(line, sizeof(line),
		       "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		       vma->vm_start, vma->vm_end,
		       flags & VM_READ ? 'r' : '-',
		       flags & VM_WRITE ? 'w' : '-',
		       flags & VM_EXEC ? 'x' : '-',
		       flags & VM_MAYSHARE ? 's' : 'p',
		       pgoff, major, minor, ino);
	seq_buf_printf(s, "%s", line);

	name = vma_name(vma, name_buf, sizeof(name_buf));
	if (name) {
		if (len < MAPS_NAME_COLUMN)
			seq_buf_printf(s, "%*s", MAPS_NAME_COLUMN - len, "");
		seq_buf_printf(s, " %s", name);
	}
	seq_buf_printf(s, "\n");
}

static void show_map_vma(struct seq_buf *s, struct vm_area_struct *vma)
{
	show_vma_header_prefix(s, vma);
}

/* Print every VMA of @t with @show, as seq_file's iteration over the VMAs. */
static int show_each_vma(struct task_struct *t, struct seq_buf *s,
			 void (*show)(struct seq_buf *s, struct vm_area_struct *vma))
{
	struct vm_area_struct *vma;

	if (!t || !s)
		return -EINVAL;
	if (!t->mm)
		return 0;
	for_each_vma(t->mm, vma)
		show(s, vma);
	return s->err;
}

int proc_pid_maps(struct task_struct *t, struct seq_buf *s)
{
	machine_enter(t->machine);
	return show_each_vma(t, s, show_map_vma);
}

/* ---- smaps ------------------------------------------------------------- */

/* Sizes in bytes; the pss fields carry PSS_SHIFT extra fraction bits. */
struct mem_size_stats {
	unsigned long resident;
	unsigned long anonymous_thp;
	unsigned long shared_clean;
	unsigned long shared_dirty;
	unsigned long private_clean;
	unsigned long private_dirty;
	unsigned long referenced;
	unsigned long anonymous;
	unsigned long lazyfree;
	uint64_t pss;
	uint64_t pss_dirty;
	uint64_t pss_anon;
	uint64_t pss_file;
	uint64_t pss_shmem;
	uint64_t pss_locked;
};

static void smaps_page_accumulate(struct mem_size_stats *mss,
				  struct folio *folio, unsigned long size,
				  uint64_t pss, bool dirty, bool locked,
				  bool private)
{
	mss->pss += pss;
	if (folio_test_anon(folio))
		mss->pss_anon += pss;
	else if (PageSwapBacked(&folio->page))
		mss->pss_shmem += pss;
	else
		mss->pss_file += pss;
	if (locked)
		mss->pss_locked += pss;
	if (dirty || folio_test_dirty(folio)) {
		mss->pss_dirty += pss;
		if (private)
			mss->private_dirty += size;
		else
			mss->shared_dirty += size;
	} else {
		if (private)
			mss->private_clean += size;
		else
			mss->shared_clean += size;
	}
}

/*
 * smaps_account - one present entry: @page alone (a PTE), or the whole
 * folio from @page on (@compound: a PMD leaf), young/dirty as the entry
 * says.
 */
static void smaps_account(struct mem_size_stats *mss, struct page *page,
			  bool compound, bool young, bool dirty, bool locked)
{
	struct folio *folio = page_folio(page);
	long nr = compound ? folio_nr_pages(folio) : 1;
	unsigned long size = nr * PAGE_SIZE;

	if (folio_test_anon(folio)) {
		mss->anonymous += size;
		if (!PageSwapBacked(&folio->page) && !dirty &&
		    !folio_test_dirty(folio))
			mss->lazyfree += size;
	}
	mss->resident += size;
	if (young || PageReferenced(&folio->page))
		mss->referenced += size;

	/* Only a single reference proves a single mapping. */
	if (folio_ref_count(folio) == 1) {
		smaps_page_accumulate(mss, folio, size,
				      (uint64_t)size << PSS_SHIFT, dirty, locked, true);
		return;
	}
	for (long i = 0; i < nr; i++, page++) {
		int mapcount = folio_precise_page_mapcount(folio, page);
		uint64_t pss = (uint64_t)PAGE_SIZE << PSS_SHIFT;

		if (mapcount >= 2)
			pss /= mapcount;
		smaps_page_accumulate(mss, folio, PAGE_SIZE, pss, dirty, locked,
				      mapcount < 2);
	}
}

static void smaps_pte_entry(struct mem_size_stats *mss,
			    struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	bool locked = vma->vm_flags & VM_LOCKED;
	struct page *page;

	if (!pte_present(pte))
		return;		/* no swap in the model; markers count nothing */
	page = vm_normal_page(vma, addr, pte);
	if (!page)
		return;
	smaps_account(mss, page, false, pte_young(pte), pte_dirty(pte), locked);
}

/*
 * A huge leaf.  PMD: a THP counts as a whole (smaps_pmd_entry()); the
 * huge zero PMD and PFN-map leaves have no normal page.  PUD leaves are
 * PFN maps only.
 */
static void smaps_leaf_entry(struct mem_size_stats *mss,
			     struct vm_area_struct *vma, unsigned long addr,
			     pmd_t *pmdp, pud_t *pudp)
{
	bool locked = vma->vm_flags & VM_LOCKED;
	struct page *page;
	uint64_t val;

	if (pmdp) {
		val = pmd_val(pmdp_get(pmdp));
		page = vm_normal_page_pmd(vma, addr, pmdp_get(pmdp));
	} else {
		val = pud_val(pudp_get(pudp));
		page = vm_normal_page_pud(vma, addr, pudp_get(pudp));
	}
	if (!page)
		return;
	if (folio_test_anon(page_folio(page)))
		mss->anonymous_thp += HPAGE_PMD_SIZE;
	smaps_account(mss, page, true, val & _PAGE_ACCESSED, val & _PAGE_DIRTY,
		      locked);
}

static int smaps_pte_range(pte_t *pte, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	smaps_pte_entry(walk->private, walk->vma, addr, ptep_get(pte));
	return 0;
}

static int smaps_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	if (pmd_leaf(pmdp_get(pmd)))
		smaps_leaf_entry(walk->private, walk->vma, addr, pmd, NULL);
	return 0;
}

static int smaps_pud_entry(pud_t *pud, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	if (pud_leaf(pudp_get(pud)))
		smaps_leaf_entry(walk->private, walk->vma, addr, NULL, pud);
	return 0;
}

/* No ->pte_hole: walk_page_test() skips PFN maps entirely for smaps. */
static const struct mm_walk_ops smaps_walk_ops = {
	.pud_entry = smaps_pud_entry,
	.pmd_entry = smaps_pmd_entry,
	.pte_entry = smaps_pte_range,
};

static void smap_gather_stats(struct vm_area_struct *vma,
			      struct mem_size_stats *mss)
{
	walk_page_vma(vma, &smaps_walk_ops, mss);
}

/* THPeligible: may any THP order back part of @vma (thp_vma_allowable_orders)? */
static bool thp_eligible(struct vm_area_struct *vma)
{
	return thp_vma_allowable_orders(vma, vma->vm_flags, TVA_SMAPS,
					THP_ORDERS_ALL) != 0;
}

/* Two-letter VmFlags codes indexed by bit; NULL: never shown. */
static const char *const vm_flag_codes[64] = {
	"rd", "wr", "ex", "sh", "mr", "mw", "me", "ms",	/*  0- 7 */
	"gd", "um", "pf", "gu", "uw", "lo", "io", "sr",	/*  8-15 */
	"rr", "dc", "de", "lf", "ac", "nr", "ht", "sf",	/* 16-23 */
	"ar", "wf", "dd", "sd", "mm", "hg", "nh", "mg",	/* 24-31 */
	[40] = "dp",					/* VM_DROPPABLE */
	[41] = "ui",					/* VM_UFFD_MINOR */
	[42] = "sl",					/* VM_SEALED */
};

static void show_smap_vma_flags(struct seq_buf *s, struct vm_area_struct *vma)
{
	bool soft_dirty = current_machine()->profile.soft_dirty;

	seq_buf_printf(s, "VmFlags: ");
	for (int bit = 0; bit < 64; bit++) {
		vm_flags_t flag = 1ULL << bit;

		if (!(vma->vm_flags & flag) || !vm_flag_codes[bit])
			continue;
		if (flag == VM_SOFTDIRTY && !soft_dirty)
			continue;
		seq_buf_printf(s, "%s ", vm_flag_codes[bit]);
	}
	seq_buf_printf(s, "\n");
}

static void smap_kb(struct seq_buf *s, const char *field, unsigned long bytes)
{
	seq_buf_printf(s, "%-16s%8lu kB\n", field, bytes >> 10);
}

/* The counts; @rollup adds the PSS by kind, which one VMA would not need. */
static void __show_smap(struct seq_buf *s, const struct mem_size_stats *mss,
			bool rollup)
{
	smap_kb(s, "Rss:", mss->resident);
	smap_kb(s, "Pss:", mss->pss >> PSS_SHIFT);
	smap_kb(s, "Pss_Dirty:", mss->pss_dirty >> PSS_SHIFT);
	if (rollup) {
		smap_kb(s, "Pss_Anon:", mss->pss_anon >> PSS_SHIFT);
		smap_kb(s, "Pss_File:", mss->pss_file >> PSS_SHIFT);
		smap_kb(s, "Pss_Shmem:", mss->pss_shmem >> PSS_SHIFT);
	}
	smap_kb(s, "Shared_Clean:", mss->shared_clean);
	smap_kb(s, "Shared_Dirty:", mss->shared_dirty);
	smap_kb(s, "Private_Clean:", mss->private_clean);
	smap_kb(s, "Private_Dirty:", mss->private_dirty);
	smap_kb(s, "Referenced:", mss->referenced);
	smap_kb(s, "Anonymous:", mss->anonymous);
	smap_kb(s, "KSM:", 0);
	smap_kb(s, "LazyFree:", mss->lazyfree);
	smap_kb(s, "AnonHugePages:", mss->anonymous_thp);
	smap_kb(s, "ShmemPmdMapped:", 0);
	smap_kb(s, "FilePmdMapped:", 0);
	smap_kb(s, "Shared_Hugetlb:", 0);
	smap_kb(s, "Private_Hugetlb:", 0);
	smap_kb(s, "Swap:", 0);
	smap_kb(s, "SwapPss:", 0);
	smap_kb(s, "Locked:", mss->pss_locked >> PSS_SHIFT);
}

static void show_smap(struct seq_buf *s, struct vm_area_struct *vma)
{
	struct mem_size_stats mss;

	memset(&mss, 0, sizeof(mss));
	smap_gather_stats(vma, &mss);

	show_map_vma(s, vma);
	smap_kb(s, "Size:", vma->vm_end - vma->vm_start);
	smap_kb(s, "KernelPageSize:", PAGE_SIZE);
	smap_kb(s, "MMUPageSize:", PAGE_SIZE);
	__show_smap(s, &mss, false);
	seq_buf_printf(s, "%-16s%8d\n", "THPeligible:", thp_eligible(vma));
	show_smap_vma_flags(s, vma);
}

int proc_pid_smaps(struct task_struct *t, struct seq_buf *s)
{
	machine_enter(t->machine);
	return show_each_vma(t, s, show_smap);
}

/*
 * show_smaps_rollup - one header from the first VMA's start to the last
 * one's end (0-0 with no VMA), named "[rollup]", then every VMA's
 * counts summed.
 */
static void show_smaps_rollup(struct seq_buf *s, struct mm_struct *mm)
{
	struct mem_size_stats mss;
	struct vm_area_struct *vma;
	unsigned long start = 0, end = 0;
	int len;

	memset(&mss, 0, sizeof(mss));
	for_each_vma(mm, vma) {
		if (!end)
			start = vma->vm_start;
		smap_gather_stats(vma, &mss);
		end = vma->vm_end;
	}
	len = snprintf(NULL, 0, "%08lx-%08lx ---p %08x %02x:%02x %d ",
		       start, end, 0, 0, 0, 0);
	seq_buf_printf(s, "%08lx-%08lx ---p %08x %02x:%02x %d ",
		       start, end, 0, 0, 0, 0);
	if (len < MAPS_NAME_COLUMN)
		seq_buf_printf(s, "%*s", MAPS_NAME_COLUMN - len, "");
	seq_buf_printf(s, " [rollup]\n");
	__show_smap(s, &mss, true);
}

/**
 * proc_pid_smaps_rollup - /proc/PID/smaps_rollup of @t into @s.
 * @t: the task
 * @s: the text buffer
 *
 * Context: any task; @t's machine becomes current.
 * Return: 0; -EINVAL without a task or buffer; -ENOMEM when the text
 * could not grow.  A task without an mm prints nothing.
 */
int proc_pid_smaps_rollup(struct task_struct *t, struct seq_buf *s)
{
	if (!t || !s)
		return -EINVAL;
	machine_enter(t->machine);
	if (t->mm)
		show_smaps_rollup(s, t->mm);
	return s->err;
}

/* ---- pagemap ----------------------------------------------------------- */

static uint64_t make_pme(unsigned long pfn, uint64_t flags)
{
	return ((uint64_t)pfn & PM_PFRAME_MASK) | flags;
}

/* Flags every entry of @vma carries, present or not. */
static uint64_t pagemap_vma_flags(struct vm_area_struct *vma)
{
	if (current_machine()->profile.soft_dirty &&
	    (vma->vm_flags & VM_SOFTDIRTY))
		return PM_SOFT_DIRTY;
	return 0;
}

/* FILE and MMAP_EXCLUSIVE from the page behind a present entry. */
static uint64_t pagemap_page_flags(struct page *page)
{
	struct folio *folio;
	uint64_t flags = 0;

	if (!page)
		return 0;
	folio = page_folio(page);
	if (!folio_test_anon(folio))
		flags |= PM_FILE;
	if (__folio_page_mapped_exclusively(folio, page))
		flags |= PM_MMAP_EXCLUSIVE;
	return flags;
}

/*
 * A swap entry (the model's are PTE markers): "swapped", with type and
 * offset where the PFN would be; a guard marker adds PM_GUARD_REGION, a
 * uffd-wp marker (or the swap entry's uffd-wp bit) PM_UFFD_WP.
 */
static uint64_t pagemap_swap_pte(pte_t pte, uint64_t flags)
{
	swp_entry_t entry = pte_to_swp_entry(pte);
	unsigned long frame = swp_type(entry) |
			      (swp_offset(entry) << MAX_SWAPFILES_SHIFT);

	flags |= PM_SWAP;
	if (current_machine()->profile.soft_dirty && pte_swp_soft_dirty(pte))
		flags |= PM_SOFT_DIRTY;
	if (pte_swp_uffd_wp(pte) || pte_marker_entry_uffd_wp(entry))
		flags |= PM_UFFD_WP;
	if (is_guard_swp_entry(entry))
		flags |= PM_GUARD_REGION;
	return make_pme(frame, flags);
}

static uint64_t pagemap_pte(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	bool soft_dirty = current_machine()->profile.soft_dirty;
	uint64_t flags = pagemap_vma_flags(vma);

	if (pte_none(pte))
		return make_pme(0, flags);
	if (!pte_present(pte))
		return pagemap_swap_pte(pte, flags);
	flags |= PM_PRESENT;
	if (soft_dirty && pte_soft_dirty(pte))
		flags |= PM_SOFT_DIRTY;
	if (pte_uffd_wp(pte))
		flags |= PM_UFFD_WP;
	flags |= pagemap_page_flags(vm_normal_page(vma, addr, pte));
	return make_pme(pte_pfn(pte), flags);
}

/*
 * A huge leaf (pagemap_pmd_range_thp()): the page is the leaf's first, not
 * vm_normal_page_pmd()'s, so the huge zero PMD reads as a file page
 * (PM_FILE: its folio is not anon); PM_MMAP_EXCLUSIVE is the first page's
 * for every page under the leaf.  PFN-map leaves have no struct page.
 */
static uint64_t pagemap_leaf(struct vm_area_struct *vma, unsigned long addr,
			     pmd_t *pmdp, pud_t *pudp)
{
	bool soft_dirty = current_machine()->profile.soft_dirty;
	uint64_t flags = pagemap_vma_flags(vma) | PM_PRESENT;
	struct page *page = NULL;
	unsigned long pfn, first;
	uint64_t val;

	if (pmdp) {
		val = pmd_val(pmdp_get(pmdp));
		first = pmd_pfn(pmdp_get(pmdp));
		pfn = first + pte_index(addr);
	} else {
		val = pud_val(pudp_get(pudp));
		first = pud_pfn(pudp_get(pudp));
		pfn = first + ((addr & ~PUD_MASK) >> PAGE_SHIFT);
	}
	if (pfn_valid(first) && !(val & _PAGE_SPECIAL && !is_huge_zero_pfn(first)))
		page = pfn_to_page(first);
	if (soft_dirty && (val & _PAGE_SOFT_DIRTY))
		flags |= PM_SOFT_DIRTY;
	if (val & _PAGE_UFFD_WP)
		flags |= PM_UFFD_WP;
	flags |= pagemap_page_flags(page);
	return make_pme(pfn, flags);
}

static int pagemap_pte_hole(unsigned long addr, unsigned long next, int depth,
			    struct mm_walk *walk)
{
	uint64_t *pme = walk->private;

	/* outside any VMA: zero; inside (or a skipped PFN map): VMA flags */
	*pme = make_pme(0, walk->vma ? pagemap_vma_flags(walk->vma) : 0);
	return 0;
}

static int pagemap_pte_range(pte_t *pte, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	*(uint64_t *)walk->private = pagemap_pte(walk->vma, addr, ptep_get(pte));
	return 0;
}

static int pagemap_pmd_entry(pmd_t *pmd, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	if (pmd_leaf(pmdp_get(pmd)))
		*(uint64_t *)walk->private = pagemap_leaf(walk->vma, addr, pmd, NULL);
	return 0;
}

static int pagemap_pud_entry(pud_t *pud, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	if (pud_leaf(pudp_get(pud)))
		*(uint64_t *)walk->private = pagemap_leaf(walk->vma, addr, NULL, pud);
	return 0;
}

static const struct mm_walk_ops pagemap_ops = {
	.pud_entry = pagemap_pud_entry,
	.pmd_entry = pagemap_pmd_entry,
	.pte_entry = pagemap_pte_range,
	.pte_hole = pagemap_pte_hole,
};

int proc_pid_pagemap(struct task_struct *t, unsigned long addr, uint64_t *entry)
{
	machine_enter(t->machine);
	if (!t || !entry)
		return -EINVAL;
	*entry = 0;
	/*
	 * pagemap_read() clamps a start past the address space to its end
	 * and copies nothing: a read of one entry there comes back empty.
	 */
	if (addr >= TASK_SIZE)
		return -EIO;
	if (!t->mm)
		return 0;
	addr &= PAGE_MASK;
	/* One page; PFN maps are not walked: they read as holes of the VMA. */
	return walk_page_range(t->mm, addr, addr + PAGE_SIZE, &pagemap_ops, entry);
}

/* ---- PROCMAP_QUERY (an ioctl on /proc/PID/maps, Linux 6.11) ----------- */

#define PROCMAP_QUERY_VALID_FLAGS_MASK	0x3fULL

/* query_matching_vma(): the VMA at @addr, or after it, that fits @flags. */
static struct vm_area_struct *query_matching_vma(struct mm_struct *mm,
						 unsigned long addr,
						 uint64_t flags)
{
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, addr); vma; addr = vma->vm_end,
	     vma = (flags & PROCMAP_QUERY_COVERING_OR_NEXT_VMA) ?
		   find_vma(mm, addr) : NULL) {
		if ((flags & PROCMAP_QUERY_FILE_BACKED_VMA) && !vma->vm_file)
			continue;
		if ((flags & PROCMAP_QUERY_VMA_READABLE) && !(vma->vm_flags & VM_READ))
			continue;
		if ((flags & PROCMAP_QUERY_VMA_WRITABLE) && !(vma->vm_flags & VM_WRITE))
			continue;
		if ((flags & PROCMAP_QUERY_VMA_EXECUTABLE) && !(vma->vm_flags & VM_EXEC))
			continue;
		if ((flags & PROCMAP_QUERY_VMA_SHARED) && !(vma->vm_flags & VM_MAYSHARE))
			continue;
		if ((flags & PROCMAP_QUERY_COVERING_OR_NEXT_VMA) || vma->vm_start <= addr)
			return vma;
	}
	return NULL;
}

/**
 * procmap_query - ioctl(PROCMAP_QUERY) on /proc/PID/maps of @t.
 * @t:    the process
 * @q:    the query (size, query_flags, query_addr, vma_name_size in;
 *        the VMA's start, end, flags, page size, offset, inode out)
 * @name: where the VMA's name goes when q->vma_name_size is non-zero
 *        (q->vma_name_addr must then be non-zero too, as the kernel wants)
 *
 * Return: 0, -EINVAL (unknown flags, a name size without an address or
 * the other way round), -ENOENT (no VMA matches) or -ENAMETOOLONG.
 */
int procmap_query(struct task_struct *t, struct procmap_query *q, char *name)
{
	struct vm_area_struct *vma;
	char buf[256];
	const char *n;

	machine_enter(t->machine);
	if (q->size < 56)	/* PROCMAP_QUERY_SIZE_VER0 */
		return -EINVAL;
	if (q->query_flags & ~PROCMAP_QUERY_VALID_FLAGS_MASK)
		return -EINVAL;
	if (!!q->vma_name_size != !!q->vma_name_addr ||
	    !!q->build_id_size != !!q->build_id_addr)
		return -EINVAL;
	vma = query_matching_vma(t->mm, q->query_addr, q->query_flags);
	if (!vma)
		return -ENOENT;
	q->vma_start = vma->vm_start;
	q->vma_end = vma->vm_end;
	q->vma_flags = (vma->vm_flags & VM_READ ? PROCMAP_QUERY_VMA_READABLE : 0) |
		       (vma->vm_flags & VM_WRITE ? PROCMAP_QUERY_VMA_WRITABLE : 0) |
		       (vma->vm_flags & VM_EXEC ? PROCMAP_QUERY_VMA_EXECUTABLE : 0) |
		       (vma->vm_flags & VM_MAYSHARE ? PROCMAP_QUERY_VMA_SHARED : 0);
	q->vma_page_size = PAGE_SIZE;
	q->vma_offset = vma->vm_file ? (uint64_t)vma->vm_pgoff << PAGE_SHIFT : 0;
	q->inode = vma->vm_file ? file_ino(vma->vm_file) : 0;
	q->dev_major = 0;
	q->dev_minor = vma->vm_file ? 1 : 0;
	q->build_id_size = 0;
	if (q->vma_name_size) {
		n = vma_name(vma, buf, sizeof(buf));
		if (!n) {
			q->vma_name_size = 0;
		} else {
			if (strlen(n) + 1 > q->vma_name_size)
				return -ENAMETOOLONG;
			q->vma_name_size = (uint32_t)strlen(n) + 1;
			memcpy(name, n, q->vma_name_size);
		}
	}
	return 0;
}

/* ---- /proc/PID/map_files ---------------------------------------------- */

/*
 * _parse_integer(): the hex digits at @s (maybe none) as *@val; their
 * number, or -1 when the value does not fit (KSTRTOX_OVERFLOW).
 */
static int map_files_hex(const char *s, unsigned long *val)
{
	int n = 0;

	*val = 0;
	for (; s[n]; n++) {
		int d = s[n] >= '0' && s[n] <= '9' ? s[n] - '0' :
			s[n] >= 'a' && s[n] <= 'f' ? s[n] - 'a' + 10 :
			s[n] >= 'A' && s[n] <= 'F' ? s[n] - 'A' + 10 : -1;

		if (d < 0)
			break;
		if (*val >> 60)
			return -1;
		*val = *val << 4 | (unsigned long)d;
	}
	return n;
}

/*
 * dname_to_vma_addr(): "START-END" in hex and nothing else; a number
 * may not start with 0 unless it is the 0 itself.
 */
static int dname_to_vma_addr(const char *s, unsigned long *start,
			     unsigned long *end)
{
	int n;

	if (s[0] == '0' && s[1] != '-')
		return -EINVAL;
	n = map_files_hex(s, start);
	if (n < 0 || s[n] != '-')
		return -EINVAL;
	s += n + 1;
	if (s[0] == '0' && s[1])
		return -EINVAL;
	n = map_files_hex(s, end);
	if (n < 0 || s[n])
		return -EINVAL;
	return 0;
}

/**
 * proc_map_files_readlink - readlink(2) of /proc/PID/map_files/@dname.
 * @t:     the process
 * @dname: the entry's name, as the caller spells it
 * @buf:   the link's target (the mapped file's path) goes here
 * @size:  the room in @buf
 *
 * Return: 0, or -ENOENT: @dname is not exactly START-END of a VMA of @t
 * that maps a file.
 */
int proc_map_files_readlink(struct task_struct *t, const char *dname,
			    char *buf, size_t size)
{
	struct vm_area_struct *vma;
	unsigned long start, end;

	machine_enter(t->machine);
	if (dname_to_vma_addr(dname, &start, &end))
		return -ENOENT;
	vma = find_vma(t->mm, start);
	if (!vma || vma->vm_start != start || vma->vm_end != end || !vma->vm_file)
		return -ENOENT;
	file_path_name(vma->vm_file, buf, size);
	return 0;
}
