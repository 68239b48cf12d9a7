# Found by the fuzzer (cross mode): a write after re-registering without
# wp mode made a stale uffd-wp entry writable, as Linux 6.18 does; the
# checker had called that broken.
# map_populate.c: MAP_PRIVATE | MAP_POPULATE of a file breaks COW at
# once (the pages are populated for writing), so a later write through a
# shared mapping of the file does not show in the private one.  A regular
# file, as the test's tmpfile.
file f 1p
mmap smap 1p rw- shared file=f
write smap 0xbe
msync smap 1p sync
fork child
@child mmap cmap 1p rw- private,populate file=f
@child read cmap => 0xbe                 # the mapping state
write smap 0xad
# an mlock()ed VMA is not replaced, nor any when the zero page is not used
# (profile zero_page=off).  Model-only: the host has no soft-dirty, and
# the model's userfaultfd and deferred split commands have no host side.
profile thp=madvise thp_2048k=inherit soft_dirty=on
mmap a 4m rw- private
mremap 0 513p 6p to=a+1
touch a 4m w
write a+3p 3 1p
uffd_register a 4m
uffd_wp a 1m
pagemap a => present excl uffd-wp soft-dirty
uffd_register a 4p missing ioctls => wake copy zeropage move poison
read a => uffd-missing
uffd_poison a 1p
read a => SIGBUS
read a+1p => uffd-missing
uffd_copy a+1p 1p 0
read a+1p 4096 => 0
read a+2p => uffd-missing
uffd_poison a+2p 1p
read a+2p => SIGBUS
write a+2p 1 => SIGBUS
read a+3p => uffd-missing
uffd_copy a+3p 1p 0
read a+3p 4096 => 0
pagemap a => swapped
pagemap a+1p => present excl
uffd_poison a 1p => EEXIST
uffd_zeropage a+2p 1p => EEXIST
uffd_poison a+3p 1p => EEXIST
