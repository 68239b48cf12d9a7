# Unmapping a page-cache page whose entry is young counts as a use of
# the page (zap_present_folio_ptes(): folio_mark_accessed() for a file
# folio, unless the VMA is advised sequential or random).  Another
# mapping whose entry is old then shows it Referenced.
memfd f 2p
mmap b 2p r-- shared file=f
mmap a 2p r-- shared file=f
touch b 2p r
clear_refs 1
smaps b Referenced => 0 kB
touch a 1p r
munmap a 1p
smaps b Referenced => 4 kB
mmap s 2p r-- shared file=f
madvise s 2p sequential
touch s+1p 1p r
munmap s 2p
smaps b Referenced => 4 kB
