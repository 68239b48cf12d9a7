// SPDX-License-Identifier: GPL-2.0
/*
 * model.c - the model backend: each flat backend command (backend.h)
 * becomes a call into the library's public API (include/mmsim/mmsim.h)
 * on one machine.  It owns the machine, the task of every process id,
 * the struct file of every file id and the pin_set of every pin id;
 * close() releases pins and files and destroys the machine.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"

#define PAGE_SIZE_	4096UL
#define READ_CHUNK	(64UL << 10)

struct pin_slot {
	struct pin_set *ps;
	int proc;
};

struct backend {
	struct machine *m;
	struct mmsim_profile prof;	/* for `machine`, which starts over */
	int *killed;			/* OOM-killed process ids to report */
	int nkilled;
	struct task_struct **tasks;
	int ntasks;
	struct file **files;
	int nfiles;
	struct pin_slot *pins;
	int npins;
	int *pidfds;		/* file id -> pid + 1 of a pidfd, 0 if none */
	int npidfds;
};

/* Grow @arr (of @n elements of @size) so that index @id exists, zeroed. */
static int grow(void *arrp, int *n, unsigned long id, size_t size)
{
	void **arr = arrp;
	char *p;

	if (id > (1UL << 20))
		return -EINVAL;
	if (id < (unsigned long)*n)
		return 0;
	p = realloc(*arr, (id + 1) * size);
	if (!p)
		return -ENOMEM;
	memset(p + *n * size, 0, (id + 1 - *n) * size);
	*arr = p;
	*n = id + 1;
	return 0;
}

unsigned long model_backend_ram_bytes;
unsigned long model_backend_fail_nth;
const char *model_backend_design;
bool model_backend_design_pin;
unsigned int model_backend_touched;

static void release_pins(struct backend *b, int proc)
{
	for (int i = 0; i < b->npins; i++) {
		if (b->pins[i].ps && (proc < 0 || b->pins[i].proc == proc)) {
			pin_release(b->pins[i].ps);
			b->pins[i].ps = NULL;
		}
	}
}

/* A machine with @ram_bytes of RAM (0: the default) and process main. */
static int model_start(struct backend *b, unsigned long ram_bytes)
{
	struct mmsim_config cfg;
	int err;

	mmsim_config_init(&cfg);
	if (ram_bytes)
		cfg.ram_bytes = ram_bytes;
	cfg.profile = b->prof;
	err = machine_create(&cfg, &b->m);
	if (err)
		return err;
	if (model_backend_design)
		err = mmsim_machine_design(b->m, model_backend_design,
					   model_backend_design_pin);
	if (!err)
		err = task_create(b->m, &b->tasks[0]);
	if (err) {
		machine_destroy(b->m);
		b->m = NULL;
		return err;
	}
	if (model_backend_fail_nth)
		mmsim_fail_nth(b->m, model_backend_fail_nth);
	return 0;
}

static int model_open(struct backend **out, const struct mmsim_profile *prof)
{
	struct mmsim_config cfg;
	struct backend *b = calloc(1, sizeof(*b));
	int err;

	if (!b)
		return -ENOMEM;
	mmsim_config_init(&cfg);
	b->prof = prof ? *prof : cfg.profile;
	err = grow(&b->tasks, &b->ntasks, 0, sizeof(*b->tasks));
	if (!err)
		err = model_start(b, model_backend_ram_bytes);
	if (err) {
		free(b->tasks);
		free(b);
		return err;
	}
	*out = b;
	return 0;
}

struct machine *model_backend_machine(struct backend *b)
{
	return b->m;
}

int model_backend_release_all(struct backend *b, const char **msg)
{
	int err;

	mmsim_fail_nth(b->m, 0);
	release_pins(b, -1);
	for (int i = 0; i < b->nfiles; i++) {
		if (b->files[i])
			fput(b->files[i]);
		b->files[i] = NULL;
	}
	for (int i = 0; i < b->ntasks; i++) {
		if (b->tasks[i])
			sys_exit(b->tasks[i]);
		b->tasks[i] = NULL;
	}
	err = mm_check(b->m);
	*msg = err ? mm_check_report(b->m) : NULL;
	return err && mmsim_kernel_bug(b->m) ? 1 : err;
}

static void model_close(struct backend *b)
{
	release_pins(b, -1);
	for (int i = 0; i < b->nfiles; i++)
		if (b->files[i])
			fput(b->files[i]);
	if (b->m) {
		model_backend_touched = mmsim_design_touched(b->m);
		machine_destroy(b->m);
	}
	free(b->tasks);
	free(b->files);
	free(b->pins);
	free(b->pidfds);
	free(b->killed);
	free(b);
}

static void set_err(struct bres *r, long err)
{
	if (err < 0) {
		r->kind = BRES_ERRNO;
		r->code = (int)-err;
	} else {
		r->kind = BRES_OK;
	}
}

static void set_sig(struct bres *r, int sig)
{
	if (sig == UACCESS_UFFD_WP || sig == UACCESS_UFFD_MISSING ||
	    sig == UACCESS_UFFD_MINOR) {
		/* reported to the userfaultfd monitor */
		r->kind = BRES_WORD;
		r->text = strdup(sig == UACCESS_UFFD_WP ? "uffd-wp" :
				 sig == UACCESS_UFFD_MISSING ? "uffd-missing" :
				 "uffd-minor");
		return;
	}
	r->kind = sig ? BRES_SIGNAL : BRES_OK;
	r->code = sig;
}

static void set_value(struct bres *r, uint64_t v)
{
	r->kind = BRES_VALUE;
	r->value = v;
}

/*
 * `machine ram=SIZE`: start over on a machine of that size.  The
 * interpreter allows it only before anything exists but process main.
 */
static void do_machine(struct backend *b, unsigned long ram, struct bres *r)
{
	struct mmsim_config cfg;
	struct machine *probe;
	int err;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = ram;
	err = machine_create(&cfg, &probe);	/* valid?  before letting go */
	if (!err) {
		machine_destroy(probe);
		release_pins(b, -1);
		if (b->tasks[0])
			sys_exit(b->tasks[0]);
		machine_destroy(b->m);
		for (int i = 1; i < b->ntasks; i++)
			b->tasks[i] = NULL;
		err = model_start(b, ram);
	}
	set_err(r, err);
}

/* Processes the OOM killer killed during the last command: release them. */
static void reap_killed(struct backend *b)
{
	for (int i = 0; i < b->ntasks; i++) {
		int *k;

		if (!b->tasks[i] || !task_signal(b->tasks[i]))
			continue;
		release_pins(b, i);
		sys_exit(b->tasks[i]);
		b->tasks[i] = NULL;
		k = realloc(b->killed, (b->nkilled + 1) * sizeof(*k));
		if (!k)
			continue;	/* it is gone all the same */
		b->killed = k;
		b->killed[b->nkilled++] = i;
	}
}

static int model_killed(struct backend *b)
{
	return b->nkilled ? b->killed[--b->nkilled] : -1;
}

static struct file *file_of(struct backend *b, unsigned long id)
{
	return id < (unsigned long)b->nfiles ? b->files[id] : NULL;
}

static void do_mmap(struct backend *b, struct task_struct *t,
		    const unsigned long *a, struct bres *r)
{
	struct file *f = NULL;
	long ret;

	if (a[4] != -1UL && !(f = file_of(b, a[4]))) {
		set_err(r, -EBADF);
		return;
	}
	ret = sys_mmap(t, a[0], a[1], a[2], a[3], f, a[5]);
	if (ret < 0 && ret > -4096)
		set_err(r, ret);
	else
		set_value(r, (unsigned long)ret);
}

static void do_mremap(struct task_struct *t, const unsigned long *a,
		      struct bres *r)
{
	long ret = sys_mremap(t, a[0], a[1], a[2], a[3], a[4]);

	if (ret < 0 && ret > -4096)
		set_err(r, ret);
	else
		set_value(r, (unsigned long)ret);
}

/* Install a new file at @id (the interpreter never reuses an id). */
static int new_file(struct backend *b, unsigned long id, struct file *f)
{
	int err = grow(&b->files, &b->nfiles, id, sizeof(*b->files));

	if (err) {
		fput(f);
		return err;
	}
	if (b->files[id])
		fput(b->files[id]);
	b->files[id] = f;
	return 0;
}

/* A new file @f truncated to the command's size, then bound to its name. */
static int new_sized_file(struct backend *b, const struct bcmd *c,
			  struct file *f)
{
	int err = vfs_truncate(f, (loff_t)c->a[1]);

	if (err) {
		fput(f);
		return err;
	}
	return new_file(b, c->a[0], f);
}

static void do_memfd(struct backend *b, const struct bcmd *c, struct bres *r)
{
	struct file *f;
	int err = sys_memfd_create_flags(b->m, c->str, (unsigned int)c->a[2], &f);

	set_err(r, err ? err : new_sized_file(b, c, f));
}

/* memfd_secret F: a secretmem file of size 0 (lib/mm/secretmem.c). */
static void do_memfd_secret(struct backend *b, const struct bcmd *c,
			    struct bres *r)
{
	struct file *f;
	int err = sys_memfd_secret(b->m, (unsigned int)c->a[1], &f);

	if (!err)
		err = new_file(b, c->a[0], f);
	set_err(r, err);
}

/* file F SIZE: a tmpfile on the model's disk filesystem (lib/fs/diskfs.c). */
static void do_tmpfile(struct backend *b, const struct bcmd *c, struct bres *r)
{
	struct file *f;
	int err = vfs_tmpfile(b->m, c->str, &f);

	set_err(r, err ? err : new_sized_file(b, c, f));
}

static void do_open(struct backend *b, const struct bcmd *c, struct bres *r)
{
	char dev[BCMD_STR_MAX];
	const char *opts;
	struct file *f;
	size_t n = strcspn(c->str, " ");
	int err;

	memcpy(dev, c->str, n);
	dev[n] = '\0';
	opts = c->str[n] ? c->str + n + 1 : "";
	err = device_open(b->m, dev, opts, &f);
	if (!err)
		err = new_file(b, c->a[0], f);
	set_err(r, err);
}

static int pidfd_of(struct backend *b, unsigned long id)
{
	return id < (unsigned long)b->npidfds ? b->pidfds[id] : 0;
}

static void do_close(struct backend *b, unsigned long id, struct bres *r)
{
	struct file *f = file_of(b, id);

	if (!f && pidfd_of(b, id)) {
		b->pidfds[id] = 0;
		set_err(r, 0);
		return;
	}
	if (!f) {
		set_err(r, -EBADF);
		return;
	}
	fput(f);
	b->files[id] = NULL;
	set_err(r, 0);
}

static void do_pwrite(struct backend *b, const unsigned long *a,
		      struct bres *r)
{
	struct file *f = file_of(b, a[0]);
	char buf[4096];
	unsigned long done = 0;

	if (!f) {
		set_err(r, -EBADF);
		return;
	}
	if (file_pread_ok(f)) {		/* pwrite(2) without FMODE_PWRITE */
		set_err(r, -ESPIPE);
		return;
	}
	memset(buf, (int)a[2], sizeof(buf));
	while (done < a[3]) {
		size_t n = a[3] - done < sizeof(buf) ? a[3] - done : sizeof(buf);
		ssize_t ret = kernel_write(f, buf, n, (loff_t)(a[1] + done));

		if (ret < 0) {
			set_err(r, ret);
			return;
		}
		if (!ret)
			break;
		done += ret;
	}
	set_err(r, 0);
}

static void do_pread(struct backend *b, const unsigned long *a,
		     struct bres *r)
{
	struct file *f = file_of(b, a[0]);
	unsigned char byte;
	ssize_t ret;

	if (!f) {
		set_err(r, -EBADF);
		return;
	}
	if (file_pread_ok(f)) {		/* pread(2) without FMODE_PREAD */
		set_err(r, -ESPIPE);
		return;
	}
	ret = kernel_read(f, &byte, 1, (loff_t)a[1]);
	if (ret < 0) {
		set_err(r, ret);
	} else if (!ret) {
		r->kind = BRES_WORD;
		r->text = strdup("eof");
	} else {
		set_value(r, byte);
	}
}

static void do_read(struct task_struct *t, const unsigned long *a,
		    struct bres *r)
{
	unsigned char *buf;
	unsigned long done = 0, len = a[1] ? a[1] : 1;
	int first = -1, sig = 0;
	bool mixed = false;

	buf = malloc(len < READ_CHUNK ? len : READ_CHUNK);
	if (!buf) {
		set_err(r, -ENOMEM);
		return;
	}
	while (done < len && !sig) {
		size_t n = len - done < READ_CHUNK ? len - done : READ_CHUNK;

		sig = uaccess_read(t, a[0] + done, buf, n);
		if (!sig && first < 0)
			first = buf[0];
		/* every byte equals the first: each equals the next (memcmp,
		 * not a loop: the fuzzer traces every comparison in a loop) */
		if (!sig)
			mixed |= buf[0] != first || (n > 1 && memcmp(buf, buf + 1, n - 1));
		done += n;
	}
	free(buf);
	if (sig) {
		set_sig(r, sig);
	} else if (mixed) {
		r->kind = BRES_WORD;
		r->text = strdup("mixed");
	} else {
		set_value(r, (uint64_t)first);
	}
}

/*
 * The first byte of every page: a load, or for a write an atomic add of
 * 0, as the host does - one write fault (a read fault first would map
 * the zero page and the write would copy it into a small page, never an
 * mTHP), contents kept; every a[3] bytes when given.
 */
static void do_touch(struct task_struct *t, const unsigned long *a,
		     struct bres *r)
{
	unsigned long addr = a[0] & ~(PAGE_SIZE_ - 1), end = a[0] + a[1];

	set_sig(r, uaccess_touch_range(t, addr, end, a[3] ? a[3] : PAGE_SIZE_,
				       a[2]));
}

static void do_fork(struct backend *b, int proc, unsigned long child,
		    struct bres *r)
{
	struct task_struct *t;
	int err = grow(&b->tasks, &b->ntasks, child, sizeof(*b->tasks));

	if (!err)
		err = sys_fork(b->tasks[proc], &t);
	if (!err)
		b->tasks[child] = t;
	set_err(r, err);
}

static void do_pin(struct backend *b, const struct bcmd *c, struct bres *r)
{
	struct pin_set *ps;
	int err = grow(&b->pins, &b->npins, c->a[0], sizeof(*b->pins));

	if (!err)
		err = pin_range(b->tasks[c->proc], c->a[1], c->a[2], c->a[3],
				&ps);
	if (!err) {
		pin_set_name(ps, c->str);	/* for pin_read */
		b->pins[c->a[0]] = (struct pin_slot){ ps, c->proc };
	}
	set_err(r, err);
}

static void do_unpin(struct backend *b, unsigned long id, struct bres *r)
{
	if (id >= (unsigned long)b->npins || !b->pins[id].ps) {
		set_err(r, -EINVAL);
		return;
	}
	pin_release(b->pins[id].ps);
	b->pins[id].ps = NULL;
	set_err(r, 0);
}

/* One '0' or '1' per page, as mincore's vector says. */
static void do_mincore(struct task_struct *t, const unsigned long *a,
		       struct bres *r)
{
	unsigned long pages = (a[1] + PAGE_SIZE_ - 1) / PAGE_SIZE_;
	unsigned char *vec = malloc(pages + 1);
	int err;

	if (!vec) {
		set_err(r, -ENOMEM);
		return;
	}
	err = sys_mincore(t, a[0], a[1], vec);
	if (err) {
		set_err(r, err);
		free(vec);
		return;
	}
	for (unsigned long i = 0; i < pages; i++)
		vec[i] = '0' + (vec[i] & 1);
	vec[pages] = '\0';
	r->kind = BRES_WORD;
	r->text = (char *)vec;
}

/* a[3]: keep the hard limit as it is. */
static void do_setrlimit(struct task_struct *t, const unsigned long *a,
			 struct bres *r)
{
	unsigned long cur, max;
	int err = sys_getrlimit(t, (unsigned int)a[0], &cur, &max);

	if (!err)
		err = sys_setrlimit(t, (unsigned int)a[0], a[1], a[3] ? max : a[2]);
	set_err(r, err);
}

static void do_prctl(struct task_struct *t, const unsigned long *a,
		     struct bres *r)
{
	long ret = sys_prctl(t, (int)a[0], a[1], a[2], a[3], a[4]);

	if (ret < 0)
		set_err(r, ret);
	else
		set_value(r, (uint64_t)ret);
}

static void do_proc_text(struct task_struct *t, enum bop op, struct bres *r)
{
	struct seq_buf s;
	int err;

	seq_buf_init(&s);
	if (op == BOP_SMAPS)
		err = proc_pid_smaps(t, &s);
	else if (op == BOP_STATUS)
		err = proc_pid_status(t, &s);
	else if (op == BOP_STATM)
		err = proc_pid_statm(t, &s);
	else if (op == BOP_SMAPS_ROLLUP)
		err = proc_pid_smaps_rollup(t, &s);
	else
		err = proc_pid_maps(t, &s);
	if (!err && s.err)
		err = s.err;
	if (err) {
		set_err(r, err);
	} else {
		r->kind = BRES_TEXT;
		r->text = strndup(s.buf ? s.buf : "", s.len);
	}
	seq_buf_free(&s);
}

static void do_pagemap(struct task_struct *t, unsigned long addr,
		       struct bres *r)
{
	uint64_t e = 0;
	int err = proc_pid_pagemap(t, addr, &e);

	if (err)
		set_err(r, err);
	else
		set_value(r, e);
}

static void do_reopen(struct backend *b, const unsigned long *a,
		      struct bres *r)
{
	struct file *f = file_of(b, a[1]), *nf;
	int err = f ? dentry_open(f, (int)a[2], &nf) : -EBADF;

	if (!err)
		err = new_file(b, a[0], nf);
	set_err(r, err);
}

static void do_seals(struct backend *b, const unsigned long *a,
		     struct bres *r)
{
	struct file *f = file_of(b, a[0]);
	long ret = f ? memfd_fcntl(f, 1034 /* F_GET_SEALS */, 0) : -EBADF;

	if (ret < 0)
		set_err(r, ret);
	else
		set_value(r, (uint64_t)ret);
}

/* pread/pwrite between file a[0] at a[1] and the memory of @t. */
static void do_sysrw(struct backend *b, struct task_struct *t,
		     const struct bcmd *c, struct bres *r)
{
	struct file *f = file_of(b, c->a[0]);
	ssize_t ret;

	if (!f) {
		set_err(r, -EBADF);
		return;
	}
	if (c->op == BOP_SYSREAD)
		ret = sys_pread64(t, f, c->a[2], c->a[3], (loff_t)c->a[1]);
	else
		ret = sys_pwrite64(t, f, c->a[2], c->a[3], (loff_t)c->a[1]);
	if (ret < 0)
		set_err(r, ret);
	else
		set_value(r, (uint64_t)ret);
}

/* pidfd_open of process a[1], as file a[0]: the pid it names. */
static void do_pidfd(struct backend *b, const unsigned long *a, struct bres *r)
{
	struct task_struct *target = a[1] < (unsigned long)b->ntasks ?
				     b->tasks[a[1]] : NULL;
	int err = target ? grow(&b->pidfds, &b->npidfds, a[0], sizeof(*b->pidfds))
			 : -ESRCH;

	if (!err)
		b->pidfds[a[0]] = task_pid_nr(target) + 1;
	set_err(r, err);
}

/* SIGKILL to process a[0]: it stays, dying, until the backend closes. */
static void do_kill(struct backend *b, const unsigned long *a, struct bres *r)
{
	struct task_struct *target = a[0] < (unsigned long)b->ntasks ?
				     b->tasks[a[0]] : NULL;

	set_err(r, target ? send_sig(SIGKILL, target, 0) : -ESRCH);
}

/* process_mrelease(2) on pidfd a[0] (or PMADV_BADFD) with flags a[1]. */
static void do_process_mrelease(struct backend *b, struct task_struct *t,
				const unsigned long *a, struct bres *r)
{
	int pid = a[0] == PMADV_BADFD || !pidfd_of(b, a[0]) ? -EBADF
							    : pidfd_of(b, a[0]) - 1;

	set_err(r, sys_process_mrelease(t, pid, (unsigned int)a[1]));
}

/* process_vm_readv(2) of process a[1]'s [a[0], a[0] + a[2]). */
static void do_process_vm_readv(struct backend *b, struct task_struct *t,
				const unsigned long *a, struct bres *r)
{
	struct task_struct *target = a[1] < (unsigned long)b->ntasks ?
				     b->tasks[a[1]] : NULL;
	void *buf;
	ssize_t ret;

	if (!target) {
		set_err(r, -ESRCH);
		return;
	}
	buf = malloc(a[2] ? a[2] : 1);
	if (!buf) {
		set_err(r, -ENOMEM);
		return;
	}
	ret = sys_process_vm_readv(t, task_pid_nr(target), a[0], a[2], buf);
	free(buf);
	if (ret == SYSCALL_BLOCKS)
		r->kind = BRES_BLOCKS;
	else if (ret < 0)
		set_err(r, ret);
	else
		set_value(r, (uint64_t)ret);
}

/* process_madvise with the ranges of c->str (backend.h). */
static void do_process_madvise(struct backend *b, struct task_struct *t,
			       const struct bcmd *c, struct bres *r)
{
	unsigned long nr = c->a[4], vlen = c->a[2];
	struct iovec_range *vec = calloc(vlen > nr ? vlen : nr ? nr : 1, sizeof(*vec));
	const char *s = c->str;
	ssize_t ret;
	int pid, n;

	if (!vec) {
		set_err(r, -ENOMEM);
		return;
	}
	for (unsigned long i = 0; i < nr; i++, s += n)
		if (sscanf(s, "%lx %lx %n", &vec[i].base, &vec[i].len, &n) != 2)
			n = 0;
	if (c->a[0] == PMADV_SELF)
		pid = task_pid_nr(t);
	else if (c->a[0] == PMADV_BADFD || !pidfd_of(b, c->a[0]))
		pid = -EBADF;	/* not even a file, or a file but no pidfd */
	else
		pid = pidfd_of(b, c->a[0]) - 1;
	ret = sys_process_madvise(t, pid, vec, vlen, (int)c->a[1],
				  (unsigned int)c->a[3]);
	free(vec);
	if (ret < 0)
		set_err(r, ret);
	else
		set_value(r, (uint64_t)ret);
}

static void do_map_files(struct task_struct *t, const char *name,
			 struct bres *r)
{
	char target[256];
	int err = proc_map_files_readlink(t, name, target, sizeof(target));

	if (err) {
		set_err(r, err);
		return;
	}
	r->kind = BRES_WORD;
	r->text = strdup(target);
}

/* PROCMAP_QUERY, asking for the name too (backend.h's text). */
static void do_procmap_query(struct task_struct *t, const unsigned long *a,
			     struct bres *r)
{
	char name[256] = "";
	struct procmap_query q = {
		.size = sizeof(q), .query_flags = a[1], .query_addr = a[0],
		.vma_name_size = sizeof(name), .vma_name_addr = 1,
	};
	int err = procmap_query(t, &q, name);

	if (err) {
		set_err(r, err);
		return;
	}
	r->kind = BRES_TEXT;
	if (asprintf(&r->text, "%" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64
		     " %" PRIx64 "\n%s", q.vma_start, q.vma_end, q.vma_flags,
		     q.vma_page_size, q.vma_offset, q.vma_name_size ? name : "") < 0) {
		r->text = NULL;
		set_err(r, -ENOMEM);
	}
}

/* UFFDIO_COPY: a partial copy is -EAGAIN, as the ioctl reports it. */
static void do_uffd_copy(struct task_struct *t, const unsigned long *a,
			 struct bres *r)
{
	long ret = uffd_copy(t, a[0], a[1], (int)a[2], a[3]);

	if (ret >= 0 && (unsigned long)ret != a[1])
		ret = -EAGAIN;
	set_err(r, ret < 0 ? ret : 0);
}

/* UFFDIO_ZEROPAGE, _POISON, _CONTINUE: a partial fill is -EAGAIN too. */
static void do_uffd_fill(struct task_struct *t, const unsigned long *a,
			 struct bres *r)
{
	long ret;

	switch (a[0]) {
	case UFFD_FILL_ZEROPAGE:
		ret = uffd_zeropage(t, a[1], a[2], a[3]);
		break;
	case UFFD_FILL_POISON:
		ret = uffd_poison(t, a[1], a[2], a[3]);
		break;
	default:
		ret = uffd_continue(t, a[1], a[2], a[3]);
		break;
	}
	if (ret >= 0 && (unsigned long)ret != a[2])
		ret = -EAGAIN;
	set_err(r, ret < 0 ? ret : 0);
}

static void do_uffd_move(struct task_struct *t, const unsigned long *a,
			 struct bres *r)
{
	long ret = uffd_move(t, a[0], a[1], a[2], a[3]);

	if (ret >= 0 && (unsigned long)ret != a[2])
		ret = -EAGAIN;
	set_err(r, ret < 0 ? ret : 0);
}

/* UFFDIO_REGISTER: the value is uffdio_register.ioctls. */
static void do_uffd_register(struct task_struct *t, const unsigned long *a,
			     struct bres *r)
{
	uint64_t ioctls = 0;
	int err = uffd_register_ioctls(t, a[0], a[1], a[2], &ioctls);

	if (err)
		set_err(r, err);
	else
		set_value(r, ioctls);
}

/* PAGEMAP_SCAN: "RET WALK_END" and the regions, in hex (backend.h). */
static void do_pagemap_scan(struct task_struct *t, const struct bcmd *c,
			    struct bres *r)
{
	struct pm_scan_arg arg = {
		.size = sizeof(arg), .flags = c->a[2], .start = c->a[0],
		.end = c->a[0] + c->a[1], .max_pages = c->a[3],
		.vec_len = c->a[4], .vec = c->a[5] ? 0 : 1,
	};
	struct page_region *vec = calloc(c->a[4] ? c->a[4] : 1, sizeof(*vec));
	struct seq_buf s;
	long ret;

	if (!vec || sscanf(c->str, "%" SCNx64 " %" SCNx64 " %" SCNx64 " %" SCNx64,
			   &arg.category_mask, &arg.category_anyof_mask,
			   &arg.category_inverted, &arg.return_mask) != 4) {
		free(vec);
		set_err(r, vec ? -EINVAL : -ENOMEM);
		return;
	}
	ret = pagemap_scan(t, &arg, vec);
	if (ret < 0) {
		free(vec);
		set_err(r, ret);
		return;
	}
	seq_buf_init(&s);
	seq_buf_printf(&s, "%lx %" PRIx64 "\n", ret, arg.walk_end);
	for (long i = 0; i < ret; i++)
		seq_buf_printf(&s, "%" PRIx64 " %" PRIx64 " %" PRIx64 "\n",
			       vec[i].start, vec[i].end, vec[i].categories);
	free(vec);
	if (s.err) {
		set_err(r, s.err);
	} else {
		r->kind = BRES_TEXT;
		r->text = strndup(s.buf, s.len);
	}
	seq_buf_free(&s);
}

/* The commands that act on the files of the machine. */
static bool exec_file(struct backend *b, const struct bcmd *c, struct bres *r)
{
	struct file *f;

	switch (c->op) {
	case BOP_MEMFD:
		do_memfd(b, c, r);
		break;
	case BOP_FILE:
		do_tmpfile(b, c, r);
		break;
	case BOP_FSYNC:
		f = file_of(b, c->a[0]);
		set_err(r, f ? vfs_fsync(f) : -EBADF);
		break;
	case BOP_FTRUNCATE:
		f = file_of(b, c->a[0]);
		set_err(r, f ? vfs_truncate(f, (loff_t)c->a[1]) : -EBADF);
		break;
	case BOP_MEMFD_SECRET:
		do_memfd_secret(b, c, r);
		break;
	case BOP_PWRITE:
		do_pwrite(b, c->a, r);
		break;
	case BOP_PREAD:
		do_pread(b, c->a, r);
		break;
	case BOP_OPEN:
		do_open(b, c, r);
		break;
	case BOP_CLOSE:
		do_close(b, c->a[0], r);
		break;
	case BOP_REOPEN:
		do_reopen(b, c->a, r);
		break;
	case BOP_SEAL:
		f = file_of(b, c->a[0]);
		set_err(r, f ? memfd_fcntl(f, 1033 /* F_ADD_SEALS */, c->a[1]) : -EBADF);
		break;
	case BOP_SEALS:
		do_seals(b, c->a, r);
		break;
	case BOP_FALLOCATE:
		f = file_of(b, c->a[0]);
		set_err(r, f ? vfs_fallocate(f, (int)c->a[3], (loff_t)c->a[1],
					     (loff_t)c->a[2]) : -EBADF);
		break;
	default:
		return false;
	}
	return true;
}

/* A model-only command: one line of output is a word, more are a block. */
static void do_ctl(struct task_struct *t, const char *line, struct bres *r)
{
	struct seq_buf s;
	int err;

	seq_buf_init(&s);
	err = mmsim_ctl(t, line, &s);
	if (!err && s.err)
		err = s.err;
	if (err) {
		set_err(r, err);
	} else {
		size_t n = s.len;

		while (n && s.buf[n - 1] == '\n')
			s.buf[--n] = '\0';
		s.len = n;
		/* a block is compared line by line, each line ending in \n */
		if (strchr(s.buf, '\n')) {
			seq_buf_printf(&s, "\n");
			r->kind = BRES_TEXT;
		} else {
			r->kind = BRES_WORD;
		}
		r->text = strdup(s.buf);
	}
	seq_buf_free(&s);
}

static void exec_task(struct backend *b, const struct bcmd *c,
		      struct task_struct *t, struct bres *r)
{
	const unsigned long *a = c->a;

	switch (c->op) {
	case BOP_MMAP:
		do_mmap(b, t, a, r);
		break;
	case BOP_MUNMAP:
		set_err(r, sys_munmap(t, a[0], a[1]));
		break;
	case BOP_MPROTECT:
		set_err(r, sys_mprotect(t, a[0], a[1], a[2]));
		break;
	case BOP_MREMAP:
		do_mremap(t, a, r);
		break;
	case BOP_MADVISE:
		set_err(r, sys_madvise(t, a[0], a[1], (int)a[2]));
		break;
	case BOP_SPLIT_HUGE_PAGES:
		split_huge_pages_pid(t, a[0], a[0] + a[1], (unsigned int)a[2]);
		set_err(r, 0);
		break;
	case BOP_MLOCK:
		set_err(r, a[2] ? sys_mlock2(t, a[0], a[1], (unsigned int)a[2]) :
				  sys_mlock(t, a[0], a[1]));
		break;
	case BOP_MLOCKALL:
		set_err(r, sys_mlockall(t, (int)a[0]));
		break;
	case BOP_MUNLOCKALL:
		set_err(r, sys_munlockall(t));
		break;
	case BOP_MINCORE:
		do_mincore(t, a, r);
		break;
	case BOP_MSYNC:
		set_err(r, sys_msync(t, a[0], a[1], (int)a[2]));
		break;
	case BOP_SYSREAD:
	case BOP_SYSWRITE:
		do_sysrw(b, t, c, r);
		break;
	case BOP_SETRLIMIT:
		do_setrlimit(t, a, r);
		break;
	case BOP_CAPABILITY:
		set_err(r, capset_effective(t, (int)a[0], a[1]));
		break;
	case BOP_PRCTL:
		do_prctl(t, a, r);
		break;
	case BOP_MUNLOCK:
		set_err(r, sys_munlock(t, a[0], a[1]));
		break;
	case BOP_MSEAL:
		set_err(r, sys_mseal(t, a[0], a[1], 0));
		break;
	case BOP_WRITE:
		set_sig(r, uaccess_memset(t, a[0], (int)a[1], a[2]));
		break;
	case BOP_READ:
		do_read(t, a, r);
		break;
	case BOP_TOUCH:
		do_touch(t, a, r);
		break;
	case BOP_MEMWRITE:
		set_err(r, proc_mem_write(t, a[0], (int)a[1], a[2]));
		break;
	case BOP_FORK:
		do_fork(b, c->proc, a[0], r);
		break;
	case BOP_EXIT:
		release_pins(b, c->proc);
		sys_exit(t);
		b->tasks[c->proc] = NULL;
		set_err(r, 0);
		break;
	case BOP_PIN:
		do_pin(b, c, r);
		break;
	case BOP_UNPIN:
		do_unpin(b, a[0], r);
		break;
	case BOP_MAPS:
	case BOP_SMAPS:
	case BOP_STATUS:
	case BOP_STATM:
	case BOP_SMAPS_ROLLUP:
		do_proc_text(t, c->op, r);
		break;
	case BOP_PROC_MARK:
		set_err(r, proc_mark_hiwater(t));
		break;
	case BOP_PAGEMAP:
		do_pagemap(t, a[0], r);
		break;
	case BOP_PIDFD:
		do_pidfd(b, a, r);
		break;
	case BOP_PROCESS_MADVISE:
		do_process_madvise(b, t, c, r);
		break;
	case BOP_KILL:
		do_kill(b, a, r);
		break;
	case BOP_PROCESS_MRELEASE:
		do_process_mrelease(b, t, a, r);
		break;
	case BOP_PROCESS_VM_READV:
		do_process_vm_readv(b, t, a, r);
		break;
	case BOP_MAP_FILES:
		do_map_files(t, c->str, r);
		break;
	case BOP_PROCMAP_QUERY:
		do_procmap_query(t, a, r);
		break;
	case BOP_CLEAR_REFS:
		set_err(r, clear_refs_write(t, (int)a[0]));
		break;
	case BOP_UFFD_API:
		/* a[2], /dev/userfaultfd: the model has no file, one handle */
		set_err(r, uffd_api_version(t, a[1], a[0]));
		break;
	case BOP_UFFD_REGISTER:
		do_uffd_register(t, a, r);
		break;
	case BOP_UFFD_UNREGISTER:
		set_err(r, uffd_unregister(t, a[0], a[1]));
		break;
	case BOP_UFFD_WP:
		set_err(r, uffd_writeprotect(t, a[0], a[1], a[2]));
		break;
	case BOP_UFFD_COPY:
		do_uffd_copy(t, a, r);
		break;
	case BOP_UFFD_FILL:
		do_uffd_fill(t, a, r);
		break;
	case BOP_UFFD_MOVE:
		do_uffd_move(t, a, r);
		break;
	case BOP_PAGEMAP_SCAN:
		do_pagemap_scan(t, c, r);
		break;
	case BOP_CTL:
		do_ctl(t, c->str, r);
		break;
	default:
		r->kind = BRES_UNSUPPORTED;
		r->text = strdup("unknown backend command");
		break;
	}
}

/* require KEY=VALUE...: the model takes these profile settings. */
static void do_require(struct backend *b, const char *settings, struct bres *r)
{
	struct mmsim_profile p;
	char buf[BCMD_STR_MAX], *save = NULL;

	machine_get_profile(b->m, &p);
	snprintf(buf, sizeof(buf), "%s", settings);
	for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');

		if (!eq) {
			set_err(r, -EINVAL);
			return;
		}
		*eq = '\0';
		if (mmsim_profile_set(&p, w, eq + 1)) {
			set_err(r, -EINVAL);
			return;
		}
	}
	machine_set_profile(b->m, &p);
	set_err(r, 0);
}

static void model_exec(struct backend *b, const struct bcmd *c,
		       struct bres *r)
{
	struct task_struct *t;

	memset(r, 0, sizeof(*r));
	if (c->op == BOP_REQUIRE)
		return do_require(b, c->str, r);
	if (c->op == BOP_MACHINE)
		return do_machine(b, c->a[0], r);
	if (exec_file(b, c, r))
		return;
	if (c->proc < 0 || c->proc >= b->ntasks || !(t = b->tasks[c->proc])) {
		set_err(r, -ESRCH);
		return;
	}
	exec_task(b, c, t, r);
	reap_killed(b);
}

/*
 * CHECK_CROSS: the incremental check of what the command changed, then
 * the full check; a break only the full one finds is reported as such
 * (the incremental check missed it), any other break as itself.
 */
static int cross_check(struct backend *b, const char **msg)
{
	static char why[1200];
	int inc = mm_check_changes(b->m);

	snprintf(why, sizeof(why), "%s", mm_check_report(b->m));
	if (mm_check(b->m) && !inc) {
		snprintf(why, sizeof(why), "incremental check missed: %s",
			 mm_check_report(b->m));
		inc = -EUCLEAN;
	}
	*msg = inc ? why : NULL;
	return inc && mmsim_kernel_bug(b->m) ? 1 : inc;
}

/* With --check=incremental, a full check at least this often. */
#define FULL_CHECK_EVERY	1000

static int model_check(struct backend *b, int mode, bool final,
		       const char **msg)
{
	int err;

	if (mode == CHECK_CROSS)
		return cross_check(b, msg);
	/* nothing happened since the last check, and it was a full one */
	if (final && mode != CHECK_FULL && !mm_check_commands(b->m)) {
		*msg = NULL;
		return 0;
	}
	if (mode == CHECK_FULL || final ||
	    mm_check_commands(b->m) >= FULL_CHECK_EVERY)
		err = mm_check(b->m);
	else
		err = mm_check_changes(b->m);

	*msg = err ? mm_check_report(b->m) : NULL;
	return err && mmsim_kernel_bug(b->m) ? 1 : err;
}

const struct backend_ops model_backend = {
	.name = "model",
	.open = model_open,
	.close = model_close,
	.exec = model_exec,
	.check = model_check,
	.killed = model_killed,
};
