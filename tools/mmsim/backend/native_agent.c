// SPDX-License-Identifier: GPL-2.0
/*
 * native_agent.c - the agent: one real host process per scenario process.
 *
 * This file owns everything that runs inside an agent.  The agent reads
 * struct bcmd records from its socket, executes each in its own address
 * space with real system calls and answers with a struct nat_reply (see
 * native.h).  It keeps two tables indexed by the interpreter's ids:
 *
 *   files  file id -> fd; real fds, so a forked agent inherits them;
 *   pins   pin id -> io_uring ring fd holding a fixed-buffer registration
 *          (FOLL_WRITE | FOLL_PIN | FOLL_LONGTERM); a forked agent drops
 *          them, since a pin belongs to the process that took it.
 *
 * A scenario's `file F` is an O_TMPFILE in /var/tmp (a disk filesystem
 * by convention, never the repository; a tmpfs there is refused), which
 * /proc/PID/maps names "/var/tmp/#INODE (deleted)".  The agent remembers
 * each one's inode and name (inherited across fork, kept after close, as
 * mappings outlive descriptors) and rewrites that name in maps and smaps
 * to "/var/tmp/F (deleted)", as the model prints it ("#" would start a
 * comment in a scenario's expectation).
 *
 * User accesses (WRITE, READ, TOUCH) run with SIGSEGV and SIGBUS caught on
 * an alternate stack; a fault unwinds with siglongjmp and is reported as a
 * signal result, and the agent carries on.  SIGUSR1 from the userfaultfd
 * monitor (native_uffd.c) unwinds an access the monitor was handed.
 *
 * Invariants: the agent never replies to a command it did not receive (a
 * newly forked agent starts silent); it exits on EOF; before exiting it
 * unregisters its pins, so they are released synchronously rather than by
 * io_uring's deferred ring teardown.  It runs under the memory limit and
 * never lets a command change its own memory (native_guard.c).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vfs.h>

#include "native.h"

#define PAGE_SIZE	4096UL

struct idtab {
	int *fd;
	unsigned long nr;
};

/* A tmpfile the agent made, for the names in maps (see above). */
struct tmpfile_name {
	char host[48];		/* "/var/tmp/#INODE (deleted)" */
	char model[BCMD_STR_MAX + 24];	/* "/var/tmp/F (deleted)" */
};

struct agent {
	int sock;
	struct idtab files;
	struct idtab pins;
	struct tmpfile_name *tmpfiles;
	unsigned long nr_tmpfiles;
	bool silent;		/* a new child: do not answer this command */
	bool exiting;
};

struct reply {
	struct nat_reply h;
	char *text;
	int pass_fd;		/* fd to send with SCM_RIGHTS, or -1 */
};

/* ---- generic I/O --------------------------------------------------- */

int nat_read_full(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EPIPE;
			return -1;
		}
		p += n;
		len -= n;
	}
	return 0;
}

int nat_write_full(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == ENOTSOCK)
			n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

char *nat_slurp(const char *path, size_t *lenp)
{
	size_t len = 0, cap = 16384;
	char *buf = malloc(cap);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (!buf || fd < 0)
		goto fail;
	while ((n = read(fd, buf + len, cap - len - 1)) != 0) {
		char *nbuf;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		len += n;
		if (cap - len > 1)
			continue;
		cap *= 2;
		nbuf = realloc(buf, cap);
		if (!nbuf)
			goto fail;
		buf = nbuf;
	}
	close(fd);
	buf[len] = '\0';
	if (lenp)
		*lenp = len;
	return buf;
fail:
	n = errno;
	if (fd >= 0)
		close(fd);
	free(buf);
	errno = n;
	return NULL;
}

int nat_pagemap(unsigned long addr, uint64_t *entry)
{
	int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	off_t off = (off_t)(addr / PAGE_SIZE) * sizeof(*entry);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = pread(fd, entry, sizeof(*entry), off);
	close(fd);
	if (n != sizeof(*entry)) {
		if (n >= 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

/* ---- id tables ----------------------------------------------------- */

/* The slot for @id, growing the table; NULL if @id is out of range. */
static int *idtab_slot(struct idtab *t, unsigned long id)
{
	unsigned long i, nr;
	int *fd;

	if (id >= NAT_MAX_ID)
		return NULL;
	if (id < t->nr)
		return &t->fd[id];
	nr = id + 16 < NAT_MAX_ID ? id + 16 : NAT_MAX_ID;
	fd = realloc(t->fd, nr * sizeof(*fd));
	if (!fd)
		return NULL;
	for (i = t->nr; i < nr; i++)
		fd[i] = -1;
	t->fd = fd;
	t->nr = nr;
	return &t->fd[id];
}

/* The fd of an open id, or -1. */
static int idtab_get(struct idtab *t, unsigned long id)
{
	return id < t->nr ? t->fd[id] : -1;
}

/* ---- results ------------------------------------------------------- */

static void set_errno(struct reply *r, int err)
{
	r->h.kind = BRES_ERRNO;
	r->h.code = err;
}

/* BRES_OK when @ret is not -1, else the errno. */
static void set_ret(struct reply *r, long ret)
{
	if (ret == -1)
		set_errno(r, errno);
	else
		r->h.kind = BRES_OK;
}

/* BRES_OK for 0, else the negative errno @err. */
static void set_neg(struct reply *r, int err)
{
	if (err)
		set_errno(r, -err);
	else
		r->h.kind = BRES_OK;
}

static void set_value(struct reply *r, uint64_t value)
{
	r->h.kind = BRES_VALUE;
	r->h.value = value;
}

static void set_text(struct reply *r, enum bres_kind kind, const char *s)
{
	r->h.kind = kind;
	r->text = strdup(s);
	if (!r->text)
		set_errno(r, ENOMEM);
}

/* ---- address space ------------------------------------------------- */

/*
 * ENOMEM from mmap or mremap: the host's answer, unless it is the
 * agent's own address-space limit (RLIMIT_AS) that @len would pass.
 */
static void set_map_errno(struct reply *r, int err, unsigned long len)
{
	unsigned long used = nat_vm_bytes(0);

	if (err == ENOMEM && used + len > nat_mem_limit())
		return set_text(r, BRES_REFUSED,
				"the native agents' memory limit (RLIMIT_AS; --mem-limit=SIZE)");
	set_errno(r, err);
}

static void op_mmap(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = -1;
	void *p;

	if (c->a[4] != (unsigned long)-1) {
		fd = idtab_get(&a->files, c->a[4]);
		if (fd < 0)
			return set_errno(r, EBADF);
	}
	p = mmap((void *)c->a[0], c->a[1], (int)c->a[2], (int)c->a[3], fd,
		 (off_t)c->a[5]);
	if (p == MAP_FAILED)
		return set_map_errno(r, errno, c->a[1]);
	nat_guard_mapped((uintptr_t)p, c->a[1]);
	set_value(r, (uintptr_t)p);
}

static void op_munmap(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int ret = munmap((void *)c->a[0], c->a[1]);

	if (!ret)
		nat_guard_unmapped(c->a[0], c->a[1]);
	set_ret(r, ret);
}

static void op_mprotect(struct agent *a, const struct bcmd *c,
			struct reply *r)
{
	set_ret(r, mprotect((void *)c->a[0], c->a[1], (int)c->a[2]));
}

static void op_mremap(struct agent *a, const struct bcmd *c, struct reply *r)
{
	void *p = mremap((void *)c->a[0], c->a[1], c->a[2], (int)c->a[3],
			 (void *)c->a[4]);

	if (p == MAP_FAILED)
		return set_map_errno(r, errno, c->a[2]);
	if (!(c->a[3] & MREMAP_DONTUNMAP))
		nat_guard_unmapped(c->a[0], c->a[1]);
	nat_guard_mapped((uintptr_t)p, c->a[2]);
	set_value(r, (uintptr_t)p);
}

static void op_madvise(struct agent *a, const struct bcmd *c,
		       struct reply *r)
{
	set_ret(r, madvise((void *)c->a[0], c->a[1], (int)c->a[2]));
}

#define SPLIT_DEBUGFS	"/sys/kernel/debug/split_huge_pages"

/*
 * debugfs split_huge_pages on this process's [a0, a0 + a1), to order a2:
 * an action on our own range, not a setting.  Without debugfs mounted
 * the scenario cannot run here.
 */
static void op_split_huge_pages(struct agent *a, const struct bcmd *c,
				struct reply *r)
{
	char buf[96];
	int fd = open(SPLIT_DEBUGFS, O_WRONLY | O_CLOEXEC);
	int n, err;

	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
		return set_text(r, BRES_UNSUPPORTED,
				"debugfs is not mounted at /sys/kernel/debug (split_huge_pages)");
	if (fd < 0)
		return set_errno(r, errno);
	n = snprintf(buf, sizeof(buf), "%d,0x%lx,0x%lx,%u", (int)getpid(),
		     c->a[0], c->a[0] + c->a[1], (unsigned int)c->a[2]);
	err = write(fd, buf, (size_t)n) == n ? 0 : errno;
	close(fd);
	set_neg(r, -err);
}

/* a[2]: mlock2's flags (MLOCK_ONFAULT); glibc's wrapper may be missing. */
static void op_mlock(struct agent *a, const struct bcmd *c, struct reply *r)
{
	if (c->a[2])
		return set_ret(r, syscall(SYS_mlock2, c->a[0], c->a[1], c->a[2]));
	set_ret(r, mlock((void *)c->a[0], c->a[1]));
}

static void op_mlockall(struct agent *a, const struct bcmd *c,
			struct reply *r)
{
	set_neg(r, nat_mlockall((int)c->a[0]));
}

static void op_munlockall(struct agent *a, const struct bcmd *c,
			  struct reply *r)
{
	set_neg(r, nat_munlockall());
}

static void op_mincore(struct agent *a, const struct bcmd *c,
		       struct reply *r)
{
	unsigned long pages = (c->a[1] + PAGE_SIZE - 1) / PAGE_SIZE;
	unsigned char *vec = malloc(pages + 1);

	if (!vec)
		return set_errno(r, ENOMEM);
	if (mincore((void *)c->a[0], c->a[1], vec)) {
		free(vec);
		return set_errno(r, errno);
	}
	for (unsigned long i = 0; i < pages; i++)
		vec[i] = '0' + (vec[i] & 1);
	vec[pages] = '\0';
	r->h.kind = BRES_WORD;
	r->text = (char *)vec;
}

static void op_msync(struct agent *a, const struct bcmd *c, struct reply *r)
{
	set_ret(r, msync((void *)c->a[0], c->a[1], (int)c->a[2]));
}

static void op_munlock(struct agent *a, const struct bcmd *c,
		       struct reply *r)
{
	set_ret(r, munlock((void *)c->a[0], c->a[1]));
}

#ifndef SYS_mseal
#define SYS_mseal 462		/* x86-64, Linux 6.10 */
#endif

/* glibc has no mseal() wrapper. */
static void op_mseal(struct agent *a, const struct bcmd *c, struct reply *r)
{
	set_ret(r, syscall(SYS_mseal, c->a[0], c->a[1], 0UL));
}

/* ---- files and devices --------------------------------------------- */

/* Install @fd (or report errno when it is -1) as file id @id. */
static void install_file(struct agent *a, unsigned long id, int fd,
			 struct reply *r)
{
	int *slot = idtab_slot(&a->files, id);

	if (fd < 0)
		return set_errno(r, errno);
	if (!slot || *slot >= 0) {
		close(fd);
		return set_errno(r, slot ? EEXIST : EINVAL);
	}
	*slot = fd;
	r->h.kind = BRES_OK;
}

static void op_memfd(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = memfd_create(c->str, MFD_CLOEXEC | (unsigned int)c->a[2]);

	if (fd >= 0 && ftruncate(fd, (off_t)c->a[1])) {
		int err = errno;

		close(fd);
		return set_errno(r, err);
	}
	install_file(a, c->a[0], fd, r);
}

#ifndef SYS_memfd_secret
#define SYS_memfd_secret 447
#endif

static void op_memfd_secret(struct agent *a, const struct bcmd *c,
			    struct reply *r)
{
	install_file(a, c->a[0], (int)syscall(SYS_memfd_secret,
			(unsigned int)c->a[1] | O_CLOEXEC), r);
}

#define TMPFILE_DIR	"/var/tmp"
#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC	0x01021994
#endif

static int remember_tmpfile(struct agent *a, int fd, const char *name)
{
	struct tmpfile_name *t;
	struct stat st;

	if (fstat(fd, &st))
		return -1;
	t = realloc(a->tmpfiles, (a->nr_tmpfiles + 1) * sizeof(*t));
	if (!t)
		return -1;
	a->tmpfiles = t;
	t += a->nr_tmpfiles++;
	snprintf(t->host, sizeof(t->host), TMPFILE_DIR "/#%lu (deleted)",
		 (unsigned long)st.st_ino);
	snprintf(t->model, sizeof(t->model), TMPFILE_DIR "/%s (deleted)", name);
	return 0;
}

/* file F SIZE: O_TMPFILE on the disk filesystem under /var/tmp. */
static void op_file(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = open(TMPFILE_DIR, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	struct statfs sfs;
	int err;

	if (fd < 0)
		return set_errno(r, errno);
	if (!fstatfs(fd, &sfs) && sfs.f_type == TMPFS_MAGIC) {
		close(fd);
		return set_text(r, BRES_UNSUPPORTED,
				TMPFILE_DIR " is a tmpfs here, not a disk filesystem");
	}
	if (ftruncate(fd, (off_t)c->a[1]) || remember_tmpfile(a, fd, c->str)) {
		err = errno;
		close(fd);
		return set_errno(r, err);
	}
	install_file(a, c->a[0], fd, r);
}

static void op_fsync(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);

	if (fd < 0)
		return set_errno(r, EBADF);
	set_ret(r, fsync(fd));
}

static void op_ftruncate(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);

	if (fd < 0)
		return set_errno(r, EBADF);
	set_ret(r, ftruncate(fd, (off_t)c->a[1]));
}

static void op_pwrite(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);
	unsigned long off = c->a[1], left = c->a[3];
	char buf[16384];

	if (fd < 0)
		return set_errno(r, EBADF);
	memset(buf, (int)c->a[2], sizeof(buf));
	while (left) {
		size_t chunk = left < sizeof(buf) ? left : sizeof(buf);
		ssize_t n = pwrite(fd, buf, chunk, (off_t)off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return set_errno(r, n < 0 ? errno : EIO);
		off += n;
		left -= n;
	}
	r->h.kind = BRES_OK;
}

static void op_pread(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);
	unsigned char byte;
	ssize_t n;

	if (fd < 0)
		return set_errno(r, EBADF);
	n = pread(fd, &byte, 1, (off_t)c->a[1]);
	if (n < 0)
		return set_errno(r, errno);
	if (n == 0)
		return set_text(r, BRES_WORD, "eof");
	set_value(r, byte);
}

static int open_perf(void)
{
	struct perf_event_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.size = sizeof(attr);
	attr.type = PERF_TYPE_SOFTWARE;
	attr.config = PERF_COUNT_SW_DUMMY;
	attr.exclude_kernel = 1;
	attr.exclude_hv = 1;
	return (int)syscall(SYS_perf_event_open, &attr, 0, -1, -1,
			    PERF_FLAG_FD_CLOEXEC);
}

/* str = "DEVICE [key=value...]"; keys are not used by the host devices. */
static void op_open(struct agent *a, const struct bcmd *c, struct reply *r)
{
	size_t n = strcspn(c->str, " \t");
	int fd;

	if (n == 4 && !strncmp(c->str, "perf", 4))
		fd = open_perf();
	else if (n == 4 && !strncmp(c->str, "zero", 4))
		fd = open("/dev/zero", O_RDWR | O_CLOEXEC);
	else if (n == 3 && !strncmp(c->str, "mem", 3)) {
		/* read-only: a scenario never writes the host's physical memory */
		fd = open("/dev/mem", O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return set_text(r, BRES_UNSUPPORTED,
					"cannot open /dev/mem read-only (root and CONFIG_DEVMEM needed)");
	} else
		return set_errno(r, ENODEV);
	install_file(a, c->a[0], fd, r);
}

static void op_close(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);

	if (fd < 0)
		return set_errno(r, EBADF);
	a->files.fd[c->a[0]] = -1;
	set_ret(r, close(fd));
}

/* A second open file description, through /proc/self/fd/N. */
static void op_reopen(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[1]);
	char path[64];

	if (fd < 0)
		return set_errno(r, EBADF);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	install_file(a, c->a[0], open(path, (int)c->a[2] | O_CLOEXEC), r);
}

#ifndef F_ADD_SEALS
#define F_ADD_SEALS	1033
#define F_GET_SEALS	1034
#endif

static void op_seal(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);
	int ret;

	if (fd < 0)
		return set_errno(r, EBADF);
	ret = fcntl(fd, c->op == BOP_SEAL ? F_ADD_SEALS : F_GET_SEALS,
		    (unsigned int)c->a[1]);
	if (ret < 0)
		return set_errno(r, errno);
	if (c->op == BOP_SEALS)
		return set_value(r, (unsigned int)ret);
	r->h.kind = BRES_OK;
}

static void op_fallocate(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);

	if (fd < 0)
		return set_errno(r, EBADF);
	set_ret(r, fallocate(fd, (int)c->a[3], (off_t)c->a[1], (off_t)c->a[2]));
}

/* pread/pwrite with the scenario's memory as the buffer: the kernel
 * copies to and from it (copy_to_user), faults never reach the agent. */
static void op_sysrw(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int fd = idtab_get(&a->files, c->a[0]);
	ssize_t n;

	if (fd < 0)
		return set_errno(r, EBADF);
	if (c->op == BOP_SYSREAD)
		n = pread(fd, (void *)c->a[2], c->a[3], (off_t)c->a[1]);
	else
		n = pwrite(fd, (const void *)c->a[2], c->a[3], (off_t)c->a[1]);
	if (n < 0)
		return set_errno(r, errno);
	set_value(r, (uint64_t)n);
}

/* ---- limits and credentials ---------------------------------------- */

static void op_setrlimit(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	set_neg(r, nat_setrlimit((unsigned int)c->a[0], c->a[1], c->a[2], c->a[3]));
}

static void op_capability(struct agent *a, const struct bcmd *c,
			  struct reply *r)
{
	set_neg(r, nat_capability((int)c->a[0], c->a[1]));
}

/* Every argument passed as a long: prctl checks the unused ones are 0. */
static void op_prctl(struct agent *a, const struct bcmd *c, struct reply *r)
{
	long ret = prctl((int)c->a[0], c->a[1], c->a[2], c->a[3], c->a[4]);

	if (ret < 0)
		return set_errno(r, errno);
	set_value(r, (uint64_t)ret);
}

/* ---- user accesses ------------------------------------------------- */

static sigjmp_buf fault_env;
static volatile sig_atomic_t fault_armed;

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
	if (!fault_armed && sig == SIGUSR1)
		return;		/* the monitor's signal: nothing to end */
	if (!fault_armed) {
		/* A bug in the agent itself: die of it on return. */
		signal(sig, SIG_DFL);
		return;
	}
	fault_armed = 0;
	siglongjmp(fault_env, sig);
}

/*
 * Scenario accesses may hit any address, 0 included: faults are the point,
 * so the sanitizers must not trap them first.
 */
#define NO_SANITIZE __attribute__((no_sanitize("address", "undefined")))

/*
 * A write of zero bytes touches nothing: not even memset(), whose AVX-512
 * masked store with an empty mask may still set the dirty bit of a
 * present writable entry on this CPU (smaps then counts the page dirty).
 */
static NO_SANITIZE void access_write(const struct bcmd *c)
{
	if (c->a[2])
		memset((void *)c->a[0], (int)c->a[1], c->a[2]);
}

/*
 * 0x00..0xff when all bytes are equal, else -1.  Every byte is loaded,
 * as the model's read does: a fault past the first different byte is
 * still the answer.
 */
static NO_SANITIZE int access_read(const struct bcmd *c)
{
	const volatile unsigned char *p = (const volatile unsigned char *)c->a[0];
	unsigned char first = p[0];
	bool mixed = false;
	unsigned long i;

	for (i = 1; i < c->a[1]; i++)	/* a length of 0 reads one byte */
		mixed |= p[i] != first;
	return mixed ? -1 : first;
}

/*
 * One access per page.  A write is a locked add of 0: a single write
 * access (a write fault, not a read fault then a write fault) that
 * leaves the contents as they were.
 */
static NO_SANITIZE void access_touch(const struct bcmd *c)
{
	unsigned long addr = c->a[0] & ~(PAGE_SIZE - 1);
	unsigned long end = c->a[0] + c->a[1];

	for (; addr < end; addr += c->a[3] ? c->a[3] : PAGE_SIZE) {
		volatile unsigned char *p = (volatile unsigned char *)addr;

		if (c->a[2])
			__atomic_fetch_add(p, 0, __ATOMIC_RELAXED);
		else
			(void)*p;
	}
}

static void op_access(struct agent *a, const struct bcmd *c, struct reply *r)
{
	volatile int byte = 0;
	int sig;

	sig = sigsetjmp(fault_env, 1);
	if (sig == SIGUSR1)	/* the userfaultfd monitor got the fault */
		return set_text(r, BRES_WORD, nat_uffd_fault_kind() == NAT_UFFD_WP ?
				"uffd-wp" : nat_uffd_fault_kind() == NAT_UFFD_MINOR ?
				"uffd-minor" : "uffd-missing");
	if (sig) {
		r->h.kind = BRES_SIGNAL;
		r->h.code = sig;
		return;
	}
	fault_armed = 1;
	if (c->op == BOP_WRITE)
		access_write(c);
	else if (c->op == BOP_READ)
		byte = access_read(c);
	else
		access_touch(c);
	fault_armed = 0;
	if (c->op != BOP_READ)
		r->h.kind = BRES_OK;
	else if (byte < 0)
		set_text(r, BRES_WORD, "mixed");
	else
		set_value(r, (uint64_t)byte);
}

static void install_fault_handler(void)
{
	static char altstack[65536];
	struct sigaction sa;
	stack_t ss = {
		.ss_sp = altstack,
		.ss_size = sizeof(altstack),
	};

	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);	/* native_uffd.c's monitor */
}

/* ---- processes ----------------------------------------------------- */

/* Close every ring without unregistering: the parent still holds them. */
static void drop_inherited_pins(struct agent *a)
{
	unsigned long i;

	nat_pins_forget_all();
	for (i = 0; i < a->pins.nr; i++) {
		if (a->pins.fd[i] >= 0)
			close(a->pins.fd[i]);
		a->pins.fd[i] = -1;
	}
}

static void op_fork(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int sv[2], hand[2];
	pid_t pid;
	int err = nat_uffd_fork_begin(hand);

	if (err)
		return set_neg(r, err);
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) {
		err = errno;
		nat_uffd_fork_end(hand);
		return set_errno(r, err);
	}
	pid = fork();
	if (pid < 0) {
		err = errno;
		close(sv[0]);
		close(sv[1]);
		nat_uffd_fork_end(hand);
		return set_errno(r, err);
	}
	if (pid == 0) {
		close(a->sock);
		close(sv[0]);
		a->sock = sv[1];
		drop_inherited_pins(a);
		nat_uffd_forked(hand);
		a->silent = true;
		return;
	}
	close(sv[1]);
	nat_uffd_fork_end(hand);
	set_value(r, (uint64_t)pid);
	r->pass_fd = sv[0];
}

static int ring_unregister(int ring)
{
	return (int)syscall(SYS_io_uring_register, ring,
			    IORING_UNREGISTER_BUFFERS, NULL, 0);
}

static void op_exit(struct agent *a, const struct bcmd *c, struct reply *r)
{
	unsigned long i;

	for (i = 0; i < a->pins.nr; i++)
		if (a->pins.fd[i] >= 0)
			ring_unregister(a->pins.fd[i]);
	a->exiting = true;
	r->h.kind = BRES_OK;
}

/* ---- pins ---------------------------------------------------------- */

static void op_pin(struct agent *a, const struct bcmd *c, struct reply *r)
{
	struct iovec iov = { (void *)c->a[1], c->a[2] };
	struct io_uring_params p;
	int *slot = idtab_slot(&a->pins, c->a[0]);
	int ring, err;

	if (c->a[3])
		return set_text(r, BRES_UNSUPPORTED,
				"read-only long-term pins: the host pins through io_uring buffer registration, which is always FOLL_WRITE");
	/* io_buffer_validate()'s own limits, before any page is pinned */
	if (!c->a[1] || !c->a[2] || c->a[2] > (1UL << 30))
		return set_text(r, BRES_UNSUPPORTED,
				"a pin at address 0, of nothing or of more than 1 GiB: io_uring buffer registration, the host's way to pin, refuses it (EFAULT) before GUP");
	if (!slot)
		return set_errno(r, EINVAL);
	if (*slot >= 0)
		return set_errno(r, EBUSY);
	memset(&p, 0, sizeof(p));
	ring = (int)syscall(SYS_io_uring_setup, 1, &p);
	if (ring < 0)
		return set_errno(r, errno);
	if (syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS,
		    &iov, 1) < 0) {
		err = errno;
		close(ring);
		return set_errno(r, err);
	}
	*slot = ring;
	nat_pin_note(c->a[0], c->str, ring, &p, c->a[1], c->a[2]);
	r->h.kind = BRES_OK;
}

static void op_unpin(struct agent *a, const struct bcmd *c, struct reply *r)
{
	int ring = idtab_get(&a->pins, c->a[0]);

	if (ring < 0)
		return set_errno(r, EINVAL);
	a->pins.fd[c->a[0]] = -1;
	nat_pin_forget(c->a[0]);
	if (ring_unregister(ring)) {
		int err = errno;

		close(ring);
		return set_errno(r, err);
	}
	set_ret(r, close(ring));
}

/* ---- observation --------------------------------------------------- */

/* Replace every @from in @text (of *@len bytes) by @to; NULL: no memory. */
static char *replace_all(char *text, size_t *len, const char *from,
			 const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), n = 0, out = 0;
	const char *s;
	char *res, *d;

	for (s = strstr(text, from); s; s = strstr(s + fl, from))
		n++;
	if (!n)
		return text;
	res = malloc(*len + n * tl + 1);
	if (!res) {
		free(text);
		return NULL;
	}
	d = res;
	for (s = text; ; ) {
		const char *hit = strstr(s, from);
		size_t k = hit ? (size_t)(hit - s) : strlen(s);

		memcpy(d, s, k);
		d += k;
		out += k;
		if (!hit)
			break;
		memcpy(d, to, tl);
		d += tl;
		out += tl;
		s = hit + fl;
	}
	*d = '\0';
	free(text);
	*len = out;
	return res;
}

static void op_proc_text(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	const char *path = c->op == BOP_MAPS ? "/proc/self/maps" :
			   c->op == BOP_STATUS ? "/proc/self/status" :
			   c->op == BOP_STATM ? "/proc/self/statm" :
			   c->op == BOP_SMAPS_ROLLUP ? "/proc/self/smaps_rollup" :
						 "/proc/self/smaps";
	size_t len;

	r->text = nat_slurp(path, &len);
	for (unsigned long i = 0; r->text &&
	     (c->op == BOP_MAPS || c->op == BOP_SMAPS) &&
	     i < a->nr_tmpfiles; i++)
		r->text = replace_all(r->text, &len, a->tmpfiles[i].host,
				      a->tmpfiles[i].model);
	if (!r->text)
		return set_errno(r, errno ? errno : ENOMEM);
	r->h.kind = BRES_TEXT;
	r->h.len = len;
}

static void op_proc_mark(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	set_ret(r, c->a[0] ? nat_proc_settle() : nat_proc_mark());
}

/* pwrite to /proc/self/mem: the kernel's GUP with FOLL_FORCE. */
static void op_mem_write(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	int fd = open("/proc/self/mem", O_RDWR | O_CLOEXEC);
	char *buf = malloc(c->a[2] ? c->a[2] : 1);
	ssize_t n = -1;

	if (fd >= 0 && buf) {
		memset(buf, (int)c->a[1], c->a[2]);
		n = pwrite(fd, buf, c->a[2], (off_t)c->a[0]);
	}
	if (n < 0)
		set_errno(r, buf ? errno : ENOMEM);
	else
		r->h.kind = BRES_OK;
	free(buf);
	if (fd >= 0)
		close(fd);
}

/* The digit written to /proc/self/clear_refs, as echo N would. */
static void op_clear_refs(struct agent *a, const struct bcmd *c,
			  struct reply *r)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	char digit = (char)('0' + c->a[0]);
	ssize_t n = fd < 0 ? -1 : write(fd, &digit, 1);

	set_ret(r, n < 0 ? -1 : 0);
	if (fd >= 0)
		close(fd);
}

static void op_pagemap(struct agent *a, const struct bcmd *c,
		       struct reply *r)
{
	uint64_t entry;

	if (nat_pagemap(c->a[0], &entry))
		return set_errno(r, errno);
	set_value(r, entry);
}

/* ---- PROCMAP_QUERY ------------------------------------------------- */

/* <linux/fs.h> of Linux 6.11 on: the host's headers may be older. */
struct nat_procmap_query {
	uint64_t size, query_flags, query_addr;
	uint64_t vma_start, vma_end, vma_flags, vma_page_size, vma_offset;
	uint64_t inode;
	uint32_t dev_major, dev_minor, vma_name_size, build_id_size;
	uint64_t vma_name_addr, build_id_addr;
};
#define NAT_PROCMAP_QUERY	_IOWR('f', 17, struct nat_procmap_query)

static void op_procmap_query(struct agent *a, const struct bcmd *c,
			     struct reply *r)
{
	char name[256] = "";
	struct nat_procmap_query q = {
		.size = sizeof(q), .query_flags = c->a[1], .query_addr = c->a[0],
		.vma_name_size = sizeof(name), .vma_name_addr = (uintptr_t)name,
	};
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC), err = 0;

	if (fd < 0 || ioctl(fd, NAT_PROCMAP_QUERY, &q))
		err = errno;
	if (fd >= 0)
		close(fd);
	if (err)
		return set_errno(r, err);
	if (asprintf(&r->text, "%" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64
		     " %" PRIx64 "\n%s", q.vma_start, q.vma_end, q.vma_flags,
		     q.vma_page_size, q.vma_offset, q.vma_name_size ? name : "") < 0) {
		r->text = NULL;
		return set_errno(r, ENOMEM);
	}
	r->h.kind = BRES_TEXT;
}

/* readlink of /proc/self/map_files/NAME. */
static void op_map_files(struct agent *a, const struct bcmd *c,
			 struct reply *r)
{
	char path[BCMD_STR_MAX + 32], target[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/map_files/%s", c->str);
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return set_errno(r, errno);
	target[n] = '\0';
	set_text(r, BRES_WORD, target);
}

/* ---- pidfds and process_madvise ------------------------------------- */

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#define PIDFD_SELF	(-10000)	/* PIDFD_SELF_THREAD, Linux 6.14 */

/* a[1] is the target's pid (native.c put it there). */
static void op_pidfd(struct agent *a, const struct bcmd *c, struct reply *r)
{
	install_file(a, c->a[0], (int)syscall(SYS_pidfd_open, (pid_t)c->a[1], 0), r);
}

static void op_process_madvise(struct agent *a, const struct bcmd *c,
			       struct reply *r)
{
	unsigned long nr = c->a[4], vlen = c->a[2];
	struct iovec *vec = calloc(vlen > nr ? vlen : nr ? nr : 1, sizeof(*vec));
	const char *s = c->str;
	int pidfd, n;
	long ret;

	if (!vec)
		return set_errno(r, ENOMEM);
	for (unsigned long i = 0; i < nr; i++, s += n) {
		unsigned long base, len;

		if (sscanf(s, "%lx %lx %n", &base, &len, &n) != 2)
			n = 0;
		vec[i] = (struct iovec){ (void *)base, len };
	}
	if (c->a[0] == PMADV_SELF)
		pidfd = PIDFD_SELF;
	else if (c->a[0] == PMADV_BADFD)
		pidfd = -1;
	else
		pidfd = idtab_get(&a->files, c->a[0]);
	ret = syscall(SYS_process_madvise, pidfd, vec, vlen, (int)c->a[1],
		      (unsigned int)c->a[3]);
	free(vec);
	if (ret < 0)
		return set_errno(r, errno);
	set_value(r, (uint64_t)ret);
}

#ifndef SYS_process_mrelease
#define SYS_process_mrelease 448
#endif

static void op_process_mrelease(struct agent *a, const struct bcmd *c,
				struct reply *r)
{
	int pidfd = c->a[0] == PMADV_BADFD ? -1 : idtab_get(&a->files, c->a[0]);

	if (syscall(SYS_process_mrelease, pidfd, (unsigned int)c->a[1]))
		return set_errno(r, errno);
}

/* a[1] is the target's pid (native.c put it there). */
static void op_process_vm_readv(struct agent *a, const struct bcmd *c,
				struct reply *r)
{
	void *buf = malloc(c->a[2] ? c->a[2] : 1);
	struct iovec local = { buf, c->a[2] }, remote = { (void *)c->a[0], c->a[2] };
	ssize_t ret;

	(void)a;
	if (!buf)
		return set_errno(r, ENOMEM);
	ret = process_vm_readv((pid_t)c->a[1], &local, 1, &remote, 1, 0);
	free(buf);
	if (ret < 0)
		return set_errno(r, errno);
	set_value(r, (uint64_t)ret);
}

/* ---- userfaultfd and PAGEMAP_SCAN (native_uffd.c) ------------------ */

static void op_uffd(struct agent *a, const struct bcmd *c, struct reply *r)
{
	uint64_t ioctls = 0;
	int err;

	switch (c->op) {
	case BOP_UFFD_API:
		return set_neg(r, nat_uffd_api(c->a[0], c->a[1], c->a[2]));
	case BOP_UFFD_REGISTER:
		err = nat_uffd_register(c->a[0], c->a[1], c->a[2], &ioctls);
		if (err)
			return set_neg(r, err);
		return set_value(r, ioctls);
	case BOP_UFFD_FILL:
		return set_neg(r, nat_uffd_fill(c->a[0], c->a[1], c->a[2], c->a[3]));
	case BOP_UFFD_MOVE:
		return set_neg(r, nat_uffd_move(c->a[0], c->a[1], c->a[2], c->a[3]));
	case BOP_UFFD_UNREGISTER:
		return set_neg(r, nat_uffd_unregister(c->a[0], c->a[1]));
	case BOP_UFFD_WP:
		return set_neg(r, nat_uffd_writeprotect(c->a[0], c->a[1], c->a[2]));
	default:
		return set_neg(r, nat_uffd_copy(c->a[0], c->a[1], (int)c->a[2],
						c->a[3]));
	}
}

static void op_pagemap_scan(struct agent *a, const struct bcmd *c,
			    struct reply *r)
{
	size_t len = 0;
	int err = nat_pagemap_scan(c->a, c->str, &r->text, &len);

	if (err)
		return set_neg(r, err);
	r->h.kind = BRES_TEXT;
	r->h.len = len;
}

/* ---- the loop ------------------------------------------------------ */

typedef void (*agent_op_t)(struct agent *, const struct bcmd *,
			   struct reply *);

/* Model-only commands (the model's ctl interface): the host has no answer. */
static void op_ctl(struct agent *a, const struct bcmd *c, struct reply *r)
{
	char *word = NULL;
	int ret = nat_gup_ctl(c->str, &word);

	if (ret == 1)
		return set_text(r, BRES_UNSUPPORTED, "a model-only command");
	if (ret)
		return set_errno(r, -ret);
	if (!word)
		return set_errno(r, ENOMEM);
	r->text = word;
	r->h.kind = BRES_WORD;
	r->h.len = strlen(word);
}

static const agent_op_t agent_ops[BOP__COUNT] = {
	[BOP_MMAP]	= op_mmap,
	[BOP_MUNMAP]	= op_munmap,
	[BOP_MPROTECT]	= op_mprotect,
	[BOP_MREMAP]	= op_mremap,
	[BOP_MADVISE]	= op_madvise,
	[BOP_SPLIT_HUGE_PAGES] = op_split_huge_pages,
	[BOP_MLOCK]	= op_mlock,
	[BOP_MUNLOCK]	= op_munlock,
	[BOP_MSEAL]	= op_mseal,
	[BOP_MLOCKALL]	= op_mlockall,
	[BOP_MUNLOCKALL] = op_munlockall,
	[BOP_MINCORE]	= op_mincore,
	[BOP_MSYNC]	= op_msync,
	[BOP_REOPEN]	= op_reopen,
	[BOP_SEAL]	= op_seal,
	[BOP_SEALS]	= op_seal,
	[BOP_FALLOCATE]	= op_fallocate,
	[BOP_SYSREAD]	= op_sysrw,
	[BOP_SYSWRITE]	= op_sysrw,
	[BOP_STATUS]	= op_proc_text,
	[BOP_STATM]	= op_proc_text,
	[BOP_SMAPS_ROLLUP] = op_proc_text,
	[BOP_PROC_MARK]	= op_proc_mark,
	[BOP_SETRLIMIT]	= op_setrlimit,
	[BOP_CAPABILITY] = op_capability,
	[BOP_PRCTL]	= op_prctl,
	[BOP_MEMFD]	= op_memfd,
	[BOP_FILE]	= op_file,
	[BOP_FSYNC]	= op_fsync,
	[BOP_FTRUNCATE]	= op_ftruncate,
	[BOP_PWRITE]	= op_pwrite,
	[BOP_PREAD]	= op_pread,
	[BOP_MEMFD_SECRET] = op_memfd_secret,
	[BOP_OPEN]	= op_open,
	[BOP_CLOSE]	= op_close,
	[BOP_WRITE]	= op_access,
	[BOP_READ]	= op_access,
	[BOP_TOUCH]	= op_access,
	[BOP_MEMWRITE]	= op_mem_write,
	[BOP_FORK]	= op_fork,
	[BOP_EXIT]	= op_exit,
	[BOP_PIN]	= op_pin,
	[BOP_UNPIN]	= op_unpin,
	[BOP_MAPS]	= op_proc_text,
	[BOP_SMAPS]	= op_proc_text,
	[BOP_PAGEMAP]	= op_pagemap,
	[BOP_CLEAR_REFS] = op_clear_refs,
	[BOP_PROCMAP_QUERY] = op_procmap_query,
	[BOP_MAP_FILES]	= op_map_files,
	[BOP_PIDFD]	= op_pidfd,
	[BOP_PROCESS_MADVISE] = op_process_madvise,
	[BOP_PROCESS_MRELEASE] = op_process_mrelease,
	[BOP_PROCESS_VM_READV] = op_process_vm_readv,
	[BOP_UFFD_API]	= op_uffd,
	[BOP_UFFD_REGISTER] = op_uffd,
	[BOP_UFFD_UNREGISTER] = op_uffd,
	[BOP_UFFD_WP]	= op_uffd,
	[BOP_UFFD_COPY]	= op_uffd,
	[BOP_UFFD_FILL]	= op_uffd,
	[BOP_UFFD_MOVE]	= op_uffd,
	[BOP_PAGEMAP_SCAN] = op_pagemap_scan,
	[BOP_CTL]	= op_ctl,
};

/* Send the reply header (with the fd, if any) and the text. */
static int send_reply(int sock, struct reply *r)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &r->h, sizeof(r->h) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cm;

	if (r->text && !r->h.len)
		r->h.len = strlen(r->text);
	if (r->pass_fd >= 0) {
		memset(cbuf, 0, sizeof(cbuf));
		msg.msg_control = cbuf;
		msg.msg_controllen = sizeof(cbuf);
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &r->pass_fd, sizeof(int));
	}
	/* A stream socket never sends a 32-byte header in part. */
	if (sendmsg(sock, &msg, MSG_NOSIGNAL) != (ssize_t)sizeof(r->h))
		return -1;
	return nat_write_full(sock, r->text, r->h.len);
}

/*
 * The range a command would change, outside reads: a fixed (replacing)
 * mmap, munmap, mprotect, madvise, mseal, stores, and both ends of an
 * mremap.  NULL, or why the agent must refuse it.
 */
static const char *agent_guard(const struct bcmd *c)
{
	const char *why;

	switch (c->op) {
	case BOP_MMAP:
		if ((c->a[3] & MAP_FIXED) && !(c->a[3] & MAP_FIXED_NOREPLACE))
			return nat_guard_range(c->a[0], c->a[1]);
		return NULL;
	case BOP_MUNMAP:
	case BOP_MPROTECT:
	case BOP_MADVISE:
		return nat_guard_range(c->a[0], c->a[1]);
	case BOP_MSEAL:		/* nothing sealed if there is a hole */
		return nat_guard_seal(c->a[0], c->a[1]);
	case BOP_MREMAP:
		why = nat_guard_range(c->a[0], c->a[1]);
		if (!why && (c->a[3] & MREMAP_FIXED))
			why = nat_guard_range(c->a[4], c->a[2]);
		return why;
	case BOP_WRITE:
	case BOP_MEMWRITE:
		return nat_guard_range(c->a[0], c->a[2] ? c->a[2] : 1);
	case BOP_TOUCH:
		return c->a[2] ? nat_guard_range(c->a[0], c->a[1]) : NULL;
	default:
		return NULL;
	}
}

static void agent_step(struct agent *a, struct bcmd *c)
{
	struct reply r = { .pass_fd = -1 };
	const char *why;

	c->str[BCMD_STR_MAX - 1] = '\0';
	if ((unsigned)c->op >= BOP__COUNT || !agent_ops[c->op]) {
		set_errno(&r, ENOSYS);
	} else if ((why = agent_guard(c))) {
		set_text(&r, BRES_REFUSED, why);
	} else {
		nat_uffd_monitor_start();
		agent_ops[c->op](a, c, &r);
		nat_uffd_monitor_stop();
	}
	if (a->silent) {
		a->silent = false;
		return;
	}
	if (send_reply(a->sock, &r))
		_exit(1);
	free(r.text);
	if (r.pass_fd >= 0)
		close(r.pass_fd);
}

void native_agent_main(int sock)
{
	struct agent a = { .sock = sock };
	struct bcmd c;
	sigset_t all;

	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	install_fault_handler();
	nat_limits_init();
	/* Children of an agent are reaped by the kernel. */
	signal(SIGCHLD, SIG_IGN);
	while (!a.exiting) {
		if (nat_read_full(a.sock, &c, sizeof(c)))
			_exit(0);
		agent_step(&a, &c);
	}
	_exit(0);
}
