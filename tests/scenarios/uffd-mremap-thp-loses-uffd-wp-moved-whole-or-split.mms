# mremap of a write-protected PMD THP without UFFD_FEATURE_EVENT_REMAP
# (Linux 6.13's clear_uffd_wp_pmd / move_ptes): moved whole to an
# aligned address, the PMD loses uffd-wp and stays a THP; to an
# unaligned one the PMD is split first and each moved PTE loses it.
require thp=madvise thp_2048k=inherit
uffd_api pagefault_flag_wp
mmap a 2m rw- private
madvise a 2m hugepage
write a 1 2m
smaps a AnonHugePages => 2048 kB
uffd_register a 2m wp
uffd_wp a 2m
mmap d 4m --- private
mremap a 2m 2m maymove to=d+1p as=b
smaps b AnonHugePages => 0 kB
pagemap b => present excl
pagemap b+511p => present excl
write b+3p 2
read b+3p => 2
mmap c 2m rw- private
madvise c 2m hugepage
write c 3 2m
uffd_register c 2m wp
uffd_wp c 2m
pagemap c+7p => present excl uffd-wp
mmap e 2m --- private
mremap c 2m 2m maymove to=e as=f
smaps f AnonHugePages => 2048 kB
pagemap f+7p => present excl
write f+7p 4
read f 2m => mixed
