# madvise(keeponfork) on one page of each kind of VMA (anonymous private and
# shared, memfd shared and private, locked, PROT_NONE, read-only, /dev/zero
# private and shared, the perf ring): the result and the VMAs after, as the
# host kernel gives them (generated with mmsim diff -v, which agreed).
mmap a 4p rw- private
write a 1 2p
mmap s 4p rw- shared
write s 2 1p
memfd m 4p
pwrite m 0 5 2p
mmap fs 4p rw- shared file=m
read fs
mmap fp 4p rw- private file=m
read fp
write fp+1p 9
mmap l 2p rw- private,locked
mmap n 2p --- private
mmap r 2p r-- private
read r
open z zero
mmap zp 2p rw- private file=z
write zp 1
mmap zs 2p rw- shared file=z
write zs 1
open p perf
mmap pr 3p rw- shared file=p
write pr 1
madvise a 1p keeponfork => ok
madvise s 1p keeponfork => ok
madvise fs 1p keeponfork => ok
madvise fp 1p keeponfork => ok
madvise l 1p keeponfork => ok
madvise n 1p keeponfork => ok
madvise r 1p keeponfork => ok
madvise zp 1p keeponfork => ok
madvise zs 1p keeponfork => ok
madvise pr 1p keeponfork => ok
maps =>
| 100000000000-100000004000 rw-p 00000000
| 100040000000-100040004000 rw-s 00000000 /dev/zero (deleted)
| 100080000000-100080004000 rw-s 00000000 /memfd:m (deleted)
| 1000c0000000-1000c0004000 rw-p 00000000 /memfd:m (deleted)
| 100100000000-100100002000 rw-p 00000000
| 100140000000-100140002000 ---p 00000000
| 100180000000-100180002000 r--p 00000000
| 1001c0000000-1001c0002000 rw-p 00000000 /dev/zero
| 100200000000-100200002000 rw-s 00000000 /dev/zero (deleted)
| 100240000000-100240003000 rw-s 00000000 anon_inode:[perf_event]
