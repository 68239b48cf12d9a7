// SPDX-License-Identifier: GPL-2.0
/*
 * native.c - the native backend: runs scenarios on the host kernel.
 *
 * This file owns mmsim's side of the native backend: the table of agents
 * (one real process per scenario process, see native_agent.c), shipping
 * each command to the agent of its process and turning the reply into a
 * struct bres, and probing the host's profile.
 *
 * Agent 0 ("main") is forked by open(); every other agent is forked by
 * the agent of its parent process, so it inherits that address space and
 * those fds, exactly as the scenario's fork does.  mmsim is the only
 * holder of its end of each agent's socket, so every agent sees EOF and
 * exits when mmsim closes the backend or dies; agent 0 also has
 * PR_SET_PDEATHSIG.  Agents ignore SIGCHLD, so the kernel reaps the
 * agents they fork; mmsim reaps agent 0 and waits for the others through
 * pidfds.  Closing exits the agents youngest first, so none is orphaned.
 *
 * An exit is complete when exec() returns: the agent's socket reaches EOF
 * only after its mm is gone (exit_mm() runs before exit_files()), and
 * mmsim then waits for the process itself to end.
 *
 * Every answer is awaited until the deadline (native_timeout.c): an agent
 * that misses it may be blocked for ever, so every agent is killed and
 * reaped, and the backend answers nothing more (native_timed_out()).  A
 * command expected to block (bcmd.may_block) is awaited a grace only,
 * and unanswered it is BRES_BLOCKS: the agents are killed alike, but no
 * timeout is reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "native.h"

#define NAT_EXIT_TIMEOUT_MS	10000

struct nat_proc {
	int sock;		/* -1 when the process is gone */
	pid_t pid;
	int pidfd;		/* -1 for agent 0, reaped with waitpid() */
	unsigned long seq;	/* creation order */
	bool killed;		/* SIGKILLed, held at its exit until close */
};

struct backend {
	struct nat_proc *procs;
	unsigned long nr_procs;
	unsigned long next_seq;
	struct mmsim_profile host;	/* probed at the first `require` */
	bool probed;
	struct nat_file *files;	/* file id -> what it may hold (the limit) */
	unsigned long nr_files;
	unsigned long remap_grown;	/* mremap growth, perhaps of files */
	unsigned long retired;	/* what files replaced by a new one may hold */
	char timed_out[64];	/* why it answers no more; "" while it does */
	bool blocked;		/* a command blocked: the agents are gone */
};

static void native_require(struct backend *b, const char *settings,
			   struct bres *r);
static void native_close_agents(struct backend *b, bool kill);

/* ---- the process table --------------------------------------------- */

static struct nat_proc *nat_proc_get(struct backend *b, unsigned long id)
{
	if (id >= b->nr_procs || b->procs[id].sock < 0)
		return NULL;
	return &b->procs[id];
}

/* A free slot for process @id, growing the table; NULL if none. */
static struct nat_proc *nat_proc_new(struct backend *b, unsigned long id)
{
	unsigned long i, nr;
	struct nat_proc *procs;

	if (id >= NAT_MAX_ID)
		return NULL;
	if (id >= b->nr_procs) {
		nr = id + 16;
		procs = realloc(b->procs, nr * sizeof(*procs));
		if (!procs)
			return NULL;
		for (i = b->nr_procs; i < nr; i++)
			procs[i] = (struct nat_proc){ .sock = -1, .pidfd = -1 };
		b->procs = procs;
		b->nr_procs = nr;
	}
	if (b->procs[id].sock >= 0)
		return NULL;
	b->procs[id].seq = b->next_seq++;
	return &b->procs[id];
}

/* ---- agent lifetime ------------------------------------------------ */

static int nat_spawn_main(struct nat_proc *p)
{
	pid_t ppid = getpid();
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		return -errno;
	p->pid = fork();
	if (p->pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return -errno;
	}
	if (p->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != ppid)
			_exit(0);
		close(sv[0]);
		if (nat_limit_apply())
			_exit(1);
		native_agent_main(sv[1]);
	}
	close(sv[1]);
	p->sock = sv[0];
	p->pidfd = -1;
	return 0;
}

/* Wait until the agent has ended (its socket is already at EOF). */
static void nat_wait_gone(struct nat_proc *p)
{
	struct pollfd pfd = { .fd = p->pidfd, .events = POLLIN };

	if (p->pidfd < 0) {
		while (waitpid(p->pid, NULL, 0) < 0 && errno == EINTR)
			;
		return;
	}
	while (poll(&pfd, 1, NAT_EXIT_TIMEOUT_MS) < 0 && errno == EINTR)
		;
	close(p->pidfd);
	p->pidfd = -1;
}

/* SIGKILL to the agent: through its pidfd, or to agent 0 (not reaped). */
static void nat_proc_kill(struct nat_proc *p)
{
	if (p->pidfd >= 0)
		syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0);
	else
		kill(p->pid, SIGKILL);
}

/*
 * Forget the agent: close its socket, wait for EOF first if @drain (the
 * agent is exiting); one that has not exited by the deadline is killed.
 */
static void nat_proc_end(struct nat_proc *p, bool drain)
{
	long long deadline = nat_deadline();
	char buf[256];
	ssize_t n = 1;
	int err = 0;

	while (drain && !(err = nat_wait_readable(p->sock, deadline)) &&
	       ((n = read(p->sock, buf, sizeof(buf))) > 0 ||
		(n < 0 && errno == EINTR)))
		;
	if (err == -ETIMEDOUT)	/* not gone by the deadline */
		nat_proc_kill(p);
	close(p->sock);
	p->sock = -1;
	nat_wait_gone(p);
}

/* ---- the wire ------------------------------------------------------ */

/*
 * Receive a reply header and the fd passed with it (or -1) by @deadline;
 * 0, -ETIMEDOUT, or -1 (the agent died).
 */
static int nat_recv_header(int sock, struct nat_reply *h, int *fd,
			   long long deadline)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { h, sizeof(*h) };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm;
	ssize_t n;

	*fd = -1;
	do {
		n = nat_wait_readable(sock, deadline);
		if (n == -ETIMEDOUT)
			return -ETIMEDOUT;
		n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	cm = CMSG_FIRSTHDR(&msg);
	if (cm && cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
		memcpy(fd, CMSG_DATA(cm), sizeof(int));
	if ((size_t)n < sizeof(*h))
		return nat_read_deadline(sock, (char *)h + n, sizeof(*h) - n,
					 deadline);
	return 0;
}

/*
 * Send @c to @p and receive the reply into @r within the deadline; 0,
 * -ETIMEDOUT, or -1 if the agent died.
 */
static int nat_call(struct nat_proc *p, const struct bcmd *c, struct bres *r,
		    int *fd)
{
	long long deadline = c->may_block ? nat_deadline_blocks() : nat_deadline();
	struct nat_reply h;
	int err;

	*fd = -1;
	if (nat_write_full(p->sock, c, sizeof(*c)))
		return -1;
	err = nat_recv_header(p->sock, &h, fd, deadline);
	if (err)
		return err;
	r->kind = h.kind;
	r->code = h.code;
	r->value = h.value;
	if (!h.len)
		return 0;
	r->text = malloc(h.len + 1);
	if (!r->text)
		return -1;
	err = nat_read_deadline(p->sock, r->text, h.len, deadline);
	if (err)
		return err;
	r->text[h.len] = '\0';
	return 0;
}

static void bres_unsupported(struct bres *r, const char *why)
{
	bres_clear(r);
	r->kind = BRES_UNSUPPORTED;
	r->text = strdup(why);
}

/* ---- backend_ops --------------------------------------------------- */

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MMSIM_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MMSIM_ASAN 1
#endif

static int native_open(struct backend **out,
		       const struct mmsim_profile *profile)
{
	struct backend *b;
	struct nat_proc *p;
	int err;

#ifdef MMSIM_ASAN
	/* ASan's shadow memory on x86-64 covers the arena at 0x100000000000. */
	fprintf(stderr, "mmsim: the native backend cannot run in an AddressSanitizer build "
		"(its shadow memory covers the scenario arena); build without SANITIZE=address\n");
	return -EOPNOTSUPP;
#endif
	b = calloc(1, sizeof(*b));
	if (!b)
		return -ENOMEM;
	p = nat_proc_new(b, 0);
	err = p ? nat_spawn_main(p) : -ENOMEM;
	if (err) {
		free(b->procs);
		free(b);
		return err;
	}
	*out = b;
	return 0;
}

/* The live agent created last, or NULL. */
static struct nat_proc *nat_youngest(struct backend *b)
{
	struct nat_proc *young = NULL;
	unsigned long i;

	for (i = 0; i < b->nr_procs; i++) {
		struct nat_proc *p = &b->procs[i];

		if (p->sock >= 0 && (!young || p->seq > young->seq))
			young = p;
	}
	return young;
}

/* The killed agent created last that is still held, or NULL. */
static struct nat_proc *nat_youngest_killed(struct backend *b)
{
	struct nat_proc *young = NULL;
	unsigned long i;

	for (i = 0; i < b->nr_procs; i++) {
		struct nat_proc *p = &b->procs[i];

		if (p->killed && (!young || p->seq > young->seq))
			young = p;
	}
	return young;
}

/*
 * A command missed its deadline: the agent may be blocked for ever, and
 * maybe on another agent (a fault into that one's userfaultfd), so every
 * agent is killed and gone before this returns.  @r says why.
 */
static void nat_timeout(struct backend *b, struct bres *r)
{
	nat_timeout_text(b->timed_out, sizeof(b->timed_out));
	native_close_agents(b, true);
	bres_unsupported(r, b->timed_out);
}

/*
 * A command expected to block has not answered within the grace: it
 * blocks, as the model says such a command does; its agent (and maybe
 * another's monitor) would wait for ever, so every agent is killed and
 * gone before this returns, as on a timeout.
 */
static void nat_blocked(struct backend *b, struct bres *r)
{
	b->blocked = true;
	native_close_agents(b, true);
	bres_clear(r);
	r->kind = BRES_BLOCKS;
}

static const char *native_timed_out(struct backend *b)
{
	return b->timed_out[0] ? b->timed_out : NULL;
}

static void native_close(struct backend *b)
{
	native_close_agents(b, false);
	free(b->procs);
	free(b->files);
	free(b);
}

/*
 * End every agent, youngest first, so that each one's parent agent is
 * still there to reap it: told to exit, or with @kill SIGKILLed.
 */
static void native_close_agents(struct backend *b, bool kill)
{
	struct bcmd c = { .op = BOP_EXIT };
	struct nat_proc *p;

	/* killed agents first, youngest first, while their parents reap */
	while ((p = nat_youngest_killed(b))) {
		ptrace(PTRACE_DETACH, p->pid, 0, 0);	/* let it die */
		p->killed = false;
		nat_wait_gone(p);
	}
	while ((p = nat_youngest(b))) {
		if (kill)
			nat_proc_kill(p);
		else
			nat_write_full(p->sock, &c, sizeof(c));
		nat_proc_end(p, !kill);
	}
}

static void nat_fork_done(struct backend *b, const struct bcmd *c,
			  struct bres *r, int fd)
{
	struct nat_proc *child;

	if (r->kind != BRES_VALUE)
		return;
	r->kind = BRES_OK;
	child = nat_proc_new(b, c->a[0]);
	if (!child || fd < 0) {
		/* No slot: let the new agent see EOF and exit. */
		if (fd >= 0)
			close(fd);
		return bres_unsupported(r, "no slot for the forked process");
	}
	child->sock = fd;
	child->pid = (pid_t)r->value;
	child->pidfd = (int)syscall(SYS_pidfd_open, child->pid, 0);
	r->value = 0;
}

/* ---- the memory limit (native_guard.c) ------------------------------- */

/*
 * A file's pages (memfd or tmpfile: page cache, and for a tmpfile the disk
 * too) are bounded by its size and by what can have populated
 * them: writes and fallocate (the pages they span) and mappings of it (a
 * mapping populates at most its length, and the pages stay after
 * munmap).  Files are sparse, so a write at 1 TiB costs a page, not a
 * TiB.  mremap growth might grow a file mapping: it adds to one bound
 * for all files together.  A closed file is still counted (a mapping may
 * keep it), and so is one whose id a new file takes; a reopened file
 * shares its original's entry.
 */
struct nat_file {
	unsigned long size;	/* i_size */
	unsigned long filled;	/* bytes that may have been populated */
	unsigned long alias;	/* id + 1 of the file it reopens, or 0 */
};

static unsigned long sat_add(unsigned long a, unsigned long b)
{
	return a + b < a ? -1UL : a + b;
}

/* The bytes of the pages that [off, off + len) spans. */
static unsigned long span(unsigned long off, unsigned long len)
{
	const unsigned long ps = 4096;
	unsigned long end = sat_add(off, len);

	if (!len)
		return 0;
	return sat_add(end - (off & ~(ps - 1)), ps - 1) & ~(ps - 1);
}

static struct nat_file *nat_file(struct backend *b, unsigned long id)
{
	struct nat_file *p;

	if (id >= NAT_MAX_ID)
		return NULL;
	if (id >= b->nr_files) {
		p = realloc(b->files, (id + 16) * sizeof(*p));
		if (!p)
			return NULL;
		memset(p + b->nr_files, 0, (id + 16 - b->nr_files) * sizeof(*p));
		b->files = p;
		b->nr_files = id + 16;
	}
	p = &b->files[id];
	return p->alias ? &b->files[p->alias - 1] : p;
}

/* What the files may hold now. */
static unsigned long nat_files_used(struct backend *b)
{
	unsigned long filled = b->remap_grown, size = 0, i;

	for (i = 0; i < b->nr_files; i++) {
		struct nat_file *f = &b->files[i];

		if (f->alias)
			continue;
		size = sat_add(size, f->size);
		filled = sat_add(filled, f->filled < f->size ? f->filled : f->size);
	}
	return sat_add(filled < size ? filled : size, b->retired);
}

/* A new file takes id @f: what the old one may hold stays counted. */
static void nat_file_retire(struct backend *b, struct nat_file *f)
{
	if (!f->alias)
		b->retired = sat_add(b->retired, f->filled < f->size ? f->filled : f->size);
	*f = (struct nat_file){ 0 };
}

/* The agents' address space (but shared memfd mappings). */
static unsigned long nat_vm_used(struct backend *b)
{
	unsigned long used = 0, i;

	for (i = 0; i < b->nr_procs; i++)
		if (b->procs[i].sock >= 0)
			used = sat_add(used, nat_agent_vm(b->procs[i].pid));
	return used;
}

/* What to restore when a command is refused or fails. */
struct nat_undo {
	struct nat_file *f, saved;
	unsigned long remap_grown, retired;
};

/*
 * Apply command @c's effect on the files to @b, saving in @u what it
 * changed.  Returns the address space @c may add.
 */
static unsigned long nat_effect(struct backend *b, struct nat_proc *p,
				const struct bcmd *c, struct nat_undo *u)
{
	const unsigned long *a = c->a;
	struct nat_file *f = NULL, *orig;
	unsigned long len;

	u->f = NULL;
	u->remap_grown = b->remap_grown;
	u->retired = b->retired;
	switch (c->op) {
	case BOP_MMAP:		/* addr len prot flags file off */
		f = a[4] == -1UL ? NULL : nat_file(b, a[4]);
		break;
	case BOP_MEMFD:
	case BOP_FILE:
	case BOP_MEMFD_SECRET:
	case BOP_FTRUNCATE:
	case BOP_PWRITE:
	case BOP_SYSWRITE:
	case BOP_FALLOCATE:
		f = nat_file(b, a[0]);
		break;
	case BOP_REOPEN:	/* newfile file */
		orig = nat_file(b, a[1]);
		if (orig && a[0] != a[1] && nat_file(b, a[0])) {
			f = &b->files[a[0]];
			u->f = f;
			u->saved = *f;
			orig = nat_file(b, a[1]);	/* files may have moved */
			nat_file_retire(b, f);
			f->alias = (unsigned long)(orig - b->files) + 1;
		}
		return 0;
	default:
		break;
	}
	if (f) {
		u->f = f;
		u->saved = *f;
	}
	switch (c->op) {
	case BOP_MMAP:		/* a shared memfd mapping holds the file's pages */
		if (f)
			f->filled = sat_add(f->filled, a[1]);
		return f && (a[3] & MAP_TYPE) != MAP_PRIVATE ? 0 : a[1];
	case BOP_MREMAP:	/* addr oldlen newlen flags newaddr */
		len = a[3] & MREMAP_DONTUNMAP ? a[2] : a[2] > a[1] ? a[2] - a[1] : 0;
		b->remap_grown = sat_add(b->remap_grown, len);
		return len;
	case BOP_FORK:
		return nat_agent_vm(p->pid);
	case BOP_MEMFD:		/* file size flags */
	case BOP_FILE:		/* file size: a tmpfile (page cache, disk) */
		if (f) {
			nat_file_retire(b, f);
			f->size = a[1];
		}
		return 0;
	case BOP_MEMFD_SECRET:	/* file flags: size 0 */
		if (f)
			nat_file_retire(b, f);
		return 0;
	case BOP_FTRUNCATE:	/* file size */
		if (f)
			f->size = a[1];
		return 0;
	case BOP_PWRITE:	/* file off byte len */
	case BOP_SYSWRITE:	/* file off addr len */
	case BOP_FALLOCATE:	/* file off len mode */
		if (f) {
			len = c->op == BOP_FALLOCATE ? a[2] : a[3];
			f->filled = sat_add(f->filled, span(a[1], len));
			if (!(c->op == BOP_FALLOCATE && (a[3] & FALLOC_FL_KEEP_SIZE)) &&
			    sat_add(a[1], len) > f->size)
				f->size = sat_add(a[1], len);
		}
		return 0;
	default:
		return 0;
	}
}

static void nat_undo(struct backend *b, const struct nat_undo *u)
{
	if (u->f)
		*u->f = u->saved;
	b->remap_grown = u->remap_grown;
	b->retired = u->retired;
}

/*
 * PIDFD and PROCESS_VM_READV name a scenario process (a[1]): the agent
 * needs the target's real pid, so @tmp carries that instead.  NULL
 * (ESRCH) if it is gone.
 */
static const struct bcmd *nat_pidfd_target(struct backend *b,
					   const struct bcmd *c,
					   struct bcmd *tmp, struct bres *r)
{
	struct nat_proc *target = nat_proc_get(b, c->a[1]);

	/* a killed agent held at its exit still has its memory */
	if (!target && c->op == BOP_PROCESS_VM_READV && c->a[1] < b->nr_procs &&
	    b->procs[c->a[1]].killed)
		target = &b->procs[c->a[1]];
	if (!target) {
		r->kind = BRES_ERRNO;
		r->code = ESRCH;
		return NULL;
	}
	*tmp = *c;
	tmp->a[1] = (unsigned long)target->pid;
	return tmp;
}

/*
 * Wait until the traced @pid stops at PTRACE_EVENT_EXIT: in do_exit(),
 * before exit_mm() gives up its memory.  0, or -1 if it died otherwise.
 */
static int nat_wait_exit_stop(pid_t pid)
{
	int st;

	for (;;) {
		if (waitpid(pid, &st, __WALL) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (!WIFSTOPPED(st))
			return -1;
		if (st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8)))
			return 0;
		ptrace(PTRACE_CONT, pid, 0, 0);	/* another stop: go on */
	}
}

/*
 * KILL: SIGKILL to process a[0]'s agent, from mmsim itself (root, as the
 * scenario's processes are), held where the model keeps a killed process:
 * signalled, its memory still there.  mmsim traces it first with
 * PTRACE_O_TRACEEXIT, so the victim stops at the start of its exit; the
 * backend's close lets it go.  Without the hold, what another process
 * sees after kill(2) - process_mrelease(2) reaping or finding the exit
 * done - would be a race between the two CPUs.
 */
static void nat_kill(struct backend *b, const struct bcmd *c, struct bres *r)
{
	struct nat_proc *target = nat_proc_get(b, c->a[0]);

	if (!target) {
		r->kind = BRES_ERRNO;
		r->code = ESRCH;
		return;
	}
	if (ptrace(PTRACE_SEIZE, target->pid, 0, PTRACE_O_TRACEEXIT))
		return bres_unsupported(r, "cannot trace the process to hold it at its exit");
	if (kill(target->pid, SIGKILL)) {
		r->kind = BRES_ERRNO;
		r->code = errno;
		ptrace(PTRACE_DETACH, target->pid, 0, 0);
		return;
	}
	close(target->sock);
	target->sock = -1;
	target->killed = true;
	if (nat_wait_exit_stop(target->pid))
		return bres_unsupported(r, "the killed process did not stop at its exit");
}

/*
 * Before process @p's mark, every other live agent and mmsim itself fault
 * in their own memory (native_proc.c): they share pages with @p, and one
 * of them faulting such a page in later would change @p's PSS.
 */
static void nat_settle_all(struct backend *b, struct nat_proc *p)
{
	struct bcmd settle = { .op = BOP_PROC_MARK, .a = { 1 } };
	struct bres r;
	int fd, err;

	nat_proc_settle();
	for (unsigned long i = 0; i < b->nr_procs; i++) {
		struct nat_proc *q = nat_proc_get(b, i);

		if (!q || q == p)
			continue;
		memset(&r, 0, sizeof(r));
		settle.proc = (int)i;
		err = nat_call(q, &settle, &r, &fd);
		if (fd >= 0)
			close(fd);
		bres_clear(&r);
		if (err == -ETIMEDOUT) {
			nat_timeout(b, &r);
			bres_clear(&r);
			return;
		}
	}
}

static void native_exec(struct backend *b, const struct bcmd *c,
			struct bres *r)
{
	struct nat_proc *p = nat_proc_get(b, (unsigned long)c->proc);
	unsigned long files_before, files_after, need;
	struct nat_undo undo;
	struct bcmd pc;
	int fd = -1, err;

	memset(r, 0, sizeof(*r));
	if (b->timed_out[0])
		return bres_unsupported(r, b->timed_out);
	if (b->blocked)
		return bres_unsupported(r, "a process blocked: the agents are gone");
	if (c->op == BOP_REQUIRE)
		return native_require(b, c->str, r);
	if (c->op == BOP_MACHINE)	/* the host's RAM is what it is */
		return;
	if (!p) {
		r->kind = BRES_ERRNO;
		r->code = ESRCH;
		return;
	}
	files_before = nat_files_used(b);
	need = nat_effect(b, p, c, &undo);
	files_after = nat_files_used(b);
	if (files_after > files_before)
		need = sat_add(need, files_after - files_before);
	if (need) {
		unsigned long used = sat_add(nat_vm_used(b), files_before);

		if (sat_add(used, need) > nat_mem_limit()) {
			nat_undo(b, &undo);
			return nat_refuse_limit(r, need, used);
		}
	}
	if ((c->op == BOP_PIDFD || c->op == BOP_PROCESS_VM_READV) &&
	    !(c = nat_pidfd_target(b, c, &pc, r)))
		return;
	if (c->op == BOP_KILL)
		return nat_kill(b, c, r);
	if (c->op == BOP_PROC_MARK)
		nat_settle_all(b, p);
	if (b->timed_out[0])
		return bres_unsupported(r, b->timed_out);
	err = nat_call(p, c, r, &fd);
	if (err) {
		if (fd >= 0)
			close(fd);
		nat_undo(b, &undo);
		if (err == -ETIMEDOUT && c->may_block)
			return nat_blocked(b, r);
		if (err == -ETIMEDOUT)
			return nat_timeout(b, r);
		nat_proc_end(p, false);
		return bres_unsupported(r, "the agent process died");
	}
	if (r->kind == BRES_ERRNO || r->kind == BRES_UNSUPPORTED)
		nat_undo(b, &undo);
	if (c->op == BOP_FORK)
		nat_fork_done(b, c, r, fd);
	else if (fd >= 0)
		close(fd);
	if (c->op == BOP_EXIT && r->kind == BRES_OK)
		nat_proc_end(p, true);
}

const struct backend_ops native_backend = {
	.name	= "native",
	.open	= native_open,
	.close	= native_close,
	.exec	= native_exec,
	.check	= NULL,
	.timed_out = native_timed_out,
};

/* ---- the host's profile -------------------------------------------- */

/*
 * The value of @field in the smaps entry of the VMA starting at @start,
 * copied into @out up to the end of the line; -1 if not found.
 */
static int smaps_field(const char *smaps, unsigned long start,
		       const char *field, char *out, size_t size)
{
	char head[32];
	const char *s, *end;
	size_t flen = strlen(field), n;

	snprintf(head, sizeof(head), "%lx-", start);
	s = strstr(smaps, head);
	if (!s || (s != smaps && s[-1] != '\n'))
		return -1;
	for (s = strchr(s, '\n'); s; s = strchr(s, '\n')) {
		s++;
		if (!strncmp(s, field, flen) && s[flen] == ':')
			break;
	}
	if (!s)
		return -1;
	s += flen + 1;
	s += strspn(s, " \t");
	end = strchrnul(s, '\n');
	n = (size_t)(end - s) < size - 1 ? (size_t)(end - s) : size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* Does @match accept smaps' @field of the VMA starting at @start? */
static bool smaps_field_is(unsigned long start, const char *field,
			   bool (*match)(const char *value))
{
	char *smaps = nat_slurp("/proc/self/smaps", NULL);
	char value[256] = "";
	bool yes;

	yes = smaps && !smaps_field(smaps, start, field, value, sizeof(value)) &&
	      match(value);
	free(smaps);
	return yes;
}

static bool rss_is_zero(const char *value)
{
	return !strcmp(value, "0 kB");
}

static bool flags_have_sd(const char *value)
{
	return strstr(value, " sd") || !strncmp(value, "sd", 2);
}

/*
 * The pagemap entries of the @n pages from @addr, read from @fd (an open
 * /proc/self/pagemap); -1 if they cannot be read.
 */
static int pagemap_entries(int fd, unsigned long addr, uint64_t *e, int n)
{
	size_t len = (size_t)n * sizeof(*e);

	return fd >= 0 && pread(fd, e, len, (off_t)(addr / 4096) * sizeof(*e)) ==
			  (ssize_t)len ? 0 : -1;
}

/*
 * One anonymous mapping of three pages and one open of pagemap answer
 * both fault questions:
 *
 * The zero page: a read fault maps it when the two read-faulted pages
 * (0 and 1) map one frame; where the PFNs are hidden (no
 * CAP_SYS_ADMIN), when the VMA's Rss stays 0 (the zero page is no
 * normal page, so smaps does not count it: page 2 is not written yet).
 *
 * Soft-dirty: built in iff the page written (2) in the new VMA
 * (VM_SOFTDIRTY) reads soft-dirty in pagemap (bit 55); the VMA's "sd"
 * in smaps where pagemap cannot be read.
 */
static void probe_anon_faults(struct mmsim_profile *prof)
{
	volatile unsigned char *p;
	uint64_t e[3] = { 0, 0, 0 };
	int fd;

	prof->zero_page = prof->soft_dirty = false;
	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;
	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	(void)p[0];
	(void)p[4096];
	if (!pagemap_entries(fd, (unsigned long)p, e, 2) &&
	    (e[0] & PM_PFRAME_MASK) && (e[1] & PM_PFRAME_MASK))
		prof->zero_page = (e[0] & PM_PFRAME_MASK) == (e[1] & PM_PFRAME_MASK);
	else
		prof->zero_page = smaps_field_is((unsigned long)p, "Rss", rss_is_zero);
	p[2 * 4096] = 1;
	if (!pagemap_entries(fd, (unsigned long)p + 2 * 4096, &e[2], 1))
		prof->soft_dirty = e[2] & PM_SOFT_DIRTY;
	else
		prof->soft_dirty = smaps_field_is((unsigned long)p, "VmFlags", flags_have_sd);
	if (fd >= 0)
		close(fd);
	munmap((void *)p, 3 * 4096);
}

/*
 * The bracketed word of the sysfs choice @name under the directory @dir
 * ("always [madvise] never"), or a plain value (use_zero_page's 0 or 1)
 * as it is; -1 if it cannot be read.
 */
static int read_sysfs_choice(int dir, const char *name, char *word, size_t size)
{
	char buf[64], *open_b, *close_b;
	int fd = openat(dir, name, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	open_b = strchr(buf, '[');
	close_b = open_b ? strchr(open_b, ']') : NULL;
	if (!close_b) {
		buf[strcspn(buf, "\n")] = '\0';
		snprintf(word, size, "%s", buf);
		return 0;
	}
	*close_b = '\0';
	snprintf(word, size, "%s", open_b + 1);
	return 0;
}

#define THP_SYSFS "/sys/kernel/mm/transparent_hugepage"

/*
 * The host's THP settings, read (never written) from sysfs: enabled,
 * use_zero_page, shrink_underused, khugepaged/max_ptes_none and each
 * anonymous size's enabled, each opened relative to the directory (one
 * path walk of its own instead of twelve).  Without THP at all (no sysfs
 * directory) every setting is never.
 */
void native_probe_thp(struct mmsim_profile *p)
{
	static const char *const keys[][2] = {
		{ "enabled", "thp" },
		{ "use_zero_page", "thp_zero_page" },
		{ "shrink_underused", "thp_shrink_underused" },
		{ "khugepaged/max_ptes_none", "thp_max_ptes_none" },
	};
	char word[64], path[64], key[32];
	int dir;

	p->thp_enabled = MMSIM_THP_NEVER;
	for (int order = 0; order <= MMSIM_THP_MAX_ORDER; order++)
		p->thp_anon[order] = MMSIM_THP_NEVER;
	dir = open(THP_SYSFS, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!read_sysfs_choice(dir, keys[i][0], word, sizeof(word)))
			mmsim_profile_set(p, keys[i][1], word);
	for (int order = MMSIM_THP_MIN_ORDER; order <= MMSIM_THP_MAX_ORDER; order++) {
		unsigned long kb = 4UL << order;

		snprintf(path, sizeof(path), "hugepages-%lukB/enabled", kb);
		snprintf(key, sizeof(key), "thp_%luk", kb);
		if (!read_sysfs_choice(dir, path, word, sizeof(word)))
			mmsim_profile_set(p, key, word);
	}
	close(dir);
}

/*
 * require KEY=VALUE...: ok if the host is configured so; else the
 * scenario cannot run here (unsupported, naming the host's setting).
 */
static void native_require(struct backend *b, const char *settings,
			   struct bres *r)
{
	char buf[BCMD_STR_MAX], *save = NULL;

	if (!b->probed) {
		mmsim_profile_defaults(&b->host);
		if (native_probe_profile(&b->host))
			return bres_unsupported(r, "cannot probe the host's profile");
		b->probed = true;
	}
	snprintf(buf, sizeof(buf), "%s", settings);
	for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		struct mmsim_profile want = b->host;
		char *eq = strchr(w, '='), have[32], need[32], why[128];

		if (!eq)
			return bres_unsupported(r, "bad require setting");
		*eq = '\0';
		if (mmsim_profile_set(&want, w, eq + 1) ||
		    mmsim_profile_get(&want, w, need, sizeof(need)) ||
		    mmsim_profile_get(&b->host, w, have, sizeof(have)))
			return bres_unsupported(r, "bad require setting");
		if (strcmp(have, need)) {
			snprintf(why, sizeof(why), "requires %s=%s, the host has %s=%s",
				 w, need, w, have);
			return bres_unsupported(r, why);
		}
	}
	r->kind = BRES_OK;
}

/* vm.max_map_count, read (never written); the kernel's default if unreadable. */
static int probe_max_map_count(void)
{
	char buf[32];
	int fd = open("/proc/sys/vm/max_map_count", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	long n;

	if (fd >= 0)
		close(fd);
	buf[got > 0 ? got : 0] = '\0';
	n = strtol(buf, NULL, 10);
	return n > 0 && n <= 0x7fffffff ? (int)n : 65530;
}

int native_probe_profile(struct mmsim_profile *prof)
{
	/* in this process: each probe unmaps what it mapped */
	mmsim_profile_defaults(prof);
	probe_anon_faults(prof);
	native_probe_thp(prof);
	prof->max_map_count = probe_max_map_count();
	native_probe_disk(prof);
	return 0;
}
