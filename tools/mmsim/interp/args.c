// SPDX-License-Identifier: GPL-2.0
/*
 * args.c - the argument kinds of the scenario language (integers with
 * suffixes, lengths, bytes, names, addresses NAME[+-N], protections,
 * files, processes) and bad(), which records the malformed-scenario
 * message.  Every piece of input a message quotes goes through shown().
 */
#include <stdarg.h>
#include <string.h>

#include "interp_int.h"

int bad(struct interp *ip, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ip->msg, sizeof(ip->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int arg_int(struct interp *ip, const char *tok, uint64_t *v)
{
	const char *err;

	if (lex_int(tok, v, &err))
		return bad(ip, "%s: %s", shown(tok), err);
	return 0;
}

int arg_len(struct interp *ip, const char *tok, unsigned long *len)
{
	uint64_t v;

	if (arg_int(ip, tok, &v))
		return -1;
	if (v > TASK_SIZE_MAX)
		return bad(ip, "%s: length beyond the address space", shown(tok));
	*len = v;
	return 0;
}

int arg_byte(struct interp *ip, const char *tok, unsigned long *b)
{
	uint64_t v;

	if (arg_int(ip, tok, &v))
		return -1;
	if (v > 0xff)
		return bad(ip, "%s: not a byte value", shown(tok));
	*b = v;
	return 0;
}

int arg_name(struct interp *ip, const char *tok)
{
	if (lex_name_len(tok) != (int)strlen(tok))
		return bad(ip, "%s: bad name", shown(tok));
	return 0;
}

/* NAME, NAME+N, NAME-N or an integer. */
int arg_addr(struct interp *ip, const char *tok, unsigned long *addr)
{
	int n = lex_name_len(tok);
	uint64_t base, off = 0;
	struct sym *s;

	if (!n)
		return arg_int(ip, tok, addr);
	s = sym_find(&ip->names, tok, n);
	if (!s)
		return bad(ip, "unknown name %s", shown_n(tok, n));
	base = s->val;
	if (!tok[n]) {
		*addr = base;
		return 0;
	}
	if ((tok[n] != '+' && tok[n] != '-') || arg_int(ip, tok + n + 1, &off))
		return ip->msg[0] ? -1 : bad(ip, "%s: bad address", shown(tok));
	if (tok[n] == '+' ? __builtin_add_overflow(base, off, &base) :
			    __builtin_sub_overflow(base, off, &base))
		return bad(ip, "%s: address overflow", shown(tok));
	*addr = base;
	return 0;
}

int arg_prot(struct interp *ip, const char *tok, unsigned long *prot)
{
	if (lex_prot(tok, prot))
		return bad(ip, "%s: bad protection (e.g. rw-)", shown(tok));
	return 0;
}

int arg_file(struct interp *ip, const char *tok, unsigned long *id)
{
	struct sym *s = sym_lookup(&ip->files, tok);

	if (!s || !s->live)
		return bad(ip, "unknown file %s", shown(tok));
	*id = s - ip->files.v;
	return 0;
}

int arg_proc(struct interp *ip, const char *name, int *id)
{
	struct sym *s = sym_lookup(&ip->procs, name);

	if (!s)
		return bad(ip, "unknown process %s", shown(name));
	if (!s->live && s->val == SYM_KILLED)
		return bad(ip, "process %s was killed by the OOM killer (SIGKILL)",
			   shown(name));
	if (!s->live && s->val == SYM_SIGKILLED)
		return bad(ip, "process %s was killed (SIGKILL)", shown(name));
	if (!s->live)
		return bad(ip, "process %s has exited", shown(name));
	*id = s - ip->procs.v;
	return 0;
}

/*
 * arg_proc_target - a process other commands look at (@NAME): also one
 * sent SIGKILL by `kill` that has yet to exit, whose memory is still
 * there (process_vm_readv of the reaped mm).
 */
int arg_proc_target(struct interp *ip, const char *name, int *id)
{
	struct sym *s = sym_lookup(&ip->procs, name);

	if (s && !s->live && s->val == SYM_SIGKILLED) {
		*id = s - ip->procs.v;
		return 0;
	}
	return arg_proc(ip, name, id);
}

/*
 * arg_flags - FLAGS: comma-separated words of @words (a NULL-terminated
 * table of name/value pairs), ORed; or a plain integer, passed as it is
 * (for the kernel's own checks of unknown bits).  @what names the kind
 * in messages.
 */
int arg_flags(struct interp *ip, const char *tok, const struct flag_word *words,
	      const char *what, unsigned long *flags)
{
	const char *p = tok, *err;

	*flags = 0;
	if (!lex_int(tok, flags, &err))
		return 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		const struct flag_word *w;

		for (w = words; w->name; w++)
			if (strlen(w->name) == n && !strncmp(p, w->name, n))
				break;
		if (!w->name)
			return bad(ip, "unknown %s %s", what, shown_n(p, n));
		*flags |= w->value;
		p += n + (p[n] == ',');
	}
	if (!*tok)
		return bad(ip, "empty %s", what);
	return 0;
}
