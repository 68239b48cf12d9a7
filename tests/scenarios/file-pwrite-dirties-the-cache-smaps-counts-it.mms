# pwrite dirties the page cache: a clean read-only entry to a dirty folio
# counts as dirty in smaps (the folio's flag, not only the entry's bit);
# fsync cleans it.
file f 1p
pwrite f 0 0x33 1p
mmap p 1p r-- shared file=f
read p 1p => 0x33
smaps p Private_Dirty => 4 kB
fsync f
smaps p Private_Dirty => 0 kB
smaps p Private_Clean => 4 kB
