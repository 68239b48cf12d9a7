# mprotect-readonly on each kind of VMA (anonymous private and shared, memfd shared
# and private, locked, PROT_NONE, read-only, /dev/zero private and shared,
# the perf ring): results, accesses after, and the VMAs, as the host kernel
# gives them (generated with mmsim diff -v, which agreed).
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
mprotect a+1p 1p r-- => ok
write a+1p 7 => SIGSEGV
read a+1p => 0x01
mprotect s+1p 1p r-- => ok
write s+1p 7 => SIGSEGV
read s+1p => 0x00
mprotect fs+1p 1p r-- => ok
write fs+1p 7 => SIGSEGV
read fs+1p => 0x05
mprotect fp+1p 1p r-- => ok
write fp+1p 7 => SIGSEGV
read fp+1p => 0x09
mprotect l+1p 1p r-- => ok
write l+1p 7 => SIGSEGV
read l+1p => 0x00
mprotect n+1p 1p r-- => ok
write n+1p 7 => SIGSEGV
read n+1p => 0x00
mprotect r+1p 1p r-- => ok
write r+1p 7 => SIGSEGV
read r+1p => 0x00
mprotect zp+1p 1p r-- => ok
write zp+1p 7 => SIGSEGV
read zp+1p => 0x00
mprotect zs+1p 1p r-- => ok
write zs+1p 7 => SIGSEGV
read zs+1p => 0x00
mprotect pr+1p 1p r-- => EINVAL
write pr+1p 7 => SIGBUS
read pr+1p => 0x00
maps =>
| 100000000000-100000001000 rw-p 00000000
| 100000001000-100000002000 r--p 00000000
| 100000002000-100000004000 rw-p 00000000
| 100040000000-100040001000 rw-s 00000000 /dev/zero (deleted)
| 100040001000-100040002000 r--s 00001000 /dev/zero (deleted)
| 100040002000-100040004000 rw-s 00002000 /dev/zero (deleted)
| 100080000000-100080001000 rw-s 00000000 /memfd:m (deleted)
| 100080001000-100080002000 r--s 00001000 /memfd:m (deleted)
| 100080002000-100080004000 rw-s 00002000 /memfd:m (deleted)
| 1000c0000000-1000c0001000 rw-p 00000000 /memfd:m (deleted)
| 1000c0001000-1000c0002000 r--p 00001000 /memfd:m (deleted)
| 1000c0002000-1000c0004000 rw-p 00002000 /memfd:m (deleted)
| 100100000000-100100001000 rw-p 00000000
| 100100001000-100100002000 r--p 00000000
| 100140000000-100140001000 ---p 00000000
| 100140001000-100140002000 r--p 00000000
| 100180000000-100180002000 r--p 00000000
| 1001c0000000-1001c0001000 rw-p 00000000 /dev/zero
| 1001c0001000-1001c0002000 r--p 00001000 /dev/zero
| 100200000000-100200001000 rw-s 00000000 /dev/zero (deleted)
| 100200001000-100200002000 r--s 00001000 /dev/zero (deleted)
| 100240000000-100240003000 rw-s 00000000 anon_inode:[perf_event]
