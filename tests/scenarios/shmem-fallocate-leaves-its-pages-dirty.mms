# Rule (mm/shmem.c shmem_fallocate): every page of the range is marked
# dirty, new or already cached, so that reclaim would swap it rather
# than drop it; a new one stays !uptodate until first used.  smaps
# shows it once a mapping maps it: a read fault on a hole caches a clean
# page, fallocate over it makes it dirty, and a private read-only mapping
# populated by mlock maps the fallocated pages dirty and the holes it
# fills clean.  Linux 6.18 on the host.
memfd f 8p
mmap a 8p r-- shared file=f
read a+1p => 0x00
smaps a Private_Clean => 4 kB
fallocate f 0 4p
smaps a Private_Clean => 0 kB
smaps a Private_Dirty => 4 kB
mmap b 8p r-- private file=f
mlock b 8p
smaps b Private_Dirty => 12 kB
smaps b Shared_Dirty => 4 kB
smaps b Private_Clean => 16 kB
mincore b 8p => 11111111
