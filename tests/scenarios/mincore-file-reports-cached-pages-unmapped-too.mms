# mincore(2) on a file mapping: where nothing is mapped it answers from
# the file's page cache, so cached pages count even when this mapping
# never touched them; a private copy counts as mapped.
memfd f 4p
mmap a 4p rw- private file=f
mincore a 4p => 0000
pwrite f 2p 1
mincore a 4p => 0010
write a 1
read a+1p => 0
mincore a 4p => 1110
mmap s 4p r-- shared file=f
mincore s 4p => 1110
