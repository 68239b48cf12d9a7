# A guard marker maps nothing: mincore reports the page as not resident
# on anonymous memory, and answers from the page cache on a file.
mmap a 4p rw- private
write a 1 4p
madvise a+1p 1p guard_install
mincore a 4p => 1011
memfd f 4p
pwrite f 1p 1
pwrite f 2p 1
mmap m 4p r-- shared file=f
mincore m 4p => 0110
madvise m+1p 1p guard_install
mincore m 4p => 0110
