# MADV_DONTNEED over a whole, aligned 2 MiB frees the PTE table it left
# empty (CONFIG_PT_RECLAIM, Linux 6.14, mm/pt_reclaim.c, on by default on
# x86-64): VmPTE drops by the table, MADV_COLLAPSE then finds no table
# there (EINVAL, as over memory never written), and a write in a
# MADV_HUGEPAGE VMA maps a THP at the empty PMD.  The table stays when the
# same 2 MiB goes in two calls, when the zap does not cover a whole
# aligned 2 MiB, when a marker is left in it (a guard, a shared mapping's
# uffd-wp), and for MADV_FREE; any VMA's table goes, a memfd's too.
# Found porting khugepaged.c.  Host-verified.
require thp=madvise
mmap a 4m rw- private
write a 1 4m
proc_mark
madvise a 2m dontneed
status VmPTE => -4 kB
madvise a 2m collapse => EINVAL
madvise a 2m hugepage
write a 2
smaps a AnonHugePages => 2048 kB
read a => 2
read a+1p 511p => 0
read a+2m 2m => 1
mmap h 4m rw- private
write h 1 4m
proc_mark
madvise h 1m dontneed
madvise h+1m 1m dontneed
status VmPTE => +0 kB
madvise h+1m 2m dontneed
status VmPTE => +0 kB
madvise h 2m collapse => ok
smaps h AnonHugePages => 2048 kB
read h+1p 2m => 0
mmap g 2m rw- private
write g 1 2m
madvise g+7p 1p guard_install
proc_mark
madvise g 2m dontneed
status VmPTE => +0 kB
read g+7p => SIGSEGV
mmap f 2m rw- private
write f 1 2m
proc_mark
madvise f 2m free
status VmPTE => +0 kB
# any VMA: a shared memfd's table goes too (the pages stay in the file);
# a uffd-wp marker the zap keeps in a shared mapping keeps the table
memfd m 4m
mmap s 2m rw- shared file=m
write s 1 2m
proc_mark
madvise s 2m dontneed
status VmPTE => -4 kB
read s 2m => 1
uffd_api pagefault_flag_wp
mmap u 2m rw- shared file=m off=2m
write u 2 2m
uffd_register u 2m wp
uffd_wp u 2m
proc_mark
madvise u 2m dontneed
status VmPTE => +0 kB
write u+3p 5 => uffd-wp
