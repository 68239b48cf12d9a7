// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_uffd.c - the userfaultfd commands: uffd_api, uffd_register,
 * uffd_unregister, uffd_wp/uffd_unwp, uffd_copy, uffd_zeropage,
 * uffd_poison, uffd_continue, uffd_move.  Each process has one
 * userfaultfd (created by its first uffd command; inherited only as the
 * context UFFD_FEATURE_EVENT_FORK makes for the child);
 * registering without uffd_api first does UFFDIO_API with no feature.
 * Flag words are Linux's <linux/userfaultfd.h>, or an integer.
 */
#include <string.h>

#include "interp_int.h"

#define UFFD_COPY_MAX_LEN	(1UL << 30)

#define UFFD_API_WORD		0xAAUL	/* UFFD_API */

static const struct flag_word uffd_feature_words[] = {
	{ "pagefault_flag_wp", 1UL << 0 }, { "event_fork", 1UL << 1 },
	{ "event_remap", 1UL << 2 }, { "event_remove", 1UL << 3 },
	{ "missing_hugetlbfs", 1UL << 4 }, { "missing_shmem", 1UL << 5 },
	{ "event_unmap", 1UL << 6 }, { "sigbus", 1UL << 7 },
	{ "thread_id", 1UL << 8 }, { "minor_hugetlbfs", 1UL << 9 },
	{ "minor_shmem", 1UL << 10 }, { "exact_address", 1UL << 11 },
	{ "wp_hugetlbfs_shmem", 1UL << 12 }, { "wp_unpopulated", 1UL << 13 },
	{ "poison", 1UL << 14 }, { "wp_async", 1UL << 15 },
	{ "move", 1UL << 16 }, { NULL, 0 },
};

static const struct flag_word uffd_mode_words[] = {
	{ "missing", 1UL << 0 }, { "wp", 1UL << 1 }, { "minor", 1UL << 2 },
	{ NULL, 0 },
};

/* uffdio_register.ioctls, as the range ioctls' names (1 << _UFFDIO_*). */
static const struct flag_word uffd_ioctl_words[] = {
	{ "wake", 1UL << 2 }, { "copy", 1UL << 3 }, { "zeropage", 1UL << 4 },
	{ "move", 1UL << 5 }, { "writeprotect", 1UL << 6 },
	{ "continue", 1UL << 7 }, { "poison", 1UL << 8 }, { NULL, 0 },
};

/*
 * uffd_api FEATURES [api=N] [dev]: N is uffdio_api.api (UFFD_API, 0xaa,
 * unless given); dev: a userfaultfd not made yet is made through
 * /dev/userfaultfd (USERFAULTFD_IOC_NEW) instead of userfaultfd(2).
 */
int cmd_uffd_api(struct interp *ip, struct cmd *c)
{
	unsigned long a[3] = { 0, UFFD_API_WORD, 0 };
	bool api_given = false;
	uint64_t api;

	if (arg_flags(ip, c->argv[1], uffd_feature_words, "userfaultfd feature",
		      &a[0]))
		return -1;
	for (int i = 2; i <= c->argc; i++) {
		if (!strcmp(c->argv[i], "dev") && !a[2]) {
			a[2] = 1;
		} else if (!strncmp(c->argv[i], "api=", 4) && !api_given) {
			if (arg_int(ip, c->argv[i] + 4, &api))
				return -1;
			a[1] = api;
			api_given = true;
		} else {
			return bad(ip, "uffd_api: %s: expected api=N or dev", shown(c->argv[i]));
		}
	}
	return exec_simple(ip, c, BOP_UFFD_API, 3, a);
}

/*
 * uffd_register ADDR LEN [MODES] [ioctls]: with `ioctls` the result is
 * the set of range ioctls the kernel returned, else `ok`.
 */
int cmd_uffd_register(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_UFFD_REGISTER, .a = { 0, 0, 1UL << 1 } };
	bool want_ioctls = false;

	if (arg_addr(ip, c->argv[1], &bc.a[0]) || arg_len(ip, c->argv[2], &bc.a[1]))
		return -1;
	for (int i = 3; i <= c->argc; i++) {
		if (!strcmp(c->argv[i], "ioctls")) {
			if (want_ioctls)
				return bad(ip, "uffd_register: ioctls given twice");
			want_ioctls = true;
		} else if (i != 3 || arg_flags(ip, c->argv[i], uffd_mode_words,
					       "userfaultfd mode", &bc.a[2])) {
			return i != 3 ? bad(ip, "uffd_register: %s: expected ioctls",
					    shown(c->argv[i])) : -1;
		}
	}
	if (!want_ioctls) {
		exec_render(ip, c, &bc, true);
		return 0;
	}
	exec_render_value(ip, c, &bc, RK_SET, show_flags, uffd_ioctl_words);
	return 0;
}

int cmd_uffd_unregister(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_UFFD_UNREGISTER, 2, a);
}

/* uffd_wp and uffd_unwp: UFFDIO_WRITEPROTECT with or without MODE_WP. */
int cmd_uffd_wp(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	a[2] = !strcmp(c->argv[0], "uffd_wp");
	return exec_simple(ip, c, BOP_UFFD_WP, 3, a);
}

/*
 * uffd_zeropage ADDR LEN, uffd_poison ADDR LEN, uffd_continue ADDR LEN
 * [wp]: UFFDIO_ZEROPAGE, UFFDIO_POISON, UFFDIO_CONTINUE (wp:
 * UFFDIO_CONTINUE_MODE_WP); a partial fill is EAGAIN.
 */
int cmd_uffd_fill(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { UFFD_FILL_ZEROPAGE, 0, 0, 0 };

	if (!strcmp(c->argv[0], "uffd_poison"))
		a[0] = UFFD_FILL_POISON;
	else if (!strcmp(c->argv[0], "uffd_continue"))
		a[0] = UFFD_FILL_CONTINUE;
	if (arg_addr(ip, c->argv[1], &a[1]) || arg_len(ip, c->argv[2], &a[2]))
		return -1;
	if (c->argc > 2) {
		if (a[0] != UFFD_FILL_CONTINUE || strcmp(c->argv[3], "wp"))
			return bad(ip, "%s: %s: unexpected", c->argv[0], shown(c->argv[3]));
		a[3] = 1UL << 1;	/* UFFDIO_CONTINUE_MODE_WP */
	}
	return exec_simple(ip, c, BOP_UFFD_FILL, 4, a);
}

/* uffd_move DST SRC LEN [allow_src_holes]: UFFDIO_MOVE; partial is EAGAIN. */
int cmd_uffd_move(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 0 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_addr(ip, c->argv[2], &a[1]) ||
	    arg_len(ip, c->argv[3], &a[2]))
		return -1;
	if (c->argc > 3) {
		if (strcmp(c->argv[4], "allow_src_holes"))
			return bad(ip, "uffd_move: %s: expected allow_src_holes",
				   shown(c->argv[4]));
		a[3] = 1UL << 1;	/* UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES */
	}
	return exec_simple(ip, c, BOP_UFFD_MOVE, 4, a);
}

/* uffd_copy ADDR LEN BYTE [wp]: a partial copy is EAGAIN, as the ioctl says. */
int cmd_uffd_copy(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 0 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]) ||
	    arg_byte(ip, c->argv[3], &a[2]))
		return -1;
	if (a[1] > UFFD_COPY_MAX_LEN)	/* the agent makes the source */
		return bad(ip, "uffd_copy: %s: longer than 1g", shown(c->argv[2]));
	if (c->argc > 3) {
		if (strcmp(c->argv[4], "wp"))
			return bad(ip, "uffd_copy: %s: expected wp", shown(c->argv[4]));
		a[3] = 1UL << 1;	/* UFFDIO_COPY_MODE_WP */
	}
	return exec_simple(ip, c, BOP_UFFD_COPY, 4, a);
}
