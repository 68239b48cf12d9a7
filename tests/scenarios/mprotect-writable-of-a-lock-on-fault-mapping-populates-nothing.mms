# Rule (mm/mprotect.c mprotect_fixup, mm/gup.c populate_vma_page_range):
# a locked private mapping made writable is populated at once to break
# COW - but not one locked on fault (MLOCK_ONFAULT), which
# populate_vma_page_range() leaves alone: its pages still come as they
# are touched.  mmsim difffuzz --seed=8811 found the model populating it.
mmap a 4p r-- private
mlock a 4p onfault
mprotect a 2p rw-
smaps a Rss => 0 kB
mincore a 4p => 0000
write a 1
smaps a Locked => 4 kB
mmap b 4p r-- private
mlock b 4p
smaps b Rss => 0 kB
mprotect b 2p rw-
smaps b Rss => 8 kB
pagemap b => present excl
