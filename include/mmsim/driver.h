/* SPDX-License-Identifier: GPL-2.0 */
/*
 * driver.h - what a driver sees, as a kernel module sees include/linux:
 * the file and VMA hooks it implements (file_operations,
 * vm_operations_struct, vm_fault, vm_area_desc with its mmap_action), the
 * calls that map memory into user space (remap_pfn_range, vmf_insert_*,
 * vm_insert_page[s], vm_map_pages), the rmap calls of deferred I/O
 * (mapping_wrprotect_range, unmap_mapping_range), kernel memory (pages,
 * kmalloc, vmalloc) and, model-only, how a driver is registered by name,
 * reads its `open F NAME key=value...` options, adds model-only commands
 * and checks its own invariants from mm_check().
 *
 * Signatures and return conventions are the kernel's (Linux 6.18): no
 * machine argument anywhere.  The library keeps a current machine, as the
 * kernel keeps `current`; every hook below is called with it set, so a
 * driver just calls.  Nothing here may be called outside such a hook
 * (Context: "a driver hook" below).
 *
 * Built-in drivers (lib/drivers/, lib/kernel/events/) and drivers loaded
 * with `mmsim run --driver=FILE.so` are written against this header alone;
 * see docs/drivers.md.
 */
#ifndef MMSIM_DRIVER_H
#define MMSIM_DRIVER_H

#include <mmsim/kernel.h>
#include <mmsim/mm.h>
#include <mmsim/mmsim.h>

/* ==== the hooks a driver implements ==================================== */

/*
 * struct vm_fault - one fault, as handed to a driver's vm_operations.
 * @vma:	the VMA the fault is in
 * @flags:	FAULT_FLAG_*; FAULT_FLAG_WRITE for a write access
 * @pgoff:	the file offset in pages of @address within the VMA
 * @address:	the faulting address, page-aligned
 * @real_address: the faulting address as accessed
 * @pud, @pmd, @pte: the entries on the way down, where the core has them
 *		(->huge_fault gets @pud or @pmd; ->pfn_mkwrite gets @pte).
 *		A fault on an empty PMD has no PTE table yet: @pte is NULL,
 *		and the core links one only when something is mapped
 *		(finish_fault(), fault-around, vmf_insert_pfn() and friends)
 * @orig_pte:	the entry when the fault was taken
 * @cow_page:	the core's page for a private copy (do_cow_fault)
 * @page:	what ->fault returns, with a reference held for the core
 * @prealloc_pte: the PFN of the PTE table the core allocated for an empty
 *		PMD before calling ->fault or ->map_pages; linked when a
 *		page is mapped, else freed (core only)
 *
 * @flags comes last: no hole among the 8-byte fields, so that the core's
 * initialiser stays a few vector stores (the fault path is measured).
 */
struct vm_fault {
	struct vm_area_struct *vma;
	pgoff_t pgoff;
	unsigned long address;
	unsigned long real_address;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	union {
		pte_t orig_pte;
		pmd_t orig_pmd;		/* a fault on a PMD leaf */
	};
	struct page *cow_page;
	struct page *page;
	unsigned long prealloc_pte;
	unsigned int flags;
};

/*
 * struct vm_operations_struct - a VMA's hooks, as the kernel's.
 * Fault hooks return a vm_fault_t: 0, VM_FAULT_NOPAGE (the hook installed
 * the entry itself), VM_FAULT_LOCKED (->page_mkwrite: the page is ready),
 * VM_FAULT_FALLBACK (->huge_fault: try a smaller order) or an error
 * (VM_FAULT_SIGBUS, VM_FAULT_OOM, ...).  Any other value is a driver bug:
 * mm_check() reports it with the driver's name, the access gets SIGBUS.
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	int (*may_split)(struct vm_area_struct *vma, unsigned long addr);
	int (*mremap)(struct vm_area_struct *vma);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff,
				pgoff_t end_pgoff);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
	const char *(*name)(struct vm_area_struct *vma);
};

/*
 * struct mmap_action - what an ->mmap_prepare hook asks the core to map
 * once the VMA exists and vm_page_prot is settled (write-notify decided):
 * a PFN range (remap_pfn_range) or an array of kernel pages
 * (vm_insert_pages, VM_MIXEDMAP).  The first @nr_writable pages of a
 * shared writable mapping are mapped writable at once; the rest get
 * vm_page_prot, so a write to them reaches ->page_mkwrite/->pfn_mkwrite.
 * Versions: ->mmap_prepare arrived in 6.16 without any action; the
 * remap actions came after 6.18 ("expand mmap_prepare functionality,
 * port more users", October 2025); MMAP_INSERT_PAGES and @nr_writable
 * render the proposal "mm: expand mmap_prepare functionality and usage"
 * (v4, March 2026: mmap_action_map_kernel_pages[_full]).  @error_hook
 * (with the remap actions): what a failed action returns from mmap(2),
 * given the error (e.g. /dev/mem makes any -EAGAIN); NULL: the error.
 */
enum mmap_action_type { MMAP_NOTHING, MMAP_REMAP_PFN, MMAP_INSERT_PAGES };
struct mmap_action {
	enum mmap_action_type type;
	unsigned long pfn;		/* MMAP_REMAP_PFN: first PFN */
	struct page **pages;		/* MMAP_INSERT_PAGES */
	unsigned long nr_pages;		/* pages to map from the VMA start */
	unsigned long nr_writable;
	int (*error_hook)(int err);	/* what mmap returns if mapping fails */
};

/*
 * struct vm_area_desc - what an ->mmap_prepare hook (Linux 6.16) sees and
 * may change before the VMA exists; the core then maps what the hook
 * described in @action, after vm_page_prot is settled.
 */
struct vm_area_desc {
	struct mm_struct *mm;
	struct file *file;
	unsigned long start;
	unsigned long end;
	pgoff_t pgoff;
	vm_flags_t vm_flags;
	pgprot_t page_prot;
	const struct vm_operations_struct *vm_ops;
	void *private_data;
	struct mmap_action action;
};

/*
 * struct kiocb - one read or write on a file: the file and the position.
 * struct iov_iter - where the bytes come from or go to: a kernel buffer
 * (ITER_KVEC, kernel_read/kernel_write) or user memory of @mm
 * (ITER_UBUF, read(2)/write(2)), consumed as the copy advances.
 */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
};

enum iter_type { ITER_KVEC, ITER_UBUF };

struct iov_iter {
	enum iter_type iter_type;
	bool data_source;		/* true: the bytes are written to the file */
	size_t count;			/* bytes left */
	union {
		char *kvec_base;	/* ITER_KVEC */
		unsigned long ubuf;	/* ITER_UBUF: a user address in @mm */
	};
	struct mm_struct *mm;
};

/*
 * struct file_operations - a file's hooks.  A driver sets either @mmap
 * (it gets the VMA and maps or sets vm_ops itself) or @mmap_prepare (it
 * describes the VMA before it exists).  @release runs when the last
 * reference to the file goes (every mapping holds one).  @name is the
 * model's stand-in for the file's path (it has no dentries): what
 * /proc/PID/maps shows, e.g. "/dev/mem"; an "anon_inode:" name makes the
 * file noexec, as anon_inodefs is.  @read_iter/@write_iter return the
 * bytes transferred (iocb->ki_pos advanced) or -errno; @fallocate takes
 * FALLOC_FL_* over [offset, offset + len); @fsync writes [start, end]
 * back (NULL: fsync is EINVAL).
 */
struct file_operations {
	const char *name;
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*mmap_prepare)(struct vm_area_desc *desc);
	void (*release)(struct file *file);
	/* Return: bytes transferred (iocb->ki_pos advanced), or -errno. */
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	/* FALLOC_FL_* @mode over [@offset, @offset + @len); 0 or -errno. */
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	/* Write back [@start, @end]; 0 or -errno.  NULL: fsync is EINVAL. */
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
};

/* ==== mapping memory into user space =================================== */

/**
 * remap_pfn_range - map [@pfn, @pfn + @size) at [@addr, @addr + @size)
 * @vma: the VMA, being set up by ->mmap
 * @addr: page-aligned start inside @vma
 * @pfn: first PFN (RAM with struct page or not: the entries are special)
 * @size: bytes, rounded up to pages
 * @prot: the protection of the entries
 *
 * Sets VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP.  On a COW mapping
 * the range must be the whole VMA and vm_pgoff becomes @pfn.  A range
 * covering the whole VMA reserves its PAT memtype (kept until the last
 * VMA sharing it goes); a partial one takes the frames' existing mode.
 * Context: ->mmap.
 * Return: 0; -EINVAL for a bad range or a memtype conflict, -EBUSY if an
 * entry is already there, -ENOMEM.
 */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);

/**
 * io_remap_pfn_range - remap_pfn_range() for I/O memory (x86: the same)
 * @vma: the VMA, being set up by ->mmap
 * @addr: page-aligned start inside @vma
 * @pfn: first PFN
 * @size: bytes
 * @prot: the protection of the entries
 *
 * Context: ->mmap.
 * Return: as remap_pfn_range().
 */
static inline int io_remap_pfn_range(struct vm_area_struct *vma,
				     unsigned long addr, unsigned long pfn,
				     unsigned long size, pgprot_t prot)
{
	return remap_pfn_range(vma, addr, pfn, size, prot);
}

/**
 * remap_pfn_range_prepare - ->mmap_prepare's form of remap_pfn_range()
 * @desc: the VMA being described
 * @pfn: first PFN, mapped over the whole VMA once vm_page_prot is settled
 *
 * Sets the flags (and on a COW mapping pgoff) now and @desc->action.
 * Context: ->mmap_prepare.
 */
void remap_pfn_range_prepare(struct vm_area_desc *desc, unsigned long pfn);

/**
 * vmf_insert_pfn - map one PFN from a fault handler
 * @vma: a VM_PFNMAP (or VM_MIXEDMAP, for a PFN without struct page) VMA
 * @addr: the address to map
 * @pfn: the PFN; the entry is special and holds no reference
 *
 * An existing entry is left alone.
 * Context: ->fault, ->huge_fault, ->pfn_mkwrite.
 * Return: VM_FAULT_NOPAGE; VM_FAULT_SIGBUS for misuse (a VMA of the
 * wrong kind, @addr outside it), VM_FAULT_OOM.
 */
vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn);

/**
 * vmf_insert_pfn_prot - vmf_insert_pfn() with a protection of its own
 * @vma: the VMA
 * @addr: the address to map
 * @pfn: the PFN
 * @pgprot: the entry's protection instead of vm_page_prot
 *
 * Context: ->fault, ->huge_fault, ->pfn_mkwrite.
 * Return: as vmf_insert_pfn().
 */
vm_fault_t vmf_insert_pfn_prot(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t pgprot);

/**
 * vmf_insert_mixed - map one PFN into a VM_MIXEDMAP VMA
 * @vma: the VM_MIXEDMAP VMA
 * @addr: the address to map
 * @pfn: the PFN (special entry: x86 has pte_special)
 *
 * Context: ->fault.
 * Return: VM_FAULT_NOPAGE, VM_FAULT_SIGBUS for misuse, VM_FAULT_OOM.
 */
vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn);

/**
 * vmf_insert_mixed_mkwrite - vmf_insert_mixed() mapping writable and dirty
 * @vma: the VM_MIXEDMAP VMA
 * @addr: the address to map
 * @pfn: the PFN; an existing entry of the same PFN is upgraded
 *
 * Context: ->fault, ->pfn_mkwrite.
 * Return: as vmf_insert_mixed().
 */
vm_fault_t vmf_insert_mixed_mkwrite(struct vm_area_struct *vma,
				    unsigned long addr, unsigned long pfn);

/**
 * vmf_insert_pfn_pmd - map a 2 MiB-aligned PFN run with one PMD leaf
 * @vmf: the fault (vmf->pmd set: ->huge_fault at PMD order)
 * @pfn: first PFN, 2 MiB-aligned
 * @write: map it writable and dirty
 *
 * Context: ->huge_fault.
 * Return: VM_FAULT_NOPAGE; VM_FAULT_FALLBACK when a PTE table is already
 * there; VM_FAULT_SIGBUS for misuse.
 */
vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, unsigned long pfn,
			      bool write);

/**
 * vmf_insert_pfn_pud - map a 1 GiB-aligned PFN run with one PUD leaf
 * @vmf: the fault (vmf->pud set: ->huge_fault at PUD order)
 * @pfn: first PFN, 1 GiB-aligned
 * @write: map it writable and dirty
 *
 * Context: ->huge_fault.
 * Return: as vmf_insert_pfn_pmd().
 */
vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, unsigned long pfn,
			      bool write);

/**
 * vm_insert_page - map one kernel page, refcounted, rmapped, not special
 * @vma: the VMA (made VM_MIXEDMAP unless it is VM_PFNMAP)
 * @addr: the address to map
 * @page: an allocated page that is not anonymous or a page table
 *
 * Context: ->mmap, ->fault.
 * Return: 0; -EFAULT outside @vma, -EINVAL for a VM_PFNMAP VMA or an
 * unsuitable page, -EBUSY if an entry is there, -ENOMEM.
 */
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page);

/**
 * vm_insert_pages - vm_insert_page() for @*num consecutive addresses
 * @vma: the VMA
 * @addr: the first address
 * @pages: the pages
 * @num: in: how many; out: how many were NOT mapped
 *
 * Context: ->mmap.
 * Return: 0 or the first error (as vm_insert_page()).
 */
int vm_insert_pages(struct vm_area_struct *vma, unsigned long addr,
		    struct page **pages, unsigned long *num);

/**
 * vm_map_pages - map @pages from index vm_pgoff over the whole VMA
 * @vma: the VMA
 * @pages: the driver's page array
 * @num: its length
 *
 * Context: ->mmap.
 * Return: 0; -ENXIO if the VMA reaches past @num pages; vm_insert_page()'s errors.
 */
int vm_map_pages(struct vm_area_struct *vma, struct page **pages,
		 unsigned long num);

/**
 * remap_vmalloc_range - map vmalloc() memory over the whole VMA
 * @vma: the VMA
 * @addr: what vmalloc() returned
 * @pgoff: the first page of it to map
 *
 * Context: ->mmap.
 * Return: 0; -EINVAL if the VMA reaches past the allocation.
 */
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr,
			unsigned long pgoff);

/**
 * mapping_wrprotect_range - write-protect and clean the shared mappings
 * of [@pfn, @pfn + @nr_pages) at offsets [@pgoff, @pgoff + @nr_pages)
 * of @mapping, with no struct page needed (Linux 6.15)
 * @mapping: the file's address_space (file->f_mapping)
 * @pgoff: first file offset, in pages
 * @pfn: the PFN mapped there
 * @nr_pages: how many
 *
 * Context: a driver hook or command.
 * Return: the number of entries write-protected.
 */
int mapping_wrprotect_range(struct address_space *mapping, pgoff_t pgoff,
			    unsigned long pfn, unsigned long nr_pages);

/**
 * unmap_mapping_range - zap file offsets [@first, @first + @nr) in every
 * VMA mapping @mapping
 * @mapping: the file's address_space
 * @first: first offset, in pages
 * @nr: how many pages; 0 to the end of the file
 * @even_cows: zap private COW copies too
 *
 * Context: a driver hook or command.
 */
void unmap_mapping_range(struct address_space *mapping, pgoff_t first,
			 pgoff_t nr, bool even_cows);

/**
 * shmem_zero_setup - make @vma a shared anonymous mapping: a fresh shmem
 * object behind it (what mmap of /dev/zero with MAP_SHARED gives)
 * @vma: the VMA, being set up by ->mmap
 *
 * Context: ->mmap.
 * Return: 0 or -ENOMEM.
 */
int shmem_zero_setup(struct vm_area_struct *vma);

/* ==== kernel memory ===================================================== */

/**
 * alloc_pages - 2^@order contiguous RAM frames with struct page
 * @gfp: GFP_KERNEL for driver memory (no __GFP_MOVABLE: the model marks
 *	 it a kernel page, which may hold references of the driver's own)
 * @order: 0..10
 *
 * The head page has refcount 1; contents read as zero.
 * Context: a driver hook.
 * Return: the page, or NULL (out of memory, or an injected failure).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

/**
 * alloc_page - alloc_pages() of order 0
 * @gfp: allocation flags
 *
 * Context: a driver hook.
 * Return: the page or NULL.
 */
static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/**
 * __free_pages - drop a reference on 2^@order frames from alloc_pages()
 * @page: the first page
 * @order: the order it was allocated with
 *
 * As the kernel's: the last reference frees the block.  A block allocated
 * without __GFP_COMP whose first page someone else still references
 * (get_page()) keeps that page for them, and its other pages are freed.
 * Context: a driver hook.
 */
void __free_pages(struct page *page, unsigned int order);

/**
 * get_page - take a reference on @page
 * @page: an allocated page
 *
 * Context: any.
 */
void get_page(struct page *page);

/**
 * put_page - drop a reference; the last one frees the page
 * @page: the page
 *
 * Context: a driver hook.
 */
void put_page(struct page *page);

/**
 * page_to_pfn - the frame number of @page
 * @page: a page of the memmap
 *
 * Context: a driver hook.
 * Return: the PFN.
 */
unsigned long page_to_pfn(const struct page *page);

/**
 * pfn_to_page - the struct page of a RAM frame
 * @pfn: a PFN for which pfn_valid() is true
 *
 * Context: a driver hook.
 * Return: the page.
 */
struct page *pfn_to_page(unsigned long pfn);

/**
 * pfn_valid - does @pfn have a struct page (is it RAM)?
 * @pfn: a frame number
 *
 * Context: a driver hook.
 * Return: true for RAM, false for the I/O region and holes.
 */
bool pfn_valid(unsigned long pfn);

/**
 * memcpy_to_page - store into a page's contents
 * @page: the page
 * @offset: byte offset in it
 * @from: the bytes
 * @len: how many (@offset + @len <= PAGE_SIZE)
 *
 * The model's frames have no kernel address: contents are reached
 * through these calls, as highmem pages are through kmap.
 * Context: a driver hook.
 */
void memcpy_to_page(struct page *page, size_t offset, const void *from,
		    size_t len);

/**
 * memcpy_from_page - load from a page's contents
 * @to: where to copy
 * @page: the page
 * @offset: byte offset in it
 * @len: how many (@offset + @len <= PAGE_SIZE)
 *
 * Context: a driver hook.
 */
void memcpy_from_page(void *to, struct page *page, size_t offset, size_t len);

/**
 * memset_page - fill part of a page's contents
 * @page: the page
 * @offset: byte offset in it
 * @val: the byte
 * @len: how many (@offset + @len <= PAGE_SIZE)
 *
 * Context: a driver hook.
 */
void memset_page(struct page *page, size_t offset, int val, size_t len);

/**
 * kmalloc - host memory for a driver's own structures, counted per machine
 * @size: bytes
 * @flags: GFP_KERNEL
 *
 * Counted: a kmalloc() never freed is a leak mm_check() reports once
 * every process has gone.  Subject to failure injection.
 * Context: a driver hook.
 * Return: the memory or NULL.
 */
void *kmalloc(size_t size, gfp_t flags);

/**
 * kzalloc - kmalloc() of zeroed memory
 * @size: bytes
 * @flags: GFP_KERNEL
 *
 * Context: a driver hook.
 * Return: the memory or NULL.
 */
void *kzalloc(size_t size, gfp_t flags);

/**
 * kfree - free kmalloc()/kzalloc() memory
 * @p: the memory, or NULL
 *
 * Context: a driver hook.
 */
void kfree(const void *p);

/**
 * vmalloc - kernel virtual memory made of order-0 RAM pages
 * @size: bytes, rounded up to pages
 *
 * The address is the model's kernel address, not the host's: never
 * dereference it; reach the contents with vmalloc_to_page() and
 * memcpy_to_page()/memcpy_from_page(), or map it with
 * remap_vmalloc_range().  Contents start zeroed (vzalloc() is the same).
 * Context: a driver hook.
 * Return: the address, or NULL.
 */
void *vmalloc(unsigned long size);

/**
 * vzalloc - vmalloc() (the model's frames start zeroed anyway)
 * @size: bytes
 *
 * Context: a driver hook.
 * Return: the address, or NULL.
 */
void *vzalloc(unsigned long size);

/**
 * vfree - free vmalloc() memory (its pages go when their last user does)
 * @addr: what vmalloc() returned, or NULL
 *
 * Context: a driver hook.
 */
void vfree(const void *addr);

/**
 * vmalloc_to_page - the page behind an address inside a vmalloc() area
 * @addr: an address in [base, base + size) of a live allocation
 *
 * Context: a driver hook.
 * Return: the page, or NULL if @addr is in no vmalloc() area.
 */
struct page *vmalloc_to_page(const void *addr);

/* ==== the model's physical memory and PAT =============================== */

/**
 * mmsim_io_region - the machine's frames without struct page (MMIO)
 * @start_pfn: its first PFN (1 GiB-aligned)
 * @nr_pages: its size in frames
 *
 * Context: a driver hook.
 */
void mmsim_io_region(unsigned long *start_pfn, unsigned long *nr_pages);

/* x86 PAT cache modes, as arch/x86 numbers them. */
enum page_cache_mode {
	_PAGE_CACHE_MODE_WB, _PAGE_CACHE_MODE_WC, _PAGE_CACHE_MODE_UC_MINUS,
	_PAGE_CACHE_MODE_UC, _PAGE_CACHE_MODE_NUM
};

/**
 * cachemode2protval - the entry bits selecting cache mode @pcm
 * @pcm: the mode
 *
 * Context: any.
 * Return: _PAGE_PWT/_PAGE_PCD bits (the default PAT MSR), to be or-ed
 * into a protection with the old _PAGE_CACHE_MASK bits cleared.
 */
uint64_t cachemode2protval(enum page_cache_mode pcm);

/* ==== registration (model only) ========================================= */

/* Bumped whenever a structure above or below changes layout. */
#define MMSIM_DRIVER_ABI	2

/*
 * struct mmsim_driver_command - a model-only scenario command the driver
 * adds (as a kernel driver adds an ioctl).  Its first argument is always
 * an ADDR inside a mapping of one of the driver's files; the library
 * finds the VMA (EFAULT if none, ENODEV if it is not this driver's).
 * @name:	the command word, unique among all model-only commands
 * @min_args, @max_args: argument counts, ADDR included
 * @usage:	"NAME ADDR ...": the argument words are what the CLI shows;
 *		only words spelled ADDR are resolved from scenario names
 * @summary:	one line for `mmsim help`
 * @fn:		prints its answer into @out; 0 or a negative errno
 */
struct mmsim_driver_command {
	const char *name;
	int min_args, max_args;
	const char *usage;
	const char *summary;
	int (*fn)(struct vm_area_struct *vma, int argc, char **argv,
		  struct seq_buf *out);
};

/*
 * struct mmsim_driver - a device `open F NAME key=value...` can open.
 * @name:	the NAME (unique among built-in and loaded drivers)
 * @fops:	the file's operations (@open may switch file->f_op)
 * @options:	the option keys @open accepts, NULL-terminated; any other
 *		key makes the open fail with EINVAL before @open runs
 *		(NULL: the driver takes no options)
 * @open:	optional: set up file->private_data from @options; 0 or a
 *		negative errno (then @fops->release is not called)
 * @check_entry: optional, for mm_check(): called for every present PTE
 *		of a VMA of one of the driver's files; 0 when the entry
 *		keeps the driver's invariants, else non-zero with what is
 *		wrong printed into @why (mm_check names the driver)
 * @commands:	optional model-only commands, ended by an entry with a
 *		NULL name
 */
struct mmsim_driver {
	const char *name;
	const struct file_operations *fops;
	const char *const *options;
	int (*open)(struct file *file, const char *options);
	int (*check_entry)(struct vm_area_struct *vma, unsigned long addr,
			   pte_t pte, struct seq_buf *why);
	const struct mmsim_driver_command *commands;
};

/*
 * struct mmsim_module - what a driver file exports: its drivers, and the
 * ABI it was built for.  Write MMSIM_MODULE(&drv, ...) once per file.
 */
struct mmsim_module {
	unsigned int abi_version;
	const struct mmsim_driver *const *drivers;	/* NULL-terminated */
};

#define __mmsim_paste(a, b)	a##b
#define __mmsim_paste2(a, b)	__mmsim_paste(a, b)
#ifdef MMSIM_BUILTIN
/* In the library: one symbol per file, collected into the built-in table. */
#define __MMSIM_MODULE_SYM	__mmsim_paste2(__mmsim_builtin_, MMSIM_MODNAME)
#else
/* In a FILE.so: the symbol `mmsim run --driver=FILE.so` looks up. */
#define __MMSIM_MODULE_SYM	mmsim_module
#endif
#define MMSIM_MODULE(...)						\
	extern const struct mmsim_module __MMSIM_MODULE_SYM;		\
	const struct mmsim_module __MMSIM_MODULE_SYM = {		\
		.abi_version = MMSIM_DRIVER_ABI,			\
		.drivers = (const struct mmsim_driver *const[]){	\
			__VA_ARGS__, NULL },				\
	}

/**
 * mmsim_driver_register - make @drv openable by name in every machine
 * @drv: the driver; it must stay valid while registered
 *
 * Built-in drivers are registered on first use; loaded ones by
 * mmsim_module_load().  A program using the library may register its own.
 * Context: outside any machine call (registration is process-wide).
 * Return: 0; -EEXIST if the name (or one of its command names) is taken,
 * -EINVAL for a driver without a name or fops, -ENOMEM.
 */
int mmsim_driver_register(const struct mmsim_driver *drv);

/**
 * mmsim_driver_find - the registered driver called @name
 * @name: the name
 *
 * Context: any.
 * Return: the driver, or NULL.
 */
const struct mmsim_driver *mmsim_driver_find(const char *name);

/**
 * mmsim_driver_is_builtin - was @drv built into the library?
 * @drv: a registered driver
 *
 * Context: any.
 * Return: true for the library's own drivers, false for loaded ones.
 */
bool mmsim_driver_is_builtin(const struct mmsim_driver *drv);

/**
 * mmsim_module_load - load a driver built outside the tree (dlopen)
 * @path: the shared object; a name without '/' is searched as dlopen does
 * @err: where to print why loading failed
 * @size: its size
 *
 * The object must export `mmsim_module` (MMSIM_MODULE()) built for this
 * MMSIM_DRIVER_ABI; each of its drivers is registered.
 * Context: outside any machine call.
 * Return: 0; -ENOENT (cannot be loaded), -ENOEXEC (no mmsim_module),
 * -EPROTO (another ABI), -EEXIST (a name already registered).
 */
int mmsim_module_load(const char *path, char *err, size_t size);

/* ==== options, designs, files (model only) ============================== */

/**
 * driver_option - the value of KEY in "key=value key=value ..."
 * @options: the `open` options
 * @key: the key
 * @buf: where to copy the value
 * @size: its size
 *
 * Context: ->open.
 * Return: 0; -ENOENT if absent; -EINVAL if the value does not fit.
 */
int driver_option(const char *options, const char *key, char *buf,
		  size_t size);

/**
 * driver_option_ulong - KEY=N (decimal or 0x hex, optional suffix p, k, m
 * or g for pages, KiB, MiB, GiB) within [@lo, @hi]
 * @options: the `open` options
 * @key: the key
 * @lo: the smallest value allowed
 * @hi: the largest value allowed
 * @val: set only when KEY is given (keep a default in it)
 *
 * Context: ->open.
 * Return: 0; -EINVAL for a bad value, or one too long to be a number.
 */
int driver_option_ulong(const char *options, const char *key,
			unsigned long lo, unsigned long hi, unsigned long *val);

/**
 * driver_option_bool - KEY=on|off
 * @options: the `open` options
 * @key: the key
 * @val: set only when KEY is given
 *
 * Context: ->open.
 * Return: 0; -EINVAL for a value other than on or off.
 */
int driver_option_bool(const char *options, const char *key, bool *val);

/**
 * driver_option_match - KEY=one of @values
 * @options: the `open` options
 * @key: the key
 * @values: the words allowed, NULL-terminated
 * @val: set to the index of the word given, only when KEY is given
 *
 * Context: ->open.
 * Return: 0; -EINVAL for a word not in @values (a long one included).
 */
int driver_option_match(const char *options, const char *key,
			const char *const *values, int *val);

/**
 * driver_option_design - KEY=one of the values of design switch @design,
 * or, without KEY, the switch's current value
 * @options: the `open` options
 * @key: the key, e.g. "design"
 * @design: the switch, e.g. "perf" (lib/model/designs.c, `design` lists it)
 * @val: set to the value's index in the switch's table (mmsim_design())
 *
 * The one list of a switch's values is the design table; a driver keeps
 * an enum in its order, not a second list of names.  Only an open
 * without KEY consults the switch (for `mmsim compare`).
 * Context: ->open.
 * Return: 0; -EINVAL for a word that is not one of the values, or an
 * unknown switch.
 */
int driver_option_design(const char *options, const char *key,
			 const char *design, int *val);

/**
 * kstrtoul - a whole string as one unsigned number
 * @s: the string (a model-only command's argument, say)
 * @base: 10, 16, or 0 for C notation (0x hex, 0 octal)
 * @res: set to the value on success
 *
 * Context: any.
 * Return: 0; -EINVAL for anything but digits of @base (no sign, no
 * trailing bytes), -ERANGE if the value does not fit.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

/**
 * kstrtolen - a whole string as one length, as scenarios write lengths
 * @s: decimal or 0x hex, with an optional unit: p (pages), k, m or g
 *	(KiB, MiB, GiB), either case: 8192, 0x2000, 2p, 8k
 * @res: set to the length in bytes on success
 *
 * Context: any.
 * Return: 0; -EINVAL for anything else (a sign, trailing bytes, an
 * unknown unit) or a length that does not fit in an unsigned long.
 */
int kstrtolen(const char *s, unsigned long *res);

/**
 * mmsim_design - the current setting of design switch @key
 * @key: a key of `design KEY=VALUE` (docs/scenarios.md), e.g. "perf"
 *
 * For drivers whose behaviour differs by design: the index of the value
 * in the switch's list (perf: 0 pfnmap, 1 legacy, 2 mixedmap).
 * Context: a driver hook.
 * Return: the index, or -EINVAL for an unknown key.
 */
int mmsim_design(const char *key);

/**
 * mmsim_note_kernel_bug - say that the model has just done what the kernel
 * it models got wrong, because a design switch selects that kernel
 * @what: which kernel and what it did, e.g. "Linux 6.14-6.19's map_range()
 *	(design perf=pfnmap): ..." (a string that lives as long as the
 *	library: a literal)
 *
 * The machine keeps the first one; from then on the checker's report of a
 * broken invariant says it was expected, and mmsim_kernel_bug() returns
 * it (the fuzzer and the fault-injection sweep do not count such a
 * break as the model's).
 * Context: any call on a machine.
 */
void mmsim_note_kernel_bug(const char *what);

/**
 * get_file - take another reference on an open file
 * @f: the file (one of the driver's, say, whose state another file uses)
 *
 * Dropped with fput() (mmsim.h); the last one releases the file.
 * Context: a driver hook.
 * Return: @f.
 */
struct file *get_file(struct file *f);

/**
 * mmsim_driver_data - the driver's own state in the current machine
 * @drv: the calling driver (registered)
 * @size: its size in bytes; the same on every call
 *
 * What a kernel module keeps in static variables belongs to one kernel;
 * each machine is one, so a driver's state that is not per file (a
 * list of its open files, say) lives here.  The first call in a machine
 * allocates @size zeroed bytes; later calls return the same memory.  It
 * is freed with the machine, after every file was released.
 * Context: a driver hook.
 * Return: the memory, or NULL (out of memory, or @drv not registered).
 */
void *mmsim_driver_data(const struct mmsim_driver *drv, size_t size);

/**
 * mmsim_file_driver - the driver that opened @file
 * @file: any file
 *
 * Context: any.
 * Return: the driver, or NULL for memfds and internal files.
 */
const struct mmsim_driver *mmsim_file_driver(const struct file *file);

#endif /* MMSIM_DRIVER_H */
