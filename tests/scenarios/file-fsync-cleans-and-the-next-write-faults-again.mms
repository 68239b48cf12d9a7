# fsync writes the dirty pages back: folio_mkclean write-protects and
# cleans every shared entry first, so the next store faults into
# ->page_mkwrite and dirties the page again.  mprotect must not make such
# an entry writable without that fault: the store after mprotect r--/rw-
# is written back by the next fsync (were it not noticed, its page would
# stay dirty behind writeback's back, Private_Dirty 4 kB).
file f 1p
mmap p 1p rw- shared file=f
write p 1
smaps p Private_Dirty => 4 kB
fsync f
smaps p Private_Dirty => 0 kB
smaps p Private_Clean => 4 kB
write p 2
smaps p Private_Dirty => 4 kB
fsync f
mprotect p 1p r--
mprotect p 1p rw-
write p 3
smaps p Private_Dirty => 4 kB
fsync f
smaps p Private_Dirty => 0 kB
pread f 0 => 3
