# Every smaps field of THP-backed VMAs in each state: PMD-mapped and the
# huge zero PMD; after fork, in parent and child; after the child's write
# (its PMD split, one page copied); split by mprotect, partly unmapped, a
# page mlocked (the VMAs split there).  Expectations generated with
# mmsim diff -v, which agreed.  Referenced is compared in the parent only:
# on the host a forked child's THP sometimes reads as referenced a while
# after the fork (background page aging), sometimes not.
require thp=madvise thp_2048k=inherit thp_zero_page=on
mmap a 4m rw- private
madvise a 4m hugepage
write a 1
read a+2m => 0x00
smaps a Size => 4096 kB
smaps a KernelPageSize => 4 kB
smaps a MMUPageSize => 4 kB
smaps a Rss => 2048 kB
smaps a Pss => 2048 kB
smaps a Pss_Dirty => 2048 kB
smaps a Shared_Clean => 0 kB
smaps a Shared_Dirty => 0 kB
smaps a Private_Clean => 0 kB
smaps a Private_Dirty => 2048 kB
smaps a Referenced => 2048 kB
smaps a Anonymous => 2048 kB
smaps a KSM => 0 kB
smaps a LazyFree => 0 kB
smaps a AnonHugePages => 2048 kB
smaps a ShmemPmdMapped => 0 kB
smaps a FilePmdMapped => 0 kB
smaps a Shared_Hugetlb => 0 kB
smaps a Private_Hugetlb => 0 kB
smaps a Swap => 0 kB
smaps a SwapPss => 0 kB
smaps a Locked => 0 kB
smaps a THPeligible => 1
smaps a VmFlags => rd wr mr mw me ac hg
fork c
smaps a Size => 4096 kB
smaps a KernelPageSize => 4 kB
smaps a MMUPageSize => 4 kB
smaps a Rss => 2048 kB
smaps a Pss => 1024 kB
smaps a Pss_Dirty => 1024 kB
smaps a Shared_Clean => 0 kB
smaps a Shared_Dirty => 2048 kB
smaps a Private_Clean => 0 kB
smaps a Private_Dirty => 0 kB
smaps a Referenced => 2048 kB
smaps a Anonymous => 2048 kB
smaps a KSM => 0 kB
smaps a LazyFree => 0 kB
smaps a AnonHugePages => 2048 kB
smaps a ShmemPmdMapped => 0 kB
smaps a FilePmdMapped => 0 kB
smaps a Shared_Hugetlb => 0 kB
smaps a Private_Hugetlb => 0 kB
smaps a Swap => 0 kB
smaps a SwapPss => 0 kB
smaps a Locked => 0 kB
smaps a THPeligible => 1
smaps a VmFlags => rd wr mr mw me ac hg
@c smaps a Size => 4096 kB
@c smaps a KernelPageSize => 4 kB
@c smaps a MMUPageSize => 4 kB
@c smaps a Rss => 2048 kB
@c smaps a Pss => 1024 kB
@c smaps a Pss_Dirty => 1024 kB
@c smaps a Shared_Clean => 0 kB
@c smaps a Shared_Dirty => 2048 kB
@c smaps a Private_Clean => 0 kB
@c smaps a Private_Dirty => 0 kB
@c smaps a Anonymous => 2048 kB
@c smaps a KSM => 0 kB
@c smaps a LazyFree => 0 kB
@c smaps a AnonHugePages => 2048 kB
@c smaps a ShmemPmdMapped => 0 kB
@c smaps a FilePmdMapped => 0 kB
@c smaps a Shared_Hugetlb => 0 kB
@c smaps a Private_Hugetlb => 0 kB
@c smaps a Swap => 0 kB
@c smaps a SwapPss => 0 kB
@c smaps a Locked => 0 kB
@c smaps a THPeligible => 1
@c smaps a VmFlags => rd wr mr mw me ac hg
# MADV_NOHUGEPAGE (from the first split on) keeps the host's khugepaged
# from collapsing split ranges back while the scenario runs
madvise a 4m nohugepage
@c madvise a 4m nohugepage
@c write a+6p 2
smaps a Size => 4096 kB
smaps a KernelPageSize => 4 kB
smaps a MMUPageSize => 4 kB
smaps a Rss => 2048 kB
smaps a Pss => 1026 kB
smaps a Pss_Dirty => 1026 kB
smaps a Shared_Clean => 0 kB
smaps a Shared_Dirty => 2044 kB
smaps a Private_Clean => 0 kB
smaps a Private_Dirty => 4 kB
smaps a Referenced => 2048 kB
smaps a Anonymous => 2048 kB
smaps a KSM => 0 kB
smaps a LazyFree => 0 kB
smaps a AnonHugePages => 2048 kB
smaps a ShmemPmdMapped => 0 kB
smaps a FilePmdMapped => 0 kB
smaps a Shared_Hugetlb => 0 kB
smaps a Private_Hugetlb => 0 kB
smaps a Swap => 0 kB
smaps a SwapPss => 0 kB
smaps a Locked => 0 kB
smaps a THPeligible => 0
smaps a VmFlags => rd wr mr mw me ac nh
@c smaps a Size => 4096 kB
@c smaps a KernelPageSize => 4 kB
@c smaps a MMUPageSize => 4 kB
@c smaps a Rss => 2048 kB
@c smaps a Pss => 1026 kB
@c smaps a Pss_Dirty => 1026 kB
@c smaps a Shared_Clean => 0 kB
@c smaps a Shared_Dirty => 2044 kB
@c smaps a Private_Clean => 0 kB
@c smaps a Private_Dirty => 4 kB
@c smaps a Anonymous => 2048 kB
@c smaps a KSM => 0 kB
@c smaps a LazyFree => 0 kB
@c smaps a AnonHugePages => 0 kB
@c smaps a ShmemPmdMapped => 0 kB
@c smaps a FilePmdMapped => 0 kB
@c smaps a Shared_Hugetlb => 0 kB
@c smaps a Private_Hugetlb => 0 kB
@c smaps a Swap => 0 kB
@c smaps a SwapPss => 0 kB
@c smaps a Locked => 0 kB
@c smaps a THPeligible => 0
@c smaps a VmFlags => rd wr mr mw me ac nh
mmap b 4m rw- private
madvise b 4m hugepage
touch b 4m w
madvise b 4m nohugepage
mprotect b+1p 1p r--
munmap b+3m 4k
mlock b+2m 4k
smaps b Size => 4 kB
smaps b KernelPageSize => 4 kB
smaps b MMUPageSize => 4 kB
smaps b Rss => 4 kB
smaps b Pss => 4 kB
smaps b Pss_Dirty => 4 kB
smaps b Shared_Clean => 0 kB
smaps b Shared_Dirty => 0 kB
smaps b Private_Clean => 0 kB
smaps b Private_Dirty => 4 kB
smaps b Referenced => 4 kB
smaps b Anonymous => 4 kB
smaps b KSM => 0 kB
smaps b LazyFree => 0 kB
smaps b AnonHugePages => 0 kB
smaps b ShmemPmdMapped => 0 kB
smaps b FilePmdMapped => 0 kB
smaps b Shared_Hugetlb => 0 kB
smaps b Private_Hugetlb => 0 kB
smaps b Swap => 0 kB
smaps b SwapPss => 0 kB
smaps b Locked => 0 kB
smaps b THPeligible => 0
smaps b VmFlags => rd wr mr mw me ac nh
smaps b+1p Size => 4 kB
smaps b+1p KernelPageSize => 4 kB
smaps b+1p MMUPageSize => 4 kB
smaps b+1p Rss => 4 kB
smaps b+1p Pss => 4 kB
smaps b+1p Pss_Dirty => 4 kB
smaps b+1p Shared_Clean => 0 kB
smaps b+1p Shared_Dirty => 0 kB
smaps b+1p Private_Clean => 0 kB
smaps b+1p Private_Dirty => 4 kB
smaps b+1p Referenced => 4 kB
smaps b+1p Anonymous => 4 kB
smaps b+1p KSM => 0 kB
smaps b+1p LazyFree => 0 kB
smaps b+1p AnonHugePages => 0 kB
smaps b+1p ShmemPmdMapped => 0 kB
smaps b+1p FilePmdMapped => 0 kB
smaps b+1p Shared_Hugetlb => 0 kB
smaps b+1p Private_Hugetlb => 0 kB
smaps b+1p Swap => 0 kB
smaps b+1p SwapPss => 0 kB
smaps b+1p Locked => 0 kB
smaps b+1p THPeligible => 0
smaps b+1p VmFlags => rd mr mw me ac nh
smaps b+2m Size => 4 kB
smaps b+2m KernelPageSize => 4 kB
smaps b+2m MMUPageSize => 4 kB
smaps b+2m Rss => 4 kB
smaps b+2m Pss => 4 kB
smaps b+2m Pss_Dirty => 4 kB
smaps b+2m Shared_Clean => 0 kB
smaps b+2m Shared_Dirty => 0 kB
smaps b+2m Private_Clean => 0 kB
smaps b+2m Private_Dirty => 4 kB
smaps b+2m Referenced => 4 kB
smaps b+2m Anonymous => 4 kB
smaps b+2m KSM => 0 kB
smaps b+2m LazyFree => 0 kB
smaps b+2m AnonHugePages => 0 kB
smaps b+2m ShmemPmdMapped => 0 kB
smaps b+2m FilePmdMapped => 0 kB
smaps b+2m Shared_Hugetlb => 0 kB
smaps b+2m Private_Hugetlb => 0 kB
smaps b+2m Swap => 0 kB
smaps b+2m SwapPss => 0 kB
smaps b+2m Locked => 4 kB
smaps b+2m THPeligible => 0
smaps b+2m VmFlags => rd wr mr mw me lo ac nh
smaps b+769p Size => 1020 kB
smaps b+769p KernelPageSize => 4 kB
smaps b+769p MMUPageSize => 4 kB
smaps b+769p Rss => 1020 kB
smaps b+769p Pss => 1020 kB
smaps b+769p Pss_Dirty => 1020 kB
smaps b+769p Shared_Clean => 0 kB
smaps b+769p Shared_Dirty => 0 kB
smaps b+769p Private_Clean => 0 kB
smaps b+769p Private_Dirty => 1020 kB
smaps b+769p Referenced => 1020 kB
smaps b+769p Anonymous => 1020 kB
smaps b+769p KSM => 0 kB
smaps b+769p LazyFree => 0 kB
smaps b+769p AnonHugePages => 0 kB
smaps b+769p ShmemPmdMapped => 0 kB
smaps b+769p FilePmdMapped => 0 kB
smaps b+769p Shared_Hugetlb => 0 kB
smaps b+769p Private_Hugetlb => 0 kB
smaps b+769p Swap => 0 kB
smaps b+769p SwapPss => 0 kB
smaps b+769p Locked => 0 kB
smaps b+769p THPeligible => 0
smaps b+769p VmFlags => rd wr mr mw me ac nh
