// SPDX-License-Identifier: GPL-2.0
/*
 * native_gup.c - inside an agent: the GUP references and pin reads that
 * the model answers with gup_get / gup_put / gup_read / pin_read, done
 * as selftests/mm/cow.c does them on a real kernel:
 *
 *   gup_get NAME ADDR LEN	vmsplice() of the range into a pipe of its
 *				own: the pipe holds a read-only reference
 *				(GUP without FOLL_PIN) on every page;
 *   gup_read NAME		what the referenced pages hold now: tee() the
 *				pipe (the references stay) and read the copy;
 *   gup_put NAME		close the pipe;
 *   pin_read NAME		what the pinned buffer holds now: an io_uring
 *				IORING_OP_WRITE_FIXED of the registered buffer
 *				into a memfd, read back.
 *
 * References live in the agent that took them (a forked agent inherits
 * the pipes, as a forked process does); pins only in the agent that pinned.
 * Names of references are this table's; a pin's name came with `pin`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "native.h"
#include "interp/lexer.h"

#define NAT_MAX_REFS	64
#define PAGE_SIZE	4096UL

/* Each pipe takes at most this much: pipe-max-size is 1 MiB by default. */
#define REF_CHUNK	(512UL << 10)
#define REF_PIPES	64		/* 32 MiB per reference */

struct gup_ref {
	bool used;
	char name[32];
	int nr;				/* pipes */
	int rd[REF_PIPES], wr[REF_PIPES];
	size_t len[REF_PIPES];		/* bytes each pipe references */
};

struct pin_note {
	char name[32];
	int ring;		/* -1: no pin */
	struct io_uring_params p;
	unsigned long addr, len;
};

static struct gup_ref refs[NAT_MAX_REFS];
static struct pin_note *pins;
static unsigned long nr_pins;

static struct gup_ref *ref_find(const char *name)
{
	for (int i = 0; i < NAT_MAX_REFS; i++)
		if (refs[i].used && !strcmp(refs[i].name, name))
			return &refs[i];
	return NULL;
}

static struct gup_ref *ref_free_slot(void)
{
	for (int i = 0; i < NAT_MAX_REFS; i++)
		if (!refs[i].used)
			return &refs[i];
	return NULL;
}

/* A length as scenarios write it (2p, 8k, 1m) or a hex address. */
static int parse_num(const char *s, unsigned long *v)
{
	uint64_t x;
	const char *err;

	if (lex_int(s, &x, &err))
		return -EINVAL;
	*v = x;
	return 0;
}

/* A pipe size with a page slot for every page of @len: a power of two. */
static size_t pipe_size(size_t len)
{
	size_t size = PAGE_SIZE;

	while (size < len + PAGE_SIZE)
		size <<= 1;
	return size;
}

/* Every byte of @buf equal: that byte; else -1. */
static int uniform(const unsigned char *buf, size_t len)
{
	for (size_t i = 1; i < len; i++)
		if (buf[i] != buf[0])
			return -1;
	return len ? buf[0] : -1;
}

static char *byte_word(int b)
{
	char *w = malloc(8);

	if (w)
		snprintf(w, 8, b < 0 ? "mixed" : "0x%02x", b);
	return w;
}

static void ref_close(struct gup_ref *r)
{
	for (int i = 0; i < r->nr; i++) {
		close(r->rd[i]);
		close(r->wr[i]);
	}
	r->nr = 0;
	r->used = false;
}

/* vmsplice() @len bytes at @addr into one more pipe of @r. */
static int ref_add_pipe(struct gup_ref *r, unsigned long addr, size_t len)
{
	size_t done = 0;
	int pfd[2];

	if (r->nr == REF_PIPES || pipe2(pfd, O_CLOEXEC))
		return -ENOMEM;
	r->rd[r->nr] = pfd[0];
	r->wr[r->nr] = pfd[1];
	r->len[r->nr++] = len;
	if (fcntl(pfd[1], F_SETPIPE_SZ, (int)pipe_size(len + (addr & (PAGE_SIZE - 1)))) < 0)
		return -errno;
	while (done < len) {
		struct iovec iov = { (char *)addr + done, len - done };
		/* never block: a full pipe is an error, not a hang */
		ssize_t n = vmsplice(pfd[1], &iov, 1, SPLICE_F_NONBLOCK);

		if (n <= 0)
			return n < 0 ? -errno : -EFAULT;
		done += (size_t)n;
	}
	return 0;
}

static int gup_get(const char *name, const char *addr_s, const char *len_s,
		   char **word)
{
	struct gup_ref *r = ref_free_slot();
	unsigned long addr, len;

	if (parse_num(addr_s, &addr) || parse_num(len_s, &len) || !len ||
	    strlen(name) >= sizeof(r->name))
		return -EINVAL;
	if (ref_find(name))
		return -EEXIST;
	if (!r)
		return -ENOMEM;
	r->nr = 0;
	for (unsigned long off = 0; off < len; off += REF_CHUNK) {
		int err = ref_add_pipe(r, addr + off,
				       len - off < REF_CHUNK ? len - off : REF_CHUNK);

		if (err) {
			ref_close(r);
			return err;
		}
	}
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->used = true;
	*word = strdup("ok");
	return 0;
}

/* The bytes one pipe references, without dropping them (tee()). */
static int pipe_peek(int rd, unsigned char *buf, size_t len)
{
	size_t got = 0;
	int pfd[2], err = -EIO;

	if (pipe2(pfd, O_CLOEXEC))
		return -ENOMEM;
	if (fcntl(pfd[1], F_SETPIPE_SZ, (int)pipe_size(len)) >= 0 &&
	    tee(rd, pfd[1], len, SPLICE_F_NONBLOCK) == (ssize_t)len) {
		while (got < len) {
			ssize_t n = read(pfd[0], buf + got, len - got);

			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got == len)
			err = 0;
	}
	close(pfd[0]);
	close(pfd[1]);
	return err;
}

static int gup_read(const char *name, char **word)
{
	struct gup_ref *r = ref_find(name);
	size_t total = 0, at = 0;
	unsigned char *buf;
	int err = 0;

	if (!r)
		return -ENOENT;
	for (int i = 0; i < r->nr; i++)
		total += r->len[i];
	buf = malloc(total);
	if (!buf)
		return -ENOMEM;
	for (int i = 0; i < r->nr && !err; i++) {
		err = pipe_peek(r->rd[i], buf + at, r->len[i]);
		at += r->len[i];
	}
	if (!err)
		*word = byte_word(uniform(buf, total));
	free(buf);
	return err;
}

static int gup_put(const char *name, char **word)
{
	struct gup_ref *r = ref_find(name);

	if (!r)
		return -ENOENT;
	ref_close(r);
	*word = strdup("ok");
	return 0;
}

void nat_pin_note(unsigned long id, const char *name, int ring,
		  const struct io_uring_params *p, unsigned long addr,
		  unsigned long len)
{
	if (id >= nr_pins) {
		struct pin_note *n = realloc(pins, (id + 1) * sizeof(*n));

		if (!n)
			return;
		for (unsigned long i = nr_pins; i <= id; i++)
			n[i].ring = -1;
		pins = n;
		nr_pins = id + 1;
	}
	snprintf(pins[id].name, sizeof(pins[id].name), "%s", name);
	pins[id].ring = ring;
	pins[id].p = *p;
	pins[id].addr = addr;
	pins[id].len = len;
}

void nat_pin_forget(unsigned long id)
{
	if (id < nr_pins)
		pins[id].ring = -1;
}

void nat_pins_forget_all(void)
{
	for (unsigned long i = 0; i < nr_pins; i++)
		pins[i].ring = -1;
}

/* One IORING_OP_WRITE_FIXED of the registered buffer into @fd; 0/-errno. */
static int ring_write_fixed(const struct pin_note *pn, int fd)
{
	const struct io_uring_params *p = &pn->p;
	size_t sq_size = p->sq_off.array + p->sq_entries * sizeof(unsigned);
	size_t cq_size = p->cq_off.cqes + p->cq_entries * sizeof(struct io_uring_cqe);
	size_t sqe_size = p->sq_entries * sizeof(struct io_uring_sqe);
	char *sq = mmap(NULL, sq_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			pn->ring, IORING_OFF_SQ_RING);
	char *cq = mmap(NULL, cq_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			pn->ring, IORING_OFF_CQ_RING);
	struct io_uring_sqe *sqes = mmap(NULL, sqe_size, PROT_READ | PROT_WRITE,
					 MAP_SHARED, pn->ring, IORING_OFF_SQES);
	unsigned *tail, *mask, *array, *chead;
	struct io_uring_cqe *cqe;
	int ret = -EIO;

	if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED)
		goto out;
	tail = (unsigned *)(sq + p->sq_off.tail);
	mask = (unsigned *)(sq + p->sq_off.ring_mask);
	array = (unsigned *)(sq + p->sq_off.array);
	memset(&sqes[0], 0, sizeof(sqes[0]));
	sqes[0].opcode = IORING_OP_WRITE_FIXED;
	sqes[0].fd = fd;
	sqes[0].addr = pn->addr;
	sqes[0].len = (unsigned)pn->len;
	sqes[0].off = 0;
	sqes[0].buf_index = 0;
	array[*tail & *mask] = 0;
	__atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);
	if (syscall(SYS_io_uring_enter, pn->ring, 1, 1, IORING_ENTER_GETEVENTS,
		    NULL, 0) < 0) {
		ret = -errno;
		goto out;
	}
	chead = (unsigned *)(cq + p->cq_off.head);
	cqe = (struct io_uring_cqe *)(cq + p->cq_off.cqes) +
	      (*chead & *(unsigned *)(cq + p->cq_off.ring_mask));
	ret = cqe->res < 0 ? cqe->res : cqe->res == (int)pn->len ? 0 : -EIO;
	__atomic_store_n(chead, *chead + 1, __ATOMIC_RELEASE);
out:
	if (sq != MAP_FAILED)
		munmap(sq, sq_size);
	if (cq != MAP_FAILED)
		munmap(cq, cq_size);
	if (sqes != MAP_FAILED)
		munmap(sqes, sqe_size);
	return ret;
}

static int pin_read(const char *name, char **word)
{
	struct pin_note *pn = NULL;
	unsigned char *buf;
	int fd, err;

	for (unsigned long i = 0; i < nr_pins && !pn; i++)
		if (pins[i].ring >= 0 && !strcmp(pins[i].name, name))
			pn = &pins[i];
	if (!pn)
		return -ENOENT;
	fd = (int)syscall(SYS_memfd_create, "pin_read", MFD_CLOEXEC);
	buf = malloc(pn->len);
	if (fd < 0 || !buf) {
		if (fd >= 0)
			close(fd);
		free(buf);
		return -ENOMEM;
	}
	err = ring_write_fixed(pn, fd);
	if (!err && pread(fd, buf, pn->len, 0) != (ssize_t)pn->len)
		err = -EIO;
	if (!err)
		*word = byte_word(uniform(buf, pn->len));
	close(fd);
	free(buf);
	return err;
}

int nat_gup_ctl(const char *line, char **word)
{
	char buf[BCMD_STR_MAX], *argv[5], *save = NULL;
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = strtok_r(buf, " ", &save); w && argc < 5;
	     w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	if (argc == 4 && !strcmp(argv[0], "gup_get"))
		return gup_get(argv[1], argv[2], argv[3], word);
	if (argc == 2 && !strcmp(argv[0], "gup_read"))
		return gup_read(argv[1], word);
	if (argc == 2 && !strcmp(argv[0], "gup_put"))
		return gup_put(argv[1], word);
	if (argc == 2 && !strcmp(argv[0], "pin_read"))
		return pin_read(argv[1], word);
	return 1;
}
