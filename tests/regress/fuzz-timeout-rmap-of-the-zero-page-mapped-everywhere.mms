# make fuzz (timeout; found with a 64 TiB read-only private mapping):
# mlockall fills the machine's RAM with tables of zero-page entries, and
# `rmap` of the zero page listed every one of them - hundreds of millions
# of lines at 4 GiB of RAM, more host memory than the machine had.  rmap
# now lists 4096 entries and counts the rest.
machine ram=16m
mmap a 256g r-- private
madvise a 256g nohugepage
mlockall current
rmap a+2m
mlockall current
