/* SPDX-License-Identifier: GPL-2.0 */
/*
 * commands.h - the one list of scenario commands.  The interpreter's
 * dispatch table and `mmsim help` are both generated from it.
 *
 * X(name, handler, min_args, max_args, usage, summary)
 * Argument counts exclude the command word, the `@PROC` prefix and
 * the expectation.
 */
#ifndef MMSIM_TOOLS_COMMANDS_H
#define MMSIM_TOOLS_COMMANDS_H

#define SCENARIO_COMMANDS(X)						\
	X(mmap, cmd_mmap, 4, 7,						\
	  "mmap NAME LEN PROT FLAGS [file=F] [off=N] [at=ADDR]",	\
	  "map LEN bytes; FLAGS: private|shared|shared_validate|droppable,"	\
	  "populate,noreserve,locked,fixed,noreplace")			\
	X(mmap_hint, cmd_mmap_hint, 4, 6,				\
	  "mmap_hint ADDR LEN PROT FLAGS [touch] [unmap]",		\
	  "anonymous mmap with ADDR as a hint: hint, low or high (below or above 2^47)") \
	X(munmap, cmd_munmap, 2, 2, "munmap ADDR LEN", "unmap a range")	\
	X(mprotect, cmd_mprotect, 3, 3, "mprotect ADDR LEN PROT",	\
	  "change the protection of a range")				\
	X(mremap, cmd_mremap, 3, 7,					\
	  "mremap ADDR OLDLEN NEWLEN [maymove] [dontunmap] [to=ADDR] [as=NAME]", \
	  "resize or move a mapping; to= needs maymove, as= binds the result") \
	X(madvise, cmd_madvise, 3, 3, "madvise ADDR LEN ADVICE",	\
	  "dontneed dontfork dofork wipeonfork keeponfork willneed normal " \
	  "random sequential hugepage nohugepage populate_read populate_write " \
	  "guard_install guard_remove free remove cold pageout collapse") \
	X(split_huge_pages, cmd_split_huge_pages, 2, 3,		\
	  "split_huge_pages ADDR LEN [order=N]",			\
	  "debugfs split_huge_pages: split the THPs in the range to order N (default 0)") \
	X(mseal, cmd_mseal, 2, 2, "mseal ADDR LEN",			\
	  "seal a range against munmap, mremap, mprotect and discarding") \
	X(mlock, cmd_mlock, 2, 3, "mlock ADDR LEN [onfault]",		\
	  "lock a range (onfault: mlock2 MLOCK_ONFAULT, locked as faulted)") \
	X(munlock, cmd_munlock, 2, 2, "munlock ADDR LEN", "unlock a range") \
	X(mlockall, cmd_mlockall, 1, 1, "mlockall current,future,onfault", \
	  "lock what is mapped (current) and what will be (future)")	\
	X(munlockall, cmd_munlockall, 0, 0, "munlockall",		\
	  "unlock everything and stop locking new mappings")		\
	X(mincore, cmd_mincore, 2, 2, "mincore ADDR LEN",		\
	  "residency of each page: a word of 0s and 1s")		\
	X(msync, cmd_msync, 3, 3, "msync ADDR LEN sync|async|invalidate", \
	  "msync(2) with these flags (comma-joined)")			\
	X(setrlimit, cmd_setrlimit, 2, 3, "setrlimit as|data|memlock CUR [MAX]", \
	  "set a limit on the process's mappings (bytes or unlimited)")	\
	X(capability, cmd_capability, 2, 2, "capability ipc_lock|sys_nice|sys_rawio on|off", \
	  "raise or drop CAP_IPC_LOCK (root has it: RLIMIT_MEMLOCK ignored), CAP_SYS_NICE or CAP_SYS_RAWIO") \
	X(prctl, cmd_prctl, 1, 5, "prctl mdwe [BITS] [ARG...] | prctl get_mdwe [ARG...] | " \
	  "prctl thp_disable|thp_enable [FLAGS] [ARG...] | prctl get_thp_disable [ARG...]", \
	  "PR_SET_MDWE (BITS: no_inherit, none or N) / PR_GET_MDWE; " \
	  "PR_SET_THP_DISABLE (FLAGS: except_advised, none or N) / PR_GET_THP_DISABLE") \
	X(memfd, cmd_memfd, 2, 4, "memfd F SIZE [sealing] [noexec|exec]", \
	  "create a memfd named F of SIZE bytes")			\
	X(memfd_secret, cmd_memfd_secret, 1, 2, "memfd_secret F [flags=N]", \
	  "F: a secretmem file of size 0 (memfd_secret(2))")		\
	X(file, cmd_file, 2, 2, "file F SIZE",				\
	  "a new unlinked regular file F of SIZE bytes on a disk filesystem (O_TMPFILE)") \
	X(fsync, cmd_fsync, 1, 1, "fsync F",				\
	  "write back the dirty pages of file F (fsync(2))")		\
	X(reopen, cmd_reopen, 3, 3, "reopen G F rdonly|wronly|rdwr[,trunc]", \
	  "G: F opened again through /proc/self/fd/N, in this mode")	\
	X(seal, cmd_seal, 2, 2,						\
	  "seal F seal,shrink,grow,write,future_write,exec",		\
	  "add seals to memfd F (F_ADD_SEALS)")				\
	X(seals, cmd_seals, 1, 1, "seals F",				\
	  "the seals of memfd F as words (F_GET_SEALS), or none")	\
	X(fallocate, cmd_fallocate, 3, 4,				\
	  "fallocate F OFF LEN [keep_size,punch_hole]",			\
	  "allocate a range of F, or punch a hole in it")		\
	X(sysread, cmd_sysread, 4, 4, "sysread F OFF ADDR LEN",	\
	  "pread(2) into memory at ADDR: the count, short at a fault")	\
	X(syswrite, cmd_syswrite, 4, 4, "syswrite F OFF ADDR LEN",	\
	  "pwrite(2) from memory at ADDR: the count, short at a fault")	\
	X(ftruncate, cmd_ftruncate, 2, 2, "ftruncate F SIZE",		\
	  "set the size of file F")					\
	X(pwrite, cmd_pwrite, 3, 4, "pwrite F OFF BYTE [LEN]",		\
	  "write LEN (default 1) copies of BYTE at OFF through the page cache") \
	X(pread, cmd_pread, 2, 2, "pread F OFF",			\
	  "the byte at OFF (or eof)")					\
	X(open, cmd_open, 2, LEX_MAX_TOKENS - 1,			\
	  "open F DEVICE [key=value...]", "open a device: perf, zero, ...") \
	X(close, cmd_close, 1, 1, "close F", "close file F")		\
	X(write, cmd_write, 2, 3, "write ADDR BYTE [LEN]",		\
	  "store BYTE into LEN bytes (default 1)")			\
	X(read, cmd_read, 1, 2, "read ADDR [LEN]",			\
	  "the byte at ADDR; with LEN, the byte if all equal, else mixed") \
	X(mem_write, cmd_mem_write, 2, 3, "mem_write ADDR BYTE [LEN]",	\
	  "write through /proc/self/mem (FOLL_FORCE: even read-only memory)") \
	X(touch, cmd_touch, 3, 4, "touch ADDR LEN r|w [every=N]",	\
	  "read (or write back) one byte in every page (every N bytes) of the range") \
	X(fork, cmd_fork, 1, 1, "fork NAME",				\
	  "create child NAME of the current process")			\
	X(exit, cmd_exit, 0, 0, "exit",				\
	  "the process exits; its mappings and pins go away")		\
	X(pin, cmd_pin, 3, 4, "pin NAME ADDR LEN [ro]",		\
	  "long-term pin (FOLL_PIN|FOLL_LONGTERM, FOLL_WRITE unless ro)") \
	X(unpin, cmd_unpin, 1, 1, "unpin NAME", "release pin NAME")	\
	X(maps, cmd_maps, 0, 1, "maps [--ruler]",			\
	  "the scenario's VMAs as START-END PERMS OFFSET [PATH]; --ruler draws them") \
	X(smaps, cmd_smaps, 2, 2, "smaps ADDR FIELD",			\
	  "one smaps field of the VMA holding ADDR (VmFlags as a word set)") \
	X(status, cmd_status, 1, 1, "status FIELD",			\
	  "one field of /proc/PID/status; sizes as differences after proc_mark") \
	X(statm, cmd_statm, 1, 1,					\
	  "statm size|resident|shared|text|lib|data|dt",		\
	  "one number of /proc/PID/statm (pages); a difference after proc_mark") \
	X(smaps_rollup, cmd_smaps_rollup, 1, 1, "smaps_rollup FIELD",	\
	  "one field of /proc/PID/smaps_rollup; a difference after proc_mark") \
	X(proc_mark, cmd_proc_mark, 0, 0, "proc_mark",			\
	  "baseline of status, statm, smaps_rollup: later values print as +N/-N") \
	X(pagemap, cmd_pagemap, 1, 1, "pagemap ADDR",			\
	  "pagemap bits as words: present swapped file excl uffd-wp "	\
	  "soft-dirty guard, or none")					\
	X(frame, cmd_frame, 3, 3, "frame ADDR @P ADDR2",		\
	  "same, different or absent: do both pages map one frame?")	\
	X(machine, cmd_machine, 1, 1, "machine ram=SIZE",		\
	  "the model's RAM (default 4g), before every command but require; " \
	  "the host's is its own")					\
	X(pidfd, cmd_pidfd, 2, 2, "pidfd F @P",				\
	  "F: a pidfd of process P (pidfd_open)")			\
	X(process_madvise, cmd_process_madvise, 2, 20,		\
	  "process_madvise self|badfd|F ADVICE [ADDR LEN]... [vlen=N] [flags=N]", \
	  "process_madvise(2) on the process a pidfd names: the bytes advised") \
	X(kill, cmd_kill, 1, 1, "kill @P",				\
	  "send SIGKILL to process P: it takes no more commands")	\
	X(process_mrelease, cmd_process_mrelease, 1, 2,		\
	  "process_mrelease badfd|F [flags=N]",				\
	  "process_mrelease(2): reap the memory of a killed process a pidfd names") \
	X(process_vm_readv, cmd_process_vm_readv, 3, 3,		\
	  "process_vm_readv @P ADDR LEN",				\
	  "process_vm_readv(2) of P's memory: the bytes read, or blocks") \
	X(map_files, cmd_map_files, 1, 1, "map_files NAME",		\
	  "readlink of /proc/PID/map_files/NAME ({ADDR} in NAME is its hex, \\s a blank)") \
	X(procmap_query, cmd_procmap_query, 1, 2, "procmap_query ADDR [FLAGS]", \
	  "the PROCMAP_QUERY ioctl: the VMA at ADDR (or after it) that fits FLAGS") \
	X(clear_refs, cmd_clear_refs, 1, 1, "clear_refs TYPE",		\
	  "write TYPE to /proc/PID/clear_refs (1-3: referenced, 4: soft-dirty)") \
	X(pagemap_scan, cmd_pagemap_scan, 2, 12,			\
	  "pagemap_scan ADDR LEN [mask=CATS] [anyof=CATS] [inverted=CATS] " \
	  "[return=CATS] [flags=wp,check_wpasync] [max_pages=N] [vec_len=N] " \
	  "[vec=null] [count]",						\
	  "the PAGEMAP_SCAN ioctl: regions START-END CATEGORIES and walk_end") \
	X(uffd_api, cmd_uffd_api, 1, 3, "uffd_api FEATURES [api=N] [dev]", \
	  "UFFDIO_API on the process's userfaultfd: wp_async, wp_unpopulated, ...") \
	X(uffd_register, cmd_uffd_register, 2, 4,			\
	  "uffd_register ADDR LEN [missing,wp,minor] [ioctls]",	\
	  "UFFDIO_REGISTER a range (mode wp unless given; ioctls: the result is uffdio_register.ioctls)") \
	X(uffd_unregister, cmd_uffd_unregister, 2, 2,			\
	  "uffd_unregister ADDR LEN", "UFFDIO_UNREGISTER a range")	\
	X(uffd_wp, cmd_uffd_wp, 2, 2, "uffd_wp ADDR LEN",		\
	  "UFFDIO_WRITEPROTECT: protect; a write then goes to the monitor") \
	X(uffd_unwp, cmd_uffd_wp, 2, 2, "uffd_unwp ADDR LEN",		\
	  "UFFDIO_WRITEPROTECT mode 0: resolve the write protection")	\
	X(uffd_copy, cmd_uffd_copy, 3, 4, "uffd_copy ADDR LEN BYTE [wp]", \
	  "UFFDIO_COPY: fill empty pages with BYTE (wp: UFFDIO_COPY_MODE_WP)") \
	X(uffd_zeropage, cmd_uffd_fill, 2, 2, "uffd_zeropage ADDR LEN",	\
	  "UFFDIO_ZEROPAGE: the zero page (shared shmem: a zeroed page) into empty pages") \
	X(uffd_poison, cmd_uffd_fill, 2, 2, "uffd_poison ADDR LEN",	\
	  "UFFDIO_POISON: poisoned markers in empty pages (an access is SIGBUS)") \
	X(uffd_continue, cmd_uffd_fill, 2, 3, "uffd_continue ADDR LEN [wp]", \
	  "UFFDIO_CONTINUE: map the shmem pages cached there (minor faults)") \
	X(uffd_move, cmd_uffd_move, 3, 4,				\
	  "uffd_move DST SRC LEN [allow_src_holes]",			\
	  "UFFDIO_MOVE: move anonymous pages from SRC to the registered DST") \
	X(require, cmd_require, 1, LEX_MAX_TOKENS - 1,			\
	  "require model|native | require KEY=VALUE...",		\
	  "skip the scenario (exit 77) on the other backend; KEY=VALUE: " \
	  "the model takes these profile settings, a host configured "	\
	  "otherwise skips (e.g. thp=madvise)")				\
	X(draw, cmd_draw, 1, 1, "draw NAME.svg",			\
	  "model only: write an SVG picture of every process's address space, " \
	  "page tables and shared frames")

/*
 * Model-only commands are not listed here: the library has the one list
 * (its own and its drivers', mmsim_ctl_command()); the interpreter
 * resolves bound names among the arguments and hands the line to
 * mmsim_ctl().  The host has no answer, so --native skips the scenario
 * (exit 77) and diff does not compare them.
 */

#endif /* MMSIM_TOOLS_COMMANDS_H */
