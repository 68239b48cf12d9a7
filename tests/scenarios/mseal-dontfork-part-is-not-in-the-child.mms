# MADV_DONTFORK is allowed on a sealed VMA that is not read-only anonymous
# memory (it discards nothing here); the child then has nothing at that
# page, sealed or not, while the rest stays sealed in both.  The model's
# record of the seal was copied whole to the child, and its checker found
# the uncopied page "unmapped" (found by the fuzzer).  Host-verified.
mmap p 4p r-- shared
mseal p 4p
madvise p+1p 1p dontfork
fork c
@c read p+1p => SIGSEGV
@c read p+2p => 0
@c munmap p+2p 1p => EPERM
@c mprotect p 1p rw- => EPERM
munmap p+1p 1p => EPERM
maps =>
| 100000000000-100000001000 r--s 00000000 /dev/zero (deleted)
| 100000001000-100000002000 r--s 00001000 /dev/zero (deleted)
| 100000002000-100000004000 r--s 00002000 /dev/zero (deleted)
@c maps =>
| 100000000000-100000001000 r--s 00000000 /dev/zero (deleted)
| 100000002000-100000004000 r--s 00002000 /dev/zero (deleted)
