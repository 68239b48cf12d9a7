# smaps_rollup sums PSS in the kernel's fixed point (12 fraction bits)
# over every VMA and rounds once; smaps rounds each VMA's. Six pages
# mapped by three processes, each page in its own VMA: every VMA's Pss is
# 4096 / 3 bytes (1365), 1 kB in smaps, six of them 6 kB; the rollup's
# sum is 8191 bytes, 7 kB.
#
# Model only: on the host Pss and Pss_File also move with every process
# that maps the agent's own libraries.
require model
memfd f 6p
pwrite f 0 0x11 6p
mmap a 1p r-- shared file=f off=0p
mmap b 1p r-- shared file=f off=1p
mmap c 1p r-- shared file=f off=2p
mmap d 1p r-- shared file=f off=3p
mmap e 1p r-- shared file=f off=4p
mmap f 1p r-- shared file=f off=5p
fork c1
fork c2
# fork copies no entries of shared file mappings: each process faults
touch a 1p r
touch b 1p r
touch c 1p r
touch d 1p r
touch e 1p r
touch f 1p r
@c1 touch a 1p r
@c1 touch b 1p r
@c1 touch c 1p r
@c1 touch d 1p r
@c1 touch e 1p r
@c1 touch f 1p r
@c2 touch a 1p r
@c2 touch b 1p r
@c2 touch c 1p r
@c2 touch d 1p r
@c2 touch e 1p r
@c2 touch f 1p r
smaps a Pss => 1 kB
smaps b Pss => 1 kB
smaps c Pss => 1 kB
smaps d Pss => 1 kB
smaps e Pss => 1 kB
smaps f Pss => 1 kB
smaps_rollup Pss => 7 kB
smaps_rollup Pss_Shmem => 7 kB          # a memfd is shmem
smaps_rollup Pss_File => 0 kB
smaps_rollup Pss_Anon => 0 kB
smaps_rollup Rss => 24 kB
statm shared => 6
# a file on disk is Pss_File
file d 1p
pwrite d 0 0x22 1p
mmap g 1p r-- private file=d
read g => 0x22
smaps_rollup Pss_File => 4 kB
smaps_rollup Pss => 11 kB
statm shared => 7
