# Found by the fuzzer (cross mode): wp mode registered again over an entry
# whose stale uffd-wp bit a write fault had made writable; Linux 6.18
# does the same (writes then reach no monitor), mmsim_note_kernel_bug().
# Truncation zaps every mapping of the pages it drops, private COW copies
# included (truncate_pagecache): both mappings then SIGBUS past the end;
# growing the file again brings back zeroes (a hole), not the old data.
file f 2p
pwrite f 0 0x11 2p
mmap s 2p rw- shared file=f
mmap q 2p rw- private file=f
read s+1p => 0x11
write q+1p 0x22
read q+1p => 0x22
# the host; the model's checker allows a writable uffd-wp entry only in
# a VMA that no longer tracks writes.  Base pages, then a THP whose PMD
# uffd_wp split.
require thp=madvise
mmap a 4p rw- private
write a 0x11 4p
uffd_register a 4p wp
uffd_wp a 2p
pagemap a+1p => present excl uffd-wp
uffd_register a 4p missing
write a+1p 0x22 => uffd-wp
smaps a VmFlags => rd wr mr mw me ac um
munlockall
smaps a VmFlags => rd wr mr mw me ac um
munlockall
write a+1p 0x22
read a+1p => 0x22
pagemap a+1p => present excl uffd-wp
write a+1p 0x33
read a+1p => 0x33
mmap t 4m rw- private at=0x200000000000
madvise t 4m hugepage
write t+3p 3 1p
smaps t AnonHugePages => 2048 c
uffd_register t 4m
uffd_wp t 1m
pagemap t+2p => present excl uffd-wp
uffd_register t 4p missing
write t+2p 1
pagemap t+2p => present excl uffd-wp
read t+2p => 0x01
# the host; the model's checker allows a writable uffd-wp entry only in
# a VMA that no longer tracks writes.  Base pages, then a THP whose PMD
# uffd_wp split.
require thp=madvise
mmap a 4p rw- private
write a 0x11 4p
uffd_register a 4p wp
uffd_wp a 2p
pagemap a+1p => present excl uffd-wp
uffd_register a 4p missing
write a+1p 0x22 => uffd-wp
smaps a VmFlags => rd wr mr mw me ac um
munlockall
write a+1p 0x22
read a+1p => 0x22
pagemap a+1p => present excl uffd-wp
write a+1p 0x33
read a+1p => 0x33
mmap t 4m rw- private at=0x200000000000
madvise t 4m hugepage
write t+3p 3 1p
smaps t AnonHugePages => 2048 c
uffd_register t 4m
