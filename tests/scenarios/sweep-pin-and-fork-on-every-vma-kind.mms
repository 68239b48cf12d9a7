# A long-term writable pin (io_uring fixed buffer on the host) of each kind
# of VMA, then fork: whether the pin is refused, and whether the child
# shares the pinned frame (it must not, for anonymous memory), as the host
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
mmap r 2p rw- private
write r 4 2p
mprotect r 2p r--
open z zero
mmap zp 2p rw- private file=z
write zp 1
mmap zs 2p rw- shared file=z
write zs 1
open p perf
mmap pr 3p rw- shared file=p
write pr 1
pin P0 a 1p => ok
fork c0 => ok
frame a @c0 a => different
pagemap a => present excl
@c0 exit => ok
pin P1 s 1p => ok
fork c1 => ok
frame s @c1 s => absent
pagemap s => present file excl
@c1 exit => ok
pin P2 fs 1p => ok
fork c2 => ok
frame fs @c2 fs => absent
pagemap fs => present file
@c2 exit => ok
pin P3 fp 1p => ok
fork c3 => ok
frame fp @c3 fp => different
pagemap fp => present excl
@c3 exit => ok
pin P4 l 1p => ok
fork c4 => ok
frame l @c4 l => different
pagemap l => present excl
@c4 exit => ok
pin P5 n 1p => EFAULT
fork c5 => ok
frame n @c5 n => absent
pagemap n => none
@c5 exit => ok
pin P6 r 1p => EFAULT
fork c6 => ok
frame r @c6 r => same
pagemap r => present
@c6 exit => ok
pin P7 zp 1p => ok
fork c7 => ok
frame zp @c7 zp => different
pagemap zp => present excl
@c7 exit => ok
pin P8 zs 1p => ok
fork c8 => ok
frame zs @c8 zs => absent
pagemap zs => present file excl
@c8 exit => ok
pin P9 pr 1p => EFAULT
fork c9 => ok
frame pr @c9 pr => absent
pagemap pr => none
@c9 exit => ok
