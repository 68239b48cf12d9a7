# Port of tools/testing/selftests/mm/uffd-unit-tests.c, case minor on
# shmem: a memfd mapped twice, the alias registered for minor faults.
# Filling the pages through the other, unregistered mapping involves no
# monitor.  The first access to each page through the alias is a minor
# fault - the page is cached but not mapped there - and goes to the
# monitor (uffd-minor); the monitor changes the page's contents through
# the other mapping and answers with UFFDIO_CONTINUE, after which the
# alias maps the cached page and reads what the monitor left.  Every
# fault was minor: none was missing.
memfd f 3p
mmap a 3p rw- shared file=f
mmap alias 3p rw- shared file=f
uffd_api minor_shmem,minor_hugetlbfs
uffd_register alias 3p minor ioctls => wake copy zeropage move poison continue
write a 0x00 4096
write a+1p 0x01 4096
write a+2p 0x02 4096
read alias => uffd-minor
write a 0xff 4096
uffd_continue alias 1p
read alias 4096 => 0xff
read alias+1p => uffd-minor
write alias+1p 0xfe => uffd-minor
write a+1p 0xfe 4096
uffd_continue alias+1p 1p
read alias+1p 4096 => 0xfe
read alias+2p => uffd-minor
write a+2p 0xfd 4096
uffd_continue alias+2p 1p
read alias+2p 4096 => 0xfd
pagemap alias+2p => present file
# all three are mapped now: nothing more for the monitor
touch alias 3p w
uffd_continue alias 1p => EEXIST
