# mlock over a range with a hole fails with ENOMEM, but (like mprotect) the
# VMAs before the hole are already VM_LOCKED; those after it are not, and
# nothing is populated since do_mlock returns before __mm_populate.
mmap a 3p rw- private
munmap a+1p 1p
mlock a 3p => ENOMEM
smaps a VmFlags => rd wr mr mw me lo ac
smaps a+2p VmFlags => rd wr mr mw me ac
smaps a Rss => 0 kB
smaps a Locked => 0 kB
