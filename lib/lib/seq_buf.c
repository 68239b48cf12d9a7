// SPDX-License-Identifier: GPL-2.0
/*
 * seq_buf.c - a growable text buffer (struct seq_buf in <mmsim/mmsim.h>).
 *
 * Invariants: buf always points at a NUL-terminated string of @len bytes
 * (an empty static string while nothing is allocated, @size == 0); once
 * an append fails, @err is set, the text stays as it was before that
 * append and later appends are ignored, so the output is never missing
 * a middle part.  Host malloc, no fault injection.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <mmsim/mmsim.h>

#define SEQ_BUF_MIN	256

static char seq_buf_empty[1];

void seq_buf_init(struct seq_buf *s)
{
	s->buf = seq_buf_empty;
	s->len = 0;
	s->size = 0;
	s->err = 0;
}

void seq_buf_free(struct seq_buf *s)
{
	if (s->size)
		free(s->buf);
	seq_buf_init(s);
}

/* Room for at least @need bytes including the NUL; 0 or -ENOMEM. */
static int seq_buf_grow(struct seq_buf *s, size_t need)
{
	size_t size = s->size ? s->size : SEQ_BUF_MIN;
	char *buf;

	while (size < need) {
		if (size > SIZE_MAX / 2)
			return -ENOMEM;
		size *= 2;
	}
	buf = s->size ? realloc(s->buf, size) : malloc(size);
	if (!buf)
		return -ENOMEM;
	if (!s->size)
		buf[0] = '\0';
	s->buf = buf;
	s->size = size;
	return 0;
}

static __attribute__((format(printf, 2, 0))) int
seq_buf_vprintf(struct seq_buf *s, const char *fmt, va_list ap)
{
	size_t room = s->size - s->len;
	va_list again;
	int n, err = 0;

	va_copy(again, ap);
	/* With nothing allocated, room is 0 and this only measures. */
	n = vsnprintf(s->buf + s->len, room, fmt, ap);
	if (n >= 0 && (size_t)n >= room) {
		if (s->size)
			s->buf[s->len] = '\0';	/* drop the partial text */
		err = seq_buf_grow(s, s->len + (size_t)n + 1);
		if (!err)
			n = vsnprintf(s->buf + s->len, s->size - s->len, fmt,
				      again);
	}
	va_end(again);
	if (err)
		return err;
	if (n < 0)
		return -EINVAL;
	s->len += n;
	return 0;
}

void seq_buf_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list ap;
	int err;

	if (s->err)
		return;
	va_start(ap, fmt);
	err = seq_buf_vprintf(s, fmt, ap);
	va_end(ap);
	if (err)
		s->err = err;
}
