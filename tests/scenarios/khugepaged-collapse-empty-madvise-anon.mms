# khugepaged.c, collapse_empty in the madvise context on anonymous
# memory: MADV_COLLAPSE over 2 MiB nothing was ever written to (no page
# table under the PMD) fails with EINVAL and maps nothing.
require thp=madvise
mmap a 2m rw- private
smaps a AnonHugePages => 0 kB
madvise a 2m hugepage
madvise a 2m collapse => EINVAL
smaps a AnonHugePages => 0 kB
smaps a Rss => 0 kB
pagemap a => none
pagemap a+511p => none
