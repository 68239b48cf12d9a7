# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# One process_madvise(PIDFD_SELF, MADV_GUARD_INSTALL) call guards the
# first and last page of three VMAs (six ranges, the first VMA populated
# over a PROT_NONE reservation) and returns the bytes advised; a second
# with MADV_GUARD_REMOVE lifts all six.
file f 100p
mmap r 100p --- shared file=f
mmap p1 10p rw- shared,fixed,populate file=f at=r+1p
mmap p2 5p rw- shared,fixed file=f at=r+50p
mmap p3 20p rw- shared,fixed file=f at=r+79p
munmap r 1p
munmap r+11p 39p
munmap r+55p 24p
munmap r+99p 1p
process_madvise self guard_install p1 1p p1+9p 1p p2 1p p2+4p 1p p3 1p p3+19p 1p => 24576
read p1+0p => SIGSEGV
write p1+0p 0x78 => SIGSEGV
read p1+9p => SIGSEGV
write p1+9p 0x78 => SIGSEGV
read p2+0p => SIGSEGV
write p2+0p 0x78 => SIGSEGV
read p2+4p => SIGSEGV
write p2+4p 0x78 => SIGSEGV
read p3+0p => SIGSEGV
write p3+0p 0x78 => SIGSEGV
read p3+19p => SIGSEGV
write p3+19p 0x78 => SIGSEGV
process_madvise self guard_remove p1 1p p1+9p 1p p2 1p p2+4p 1p p3 1p p3+19p 1p => 24576
read p1+0p
write p1+0p 0x78
read p1+9p
write p1+9p 0x78
read p2+0p
write p2+0p 0x78
read p2+4p
write p2+4p 0x78
read p3+0p
write p3+0p 0x78
read p3+19p
write p3+19p 0x78
munmap p1 10p
munmap p2 5p
munmap p3 20p
