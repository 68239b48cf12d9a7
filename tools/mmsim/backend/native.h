/* SPDX-License-Identifier: GPL-2.0 */
/*
 * native.h - private to the native backend: the wire protocol between
 * mmsim (native.c) and its agents (native_agent.c).
 *
 * Each scenario process is an agent: a real process that owns one end of
 * an AF_UNIX stream socket whose other end only mmsim holds.  mmsim writes
 * a struct bcmd; the agent executes it in its own address space and
 * answers with a struct nat_reply followed by @len bytes of text.  The
 * reply to BOP_FORK carries, as SCM_RIGHTS, mmsim's end of the new
 * child's socket; its @value is the child's pid.
 *
 * An agent exits on BOP_EXIT or on EOF (mmsim died or closed the
 * backend), so no agent outlives mmsim.
 */
#ifndef MMSIM_TOOLS_NATIVE_H
#define MMSIM_TOOLS_NATIVE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "backend.h"

struct nat_reply {
	int32_t kind;		/* enum bres_kind */
	int32_t code;
	uint64_t value;
	uint64_t len;		/* bytes of text that follow */
};

/* Arbitrary id limit for files and pins, to keep the tables small. */
#define NAT_MAX_ID	4096

/* Run the agent on @sock; never returns. */
void native_agent_main(int sock) __attribute__((noreturn));

/*
 * native_limits.c: limits relative to the scenario's mappings (see
 * there); each returns 0 or a negative errno.
 */
void nat_limits_init(void);
int nat_setrlimit(unsigned int resource, unsigned long cur, unsigned long max,
		  bool keepmax);
int nat_mlockall(int flags);
int nat_munlockall(void);
int nat_capability(int cap, bool on);

/*
 * native_uffd.c: the agent's userfaultfd (0 or a negative errno each),
 * the monitor run around every command, and PAGEMAP_SCAN.
 */
enum nat_uffd_kind { NAT_UFFD_NONE, NAT_UFFD_WP, NAT_UFFD_MISSING,
		    NAT_UFFD_MINOR };
void nat_uffd_forked(int sv[2]);
/* EVENT_FORK's handover around fork(): begin before, end in the parent. */
int nat_uffd_fork_begin(int sv[2]);
void nat_uffd_fork_end(int sv[2]);
/* @dev: make the userfaultfd through /dev/userfaultfd if none exists yet */
int nat_uffd_api(uint64_t features, uint64_t api, bool dev);
int nat_uffd_register(unsigned long start, unsigned long len,
		      unsigned long mode, uint64_t *ioctls);
/* UFFDIO_ZEROPAGE, _POISON or _CONTINUE (backend.h's enum uffd_fill_kind) */
int nat_uffd_fill(unsigned long kind, unsigned long start, unsigned long len,
		  unsigned long mode);
int nat_uffd_move(unsigned long dst, unsigned long src, unsigned long len,
		  unsigned long mode);
int nat_uffd_unregister(unsigned long start, unsigned long len);
int nat_uffd_writeprotect(unsigned long start, unsigned long len, bool wp);
int nat_uffd_copy(unsigned long start, unsigned long len, int byte,
		  unsigned long mode);
void nat_uffd_monitor_start(void);
void nat_uffd_monitor_stop(void);
/* What the monitor saw since the command began. */
enum nat_uffd_kind nat_uffd_fault_kind(void);
int nat_pagemap_scan(const unsigned long *a, const char *masks, char **text,
		     size_t *len);

/* Full-length I/O on a socket or pipe; 0, or -1 with errno (EPIPE on EOF). */
int nat_read_full(int fd, void *buf, size_t len);
int nat_write_full(int fd, const void *buf, size_t len);

/* Read a whole /proc file; malloc'd, NUL-terminated; NULL with errno. */
char *nat_slurp(const char *path, size_t *len);

/* native_proc.c: settle the agent's own memory for `proc_mark`. */
int nat_proc_settle(void);
int nat_proc_mark(void);

/* The 64-bit pagemap entry of @addr in the calling process. */
int nat_pagemap(unsigned long addr, uint64_t *entry);

/*
 * native_gup.c: gup_get / gup_put / gup_read (vmsplice into a pipe) and
 * pin_read (io_uring WRITE_FIXED of a pinned buffer) on the host.
 * nat_gup_ctl(): 0 with *word (malloc'd) the answer, -errno, or 1 when
 * @line is none of them.  The pin notes tell pin_read what `pin` took.
 */
struct io_uring_params;
int nat_gup_ctl(const char *line, char **word);
void nat_pin_note(unsigned long id, const char *name, int ring,
		  const struct io_uring_params *p, unsigned long addr,
		  unsigned long len);
void nat_pin_forget(unsigned long id);
void nat_pins_forget_all(void);

/* native_guard.c: the memory limit and the agent's own memory. */
unsigned long nat_mem_limit(void);
int nat_limit_apply(void);			/* RLIMIT_AS, in an agent */
bool nat_has_cap(int cap);
unsigned long nat_vm_bytes(pid_t pid);		/* 0: this process */
unsigned long nat_agent_vm(pid_t pid);
void nat_refuse_limit(struct bres *r, unsigned long need, unsigned long used);
/* NULL, or why [addr, addr+len) may not be changed (in the agent). */
const char *nat_guard_range(unsigned long addr, unsigned long len);
const char *nat_guard_seal(unsigned long addr, unsigned long len);
void nat_guard_mapped(unsigned long addr, unsigned long len);
void nat_guard_unmapped(unsigned long addr, unsigned long len);

/*
 * native_timeout.c: the per-command deadline (--timeout=SECONDS).  A
 * deadline is CLOCK_MONOTONIC milliseconds, -1 for none.
 */
#define NAT_TIMEOUT_DEFAULT	10	/* seconds */
long long nat_deadline(void);		/* now + the timeout, or -1 */
/* For a command expected to block: now + the grace, at most the timeout. */
#define NAT_BLOCKS_GRACE_MS	1000
long long nat_deadline_blocks(void);
/* 0 when @fd can be read (or is at EOF), -ETIMEDOUT, or -1 with errno. */
int nat_wait_readable(int fd, long long deadline);
/* nat_read_full() within @deadline: 0, -ETIMEDOUT, or -1 (EOF, error). */
int nat_read_deadline(int fd, void *buf, size_t len, long long deadline);
/* "the host did not answer within N s" */
void nat_timeout_text(char *buf, size_t size);

#endif /* MMSIM_TOOLS_NATIVE_H */
