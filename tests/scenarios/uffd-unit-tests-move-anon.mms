# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case move on anon
# (MAP_PRIVATE anonymous, THP kept off the source): the monitor answers
# each missing fault of the destination with UFFDIO_MOVE of the source's
# page.  The page itself moves - the destination reads what the source
# held, exclusively mapped, and the source is left empty (a read there
# maps the zero page).  A page shared with a child since fork cannot be
# moved (EBUSY) until it is exclusive again.
mmap src 3p rw- private
mmap dst 3p rw- private
madvise src 3p nohugepage
madvise src 3p dontfork
uffd_api move
uffd_register dst 3p missing ioctls => wake copy zeropage move poison
write src 0x01 4096
write src+1p 0x02 4096
write src+2p 0x03 4096
read dst => uffd-missing
uffd_move dst src 1p
read dst 4096 => 0x01
pagemap dst => present excl
pagemap src => none
read src => 0
read dst+1p => uffd-missing
uffd_move dst+1p src+1p 1p
read dst+1p 4096 => 0x02
read src+1p => 0
# the destination must be empty, and the source must hold a page
uffd_move dst+1p src+2p 1p => EEXIST
madvise src 3p dofork
fork child
uffd_move dst+2p src+2p 1p => EBUSY
@child exit
write src+2p 0x04
uffd_move dst+2p src+2p 1p
read dst+2p => 0x04
pagemap dst+2p => present excl
uffd_move dst+2p src+2p 1p => EEXIST
madvise dst+2p 1p dontneed
uffd_move dst+2p src+2p 1p => ENOENT
uffd_move dst+2p src+2p 1p allow_src_holes
pagemap dst+2p => none
