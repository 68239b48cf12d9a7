require model
# Unmapping batches the PTEs of a large anon folio (zap_present_ptes with
# folio_pte_batch): a batch never runs past its folio, even where the next
# folio's frames follow on.  Two 16 kB mTHPs side by side, then DONTNEED
# from the middle of the first to the middle of the second: each folio
# keeps the half that is still mapped (mm_check counts every frame).
# Model-only: the host's mTHP sizes are all never and a scenario may not
# change them.
profile thp_2048k=never thp_16k=always
mmap a 32k rw- private
madvise a 32k hugepage
write a 0x01 32k
pagemap a+3p => present excl
pagemap a+4p => present excl
madvise a+2p 4p dontneed
pagemap a+1p => present excl
pagemap a+2p => none
pagemap a+5p => none
pagemap a+6p => present excl
read a+1p 1 => 0x01
read a+6p 1 => 0x01
read a+2p 1 => 0x00
munmap a 32k
