# 12 - Transparent huge pages: one fault, 2 MiB
#
# With THP, an anonymous write fault in a 2 MiB-aligned part of a VMA can
# map a whole PMD-sized folio (512 pages) with one PMD entry instead of a
# page with a PTE (mm/huge_memory.c, do_huge_pmd_anonymous_page). When it
# does depends on /sys/kernel/mm/transparent_hugepage/enabled: `always`
# (the kernel's Kconfig default) or `madvise` (only VMAs advised
# MADV_HUGEPAGE, as many distributions ship it). The scenario says what it
# assumes; a host configured otherwise skips it (exit 77), never changed.
require thp=madvise thp_2048k=inherit

# Automatic placement is 1 GiB-aligned, so this range holds two aligned
# 2 MiB blocks. Without advice, in madvise mode, faults map small pages.
mmap small 4m rw- private
write small 0x11
smaps small AnonHugePages => 0 kB
smaps small Rss => 4 kB

# MADV_HUGEPAGE makes the VMA eligible (VM_HUGEPAGE: `hg` in VmFlags).
mmap a 4m rw- private
madvise a 4m hugepage
smaps a VmFlags => rd wr mr mw me ac hg
smaps a THPeligible => 1
write a+5p 0x22
# One write, 2 MiB present: every page of the first block is mapped,
# exclusively, by the one PMD; the second block is still empty.
smaps a AnonHugePages => 2048 kB
pagemap a+511p => present excl
pagemap a+2m => none
read a+6p => 0                   # the rest of the folio was zeroed

# Changing part of a THP's mapping splits the PMD into 512 PTEs: the
# folio stays, mapped page by page, and smaps no longer counts it as huge.
# (nohugepage first, so that the host's khugepaged leaves the range alone.)
madvise a 4m nohugepage
mprotect a+1p 1p r--
smaps a+2p AnonHugePages => 0 kB
smaps a+2p Rss => 2040 kB        # its VMA starts at a+2p: 510 pages
# Protecting the page back merges the three VMAs again; the PMD stays split.
mprotect a+1p 1p rw-
smaps a Rss => 2048 kB
smaps a AnonHugePages => 0 kB
read a+5p => 0x22

# Unmapping part of it frees those pages (the folio itself is split
# later, by the deferred split shrinker when memory is short).
munmap a+2p 2p
smaps a Rss => 8 kB
smaps a+4p Rss => 2032 kB
read a+5p => 0x22
