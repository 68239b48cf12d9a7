# /proc/PID/clear_refs 1 makes a PMD-mapped THP's entry old and clears its
# folio's referenced flag, as it does for PTEs: smaps Referenced drops
# from the whole 2 MiB to nothing (the walk's pmd_entry handles the leaf).
require thp=madvise thp_2048k=inherit
mmap a 2m rw- private
madvise a 2m hugepage
touch a 2m w
smaps a AnonHugePages => 2048 kB
smaps a Referenced => 2048 kB
clear_refs 1
smaps a Referenced => 0 kB
smaps a AnonHugePages => 2048 kB
