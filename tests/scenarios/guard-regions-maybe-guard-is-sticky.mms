# VM_MAYBE_GUARD (smaps "gu") is set on the whole VMA by guard_install, is
# not cleared by guard_remove, and is sticky: it does not stop a merge and
# the merged VMA keeps it (6.19 "make it sticky", backported to the host's
# 6.18.y).  Install refuses mlock()ed VMAs (EINVAL).  Host-verified.
mmap a 4p rw- private
mmap b 4p r-- private at=a+4p
madvise a 1p guard_install
smaps a VmFlags => rd wr mr mw me gu ac
smaps b VmFlags => rd mr mw me
mprotect b 4p rw-
maps =>
| 100000000000-100000008000 rw-p 00000000
smaps b VmFlags => rd wr mr mw me gu ac
mmap c 4p rw- private at=a+8p
maps =>
| 100000000000-10000000c000 rw-p 00000000
smaps c VmFlags => rd wr mr mw me gu ac
madvise a 12p guard_remove
smaps a VmFlags => rd wr mr mw me gu ac
mlock a+1p 1p
madvise a+1p 1p guard_install => EINVAL
madvise a+2p 1p guard_install
read a+1p => 0x00
read a+2p => SIGSEGV
