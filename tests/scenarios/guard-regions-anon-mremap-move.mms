# Port of tools/testing/selftests/mm/guard-regions.c, variant anon (MAP_PRIVATE anonymous).
# Moving a mapping moves its markers.
mmap p 5p rw- private
madvise p 1p guard_install
madvise p+4p 1p guard_install
read p => SIGSEGV
read p+4p => SIGSEGV
mmap n 5p --- private
mremap p 5p 5p maymove to=n
read n => SIGSEGV
read n+4p => SIGSEGV
munmap n 5p
