// SPDX-License-Identifier: GPL-2.0
/*
 * native_uffd.c - the agent's userfaultfd and its PAGEMAP_SCAN.
 *
 * Each agent has at most one userfaultfd, created by its first uffd
 * command (a forked agent closes the one it inherits: the scenario's
 * child has its own - with UFFD_FEATURE_EVENT_FORK, the one the fork
 * event made, see nat_uffd_fork_end()).  Registering before UFFDIO_API
 * does the API call with no feature first, as the model does.
 *
 * The monitor.  Where a registration can deliver faults (missing or
 * minor mode, or write-protection without UFFD_FEATURE_WP_ASYNC), or
 * events were asked for (each waits until the monitor reads it), every
 * command runs with a monitor thread beside the agent: when the agent
 * faults into the userfaultfd, the monitor reads the message, notes its
 * kind and sends the agent SIGUSR1.  A user fault waits interruptibly,
 * so the signal ends it: the agent's access unwinds (native_agent.c)
 * and reports "uffd-wp", "uffd-missing" or "uffd-minor", memory
 * unchanged, as the model reports a fault handed to the monitor.  A
 * fault the signal cannot end (a GUP that waits only killably) is
 * resolved by the monitor after a second (write-protection removed, the
 * cached page mapped, or a zero page placed), so nothing hangs, and
 * every later fault of the same command at once (a write(2) from many
 * missing pages faults on each); such a command then completes as if
 * the monitor had served it - which is what the model's monitor does at
 * once (userfaultfd_monitor_serve(), lib/mm/userfaultfd.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/userfaultfd.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
/* <sys/mman.h> declares memfd_create(), a name the library's API takes. */
#define memfd_create glibc_memfd_create
#include <sys/mman.h>
#undef memfd_create
#include <sys/syscall.h>

#include "native.h"

#ifndef UFFD_FEATURE_WP_UNPOPULATED
#define UFFD_FEATURE_WP_UNPOPULATED	(1 << 13)
#endif
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC		(1 << 15)
#endif

/* <linux/userfaultfd.h> of Linux 6.6 on: the host's headers may be older. */
struct nat_uffdio_poison {
	struct uffdio_range range;
	uint64_t mode;
	int64_t updated;
};
#define NAT_UFFDIO_POISON	_IOWR(UFFDIO, 0x08, struct nat_uffdio_poison)
/* ... and of Linux 6.8 on. */
struct nat_uffdio_move {
	uint64_t dst, src, len, mode;
	int64_t move;
};
#define NAT_UFFDIO_MOVE		_IOWR(UFFDIO, 0x05, struct nat_uffdio_move)

/* <linux/fs.h> of Linux 6.7 on: the host's headers may be older. */
struct nat_page_region {
	uint64_t start, end, categories;
};
struct nat_pm_scan_arg {
	uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages;
	uint64_t category_inverted, category_mask, category_anyof_mask;
	uint64_t return_mask;
};
#define NAT_PAGEMAP_SCAN	_IOWR('f', 16, struct nat_pm_scan_arg)

#define MONITOR_GRACE_MS	1000

static int uffd = -1;
static bool api_done;
static uint64_t api_features;
static bool sync_faults;		/* a registration may deliver faults */

static pthread_t monitor_thread;
static bool monitor_running;
static int monitor_stop = -1;		/* eventfd: the command is over */
static pid_t agent_tid;
static volatile sig_atomic_t fault_kind;	/* enum nat_uffd_kind */

/*
 * UFFD_FEATURE_EVENT_FORK: fork() returns only once the parent's monitor
 * has read the fork event, which installs the child's new userfaultfd
 * in the parent (forked_ufd).  The parent hands its number over a
 * socket; the child agent takes it with pidfd_getfd(2) as its own
 * userfaultfd, answers, and the parent closes its copy.  So a child's
 * registered VMAs keep their registration, and the child's monitor
 * serves their faults.
 */
static int forked_ufd = -1;

#define EVENT_FEATURES	(UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_EVENT_REMAP | \
			 UFFD_FEATURE_EVENT_REMOVE | UFFD_FEATURE_EVENT_UNMAP)
#define HANDOVER_MS	5000

/* Before fork(): a socket pair for the handover, or -1s when none is due. */
int nat_uffd_fork_begin(int sv[2])
{
	sv[0] = sv[1] = -1;
	if (uffd < 0 || !(api_features & UFFD_FEATURE_EVENT_FORK))
		return 0;
	forked_ufd = -1;
	return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) ? -errno : 0;
}

/*
 * In the parent after fork(): hand the child its userfaultfd.  fork()
 * returns as soon as the monitor's read(2) took the event, maybe before
 * the monitor noted the new descriptor: stopping (joining) the monitor
 * first makes sure it did.
 */
void nat_uffd_fork_end(int sv[2])
{
	struct pollfd p = { .fd = sv[0], .events = POLLIN };
	char ack;
	int n;

	if (sv[0] < 0)
		return;
	nat_uffd_monitor_stop();
	n = forked_ufd;
	close(sv[1]);
	if (write(sv[0], &n, sizeof(n)) == sizeof(n) && n >= 0 &&
	    poll(&p, 1, HANDOVER_MS) > 0 && read(sv[0], &ack, 1) == 1)
		(void)ack;	/* the child holds it now */
	if (n >= 0)
		close(n);
	forked_ufd = -1;
	close(sv[0]);
}

/* In the child: take the fork event's userfaultfd from the parent. */
static void fork_take_ufd(int sock, uint64_t features)
{
	struct pollfd p = { .fd = sock, .events = POLLIN };
	int n = -1, pidfd;

	if (poll(&p, 1, HANDOVER_MS) <= 0 || read(sock, &n, sizeof(n)) != sizeof(n) ||
	    n < 0)
		return;
	pidfd = (int)syscall(SYS_pidfd_open, getppid(), 0);
	if (pidfd < 0)
		return;
	uffd = (int)syscall(SYS_pidfd_getfd, pidfd, n, 0);
	close(pidfd);
	if (uffd < 0)
		return;
	api_done = true;
	api_features = features;
	sync_faults = true;
	if (write(sock, "k", 1) != 1)
		return;		/* the parent gave up waiting: it closed its copy */
}

/*
 * In a new child agent: the userfaultfd and the monitor are the
 * parent's (the monitor thread was not even copied by fork); with
 * EVENT_FORK, @sock brings the child's own.
 */
void nat_uffd_forked(int sv[2])
{
	uint64_t features = api_features;

	monitor_running = false;
	if (monitor_stop >= 0)
		close(monitor_stop);
	monitor_stop = -1;
	if (uffd >= 0)
		close(uffd);
	uffd = -1;
	api_done = false;
	api_features = 0;
	sync_faults = false;
	forked_ufd = -1;
	if (sv[1] < 0)
		return;
	close(sv[0]);
	fork_take_ufd(sv[1], features);
	close(sv[1]);
}

/* The agent's userfaultfd, made by userfaultfd(2) or, @dev, /dev/userfaultfd. */
static int uffd_get(bool dev)
{
	int fd;

	if (uffd >= 0)
		return 0;
	if (!dev) {
		uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
		return uffd < 0 ? -errno : 0;
	}
	fd = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	uffd = ioctl(fd, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
	close(fd);
	return uffd < 0 ? -errno : 0;
}

int nat_uffd_api(uint64_t features, uint64_t api_version, bool dev)
{
	struct uffdio_api api = { .api = api_version, .features = features };
	int err = uffd_get(dev);

	if (err)
		return err;
	if (ioctl(uffd, UFFDIO_API, &api))
		return -errno;
	api_done = true;
	api_features = features;
	if (features & EVENT_FEATURES)	/* someone must read the events */
		sync_faults = true;
	return 0;
}

int nat_uffd_register(unsigned long start, unsigned long len,
		      unsigned long mode, uint64_t *ioctls)
{
	struct uffdio_register reg = {
		.range = { .start = start, .len = len }, .mode = mode,
	};
	int err = api_done ? 0 : nat_uffd_api(0, UFFD_API, false);

	if (err)
		return err;
	if (ioctl(uffd, UFFDIO_REGISTER, &reg))
		return -errno;
	if ((mode & (UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_MINOR)) ||
	    !(api_features & UFFD_FEATURE_WP_ASYNC))
		sync_faults = true;
	*ioctls = reg.ioctls;
	return 0;
}

int nat_uffd_unregister(unsigned long start, unsigned long len)
{
	struct uffdio_range range = { .start = start, .len = len };

	if (uffd < 0)
		return -EINVAL;	/* as an uninitialized userfaultfd answers */
	return ioctl(uffd, UFFDIO_UNREGISTER, &range) ? -errno : 0;
}

int nat_uffd_writeprotect(unsigned long start, unsigned long len, bool wp)
{
	struct uffdio_writeprotect w = {
		.range = { .start = start, .len = len },
		.mode = wp ? UFFDIO_WRITEPROTECT_MODE_WP : 0,
	};

	if (uffd < 0)
		return -EINVAL;
	return ioctl(uffd, UFFDIO_WRITEPROTECT, &w) ? -errno : 0;
}

/* UFFDIO_COPY of @len bytes of @byte; a partial copy is -EAGAIN. */
int nat_uffd_copy(unsigned long start, unsigned long len, int byte,
		  unsigned long mode)
{
	struct uffdio_copy copy = { .dst = start, .len = len, .mode = mode };
	void *src;
	int err = 0;

	if (uffd < 0)
		return -EINVAL;
	src = mmap(NULL, len ? len : 1, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (src == MAP_FAILED)
		return -ENOMEM;
	memset(src, byte, len);
	copy.src = (uintptr_t)src;
	if (ioctl(uffd, UFFDIO_COPY, &copy))
		err = -errno;
	munmap(src, len ? len : 1);
	return err;
}

/* UFFDIO_ZEROPAGE, _POISON, _CONTINUE; a partial fill is -EAGAIN. */
int nat_uffd_fill(unsigned long kind, unsigned long start, unsigned long len,
		  unsigned long mode)
{
	struct uffdio_range range = { .start = start, .len = len };
	struct uffdio_zeropage z = { .range = range, .mode = mode };
	struct nat_uffdio_poison p = { .range = range, .mode = mode };
	struct uffdio_continue c = { .range = range, .mode = mode };
	int ret;

	if (uffd < 0)
		return -EINVAL;
	if (kind == UFFD_FILL_ZEROPAGE)
		ret = ioctl(uffd, UFFDIO_ZEROPAGE, &z);
	else if (kind == UFFD_FILL_POISON)
		ret = ioctl(uffd, NAT_UFFDIO_POISON, &p);
	else
		ret = ioctl(uffd, UFFDIO_CONTINUE, &c);
	return ret ? -errno : 0;
}

/* UFFDIO_MOVE; a partial move is -EAGAIN. */
int nat_uffd_move(unsigned long dst, unsigned long src, unsigned long len,
		  unsigned long mode)
{
	struct nat_uffdio_move m = { .dst = dst, .src = src, .len = len, .mode = mode };

	if (uffd < 0)
		return -EINVAL;
	return ioctl(uffd, NAT_UFFDIO_MOVE, &m) ? -errno : 0;
}

/* ---- the monitor ------------------------------------------------------- */

enum nat_uffd_kind nat_uffd_fault_kind(void)
{
	return (enum nat_uffd_kind)fault_kind;
}

/* Serve a fault the signal did not end, so that the agent goes on. */
static void monitor_resolve(const struct uffd_msg *msg)
{
	unsigned long page = msg->arg.pagefault.address & ~4095UL;
	struct uffdio_writeprotect w = { .range = { page, 4096 } };
	struct uffdio_zeropage z = { .range = { page, 4096 } };
	struct uffdio_range wake = { page, 4096 };
	struct uffdio_continue c = { .range = { page, 4096 } };

	if (msg->arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP)
		ioctl(uffd, UFFDIO_WRITEPROTECT, &w);
	else if (msg->arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_MINOR)
		ioctl(uffd, UFFDIO_CONTINUE, &c);
	else if (ioctl(uffd, UFFDIO_ZEROPAGE, &z))
		ioctl(uffd, UFFDIO_WAKE, &wake);
}

static void *monitor_main(void *unused)
{
	struct pollfd pfd[2] = {
		{ .fd = uffd, .events = POLLIN },
		{ .fd = monitor_stop, .events = POLLIN },
	};
	struct uffd_msg msg;
	bool served = false;

	for (;;) {
		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			break;
		if (pfd[1].revents)
			break;
		if (!(pfd[0].revents & POLLIN) ||
		    read(uffd, &msg, sizeof(msg)) != sizeof(msg))
			continue;
		if (msg.event == UFFD_EVENT_FORK && forked_ufd < 0)
			forked_ufd = (int)msg.arg.fork.ufd;
		else if (msg.event == UFFD_EVENT_FORK)
			close((int)msg.arg.fork.ufd);
		if (msg.event != UFFD_EVENT_PAGEFAULT)
			continue;	/* reading an event is all it waits for */
		if (!fault_kind)
			fault_kind = (msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP) ?
				     NAT_UFFD_WP :
				     (msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_MINOR) ?
				     NAT_UFFD_MINOR : NAT_UFFD_MISSING;
		/* once a fault outlived the signal, the command's later ones will */
		if (!served) {
			syscall(SYS_tgkill, getpid(), agent_tid, SIGUSR1);
			if (poll(&pfd[1], 1, MONITOR_GRACE_MS) > 0)
				break;
		}
		monitor_resolve(&msg);
		served = true;
	}
	return NULL;
}

void nat_uffd_monitor_start(void)
{
	sigset_t all, old;

	fault_kind = NAT_UFFD_NONE;
	if (uffd < 0 || !sync_faults)
		return;
	if (monitor_stop < 0)
		monitor_stop = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (monitor_stop < 0)
		return;
	agent_tid = (pid_t)syscall(SYS_gettid);
	/* the signal is for the agent's thread only */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	monitor_running = !pthread_create(&monitor_thread, NULL, monitor_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void nat_uffd_monitor_stop(void)
{
	uint64_t one = 1;

	if (!monitor_running)
		return;
	if (write(monitor_stop, &one, sizeof(one)) != sizeof(one))
		return;		/* cannot happen with a fresh eventfd */
	pthread_join(monitor_thread, NULL);
	monitor_running = false;
	if (read(monitor_stop, &one, sizeof(one)) != sizeof(one))
		one = 0;
}

/* ---- PAGEMAP_SCAN ------------------------------------------------------- */

/*
 * a[0..5]: addr len flags max_pages vec_len vec_null; @masks: "mask
 * anyof inverted return" in hex.  The answer is backend.h's text.
 */
int nat_pagemap_scan(const unsigned long *a, const char *masks, char **text,
		     size_t *len)
{
	struct nat_pm_scan_arg arg = {
		.size = sizeof(arg), .flags = a[2], .start = a[0],
		.end = a[0] + a[1], .max_pages = a[3], .vec_len = a[4],
	};
	struct nat_page_region *vec = calloc(a[4] ? a[4] : 1, sizeof(*vec));
	size_t cap = 64 + 56 * a[4], n = 0;
	int fd = -1, err = 0;
	long ret;

	*text = malloc(cap);
	if (!vec || !*text) {
		err = -ENOMEM;
		goto out;
	}
	if (sscanf(masks, "%" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64,
		   &arg.category_mask, &arg.category_anyof_mask,
		   &arg.category_inverted, &arg.return_mask) != 4) {
		err = -EINVAL;
		goto out;
	}
	arg.vec = a[5] ? 0 : (uintptr_t)vec;
	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	ret = ioctl(fd, NAT_PAGEMAP_SCAN, &arg);
	if (ret < 0) {
		err = -errno;
		goto out;
	}
	n += snprintf(*text + n, cap - n, "%lx %" PRIx64 "\n", ret, arg.walk_end);
	for (long i = 0; i < ret && i < (long)a[4]; i++)
		n += snprintf(*text + n, cap - n, "%" PRIx64 " %" PRIx64 " %" PRIx64 "\n",
			      vec[i].start, vec[i].end, vec[i].categories);
	*len = n;
out:
	if (fd >= 0)
		close(fd);
	free(vec);
	if (err) {
		free(*text);
		*text = NULL;
	}
	return err;
}
