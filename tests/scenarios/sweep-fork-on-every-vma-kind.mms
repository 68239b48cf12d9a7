# fork, then the child reads and writes each kind of VMA: what each side
# sees, whether the two map one frame, and the parent's pagemap, as the host
# kernel gives them (generated with mmsim diff -v, which agreed).
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
fork c => ok
@c read a => 0x01
frame a @c a => same
@c write a 0x77 => ok
read a => 0x01
frame a @c a => different
pagemap a => present excl
@c read s => 0x02
frame s @c s => same
@c write s 0x77 => ok
read s => 0x77
frame s @c s => same
pagemap s => present file
@c read fs => 0x05
frame fs @c fs => same
@c write fs 0x77 => ok
read fs => 0x77
frame fs @c fs => same
pagemap fs => present file
@c read fp => 0x77
frame fp @c fp => same
@c write fp 0x77 => ok
read fp => 0x77
frame fp @c fp => different
pagemap fp => present file
@c read l => 0x00
frame l @c l => same
@c write l 0x77 => ok
read l => 0x00
frame l @c l => different
pagemap l => present excl
@c read n => SIGSEGV
frame n @c n => absent
@c write n 0x77 => SIGSEGV
read n => SIGSEGV
frame n @c n => absent
pagemap n => none
@c read r => 0x00
frame r @c r => same
@c write r 0x77 => SIGSEGV
read r => 0x00
frame r @c r => same
pagemap r => present
@c read zp => 0x01
frame zp @c zp => same
@c write zp 0x77 => ok
read zp => 0x01
frame zp @c zp => different
pagemap zp => present excl
@c read zs => 0x01
frame zs @c zs => same
@c write zs 0x77 => ok
read zs => 0x77
frame zs @c zs => same
pagemap zs => present file
@c read pr => SIGSEGV
frame pr @c pr => absent
@c write pr 0x77 => SIGSEGV
read pr => 0x01
frame pr @c pr => absent
pagemap pr => none
@c maps =>
| 100000000000-100000004000 rw-p 00000000
| 100040000000-100040004000 rw-s 00000000 /dev/zero (deleted)
| 100080000000-100080004000 rw-s 00000000 /memfd:m (deleted)
| 1000c0000000-1000c0004000 rw-p 00000000 /memfd:m (deleted)
| 100100000000-100100002000 rw-p 00000000
| 100140000000-100140002000 ---p 00000000
| 100180000000-100180002000 r--p 00000000
| 1001c0000000-1001c0002000 rw-p 00000000 /dev/zero
| 100200000000-100200002000 rw-s 00000000 /dev/zero (deleted)
