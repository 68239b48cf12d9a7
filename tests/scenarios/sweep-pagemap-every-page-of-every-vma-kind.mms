# Differential sweep: pagemap of every page of ten kinds of VMA, in the
# parent and in a forked child, and both processes' maps.
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
fork c
@c write a 3
smaps a Size
smaps a KernelPageSize
smaps a MMUPageSize
smaps a Rss
smaps a Pss
pagemap a+0
pagemap a+1p
pagemap a+2p
pagemap a+3p
pagemap s+0
pagemap s+1p
pagemap s+2p
pagemap s+3p
pagemap fs+0
pagemap fs+1p
pagemap fs+2p
pagemap fs+3p
pagemap fp+0
pagemap fp+1p
pagemap fp+2p
pagemap fp+3p
pagemap l+0
pagemap l+1p
pagemap l+2p
pagemap l+3p
pagemap n+0
pagemap n+1p
pagemap n+2p
pagemap n+3p
pagemap r+0
pagemap r+1p
pagemap r+2p
pagemap r+3p
pagemap zp+0
pagemap zp+1p
pagemap zp+2p
pagemap zp+3p
pagemap zs+0
pagemap zs+1p
pagemap zs+2p
pagemap zs+3p
pagemap pr+0
pagemap pr+1p
pagemap pr+2p
pagemap pr+3p
@c pagemap a+0
@c pagemap a+1p
@c pagemap a+2p
@c pagemap a+3p
@c pagemap s+0
@c pagemap s+1p
@c pagemap s+2p
@c pagemap s+3p
@c pagemap fs+0
@c pagemap fs+1p
@c pagemap fs+2p
@c pagemap fs+3p
@c pagemap fp+0
@c pagemap fp+1p
@c pagemap fp+2p
@c pagemap fp+3p
maps
@c maps
