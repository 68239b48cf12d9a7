# A shared writable mapping of a file that writes back wants write-notify:
# a read fault maps the cached pages around it read-only and clean (here
# both pages: read-ahead caches them, fault-around maps them); the first
# store to a page faults into ->page_mkwrite, which dirties it.
file f 2p
mmap p 2p rw- shared file=f
read p => 0
smaps p Rss => 8 kB
smaps p Private_Clean => 8 kB
smaps p Private_Dirty => 0 kB
pagemap p+1p => present file excl
write p 0x11
smaps p Private_Dirty => 4 kB
smaps p Private_Clean => 4 kB
pread f 0 => 0x11
smaps p VmFlags => rd wr sh mr mw me ms
