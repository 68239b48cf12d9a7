# map_populate.c: MAP_PRIVATE | MAP_POPULATE of a file breaks COW at
# once (the pages are populated for writing), so a later write through a
# shared mapping of the file does not show in the private one.  A regular
# file, as the test's tmpfile.
file f 1p
mmap smap 1p rw- shared file=f
write smap 0xbe
msync smap 1p sync
fork child
@child mmap cmap 1p rw- private,populate file=f
@child read cmap => 0xbe                 # the mapping state
write smap 0xad
msync smap 1p sync
@child read cmap => 0xbe                 # MAP_POPULATE COWed the private page
@child pagemap cmap => present excl      # an anonymous copy, not the file's page
pread f 0 => 0xad
