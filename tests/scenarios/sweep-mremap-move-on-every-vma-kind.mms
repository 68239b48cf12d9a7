# mremap-move on each kind of VMA (anonymous private and shared, memfd shared
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
mremap a 1p 1p maymove to=0x100a00000000 => ok
read 0x100a00000000 => 0x01
mremap s 1p 1p maymove to=0x100a40000000 => ok
read 0x100a40000000 => 0x02
mremap fs 1p 1p maymove to=0x100a80000000 => ok
read 0x100a80000000 => 0x05
mremap fp 1p 1p maymove to=0x100ac0000000 => ok
read 0x100ac0000000 => 0x05
mremap l 1p 1p maymove to=0x100b00000000 => ok
read 0x100b00000000 => 0x00
mremap n 1p 1p maymove to=0x100b40000000 => ok
read 0x100b40000000 => SIGSEGV
mremap r 1p 1p maymove to=0x100b80000000 => ok
read 0x100b80000000 => 0x00
mremap zp 1p 1p maymove to=0x100bc0000000 => ok
read 0x100bc0000000 => 0x01
mremap zs 1p 1p maymove to=0x100c00000000 => ok
read 0x100c00000000 => 0x01
mremap pr 1p 1p maymove to=0x100c40000000 => EINVAL
read 0x100c40000000 => SIGSEGV
maps =>
| 100000001000-100000004000 rw-p 00000000
| 100040001000-100040004000 rw-s 00001000 /dev/zero (deleted)
| 100080001000-100080004000 rw-s 00001000 /memfd:m (deleted)
| 1000c0001000-1000c0004000 rw-p 00001000 /memfd:m (deleted)
| 100100001000-100100002000 rw-p 00000000
| 100140001000-100140002000 ---p 00000000
| 100180001000-100180002000 r--p 00000000
| 1001c0001000-1001c0002000 rw-p 00001000 /dev/zero
| 100200001000-100200002000 rw-s 00001000 /dev/zero (deleted)
| 100240000000-100240003000 rw-s 00000000 anon_inode:[perf_event]
| 100a00000000-100a00001000 rw-p 00000000
| 100a40000000-100a40001000 rw-s 00000000 /dev/zero (deleted)
| 100a80000000-100a80001000 rw-s 00000000 /memfd:m (deleted)
| 100ac0000000-100ac0001000 rw-p 00000000 /memfd:m (deleted)
| 100b00000000-100b00001000 rw-p 00000000
| 100b40000000-100b40001000 ---p 00000000
| 100b80000000-100b80001000 r--p 00000000
| 100bc0000000-100bc0001000 rw-p 00000000 /dev/zero
| 100c00000000-100c00001000 rw-s 00000000 /dev/zero (deleted)
