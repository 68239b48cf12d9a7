# Found by the fuzzer (cross mode): a uffd-wp marker left by registering
# again in minor mode only, which Linux 6.18 keeps; the checker had called
# it broken, and smaps did not print VM_UFFD_MINOR (ui).
# munlock of the middle page of an mlocked VMA clears VM_LOCKED there only,
# splitting the VMA in three; Locked counts only the locked VMAs' pages.
mmap a 3p rw- private
mlock a 3p
munlock a+1p 1p
mmap mem 20p r-- private
memfd f 1p
mmap a 1p rw- private file=f
uffd_api pagefault_flag_wp,wp_hugetlbfs_shmem,missing_shmem,minor_shmem,missing_hugetlbfs,minor_hugetlbfs
uffd_register a 1p 0 ioctls => EINVAL
write a 0x11 3p
uffd_unregister a 1p
uffd_register a 1p wp ioctls => wake copy zeropage move poison writeprotect
uffd_unregister a 1p
uffd_register a 1p missing,minor ioctls => wake copy zeropage move poison continue
uffd_unregister a 1p
uffd_register a 2p wp
mincore 0x100040001000 511p
pagemap a => swapped uffd-wp
uffd_unwp a 1p
pagemap a => none
madvise 0x100180001000 2p willneed
uffd_wp a 1p
madvise a 1p dontneed
pagemap a => none
write a 1
pagemap a => present excl
madvise a 1p dontneed
uffd_wp a 1p
read a => 0
pagemap a => present uffd-wp
write a 2 => uffd-wp
madvise a 1p dontneed
gup_get R39 a 1p
uffd_unwp a 1p
pagemap a => none
madvise 0x100180001000 2p willneed
uffd_wp a 1p
madvise a 1p dontneed
uffd_register a 1p minor ioctls => wake copy zeropage move poison continue
munmap a+1p 1p
mmap src 4p rw- private
gup_get R37 a 1p
gup_get R38 a 1p
pagemap a => none
gup_get R40 a 1p
gup_get R41 a 1p
