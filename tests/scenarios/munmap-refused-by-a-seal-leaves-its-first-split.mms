# munmap splits the first VMA at the start of the range before it finds
# a sealed VMA further on (vms_gather_munmap_vmas, Linux 6.12+): EPERM,
# nothing unmapped, but the split stays - the maps show two VMAs where
# there was one (found by difffuzz, seed 43).  A range starting inside
# a sealed VMA is refused before any split.
mmap d 16p r-x private
mseal d+5p 1p
mseal d+10p 4p
munmap d+2p 8p => EPERM
munmap d+11p 1p => EPERM
maps =>
| 100000000000-100000002000 r-xp 00000000
| 100000002000-100000005000 r-xp 00000000
| 100000005000-100000006000 r-xp 00000000
| 100000006000-10000000a000 r-xp 00000000
| 10000000a000-10000000e000 r-xp 00000000
| 10000000e000-100000010000 r-xp 00000000
read d+2p => 0x00
