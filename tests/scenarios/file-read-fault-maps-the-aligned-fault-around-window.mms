# A read fault on an uncached page of a file reads it in with its
# neighbours (read-around), drops the mmap lock for the I/O and is taken
# again: the second try maps the cached pages of the aligned 16-page
# fault-around window, read-only.  A write fault maps only its own page.
file f 64p
mmap p 64p rw- shared file=f
read p+20p => 0
pagemap p+15p => none
pagemap p+16p => present file excl
pagemap p+20p => present file excl
pagemap p+31p => present file excl
pagemap p+32p => none
smaps p Rss => 64 kB
write p+40p 1
pagemap p+39p => none
pagemap p+40p => present file excl
pagemap p+41p => none
smaps p Rss => 68 kB
