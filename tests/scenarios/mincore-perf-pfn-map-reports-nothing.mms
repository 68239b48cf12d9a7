# A PFN map is not walked by mincore (walk_page_test): its pages answer
# from the file's page cache, and a perf ring buffer has none - although
# its pages are mapped.
open p perf
mmap b 2p rw- shared file=p
read b => 0
mincore b 2p => 00
