# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Unmapping guarded pages drops the markers: a new mapping there is accessible.
file f 100p
mmap p 10p rw- shared file=f
madvise p 1p guard_install
madvise p+9p 1p guard_install
read p => SIGSEGV
read p+9p => SIGSEGV
munmap p 1p
munmap p+9p 1p
mmap n1 1p rw- shared,fixed file=f at=p
mmap n2 1p rw- shared,fixed file=f at=p+9p
read n1
write n1 0x78
read n2
write n2 0x78
munmap p 10p
