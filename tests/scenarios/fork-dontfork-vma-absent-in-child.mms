# Rule (kernel/fork.c dup_mmap, VM_DONTCOPY): a VMA marked MADV_DONTFORK is
# not copied into the child: the child has no mapping there (SIGSEGV).
mmap a 2p rw- private
write a 0x11 2p
madvise a+1p 1p dontfork
fork child
@child read a => 0x11
@child read a+1p => SIGSEGV
@child maps =>
| 100000000000-100000001000 rw-p 00000000
