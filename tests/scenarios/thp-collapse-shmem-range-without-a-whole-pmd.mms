# MADV_COLLAPSE forces a shmem THP whatever shmem_enabled says, so over
# shmem it is refused only as over anonymous memory: a range that holds
# no aligned 2 MiB collapses nothing and is ok when it ends where an
# aligned 2 MiB starts, EINVAL when it straddles none (found by
# difffuzz, seeds 61 and 81).  A whole aligned 2 MiB the host collapses
# into a shmem THP, which the model does not have (docs).
mmap c 4m rw- shared
madvise c+512p 1 collapse => ok
madvise c+1p 1p collapse => EINVAL
memfd g 4m
mmap d 4m rw- shared file=g
madvise d+512p 64p collapse => ok
