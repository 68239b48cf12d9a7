# Rule (mm/mmap.c do_mmap, mm/vma.c split_vma and vms_gather_munmap_vmas,
# Linux 6.18): with vm.max_map_count VMAs or more, nothing splits
# (mprotect of a part, munmap of a middle part: ENOMEM), while mmap
# refuses only once the count is past the limit, and an munmap at an
# edge (a split and a removal) is always allowed.
#
# Model-only: the limit is set low through the profile so that a
# scenario can reach it.  On the host the agent's own mappings count
# towards the limit (65530 there) and the sysctl is not ours to lower;
# the same sequence was run on the Linux 6.18 host by a C program at the
# default limit, with these results.
require model
profile max_map_count=6
mmap a 3p r-- private
mmap b 3p r-- private
mmap c 1p r-- private
mmap d 1p r-- private
mmap e 1p r-- private
mmap f 1p r-- private
# six VMAs, at the limit: one more mmap is allowed (map_count > max)
mmap g 1p r-- private
mmap h 1p r-- private => ENOMEM
mprotect a+1p 1p rw- => ENOMEM
mprotect a 1p rw- => ENOMEM
munmap a+1p 1p => ENOMEM
munmap b 1p
munmap g 1p
munmap f 1p
# five VMAs: mprotect of a's middle splits once (six), then is refused
mprotect a+1p 1p rw- => ENOMEM
maps =>
| 100000000000-100000001000 r--p 00000000
| 100000001000-100000003000 r--p 00000000
| 100040001000-100040003000 r--p 00000000
| 100080000000-100080001000 r--p 00000000
| 1000c0000000-1000c0001000 r--p 00000000
| 100100000000-100100001000 r--p 00000000
munmap e 1p
mprotect a+1p 1p rw-
