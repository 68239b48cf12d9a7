// SPDX-License-Identifier: GPL-2.0
/*
 * errname.c - names of errno values and of the signals a user access can
 * raise, from one table.
 *
 * MMSIM_NAMES lists every Linux errno (EPERM..EHWPOISON) once under its
 * canonical name, then the aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP),
 * then the signals.  Lookups by value return the first entry of the
 * right kind, so a value always maps to its canonical name; lookups by
 * name accept aliases.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include <mmsim/mmsim.h>

#define MMSIM_NAMES(E, S)						\
	E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG)	\
	E(ENOEXEC) E(EBADF) E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES)	\
	E(EFAULT) E(ENOTBLK) E(EBUSY) E(EEXIST) E(EXDEV) E(ENODEV)	\
	E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY)	\
	E(ETXTBSY) E(EFBIG) E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK)	\
	E(EPIPE) E(EDOM) E(ERANGE) E(EDEADLK) E(ENAMETOOLONG)		\
	E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(ENOMSG) E(EIDRM)	\
	E(ECHRNG) E(EL2NSYNC) E(EL3HLT) E(EL3RST) E(ELNRNG) E(EUNATCH)	\
	E(ENOCSI) E(EL2HLT) E(EBADE) E(EBADR) E(EXFULL) E(ENOANO)	\
	E(EBADRQC) E(EBADSLT) E(EBFONT) E(ENOSTR) E(ENODATA) E(ETIME)	\
	E(ENOSR) E(ENONET) E(ENOPKG) E(EREMOTE) E(ENOLINK) E(EADV)	\
	E(ESRMNT) E(ECOMM) E(EPROTO) E(EMULTIHOP) E(EDOTDOT)		\
	E(EBADMSG) E(EOVERFLOW) E(ENOTUNIQ) E(EBADFD) E(EREMCHG)	\
	E(ELIBACC) E(ELIBBAD) E(ELIBSCN) E(ELIBMAX) E(ELIBEXEC)		\
	E(EILSEQ) E(ERESTART) E(ESTRPIPE) E(EUSERS) E(ENOTSOCK)		\
	E(EDESTADDRREQ) E(EMSGSIZE) E(EPROTOTYPE) E(ENOPROTOOPT)	\
	E(EPROTONOSUPPORT) E(ESOCKTNOSUPPORT) E(EOPNOTSUPP)		\
	E(EPFNOSUPPORT) E(EAFNOSUPPORT) E(EADDRINUSE) E(EADDRNOTAVAIL)	\
	E(ENETDOWN) E(ENETUNREACH) E(ENETRESET) E(ECONNABORTED)		\
	E(ECONNRESET) E(ENOBUFS) E(EISCONN) E(ENOTCONN) E(ESHUTDOWN)	\
	E(ETOOMANYREFS) E(ETIMEDOUT) E(ECONNREFUSED) E(EHOSTDOWN)	\
	E(EHOSTUNREACH) E(EALREADY) E(EINPROGRESS) E(ESTALE) E(EUCLEAN)	\
	E(ENOTNAM) E(ENAVAIL) E(EISNAM) E(EREMOTEIO) E(EDQUOT)		\
	E(ENOMEDIUM) E(EMEDIUMTYPE) E(ECANCELED) E(ENOKEY)		\
	E(EKEYEXPIRED) E(EKEYREVOKED) E(EKEYREJECTED) E(EOWNERDEAD)	\
	E(ENOTRECOVERABLE) E(ERFKILL) E(EHWPOISON)			\
	E(EWOULDBLOCK) E(EDEADLOCK) E(ENOTSUP)				\
	S(SIGSEGV) S(SIGBUS) S(SIGKILL)

struct name_entry {
	const char *name;
	int value;
	bool signal;
};

#define NAME_ERRNO(x)	{ #x, x, false },
#define NAME_SIGNAL(x)	{ #x, x, true },

static const struct name_entry names[] = {
	MMSIM_NAMES(NAME_ERRNO, NAME_SIGNAL)
};

#define NR_NAMES (sizeof(names) / sizeof(names[0]))

static const char *name_of(int value, bool signal)
{
	for (size_t i = 0; i < NR_NAMES; i++)
		if (names[i].value == value && names[i].signal == signal)
			return names[i].name;
	return NULL;
}

static int value_of(const char *name, bool signal)
{
	if (!name)
		return 0;
	for (size_t i = 0; i < NR_NAMES; i++)
		if (names[i].signal == signal && !strcmp(names[i].name, name))
			return names[i].value;
	return 0;
}

/* Accepts @err or -@err, as the library returns negative errnos. */
const char *errno_name(int err)
{
	if (err < 0)
		err = -err;
	return name_of(err, false);
}

int errno_from_name(const char *name)
{
	return value_of(name, false);
}

const char *signal_name(int sig)
{
	return name_of(sig, true);
}

int signal_from_name(const char *name)
{
	return value_of(name, true);
}
