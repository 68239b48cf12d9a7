# With --mem-limit=1g: a tmpfile's pages (page cache, then its disk
# blocks) count as a memfd's do - 600 MiB written into one leaves no
# room for 600 MiB more in a second.
file f 600m
mmap a 600m rw- shared file=f
touch a 600m w
munmap a 600m
file g 600m
mmap b 600m rw- shared file=g
touch b 600m w
