/* SPDX-License-Identifier: GPL-2.0 */
/*
 * backend.h - what the scenario interpreter asks of a backend.
 *
 * The interpreter resolves everything a scenario names (addresses,
 * arena placement, process, file and pin names) and hands the backend one
 * flat command at a time: an opcode, six integer arguments and a string.
 * The flat form is what lets the native backend ship a command over a
 * pipe to the agent process that executes it in its own address space.
 *
 * Results come back raw (whole /proc texts, the 64-bit pagemap entry);
 * the interpreter extracts and formats what the scenario asked for, so
 * both backends are compared on the same rendering.
 */
#ifndef MMSIM_TOOLS_BACKEND_H
#define MMSIM_TOOLS_BACKEND_H

#include <stdbool.h>
#include <stdint.h>

#include <mmsim/mmsim.h>

/*
 * Opcodes.  Arguments (a[0..5]) in order; "file", "proc" and "pin" are
 * small integer ids the interpreter assigns (files and pins are global
 * to the scenario, like names).  prot/flags/advice use Linux values.
 */
#define BACKEND_OPS(X)							\
	X(MMAP,      "addr len prot flags file(-1=anon) off -> value addr") \
	X(MUNMAP,    "addr len")					\
	X(MPROTECT,  "addr len prot")					\
	X(MREMAP,    "addr oldlen newlen flags newaddr -> value addr")	\
	X(MADVISE,   "addr len advice")					\
	X(SPLIT_HUGE_PAGES, "addr len order: debugfs split_huge_pages")	\
	X(MLOCK,     "addr len flags(MLOCK_ONFAULT: mlock2)")		\
	X(MUNLOCK,   "addr len")					\
	X(MSEAL,     "addr len")					\
	X(MLOCKALL,  "flags (MCL_*)")					\
	X(MUNLOCKALL, "")						\
	X(MINCORE,   "addr len -> word: one 0/1 per page")		\
	X(MSYNC,     "addr len flags (MS_*)")				\
	X(MEMFD,     "file size flags (MFD_*); str=name")		\
	X(FILE,      "file size; str=name (O_TMPFILE on a disk filesystem)") \
	X(MEMFD_SECRET, "file flags: memfd_secret(2), size 0")		\
	X(FSYNC,     "file")						\
	X(FTRUNCATE, "file size")					\
	X(PWRITE,    "file off byte len")				\
	X(PREAD,     "file off -> value byte")				\
	X(OPEN,      "file; str=\"DEVICE key=value...\"")		\
	X(CLOSE,     "file")						\
	X(REOPEN,    "newfile file oflags (O_*: /proc/self/fd/N)")	\
	X(SEAL,      "file seals (F_ADD_SEALS)")			\
	X(SEALS,     "file -> value seals (F_GET_SEALS)")		\
	X(FALLOCATE, "file off len mode (FALLOC_FL_*)")			\
	X(SYSREAD,   "file off addr len -> value bytes (pread into memory)") \
	X(SYSWRITE,  "file off addr len -> value bytes (pwrite from memory)") \
	X(WRITE,     "addr byte len -> ok | signal")			\
	X(READ,      "addr len -> value byte | word mixed | signal")	\
	X(TOUCH,     "addr len write(0/1) stride(a page multiple) -> ok | signal")		\
	X(MEMWRITE,  "addr byte len -> ok | errno (/proc/self/mem)")	\
	X(FORK,      "child-proc")					\
	X(EXIT,      "")						\
	X(PIN,       "pin addr len ro(0/1)")				\
	X(UNPIN,     "pin")						\
	X(MAPS,      "-> text: /proc/PID/maps")				\
	X(SMAPS,     "-> text: /proc/PID/smaps")			\
	X(PAGEMAP,   "addr -> value: the 64-bit pagemap entry")		\
	X(CLEAR_REFS, "type: written to /proc/PID/clear_refs")		\
	X(MAP_FILES, "str = a name in /proc/PID/map_files -> word: the link's target") \
	X(PROCMAP_QUERY, "addr flags -> text \"START END FLAGS PAGE_SIZE OFFSET\\nNAME\" (hex)") \
	X(PIDFD,     "file proc: pidfd_open of process proc (the native backend puts its pid in a[1])") \
	X(PROCESS_MADVISE, "pidfd(file, PMADV_SELF, PMADV_BADFD) advice vlen flags nranges; str = \"base len...\" in hex -> value bytes") \
	X(KILL,      "proc: SIGKILL to process proc (it takes no more commands)") \
	X(PROCESS_MRELEASE, "pidfd(file, PMADV_BADFD) flags: process_mrelease(2)") \
	X(PROCESS_VM_READV, "addr proc len: process_vm_readv(2) of proc's [addr, addr+len) (the native backend puts its pid in a[1]) -> value bytes | blocks") \
	X(STATUS,    "-> text: /proc/PID/status")			\
	X(STATM,     "-> text: /proc/PID/statm")			\
	X(SMAPS_ROLLUP, "-> text: /proc/PID/smaps_rollup")		\
	X(PROC_MARK, "settle(0/1): make VmPeak and VmHWM current, before a baseline of the views above (native: and settle the agent's own memory); settle=1: only settle (native)") \
	X(SETRLIMIT, "resource cur max keepmax(0/1), arena-relative")	\
	X(CAPABILITY, "cap on(0/1): the effective set")			\
	X(PRCTL,     "option arg2 arg3 arg4 arg5 -> value")		\
	X(UFFD_API,  "features (UFFD_FEATURE_*) api (UFFD_API) dev(0/1: made through /dev/userfaultfd): UFFDIO_API on the process's userfaultfd") \
	X(UFFD_REGISTER, "addr len mode (UFFDIO_REGISTER_MODE_*) -> value: uffdio_register.ioctls") \
	X(UFFD_UNREGISTER, "addr len")					\
	X(UFFD_WP,   "addr len wp(0/1): UFFDIO_WRITEPROTECT")		\
	X(UFFD_COPY, "addr len byte mode (UFFDIO_COPY_MODE_*)")		\
	X(UFFD_FILL, "kind (UFFD_FILL_*) addr len mode: UFFDIO_ZEROPAGE, _POISON, _CONTINUE") \
	X(UFFD_MOVE, "dst src len mode (UFFDIO_MOVE_MODE_*): UFFDIO_MOVE")	\
	X(PAGEMAP_SCAN, "addr len flags max_pages vec_len vec_null(0/1); str = \"required anyof inverted return\" in hex -> text (see below)") \
	X(CTL,       "str = a model-only command, names resolved -> word | text | errno") \
	X(REQUIRE,   "str = KEY=VALUE... profile settings -> ok (model: now set) | unsupported (the host differs)") \
	X(MACHINE,   "ram (bytes): the model's RAM, before anything exists; native: ok")

/*
 * PAGEMAP_SCAN answers, both backends alike, with a text: the first
 * line "RET WALK_END", then RET lines "START END CATEGORIES", all in hex
 * (the ioctl's return value, arg.walk_end, and the page_region vector).
 *
 * A user access (WRITE, READ, TOUCH) that a userfaultfd monitor gets
 * instead of the kernel answers with the word "uffd-wp" (a write to a
 * write-protected entry), "uffd-missing" (a missing fault) or
 * "uffd-minor" (a minor fault: the page is cached but not mapped).
 * UFFD_FILL's and UFFD_MOVE's partial work is EAGAIN, as UFFD_COPY's.
 */
enum uffd_fill_kind { UFFD_FILL_ZEROPAGE, UFFD_FILL_POISON, UFFD_FILL_CONTINUE };

/* PROCESS_MADVISE's pidfd argument besides a file id. */
#define PMADV_SELF	(~0UL)		/* PIDFD_SELF */
#define PMADV_BADFD	(~0UL - 1)	/* -1, no file at all */
#define PMADV_MAX_RANGES 8

/*
 * SETRLIMIT sets a limit on what the scenario maps: a native agent
 * maps its own code, heap and stack besides, so it adds those (what
 * counts against RLIMIT_AS, RLIMIT_DATA or RLIMIT_MEMLOCK outside the
 * scenario's mappings) to the limit it asks the kernel for.  Limits
 * are in bytes, ~0UL is RLIM_INFINITY.
 */

enum bop {
#define X(name, doc) BOP_##name,
	BACKEND_OPS(X)
#undef X
	BOP__COUNT
};

#define BCMD_STR_MAX 256

struct bcmd {
	enum bop op;
	int proc;			/* process id; main is 0 */
	unsigned long a[6];
	char str[BCMD_STR_MAX];
	/* the scenario expects it to block (=> blocks): wait a grace only */
	bool may_block;
};

enum bres_kind {
	BRES_OK,
	BRES_ERRNO,	/* code = positive errno */
	BRES_SIGNAL,	/* code = SIGSEGV / SIGBUS */
	BRES_VALUE,	/* value */
	BRES_WORD,	/* text: one short word ("mixed") */
	BRES_TEXT,	/* text: a /proc file */
	BRES_UNSUPPORTED, /* the backend cannot answer; text says why */
	BRES_REFUSED,	/* the host must not run it (native_guard.c); text says why */
	BRES_BLOCKS,	/* it never completes: the process waits for ever in the
			 * kernel (model: SYSCALL_BLOCKS; native: a command
			 * with may_block unanswered after NAT_BLOCKS_GRACE_MS,
			 * every agent then killed) */
};

struct bres {
	enum bres_kind kind;
	int code;
	uint64_t value;
	char *text;	/* malloc'd, owned by the result; free with bres_clear */
};

void bres_clear(struct bres *r);

struct backend;

/*
 * How the model's invariants are checked (--check=): after every command
 * what it changed, with a full check every so many commands and at the
 * end (the default); a full check after every command; or never.
 */
enum check_mode { CHECK_OFF, CHECK_INCREMENTAL, CHECK_FULL,
	CHECK_CROSS,	/* testing aid (fuzz): both, and they must agree */
};

struct backend_ops {
	const char *name;		/* "model" or "native" */
	/* Start with one process (id 0, "main") in the given profile. */
	int (*open)(struct backend **out, const struct mmsim_profile *profile);
	void (*close)(struct backend *b);
	void (*exec)(struct backend *b, const struct bcmd *c, struct bres *r);
	/*
	 * Model: check the invariants as @mode says (interp.h), after a
	 * command or, with @final, once the scenario has ended; 0 or
	 * -EUCLEAN with *msg set (owned by b), or 1 with *msg set where the
	 * break is a modelled kernel's own bug, reproduced on purpose
	 * (mmsim_kernel_bug()).  Native: NULL.
	 */
	int (*check)(struct backend *b, int mode, bool final, const char **msg);
	/*
	 * The next process (id) the OOM killer killed since the last
	 * call, or -1; it is gone (its pins released).  NULL: never.
	 */
	int (*killed)(struct backend *b);
	/*
	 * NULL while the backend answers; once a command has missed its
	 * deadline, why (the host did not answer: its processes are gone and
	 * every later command fails).  NULL: never.
	 */
	const char *(*timed_out)(struct backend *b);
};

extern const struct backend_ops model_backend;
/* RAM of the model backend's machine; 0 means the library's default. */
extern unsigned long model_backend_ram_bytes;
/*
 * For the allocation-failure sweep (tests/tools/faultsim.c): make the
 * Nth allocation after process main exists fail (0: none), and, at the
 * end, release every process, file and pin and run the leak check.
 */
extern unsigned long model_backend_fail_nth;
struct machine *model_backend_machine(struct backend *b);
int model_backend_release_all(struct backend *b, const char **msg);
/*
 * The model backend's design switches (include/mmsim/design.h): the
 * words set before the first command (NULL: the 6.18 defaults), whether
 * they pin their switches (`mmsim compare`), and the switches the last
 * closed machine consulted.
 */
extern const char *model_backend_design;
extern bool model_backend_design_pin;
extern unsigned int model_backend_touched;
extern const struct backend_ops native_backend;
/* The native agents' memory limit in bytes; 0: half of the host's RAM. */
extern unsigned long native_backend_mem_limit;
/*
 * Seconds the native backend waits for each command's answer (--timeout;
 * default 10, at most NAT_TIMEOUT_MAX); 0: for ever.
 */
#define NAT_TIMEOUT_MAX 86400
extern unsigned int native_backend_timeout;

/*
 * native_probe_profile - the host kernel's configuration where it differs
 * from the kernel's defaults (zero page on anonymous read faults,
 * soft-dirty compiled in, the THP settings).  Probed once, in this
 * process, on two small mappings it unmaps again (the THP settings are
 * read from sysfs, never written).
 */
int native_probe_profile(struct mmsim_profile *p);
/* The host's /sys/kernel/mm/transparent_hugepage settings into @p. */
void native_probe_thp(struct mmsim_profile *p);
/* The queue limits of the disk under /var/tmp into @p (native_disk.c). */
void native_probe_disk(struct mmsim_profile *p);

/* The start of the arena every scenario mapping lives in. */
#define ARENA_START	0x100000000000UL
#define ARENA_SLOT	(1UL << 30)
#define ARENA_SIZE	(64UL << 30)

#endif /* MMSIM_TOOLS_BACKEND_H */
