require model
# UFFDIO_MOVE of pages of an mTHP (a PTE-mapped large folio): each page
# moves alone, so move_pages_pte() splits the folio first (split_folio,
# Linux 6.8; pages left all zero become the shared zero page), whether
# the range covers the folio or not.  Model-only: the host's mTHP sizes
# are all never and a scenario may not change them (the PMD THP case,
# host-verified, is uffd-move-thp-whole-or-split).
profile thp_2048k=never thp_64k=always
uffd_api move
mmap src 64k rw- private
write src 1 64k
pagemap src+15p => present excl
mmap dst 128k rw- private
uffd_register dst 128k missing
uffd_move dst src 64k
read dst 64k => 1
pagemap src => none
pagemap src+15p => none
pagemap dst+15p => present excl
smaps dst Rss => 64 kB
# part of a folio; the zero-filled rest maps the zero page
mmap z 64k rw- private
write z 0 64k
write z+1p 3
pagemap z+15p => present excl
uffd_move dst+16p z+1p 1p
read dst+16p => 3
smaps z Rss => 0 kB
pagemap z => present
pagemap z+1p => none
# shared since fork: EBUSY until a write makes the page exclusive again
mmap f 64k rw- private
write f 5 64k
fork child
uffd_move dst+17p f 1p => EBUSY
@child exit
write f 6
uffd_move dst+17p f 1p
read dst+17p => 6
