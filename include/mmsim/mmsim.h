/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mmsim.h - the library's front door: one machine (physical memory plus
 * processes), the system calls a process makes, its own loads and stores
 * through the software MMU, the /proc views, and the checker.
 *
 * Every call returns 0 (or a value) on success and a negative errno on
 * failure, as the system call would; nothing here aborts on bad input.
 * User accesses return 0 or the signal the access raised (SIGSEGV,
 * SIGBUS).  Include <mmsim/mm.h> as well to work at the level of VMAs,
 * page tables and folios, and <mmsim/driver.h> to write a driver.
 */
#ifndef MMSIM_MMSIM_H
#define MMSIM_MMSIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <mmsim/design.h>

struct machine;
struct task_struct;
struct file;
struct page;
struct seq_buf;

#define MMSIM_VERSION "0.1.0"

/* THP settings, as /sys/kernel/mm/transparent_hugepage spells them. */
enum mmsim_thp {
	MMSIM_THP_NEVER,
	MMSIM_THP_MADVISE,
	MMSIM_THP_ALWAYS,
	MMSIM_THP_INHERIT,	/* per-size only: follow @thp_enabled */
};
/* Anonymous folio orders the per-size settings cover: 2 (16 kB) to 9 (2 MB). */
#define MMSIM_THP_MIN_ORDER	2
#define MMSIM_THP_MAX_ORDER	9

/*
 * struct mmsim_profile - how the modelled kernel is configured.  The
 * defaults are the kernel's (mmsim_profile_defaults()); the native
 * backend probes the host's and `mmsim diff` applies them before
 * comparing.
 * @zero_page:	anonymous read faults map the shared zero page
 *		(mm_forbids_zeropage() false).
 * @soft_dirty:	CONFIG_MEM_SOFT_DIRTY (VM_SOFTDIRTY, pagemap bit 55).
 * @thp_enabled: transparent_hugepage/enabled: always, madvise or never
 *		(default always: mm/Kconfig TRANSPARENT_HUGEPAGE_ALWAYS).
 * @thp_use_zero_page: transparent_hugepage/use_zero_page (default on):
 *		read faults in a THP range map the huge zero page.
 * @thp_anon:	transparent_hugepage/hugepages-<size>kB/enabled for the
 *		anonymous orders MMSIM_THP_MIN_ORDER..MMSIM_THP_MAX_ORDER:
 *		always, inherit, madvise or never (default: inherit for the
 *		PMD size, never for the others, as mm/huge_memory.c sets
 *		them up).
 * @max_map_count: vm.max_map_count (0: the kernel's default, 65530).
 * @read_ahead_kb: the read-ahead window of the disk under `file`s
 *		(/sys/block/DISK/queue/read_ahead_kb; default 128, the
 *		kernel's VM_READAHEAD_PAGES).
 * @max_sectors_kb: its largest I/O (queue/max_sectors_kb), which
 *		bounds a forced read-ahead (MADV_WILLNEED) and a read larger
 *		than the window (default 128: a backing device without
 *		queue limits has io_pages = VM_READAHEAD_PAGES).
 */
struct mmsim_profile {
	bool zero_page;
	bool soft_dirty;
	unsigned char thp_enabled;
	bool thp_use_zero_page;
	unsigned char thp_anon[MMSIM_THP_MAX_ORDER + 1];
	unsigned short thp_max_ptes_none;	/* 0 .. 511 */
	bool thp_shrink_underused;
	int max_map_count;
	unsigned int read_ahead_kb;
	unsigned int max_sectors_kb;
};

/* The kernel's defaults. */
void mmsim_profile_defaults(struct mmsim_profile *p);
/*
 * mmsim_profile_set - set one profile key from its text value.  Keys:
 * zero_page, soft_dirty (on|off), thp (always|madvise|never),
 * thp_zero_page (on|off), thp_16k ... thp_2048k (always|inherit|madvise|
 * never), thp_max_ptes_none (0 ... 511), thp_shrink_underused (on|off),
 * max_map_count (1 ... INT_MAX), read_ahead_kb and max_sectors_kb (0 ...
 * 1048576).
 * Returns 0, -ENOENT for an unknown key, -EINVAL for a value the key does
 * not take.
 */
int mmsim_profile_set(struct mmsim_profile *p, const char *key,
		      const char *value);
/* The value of @key in its canonical spelling; -ENOENT for an unknown key. */
int mmsim_profile_get(const struct mmsim_profile *p, const char *key,
		      char *buf, size_t size);
/* The values @key takes ("on|off", ...), or NULL for an unknown key. */
const char *mmsim_profile_values(const char *key);

/*
 * struct mmsim_config - the machine to build.
 * @ram_bytes:	RAM with a struct page per frame, starting at PFN 0x400.
 * @io_bytes:	a region without struct page (MMIO) placed after RAM,
 *		for PFN maps; pfn_valid() is false there.
 */
struct mmsim_config {
	unsigned long ram_bytes;
	unsigned long io_bytes;
	struct mmsim_profile profile;
};

void mmsim_config_init(struct mmsim_config *cfg);

int machine_create(const struct mmsim_config *cfg, struct machine **out);
/* Ends every task and frees everything; reports leaks with mm_check(). */
void machine_destroy(struct machine *m);
void machine_set_profile(struct machine *m, const struct mmsim_profile *p);
void machine_get_profile(struct machine *m, struct mmsim_profile *p);

/* First PFN and count of the RAM and the memmap-less I/O region. */
void machine_ram_range(struct machine *m, unsigned long *start_pfn,
		       unsigned long *nr_pages);
void machine_io_range(struct machine *m, unsigned long *start_pfn,
		      unsigned long *nr_pages);

/*
 * struct mmsim_meminfo - what the model spends on the machine it models.
 * @frames_used:	RAM frames allocated (user, page-table, kernel pages)
 * @memmap_bytes:	frames_used * (sizeof(struct page) + the checker's
 *			per-frame record)
 * @content_bytes:	host bytes holding frame contents
 * @pgtable_bytes:	host bytes holding page-table entries
 * @object_bytes:	host bytes of other live objects (VMAs, anon_vmas, ...)
 */
struct mmsim_meminfo {
	unsigned long frames_used;
	size_t memmap_bytes;
	size_t content_bytes;
	size_t pgtable_bytes;
	size_t object_bytes;
};
void machine_meminfo(struct machine *m, struct mmsim_meminfo *mi);

/*
 * Fault injection: make the @n-th allocation from now fail (n >= 1);
 * 0 turns injection off.  Returns how many failures were injected since
 * the last call to mmsim_fail_nth().
 */
void mmsim_fail_nth(struct machine *m, unsigned long n);
unsigned long mmsim_fail_injected(struct machine *m);
/* Allocations that could have failed since the machine was created. */
unsigned long mmsim_alloc_calls(struct machine *m);

/*
 * Processes.  A process the OOM killer killed (task_signal() gives
 * SIGKILL) has no memory left: only sys_exit() may be called on it,
 * which releases it.
 */
int task_create(struct machine *m, struct task_struct **out);
int sys_fork(struct task_struct *parent, struct task_struct **child);
void sys_exit(struct task_struct *t);
int task_pid(struct task_struct *t);
/* 0, or the signal that killed @t (SIGKILL from the OOM killer). */
int task_signal(struct task_struct *t);
int send_sig(int sig, struct task_struct *p, int priv);
int sys_process_mrelease(struct task_struct *t, int pid, unsigned int flags);
/*
 * process_vm_readv(2) of one remote range into @buf (process_vm_access.c):
 * the count read, a negative errno, or SYSCALL_BLOCKS.
 */
ssize_t sys_process_vm_readv(struct task_struct *t, int pid,
			     unsigned long addr, size_t len, void *buf);
/*
 * A system call that never returns: the calling task waits in the kernel
 * for ever.  A remote GUP (process_vm_readv) faulted into another
 * process's userfaultfd, whose monitor serves only that process's own
 * calls - idle now - so handle_userfault() sleeps with nothing to wake
 * it.  Not an errno (below -4095, where no system call returns one).
 * The model keeps nothing of the wait (a scenario ends there): the task
 * would make no further call.
 */
#define SYSCALL_BLOCKS	(-4096L)

/* Memory-management system calls; PROT_*, MAP_*, MREMAP_*, MADV_* values
 * are Linux's. */
long sys_mmap(struct task_struct *t, unsigned long addr, unsigned long len,
	      unsigned long prot, unsigned long flags, struct file *file,
	      unsigned long off);
int sys_munmap(struct task_struct *t, unsigned long addr, unsigned long len);
int sys_mprotect(struct task_struct *t, unsigned long addr, unsigned long len,
		 unsigned long prot);
long sys_mremap(struct task_struct *t, unsigned long addr,
		unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
int sys_madvise(struct task_struct *t, unsigned long addr, unsigned long len,
		int advice);
/*
 * mincore(2): @vec gets one byte per page of [addr, addr + len), 1 when
 * resident (mapped, or in the page cache of the VMA's file).
 */
int sys_mincore(struct task_struct *t, unsigned long addr, unsigned long len,
		unsigned char *vec);
/* msync(2): MS_ASYNC 1, MS_INVALIDATE 2, MS_SYNC 4. */
int sys_msync(struct task_struct *t, unsigned long addr, unsigned long len,
	      int flags);
int sys_mlock(struct task_struct *t, unsigned long addr, unsigned long len);
int sys_munlock(struct task_struct *t, unsigned long addr, unsigned long len);
/* mseal(2): seal [addr, addr+len) against unmap, move and mprotect. */
int sys_mseal(struct task_struct *t, unsigned long addr, size_t len,
	      unsigned long flags);
/* mlock2(2) (MLOCK_ONFAULT 1), mlockall(2) (MCL_* Linux's), munlockall(2). */
int sys_mlock2(struct task_struct *t, unsigned long addr, unsigned long len,
	       unsigned int flags);
int sys_mlockall(struct task_struct *t, int flags);
int sys_munlockall(struct task_struct *t);

/*
 * Limits and credentials of a process, copied at fork.  RLIMIT_* are
 * Linux's; a new process has the kernel's initial limits (RLIMIT_MEMLOCK
 * 8 MiB, the others unlimited) and, like root, every capability.
 * capset_effective() raises or drops one capability (CAP_IPC_LOCK: 14)
 * from the effective set.
 */
int sys_setrlimit(struct task_struct *t, unsigned int resource,
		  unsigned long cur, unsigned long max);
int sys_getrlimit(struct task_struct *t, unsigned int resource,
		  unsigned long *cur, unsigned long *max);
int capset_effective(struct task_struct *t, int cap, bool on);
/*
 * split_huge_pages_pid - what writing "PID,START,END,ORDER" to debugfs
 * split_huge_pages does to @t (Linux 6.18): every anonymous THP met in
 * [start, end), a page at a time, is split into folios of @new_order if
 * it is larger; the walk stops at a hole.  A folio that cannot be split
 * (referenced beyond its mappings, or @new_order 1) stays whole.
 * Context: any time; sets the current machine.
 * Return: how many folios were split.
 */
long split_huge_pages_pid(struct task_struct *t, unsigned long start,
			  unsigned long end, unsigned int new_order);

/*
 * prctl(2): PR_SET_THP_DISABLE (41), PR_GET_THP_DISABLE (42), PR_SET_MDWE
 * (65) and PR_GET_MDWE (66); others EINVAL.
 */
long sys_prctl(struct task_struct *t, int option, unsigned long arg2,
	       unsigned long arg3, unsigned long arg4, unsigned long arg5);

/*
 * Files: a memfd, a model device, and page-cache I/O.  MFD_*, F_*SEAL*,
 * O_* and FALLOC_FL_* values are Linux's.  sys_memfd_create() is
 * memfd_create(name, 0); with neither MFD_EXEC nor MFD_NOEXEC_SEAL the
 * file is executable (vm.memfd_noexec = 0, the default).
 */
int sys_memfd_create(struct machine *m, const char *name, struct file **out);
int sys_memfd_create_flags(struct machine *m, const char *name,
			   unsigned int flags, struct file **out);
/* memfd_secret(2) (lib/mm/secretmem.c): flags O_CLOEXEC or 0. */
int sys_memfd_secret(struct machine *m, unsigned int flags, struct file **out);
/*
 * vfs_tmpfile - open(DIR, O_TMPFILE | O_RDWR) on a disk filesystem
 * (lib/fs/diskfs.c): a new, empty, unlinked regular file whose mapping
 * writes back; maps names it "/var/tmp/NAME (deleted)".
 * Return: 0, -ENAMETOOLONG, -ENOMEM.
 */
int vfs_tmpfile(struct machine *m, const char *name, struct file **out);
/* fsync(2): write back the file's dirty pages; -EINVAL without ->fsync. */
int vfs_fsync(struct file *f);
/* fcntl(2) F_ADD_SEALS / F_GET_SEALS: 0 or the seals, or -errno. */
long memfd_fcntl(struct file *f, unsigned int cmd, unsigned long arg);
/*
 * A second open file description of @f's inode, as open("/proc/self/fd/N",
 * @flags) gives: O_RDONLY, O_WRONLY or O_RDWR, and O_TRUNC.  Memfds and
 * tmpfiles only (-ENXIO for device files).
 */
int dentry_open(struct file *f, int flags, struct file **out);
long vfs_fallocate(struct file *f, int mode, loff_t offset, loff_t len);
int device_open(struct machine *m, const char *device, const char *options,
		struct file **out);
void fput(struct file *f);
int vfs_truncate(struct file *f, loff_t size);
ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t pos);
/* 0, or -ESPIPE: @f has no position for pread64(2)/pwrite64(2) (secretmem). */
int file_pread_ok(struct file *f);
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t pos);
/*
 * pread64(2)/pwrite64(2) between @f and the memory of @t at @buf: the
 * kernel's copy_to_user()/copy_from_user() fault pages in, and a fault
 * they cannot handle ends the transfer without a signal.
 * Return: the bytes transferred (short at the first such fault), or
 * -EFAULT if none, or another negative errno.
 */
ssize_t sys_pread64(struct task_struct *t, struct file *f, unsigned long buf,
		    size_t count, loff_t pos);
ssize_t sys_pwrite64(struct task_struct *t, struct file *f, unsigned long buf,
		     size_t count, loff_t pos);

/*
 * The process's own loads and stores, through the software MMU: each page
 * is walked, accessed/dirty are set, and a missing or read-only entry
 * faults and retries.  Returns 0, SIGSEGV, SIGBUS, or SIGKILL when RAM
 * ran out and the OOM killer chose this process (oom_kill.c; it is then
 * dead: see task_signal()); a fault that ran out of RAM kills the worst
 * process and retries.  On a signal, bytes before the faulting page have
 * been transferred, as with real stores.
 */
int uaccess_read(struct task_struct *t, unsigned long addr, void *buf,
		 size_t len);
int uaccess_write(struct task_struct *t, unsigned long addr, const void *buf,
		  size_t len);
int uaccess_memset(struct task_struct *t, unsigned long addr, int byte,
		   size_t len);
/*
 * One access to the byte at @addr that leaves it as it was: a load, or
 * for @write a locked add of 0 - a single write access (one write fault,
 * never a read fault first).
 */
int uaccess_touch(struct task_struct *t, unsigned long addr, bool write);
/*
 * uaccess_touch() at @addr, @addr + @stride, ... while below @end, in
 * turn, up to the first that raises a signal: a loop over pages that
 * enters the library once.  Returns 0 or that signal.
 */
int uaccess_touch_range(struct task_struct *t, unsigned long addr,
			unsigned long end, unsigned long stride, bool write);
/*
 * A store hit a userfaultfd write-protected entry: the fault went to the
 * monitor and the store did not happen (the task would wait for
 * UFFDIO_WRITEPROTECT to resolve it).  Not a signal number.
 */
#define UACCESS_UFFD_WP	1000
/* A fault on an empty entry of a range registered for missing faults. */
#define UACCESS_UFFD_MISSING	1001
/* A fault on a page cached but not mapped, in a range registered MINOR. */
#define UACCESS_UFFD_MINOR	1002

/*
 * userfaultfd(2) of a process (lib/mm/userfaultfd.c: one per process in
 * the model).  Values are Linux's <linux/userfaultfd.h>, which a tool
 * may include instead (it defines UFFD_API).
 */
#ifndef UFFD_API
#define UFFD_FEATURE_PAGEFAULT_FLAG_WP	(1ULL << 0)
#define UFFD_FEATURE_EVENT_FORK		(1ULL << 1)
#define UFFD_FEATURE_EVENT_REMAP	(1ULL << 2)
#define UFFD_FEATURE_SIGBUS		(1ULL << 7)
#define UFFD_FEATURE_WP_HUGETLBFS_SHMEM	(1ULL << 12)
#define UFFD_FEATURE_WP_UNPOPULATED	(1ULL << 13)
#define UFFD_FEATURE_WP_ASYNC		(1ULL << 15)
/* Every feature Linux 6.18 knows on x86-64 (PAGEFAULT_FLAG_WP to MOVE). */
#define UFFD_API_FEATURES		((1ULL << 17) - 1)
#define UFFDIO_REGISTER_MODE_MISSING	(1UL << 0)
#define UFFDIO_REGISTER_MODE_WP		(1UL << 1)
#define UFFDIO_REGISTER_MODE_MINOR	(1UL << 2)
#define UFFDIO_COPY_MODE_DONTWAKE	(1UL << 0)
#define UFFDIO_COPY_MODE_WP		(1UL << 1)
#define UFFDIO_CONTINUE_MODE_DONTWAKE	(1UL << 0)
#define UFFDIO_CONTINUE_MODE_WP		(1UL << 1)
#define _UFFDIO_WAKE			2
#define _UFFDIO_COPY			3
#define _UFFDIO_ZEROPAGE		4
#define _UFFDIO_MOVE			5
#define _UFFDIO_WRITEPROTECT		6
#define _UFFDIO_CONTINUE		7
#define _UFFDIO_POISON			8
#endif
#define UFFD_API_VERSION		0xAAULL	/* UFFD_API */

/*
 * UFFDIO_API (once; WP_ASYNC implies WP_UNPOPULATED), UFFDIO_REGISTER
 * (@mode: MISSING, WP, MINOR; UFFDIO_API with no feature first if not
 * done),
 * UFFDIO_UNREGISTER, UFFDIO_WRITEPROTECT (@wp: protect, else resolve).
 * Each returns 0 or the kernel's negative errno.  uffd_copy() is
 * UFFDIO_COPY of @len bytes of @byte: the bytes copied, or a negative
 * errno.  Model: WP_ASYNC, WP_UNPOPULATED and SIGBUS change behaviour,
 * other features are only accepted.  uffd_api_version() is UFFDIO_API
 * with the api field too (anything but UFFD_API_VERSION is -EINVAL);
 * uffd_register_ioctls() also stores the range ioctls (1 << _UFFDIO_*)
 * the kernel returns in uffdio_register.ioctls.
 *
 * The fills, each over empty pages of one registered VMA (-ENOENT
 * outside one, -EEXIST over a page, the bytes filled or a negative errno
 * when none were): uffd_copy() of @byte (private memory gets anonymous
 * pages, shared shmem page-cache pages), uffd_zeropage() (the zero page
 * in private memory, a zeroed page-cache page in shared shmem),
 * uffd_poison() (a poisoned marker: any access is SIGBUS), and
 * uffd_continue() (maps the page that shmem's page cache holds, for a
 * range registered MINOR; -EFAULT if none).
 */
int uffd_api(struct task_struct *t, uint64_t features);
int uffd_api_version(struct task_struct *t, uint64_t api, uint64_t features);
int uffd_register(struct task_struct *t, unsigned long start,
		  unsigned long len, unsigned long mode);
int uffd_register_ioctls(struct task_struct *t, unsigned long start,
			 unsigned long len, unsigned long mode, uint64_t *ioctls);
int uffd_unregister(struct task_struct *t, unsigned long start,
		    unsigned long len);
int uffd_writeprotect(struct task_struct *t, unsigned long start,
		      unsigned long len, bool wp);
long uffd_copy(struct task_struct *t, unsigned long start, unsigned long len,
	       int byte, unsigned long mode);
long uffd_zeropage(struct task_struct *t, unsigned long start,
		   unsigned long len, unsigned long mode);
long uffd_poison(struct task_struct *t, unsigned long start, unsigned long len,
		 unsigned long mode);
long uffd_continue(struct task_struct *t, unsigned long start,
		   unsigned long len, unsigned long mode);
/*
 * UFFDIO_MOVE of @len bytes from @src to @dst (registered): exclusive
 * anonymous pages (and zero pages) move, the source is left empty.
 * @mode: 1 DONTWAKE, 2 ALLOW_SRC_HOLES.  Return: the bytes moved, or a
 * negative errno when none were (-EBUSY for a shared or pinned page, or
 * a THP: the model moves base pages only,
 * -ENOENT for a hole, -EEXIST where @dst is mapped).
 */
long uffd_move(struct task_struct *t, unsigned long dst, unsigned long src,
	       unsigned long len, unsigned long mode);

/*
 * Long-term pins for the scenario `pin` command: FOLL_PIN|FOLL_LONGTERM,
 * plus FOLL_WRITE unless @ro.  A pin set holds the pages until released.
 */
struct pin_set;
int pin_range(struct task_struct *t, unsigned long addr, unsigned long len,
	      bool ro, struct pin_set **out);
void pin_release(struct pin_set *ps);
/* Host bytes the current pin-accounting design spends (pincount.c). */
size_t pincount_bytes(struct machine *m);
/*
 * A write to /proc/PID/mem: LEN copies of BYTE at ADDR through GUP with
 * FOLL_FORCE|FOLL_WRITE, so even read-only private memory is written (its
 * COW broken first).  0, or -EIO when nothing could be written.
 */
int proc_mem_write(struct task_struct *t, unsigned long addr, int byte,
		   size_t len);
/* Name a pin set, so `pin_read NAME` (mmsim_ctl) can find it. */
void pin_set_name(struct pin_set *ps, const char *name);

/* A growable text buffer the /proc views print into. */
struct seq_buf {
	char *buf;
	size_t len;
	size_t size;
	int err;	/* -ENOMEM once an append failed */
};
void seq_buf_init(struct seq_buf *s);
void seq_buf_free(struct seq_buf *s);
void seq_buf_printf(struct seq_buf *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * /proc/PID/maps, smaps, smaps_rollup, status (its memory lines), statm
 * and one pagemap entry.
 */
int proc_pid_maps(struct task_struct *t, struct seq_buf *s);
int proc_pid_smaps(struct task_struct *t, struct seq_buf *s);
int proc_pid_smaps_rollup(struct task_struct *t, struct seq_buf *s);
int proc_pid_status(struct task_struct *t, struct seq_buf *s);
int proc_pid_statm(struct task_struct *t, struct seq_buf *s);
/* Model-only: VmPeak and VmHWM start again from the current values. */
int proc_mark_hiwater(struct task_struct *t);
/* One pagemap entry; -EIO past the address space (the read is empty). */
int proc_pid_pagemap(struct task_struct *t, unsigned long addr, uint64_t *entry);

/*
 * The PAGEMAP_SCAN ioctl (lib/fs/proc/pagemap_scan.c); structures and
 * values as <linux/fs.h>.  pagemap_scan() writes the regions to @vec
 * (room for arg->vec_len; arg->vec 0 means no vector) and sets
 * arg->walk_end; it returns the number of regions or a negative errno.
 */
struct page_region {
	uint64_t start, end, categories;
};
struct pm_scan_arg {
	uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages;
	uint64_t category_inverted, category_mask, category_anyof_mask;
	uint64_t return_mask;
};
#define PM_SCAN_WP_MATCHING	(1ULL << 0)
#define PM_SCAN_CHECK_WPASYNC	(1ULL << 1)
#define PAGE_IS_WPALLOWED	(1ULL << 0)
#define PAGE_IS_WRITTEN		(1ULL << 1)
#define PAGE_IS_FILE		(1ULL << 2)
#define PAGE_IS_PRESENT		(1ULL << 3)
#define PAGE_IS_SWAPPED		(1ULL << 4)
#define PAGE_IS_PFNZERO		(1ULL << 5)
#define PAGE_IS_HUGE		(1ULL << 6)
#define PAGE_IS_SOFT_DIRTY	(1ULL << 7)
#define PAGE_IS_GUARD		(1ULL << 8)
long pagemap_scan(struct task_struct *t, struct pm_scan_arg *arg,
		  struct page_region *vec);
/*
 * A write of @type to /proc/PID/clear_refs: 1-3 clear the accessed and
 * referenced bits (all, anonymous, file VMAs), 4 soft-dirty (with
 * CONFIG_MEM_SOFT_DIRTY), 5 is accepted; 0 or -EINVAL.
 */
int clear_refs_write(struct task_struct *t, int type);

/*
 * process_madvise(2): @pid is the process the pidfd names (the caller's
 * own pid for PIDFD_SELF), or the negative errno resolving the pidfd gave.
 * Returns the bytes advised or a negative errno (lib/mm/madvise.c).
 */
struct iovec_range {
	unsigned long base, len;
};
ssize_t sys_process_madvise(struct task_struct *t, int pid,
			    const struct iovec_range *vec, size_t vlen,
			    int behavior, unsigned int flags);
/* The pid of a process (for a pidfd that names it). */
int task_pid_nr(const struct task_struct *t);

/* The PROCMAP_QUERY ioctl on /proc/PID/maps (<linux/fs.h>, Linux 6.11). */
struct procmap_query {
	uint64_t size, query_flags, query_addr;
	uint64_t vma_start, vma_end, vma_flags, vma_page_size, vma_offset;
	uint64_t inode;
	uint32_t dev_major, dev_minor;
	uint32_t vma_name_size, build_id_size;
	uint64_t vma_name_addr, build_id_addr;
};
#define PROCMAP_QUERY_VMA_READABLE		0x01
#define PROCMAP_QUERY_VMA_WRITABLE		0x02
#define PROCMAP_QUERY_VMA_EXECUTABLE		0x04
#define PROCMAP_QUERY_VMA_SHARED		0x08
#define PROCMAP_QUERY_COVERING_OR_NEXT_VMA	0x10
#define PROCMAP_QUERY_FILE_BACKED_VMA		0x20
int procmap_query(struct task_struct *t, struct procmap_query *q, char *name);
/* readlink of /proc/PID/map_files/@dname: 0 or -ENOENT. */
int proc_map_files_readlink(struct task_struct *t, const char *dname,
			    char *buf, size_t size);

#define PM_PFRAME_MASK		((1ULL << 55) - 1)
#define PM_SOFT_DIRTY		(1ULL << 55)
#define PM_MMAP_EXCLUSIVE	(1ULL << 56)
#define PM_UFFD_WP		(1ULL << 57)
#define PM_GUARD_REGION		(1ULL << 58)
#define PM_FILE			(1ULL << 61)
#define PM_SWAP			(1ULL << 62)
#define PM_PRESENT		(1ULL << 63)

/*
 * mm_check - recompute every invariant of the model from scratch.
 * Returns 0, or -EUCLEAN with a description in mm_check_report().
 */
int mm_check(struct machine *m);
const char *mm_check_report(struct machine *m);
/*
 * mmsim_kernel_bug - the bug of a modelled kernel that @m has reproduced
 * on purpose, because a design switch selects that kernel (e.g. `design
 * pat=vm_pat`: Linux 3.7-6.15's memtype leak across a partial munmap), or
 * NULL.  Once it is set, a broken invariant is that kernel's, expected;
 * mm_check_report() says so.
 * Return: which kernel, and what it got wrong; or NULL.
 */
const char *mmsim_kernel_bug(struct machine *m);
/*
 * mm_check_changes - check what changed since the last check: every
 * entry, frame and VMA the model changed (logged where the change was
 * made), against counts kept at those points and validated by every
 * full mm_check().  Costs what the changes cost.  A few things are left
 * to the next full check (see lib/model/mm_check.c): run one every so
 * many commands (mm_check_commands() counts them) and at the end.
 * Return: 0, or -EUCLEAN with a description in mm_check_report().
 */
int mm_check_changes(struct machine *m);
unsigned long mm_check_commands(struct machine *m);

/*
 * mmsim_ctl - the model's control and introspection interface, for what
 * user space cannot see or set: one command line (addresses in hex, as
 * the scenario interpreter resolves them) run in process @t; the answer
 * is printed into @out.  The commands are listed by mmsim_ctl_command():
 * the library's own (profile, design, entry, normal_page, counts, ...)
 * and those of the registered drivers (e.g. defio_flush).
 * Return: 0 or a negative errno (-EINVAL for an unknown command or a bad
 * argument).
 */
int mmsim_ctl(struct task_struct *t, const char *line, struct seq_buf *out);

/*
 * struct mmsim_ctl_command - one model-only command, for a CLI's parser,
 * help and completion.
 * @name:	the command word
 * @min_args, @max_args: how many arguments follow it
 * @usage:	"NAME ARG...": argument words spelled ADDR are addresses
 *		(a CLI resolves scenario names there, and only there)
 * @summary:	one line
 */
struct mmsim_ctl_command {
	const char *name;
	int min_args, max_args;
	const char *usage;
	const char *summary;
};

/*
 * mmsim_ctl_command - the @i-th model-only command (the library's, then
 * the registered drivers').
 * Return: true with *@cmd filled, false past the last one.
 */
bool mmsim_ctl_command(unsigned int i, struct mmsim_ctl_command *cmd);
/* The command called @name: true with *@cmd filled, else false. */
bool mmsim_ctl_lookup(const char *name, struct mmsim_ctl_command *cmd);

/*
 * struct mmsim_events - event counters of a machine since it was created,
 * for reports comparing designs.
 * @faults:		handle_mm_fault() calls
 * @mkwrite_calls:	write-notify faults (->page_mkwrite + ->pfn_mkwrite)
 * @pfn_mkwrite_calls:	of which ->pfn_mkwrite
 * @entries_inserted:	entries installed by remap_pfn_range, vm_insert_page*,
 *			vmf_insert_* (the delta across mmap(): mapped at mmap)
 * @page_field_writes:	page->mapping/index written on driver (kernel) pages
 *			outside the folio API (the legacy perf design)
 * @bad_page_map:	vm_normal_page*() met a special entry in a normal VMA
 */
struct mmsim_events {
	unsigned long faults;
	unsigned long mkwrite_calls;
	unsigned long pfn_mkwrite_calls;
	unsigned long entries_inserted;
	unsigned long page_field_writes;
	unsigned long bad_page_map;
};
void mmsim_events(struct machine *m, struct mmsim_events *ev);

/* Errno and signal names: "ENOMEM", "SIGBUS"; NULL if unknown. */
const char *errno_name(int err);
int errno_from_name(const char *name);
const char *signal_name(int sig);
int signal_from_name(const char *name);

#endif /* MMSIM_MMSIM_H */
