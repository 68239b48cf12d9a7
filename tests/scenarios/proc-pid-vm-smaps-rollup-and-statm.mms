# proc-pid-vm.c: /proc/PID/smaps_rollup and statm of a process whose
# only mapping is one executable, file-backed private page (the test execs
# a one-page program from a deleted tmpfs file; an executable memfd
# mapped r-x stands for it, as in
# proc-pid-vm-maps-and-smaps-of-an-executable-page). Both files sum the
# whole process, and on the host the agent maps far more than the
# scenario: the checks are made as differences from a proc_mark taken
# before the mapping exists.
#
# The test accepts Rss and Pss of 0 or 4 kB (the page may not be faulted
# in yet): here both states are checked, before and after the read.
# Pss itself and Pss_File move on the host with every process that maps
# the agent's libraries (a page's PSS is divided among its mappers), so
# the PSS of the page is checked as Pss_Shmem (a memfd is shmem) and
# Pss_Anon here, and Pss in proc-smaps-rollup-pss-sums-once (model).
# statm's text is 1 in the test (the exec'd ELF's code); a mapping made
# with mmap is no text, so here it counts under size, not text.
proc_mark
memfd exe 1p exec
pwrite exe 0 0x90 1p
mmap text 1p r-x private file=exe
smaps_rollup Rss => +0 kB
smaps_rollup Pss_Shmem => +0 kB
smaps_rollup Pss_Anon => +0 kB
smaps_rollup Anonymous => +0 kB
smaps_rollup AnonHugePages => +0 kB
smaps_rollup Shared_Hugetlb => +0 kB
smaps_rollup Private_Hugetlb => +0 kB
smaps_rollup Locked => +0 kB
statm size => +1
statm resident => +0
statm shared => +0
statm text => +0
statm lib => +0
statm data => +0
statm dt => +0
read text => 0x90
smaps_rollup Rss => +4 kB               # the page cache page, mapped
smaps_rollup Pss_Dirty => +4 kB         # written by pwrite, not yet clean
smaps_rollup Pss_Shmem => +4 kB         # a memfd is shmem
smaps_rollup Pss_Anon => +0 kB
smaps_rollup Anonymous => +0 kB
smaps_rollup AnonHugePages => +0 kB
smaps_rollup Shared_Hugetlb => +0 kB
smaps_rollup Private_Hugetlb => +0 kB
smaps_rollup Locked => +0 kB
statm size => +1
statm resident => +1
statm shared => +1                      # file and shmem RSS
statm text => +0
statm lib => +0
statm data => +0
statm dt => +0
