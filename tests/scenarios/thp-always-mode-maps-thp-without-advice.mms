# transparent_hugepage/enabled "always" (mm/Kconfig's default,
# TRANSPARENT_HUGEPAGE_ALWAYS): every anonymous VMA with an aligned 2 MiB
# range is THP-eligible without MADV_HUGEPAGE, and a write maps a THP;
# MADV_NOHUGEPAGE still opts out.  A host in "madvise" mode skips this.
require thp=always thp_2048k=inherit
mmap a 4m rw- private
smaps a THPeligible => 1
touch a 4m w
smaps a AnonHugePages => 4096 kB
mmap b 4m rw- private
madvise b 4m nohugepage
smaps b THPeligible => 0
touch b 4m w
smaps b AnonHugePages => 0 kB
