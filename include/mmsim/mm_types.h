/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm_types.h - the model's kernel objects, in the kernel's shape.
 *
 * These are the structures a driver or a test touches: struct page and
 * struct folio (one memmap entry per RAM frame), struct vm_area_struct,
 * struct mm_struct, struct file / inode / address_space, and the small
 * helpers they are built from (list_head, rb_node).  Field names follow
 * include/linux/mm_types.h where the model has the same concept.
 *
 * Only what the model needs is here; where the kernel packs several
 * meanings into one word (page->mapping with PAGE_MAPPING_ANON), the model
 * does the same so code written against it reads like kernel code.
 */
#ifndef MMSIM_MM_TYPES_H
#define MMSIM_MM_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <mmsim/list.h>
#include <mmsim/rbtree.h>
#include <mmsim/pgtable_types.h>
#include <mmsim/maple_tree.h>
#include <mmsim/xarray.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(x)	(((x) & (PAGE_SIZE - 1)) == 0)

/* 48-bit user address space, as x86-64 with four-level paging. */
#define TASK_SIZE	((1UL << 47) - PAGE_SIZE)
/*
 * mmap_min_addr (security/min_addr.c): the kernel places nothing below
 * it, the larger of vm.mmap_min_addr and CONFIG_LSM_MMAP_MIN_ADDR; the
 * sysctl's own floor (Kconfig default) binds only without CAP_SYS_RAWIO.
 */
#define MMAP_MIN_ADDR		0x10000UL
#define DEFAULT_MMAP_MIN_ADDR	0x1000UL

typedef unsigned long pgoff_t;
typedef uint64_t vm_flags_t;
typedef unsigned int vm_fault_t;

struct machine;
struct mm_struct;
struct vm_area_struct;
struct address_space;
struct anon_vma;
struct file;
struct frame_data;
struct vm_fault;
struct pfnmap_track_ctx;
struct mmsim_driver;

/*
 * struct page - one per RAM frame (the memmap).  64 bytes.
 *
 * @flags:	PG_* bits (see page-flags in lib/internal.h); the top byte
 *		is the model's fill byte (what every byte of a frame without
 *		@data reads as), as the kernel packs zone and node up there.
 * @compound_head: tail pages of a large folio: the head's address | 1;
 *		0 on every other page.
 * @mapping:	page cache: the address_space; anon: the anon_vma with
 *		PAGE_MAPPING_ANON set; NULL for kernel pages.
 * @index:	page-cache offset, or the anon linear index (pgoff).
 * @buddy:	free-list links (RAM indices + 1) of a free block's first
 *		page, in place of @index.
 * @private:	free blocks: the buddy order (set_buddy_order()).
 * @_shadow:	page-table pages: the pin-accounting designs' records.
 * @data:	the frame's contents (NULL: every byte equals the fill byte).
 * @pt:		page-table pages: the 512 entries.
 * @_refcount:	references; 0 iff the frame is free or a tail page.
 * @_mapcount:	page-table entries mapping this page, minus one (for a
 *		page of a large folio: the PTEs mapping it, as
 *		CONFIG_PAGE_MAPCOUNT keeps them; PMD mappings are counted in
 *		the folio's _entire_mapcount).
 *
 * The four words from @mapping to @_shadow are what the second and third
 * struct page of a large folio lend to the folio's own fields (struct
 * folio below), as the kernel's do; every page keeps its own @flags,
 * @data and @_mapcount.
 */
struct page {
	unsigned long flags;
	unsigned long compound_head;
	void *mapping;
	union {
		pgoff_t index;
		struct {
			uint32_t next;
			uint32_t prev;
		} buddy;
	};
	unsigned long private;
	unsigned long _shadow;	/* reserved for pin-accounting designs */
	union {
		struct frame_data *data;
		uint64_t *pt;
	};
	int32_t _refcount;
	int32_t _mapcount;
};

/*
 * struct folio - a power-of-two run of pages handled as one.  Overlays its
 * head page exactly, as in the kernel; fields of large folios that do not
 * fit in the head live in the following struct pages (include/linux/
 * mm_types.h, Linux 6.18, 64-bit layout with CONFIG_PAGE_MAPCOUNT and
 * CONFIG_MM_ID, which a THP-enabled x86-64 kernel has by default):
 *
 * page 1:	@_flags_1 (the order in its low byte), @_large_mapcount
 *		(every PTE and PMD mapping of the folio, minus one),
 *		@_nr_pages_mapped (pages mapped by a PTE, plus ENTIRELY_MAPPED
 *		while a PMD maps the folio), @_entire_mapcount (PMD mappings,
 *		minus one), @_pincount (exact FOLL_PIN count), and the two MM
 *		slots of CONFIG_MM_ID: @_mm_id_mapcount (mappings per MM,
 *		minus one) and @_mm_ids (both MM ids and the "maybe mapped
 *		shared" bit).
 * page 2:	@_deferred_list (the deferred split queue; folios of order
 *		2 and more only).
 */
typedef uint32_t mm_id_t;
typedef int32_t mm_id_mapcount_t;

struct folio {
	union {
		struct {
			unsigned long flags;
			unsigned long _compound_head_0;
			void *mapping;
			pgoff_t index;
			unsigned long private;
			unsigned long _shadow_0;
			struct frame_data *_data_0;
			int32_t _refcount;
			int32_t _mapcount;
		};
		struct page page;
	};
	union {
		struct {
			unsigned long _flags_1;
			unsigned long _head_1;
			int32_t _large_mapcount;
			int32_t _nr_pages_mapped;
			int32_t _entire_mapcount;
			int32_t _pincount;
			mm_id_mapcount_t _mm_id_mapcount[2];
			unsigned long _mm_ids;
		};
		struct page __page_1;
	};
	union {
		struct {
			unsigned long _flags_2;
			unsigned long _head_2;
			struct list_head _deferred_list;
		};
		struct page __page_2;
	};
};

/*
 * anon_vma: the reverse map of anonymous folios (see rmap.c).
 * @rb_root: interval tree of the anon_vma_chains linking VMAs to it,
 *	     keyed by each VMA's page-offset range.
 */
struct anon_vma {
	struct anon_vma *root;
	struct anon_vma *parent;
	int refcount;
	int num_children;
	int num_active_vmas;
	struct rb_root rb_root;
};

struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;	/* on vma->anon_vma_chain */
	struct rb_node rb;		/* in anon_vma->rb_root */
	unsigned long rb_subtree_last;
	/* the tree's key: the VMA's page range when inserted (interval_tree.c) */
	unsigned long cached_vma_start, cached_vma_last;
};

typedef struct { uint64_t pgprot; } pgprot_t;

/*
 * The first 64 bytes are what a walk of the VMAs in address order reads
 * (bounds, neighbours, mm, flags): one cache line, since vm_area_alloc()
 * aligns VMAs to one.  The tree that finds them is mm->mm_mt.
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	/* the neighbours in address order, kept with mm->mm_mt (vma.c) */
	struct vm_area_struct *vm_next, *vm_prev;
	bool detached;			/* not in its mm's tree */

	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	vm_flags_t vm_flags;

	struct {			/* mapping->i_mmap interval tree */
		struct rb_node rb;
		unsigned long rb_subtree_last;
	} shared;

	struct list_head anon_vma_chain;
	struct anon_vma *anon_vma;

	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;

	struct pfnmap_track_ctx *pfnmap_track_ctx;
};

/* mm->flags bits */
#define MMF_OOM_SKIP		21	/* reaped: nothing left for the reaper */
#define MMF_UNSTABLE		22	/* the reaper has begun on it */
#define MMF_HUGE_ZERO_PAGE	23	/* holds a reference on the huge zero folio */
#define MMF_DISABLE_THP_EXCEPT_ADVISED	24	/* PR_SET_THP_DISABLE + EXCEPT_ADVISED */
#define MMF_DISABLE_THP_COMPLETELY	25	/* PR_SET_THP_DISABLE */
#define MMF_HAS_PINNED		27
#define MMF_HAS_MDWE		28	/* PR_SET_MDWE: refuse W+X and exec gain */
#define MMF_HAS_MDWE_NO_INHERIT	29	/* ...and not for children */

enum mm_counter {
	MM_FILEPAGES,
	MM_ANONPAGES,
	MM_SWAPENTS,
	MM_SHMEMPAGES,
	NR_MM_COUNTERS
};

/*
 * The userfaultfd of an mm (the model's one per mm, userfaultfd.c):
 * @initialized once UFFDIO_API succeeded, with @features (UFFD_FEATURE_*);
 * @fault_reason: why the last fault went to the monitor (VM_UFFD_*), and
 * @fault_address: where (the page's address, as uffd_msg.arg.pagefault
 * gives it without UFFD_FEATURE_EXACT_ADDRESS).
 */
struct userfaultfd_ctx {
	bool initialized;
	uint64_t features;
	unsigned long fault_reason;
	unsigned long fault_address;
};

/*
 * struct mmu_pde_cache - one slot of the software MMU's paging-structure
 * cache (x86's PDE cache, model/mmu.c): for the 2 MiB region @tag - 1,
 * the PTE table the last walk reached and the AND of the PGD, PUD and
 * PMD entries above it.  @tag 0 is an empty slot.  Every write that
 * changes or clears an entry above the PTE level empties the mm's whole
 * cache (mmu_flush_pde_cache()), so a slot never outlives what it caches.
 */
struct mmu_pde_cache {
	unsigned long tag;
	uint64_t upper;
	uint64_t *ptes;
};
#define MMU_PDE_CACHE_SLOTS	8

struct mm_struct {
	struct maple_tree mm_mt;	/* the VMAs, by range (vma.c) */
	int map_count;
	unsigned long pgd;		/* PFN of the top-level table */
	struct machine *machine;
	unsigned long flags;		/* MMF_* */
	long rss_stat[NR_MM_COUNTERS];
	unsigned long hiwater_rss;	/* peak RSS, raised before each zap */
	unsigned long hiwater_vm;	/* peak total_vm, raised before munmap */
	unsigned long total_vm;
	unsigned long locked_vm;
	unsigned long pinned_vm;
	unsigned long data_vm;
	unsigned long exec_vm;
	unsigned long stack_vm;
	vm_flags_t def_flags;
	unsigned long pgtables_bytes;
	unsigned int write_protect_seq;
	int mm_users;
	struct list_head sealed;	/* mseal.c: what each seal promised */
	struct task_struct *owner;	/* the process whose mm this is */
	/* the checker's own counts, from the choke points (page_table_check.c) */
	long check_rss[NR_MM_COUNTERS];
	int check_map_count;
	struct userfaultfd_ctx uffd_ctx;
	mm_id_t mm_id;			/* CONFIG_MM_ID: large-folio MM slots */
	struct mmu_pde_cache pde_cache[MMU_PDE_CACHE_SLOTS];	/* model/mmu.c */
	/* vma.c: the VMA vma_lookup() found last, while the tree is as then */
	struct vm_area_struct *vma_last;
	unsigned long vma_last_gen;
};

/*
 * One resource limit; RLIMIT_* indices and RLIM_INFINITY (~0UL) are
 * Linux's (<sys/resource.h>).
 */
#define MMSIM_RLIM_NLIMITS	16

struct rlimit_pair {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

#define EXIT_ZOMBIE	0x20	/* killed: no mm, off the task list */

/*
 * struct task_struct - a process.  @rlim stands for signal->rlim and
 * @cap_effective for cred->cap_effective (CAP_* bit numbers Linux's);
 * both are copied at fork.  @exit_signal is the signal that killed it
 * (SIGKILL from the OOM killer, with @exit_state EXIT_ZOMBIE).
 * @signal_flags stands for signal->flags: SIGNAL_GROUP_EXIT once a
 * SIGKILL is on its way (send_sig()) and the exit has yet to run.
 */
struct task_struct {
	int pid;
	struct mm_struct *mm;
	struct machine *machine;
	struct list_head tasks;		/* machine->tasks */
	int exit_state;
	struct rlimit_pair rlim[MMSIM_RLIM_NLIMITS];
	uint64_t cap_effective;
	int exit_signal;
	unsigned int signal_flags;
};
#define SIGNAL_GROUP_EXIT	0x00000004

/*
 * struct address_space_operations - how a file's page cache meets its
 * storage.  @read_folio fills a new folio from the file (0 or -errno);
 * @write_folio is the model's one-folio ->writepages: write @folio back
 * if it is dirty (folio_clear_dirty_for_io first) and return 1, 0 if it
 * was clean, or -errno with nothing changed.
 */
struct address_space_operations {
	bool (*dirty_folio)(struct address_space *mapping, struct folio *folio);
	int (*read_folio)(struct file *file, struct folio *folio);
	int (*write_folio)(struct address_space *mapping, struct folio *folio);
};

/*
 * address_space - a file's pages and the VMAs that map it.
 * @i_mmap: interval tree of shared and private file VMAs, keyed by the
 *	    pgoff range each maps.
 * @i_mmap_writable: shared VMAs that may write (VM_SHARED|VM_MAYWRITE),
 *	    or minus the number of denials (a write seal being added).
 * @i_pages: the page cache, indexed by pgoff; dirty folios of a file
 *	    that writes back are tagged (PAGECACHE_TAG_DIRTY).
 * @nr_written: folios writeback has written (page-writeback.c).
 */
struct address_space {
	struct inode *host;
	struct rb_root i_mmap;
	long i_mmap_writable;
	struct xarray i_pages;
	unsigned long nrpages;
	const struct address_space_operations *a_ops;
	unsigned long flags;
	unsigned long nr_written;
};

struct inode_operations;
struct super_operations;

/*
 * struct inode - a file's size and page cache.  @i_sop stands for
 * i_sb->s_op: the model has no superblocks, only their operations.
 */
struct inode {
	loff_t i_size;
	int i_count;
	unsigned int i_flags;
	unsigned short i_mode;		/* S_IFREG for regular files, and permissions */
	const struct inode_operations *i_op;
	const struct super_operations *i_sop;
	struct list_head i_sb_list;	/* machine->inodes */
	struct address_space i_data;
	struct machine *machine;
	char name[264];
};

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
/* The model's stand-in for path_noexec(): the file's filesystem is noexec. */
#define FMODE_NOEXEC	0x100
/*
 * The model's stand-in for a file opened without FMODE_PREAD and
 * FMODE_PWRITE (a pseudo file no open path gave them: secretmem):
 * pread64(2) and pwrite64(2) are ESPIPE.
 */
#define FMODE_NO_PREAD	0x200

/*
 * struct file_ra_state - a file's read-ahead state, as the kernel keeps
 * it per open file: the window last read ahead (@start, @size pages, of
 * which the last @async_size would start the next), the window's
 * largest size (@ra_pages, from the backing disk) and where the last
 * read ended (@prev_pos; -1 before any).
 */
struct file_ra_state {
	pgoff_t start;
	unsigned int size;
	unsigned int async_size;
	unsigned int ra_pages;
	loff_t prev_pos;
};

struct file {
	int f_count;
	unsigned int f_mode;
	const struct file_operations *f_op;
	struct inode *f_inode;
	struct address_space *f_mapping;
	void *private_data;
	struct machine *machine;
	const struct mmsim_driver *f_driver;	/* model: who opened it, or NULL */
	struct file_ra_state f_ra;
};

#endif /* MMSIM_MM_TYPES_H */
