# Rule (mm/gup.c follow_page_pte, FOLL_TOUCH with FOLL_WRITE): a read fault
# maps a shmem page writable but clean (no write-notify), so
# MADV_POPULATE_WRITE finds the entry writable and does not fault; it
# marks the page dirty instead, as any GUP for writing does over a clean
# entry.  smaps counts the page dirty; MADV_POPULATE_READ leaves it clean.
# mmsim difffuzz --seed=2290 found the model leaving it clean.
mmap a 4p rw- shared
read a
read a+1p
smaps a Private_Clean => 8 kB
madvise a 1p populate_read
smaps a Private_Dirty => 0 kB
madvise a 2p populate_write
smaps a Private_Dirty => 8 kB
madvise a 4p populate_write
smaps a Private_Dirty => 16 kB
smaps a Private_Clean => 0 kB
