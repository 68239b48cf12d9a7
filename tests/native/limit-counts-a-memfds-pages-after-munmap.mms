# With --mem-limit=1g: a memfd's pages outlive the mapping that filled
# them, so a second 600 MiB memfd mapped after it is refused.
memfd f 600m
mmap a 600m rw- shared file=f
touch a 600m w
munmap a 600m
memfd g 600m
mmap b 600m rw- shared file=g
touch b 600m w
