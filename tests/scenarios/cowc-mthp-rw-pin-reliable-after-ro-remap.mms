require model
# cow.c anon #7 "R/O-mapping a page registered as iouring fixed buffer", on
# every mTHP size (16 kB to 1 MB) in each of cow.c's mTHP layouts (PTE-
# mapped, a single PTE, partially mremap()ed, partially shared): a R/W long-
# term pin stays reliable when the entries become read-only and writable
# again: the write fault reuses the pinned pages. Model-only: the host's
# mTHP sizes are all never and a scenario may not change them; cow.c sets
# the size under test to always and the PMD size to never, as the profile
# lines here do.  Swapped-out layouts are left out: the model does not swap.
profile soft_dirty=on

profile thp_2048k=never thp_16k=always
# PTE-mapped THP (16 kB)
mmap s160 16k rw- private
madvise s160 16k hugepage
write s160 0x01
pagemap s160+3p => present excl soft-dirty
write s160 0x01 16k
mprotect s160+1p 1p r--
mprotect s160+1p 1p rw-
pin s160P s160 16k
mprotect s160 16k r--
clear_refs 4
mprotect s160 16k rw-
write s160 0xff 16k
pin_read s160P => 0xff

# single PTE of THP (16 kB)
mmap s161 16k rw- private
madvise s161 16k hugepage
write s161 0x01
pagemap s161+3p => present excl soft-dirty
write s161 0x01 16k
madvise s161+1p 3p dontneed
pin s161P s161 1p
mprotect s161 1p r--
clear_refs 4
mprotect s161 1p rw-
write s161 0xff 1p
pin_read s161P => 0xff

# partially mremap()ed THP (16 kB)
mmap s162 16k rw- private
madvise s162 16k hugepage
write s162 0x01
pagemap s162+3p => present excl soft-dirty
write s162 0x01 16k
mmap s162r 8k --- private
mremap s162+8k 8k 8k maymove to=s162r
pin s162P s162 8k
mprotect s162 8k r--
clear_refs 4
mprotect s162 8k rw-
write s162 0xff 8k
pin_read s162P => 0xff

# partially shared THP (16 kB)
mmap s163 16k rw- private
madvise s163 16k hugepage
write s163 0x01
pagemap s163+3p => present excl soft-dirty
write s163 0x01 16k
madvise s163+1p 3p dontfork
fork s163t
@s163t exit
madvise s163+1p 3p dofork
pin s163P s163 16k
mprotect s163 16k r--
clear_refs 4
mprotect s163 16k rw-
write s163 0xff 16k
pin_read s163P => 0xff

profile thp_2048k=never thp_32k=always thp_16k=never
# PTE-mapped THP (32 kB)
mmap s320 32k rw- private
madvise s320 32k hugepage
write s320 0x01
pagemap s320+7p => present excl soft-dirty
write s320 0x01 32k
mprotect s320+1p 1p r--
mprotect s320+1p 1p rw-
pin s320P s320 32k
mprotect s320 32k r--
clear_refs 4
mprotect s320 32k rw-
write s320 0xff 32k
pin_read s320P => 0xff

# single PTE of THP (32 kB)
mmap s321 32k rw- private
madvise s321 32k hugepage
write s321 0x01
pagemap s321+7p => present excl soft-dirty
write s321 0x01 32k
madvise s321+1p 7p dontneed
pin s321P s321 1p
mprotect s321 1p r--
clear_refs 4
mprotect s321 1p rw-
write s321 0xff 1p
pin_read s321P => 0xff

# partially mremap()ed THP (32 kB)
mmap s322 32k rw- private
madvise s322 32k hugepage
write s322 0x01
pagemap s322+7p => present excl soft-dirty
write s322 0x01 32k
mmap s322r 16k --- private
mremap s322+16k 16k 16k maymove to=s322r
pin s322P s322 16k
mprotect s322 16k r--
clear_refs 4
mprotect s322 16k rw-
write s322 0xff 16k
pin_read s322P => 0xff

# partially shared THP (32 kB)
mmap s323 32k rw- private
madvise s323 32k hugepage
write s323 0x01
pagemap s323+7p => present excl soft-dirty
write s323 0x01 32k
madvise s323+1p 7p dontfork
fork s323t
@s323t exit
madvise s323+1p 7p dofork
pin s323P s323 32k
mprotect s323 32k r--
clear_refs 4
mprotect s323 32k rw-
write s323 0xff 32k
pin_read s323P => 0xff

profile thp_2048k=never thp_64k=always thp_32k=never
# PTE-mapped THP (64 kB)
mmap s640 64k rw- private
madvise s640 64k hugepage
write s640 0x01
pagemap s640+15p => present excl soft-dirty
write s640 0x01 64k
mprotect s640+1p 1p r--
mprotect s640+1p 1p rw-
pin s640P s640 64k
mprotect s640 64k r--
clear_refs 4
mprotect s640 64k rw-
write s640 0xff 64k
pin_read s640P => 0xff

# single PTE of THP (64 kB)
mmap s641 64k rw- private
madvise s641 64k hugepage
write s641 0x01
pagemap s641+15p => present excl soft-dirty
write s641 0x01 64k
madvise s641+1p 15p dontneed
pin s641P s641 1p
mprotect s641 1p r--
clear_refs 4
mprotect s641 1p rw-
write s641 0xff 1p
pin_read s641P => 0xff

# partially mremap()ed THP (64 kB)
mmap s642 64k rw- private
madvise s642 64k hugepage
write s642 0x01
pagemap s642+15p => present excl soft-dirty
write s642 0x01 64k
mmap s642r 32k --- private
mremap s642+32k 32k 32k maymove to=s642r
pin s642P s642 32k
mprotect s642 32k r--
clear_refs 4
mprotect s642 32k rw-
write s642 0xff 32k
pin_read s642P => 0xff

# partially shared THP (64 kB)
mmap s643 64k rw- private
madvise s643 64k hugepage
write s643 0x01
pagemap s643+15p => present excl soft-dirty
write s643 0x01 64k
madvise s643+1p 15p dontfork
fork s643t
@s643t exit
madvise s643+1p 15p dofork
pin s643P s643 64k
mprotect s643 64k r--
clear_refs 4
mprotect s643 64k rw-
write s643 0xff 64k
pin_read s643P => 0xff

profile thp_2048k=never thp_128k=always thp_64k=never
# PTE-mapped THP (128 kB)
mmap s1280 128k rw- private
madvise s1280 128k hugepage
write s1280 0x01
pagemap s1280+31p => present excl soft-dirty
write s1280 0x01 128k
mprotect s1280+1p 1p r--
mprotect s1280+1p 1p rw-
pin s1280P s1280 128k
mprotect s1280 128k r--
clear_refs 4
mprotect s1280 128k rw-
write s1280 0xff 128k
pin_read s1280P => 0xff

# single PTE of THP (128 kB)
mmap s1281 128k rw- private
madvise s1281 128k hugepage
write s1281 0x01
pagemap s1281+31p => present excl soft-dirty
write s1281 0x01 128k
madvise s1281+1p 31p dontneed
pin s1281P s1281 1p
mprotect s1281 1p r--
clear_refs 4
mprotect s1281 1p rw-
write s1281 0xff 1p
pin_read s1281P => 0xff

# partially mremap()ed THP (128 kB)
mmap s1282 128k rw- private
madvise s1282 128k hugepage
write s1282 0x01
pagemap s1282+31p => present excl soft-dirty
write s1282 0x01 128k
mmap s1282r 64k --- private
mremap s1282+64k 64k 64k maymove to=s1282r
pin s1282P s1282 64k
mprotect s1282 64k r--
clear_refs 4
mprotect s1282 64k rw-
write s1282 0xff 64k
pin_read s1282P => 0xff

# partially shared THP (128 kB)
mmap s1283 128k rw- private
madvise s1283 128k hugepage
write s1283 0x01
pagemap s1283+31p => present excl soft-dirty
write s1283 0x01 128k
madvise s1283+1p 31p dontfork
fork s1283t
@s1283t exit
madvise s1283+1p 31p dofork
pin s1283P s1283 128k
mprotect s1283 128k r--
clear_refs 4
mprotect s1283 128k rw-
write s1283 0xff 128k
pin_read s1283P => 0xff

profile thp_2048k=never thp_256k=always thp_128k=never
# PTE-mapped THP (256 kB)
mmap s2560 256k rw- private
madvise s2560 256k hugepage
write s2560 0x01
pagemap s2560+63p => present excl soft-dirty
write s2560 0x01 256k
mprotect s2560+1p 1p r--
mprotect s2560+1p 1p rw-
pin s2560P s2560 256k
mprotect s2560 256k r--
clear_refs 4
mprotect s2560 256k rw-
write s2560 0xff 256k
pin_read s2560P => 0xff

# single PTE of THP (256 kB)
mmap s2561 256k rw- private
madvise s2561 256k hugepage
write s2561 0x01
pagemap s2561+63p => present excl soft-dirty
write s2561 0x01 256k
madvise s2561+1p 63p dontneed
pin s2561P s2561 1p
mprotect s2561 1p r--
clear_refs 4
mprotect s2561 1p rw-
write s2561 0xff 1p
pin_read s2561P => 0xff

# partially mremap()ed THP (256 kB)
mmap s2562 256k rw- private
madvise s2562 256k hugepage
write s2562 0x01
pagemap s2562+63p => present excl soft-dirty
write s2562 0x01 256k
mmap s2562r 128k --- private
mremap s2562+128k 128k 128k maymove to=s2562r
pin s2562P s2562 128k
mprotect s2562 128k r--
clear_refs 4
mprotect s2562 128k rw-
write s2562 0xff 128k
pin_read s2562P => 0xff

# partially shared THP (256 kB)
mmap s2563 256k rw- private
madvise s2563 256k hugepage
write s2563 0x01
pagemap s2563+63p => present excl soft-dirty
write s2563 0x01 256k
madvise s2563+1p 63p dontfork
fork s2563t
@s2563t exit
madvise s2563+1p 63p dofork
pin s2563P s2563 256k
mprotect s2563 256k r--
clear_refs 4
mprotect s2563 256k rw-
write s2563 0xff 256k
pin_read s2563P => 0xff

profile thp_2048k=never thp_512k=always thp_256k=never
# PTE-mapped THP (512 kB)
mmap s5120 512k rw- private
madvise s5120 512k hugepage
write s5120 0x01
pagemap s5120+127p => present excl soft-dirty
write s5120 0x01 512k
mprotect s5120+1p 1p r--
mprotect s5120+1p 1p rw-
pin s5120P s5120 512k
mprotect s5120 512k r--
clear_refs 4
mprotect s5120 512k rw-
write s5120 0xff 512k
pin_read s5120P => 0xff

# single PTE of THP (512 kB)
mmap s5121 512k rw- private
madvise s5121 512k hugepage
write s5121 0x01
pagemap s5121+127p => present excl soft-dirty
write s5121 0x01 512k
madvise s5121+1p 127p dontneed
pin s5121P s5121 1p
mprotect s5121 1p r--
clear_refs 4
mprotect s5121 1p rw-
write s5121 0xff 1p
pin_read s5121P => 0xff

# partially mremap()ed THP (512 kB)
mmap s5122 512k rw- private
madvise s5122 512k hugepage
write s5122 0x01
pagemap s5122+127p => present excl soft-dirty
write s5122 0x01 512k
mmap s5122r 256k --- private
mremap s5122+256k 256k 256k maymove to=s5122r
pin s5122P s5122 256k
mprotect s5122 256k r--
clear_refs 4
mprotect s5122 256k rw-
write s5122 0xff 256k
pin_read s5122P => 0xff

# partially shared THP (512 kB)
mmap s5123 512k rw- private
madvise s5123 512k hugepage
write s5123 0x01
pagemap s5123+127p => present excl soft-dirty
write s5123 0x01 512k
madvise s5123+1p 127p dontfork
fork s5123t
@s5123t exit
madvise s5123+1p 127p dofork
pin s5123P s5123 512k
mprotect s5123 512k r--
clear_refs 4
mprotect s5123 512k rw-
write s5123 0xff 512k
pin_read s5123P => 0xff

profile thp_2048k=never thp_1024k=always thp_512k=never
# PTE-mapped THP (1024 kB)
mmap s10240 1024k rw- private
madvise s10240 1024k hugepage
write s10240 0x01
pagemap s10240+255p => present excl soft-dirty
write s10240 0x01 1024k
mprotect s10240+1p 1p r--
mprotect s10240+1p 1p rw-
pin s10240P s10240 1024k
mprotect s10240 1024k r--
clear_refs 4
mprotect s10240 1024k rw-
write s10240 0xff 1024k
pin_read s10240P => 0xff

# single PTE of THP (1024 kB)
mmap s10241 1024k rw- private
madvise s10241 1024k hugepage
write s10241 0x01
pagemap s10241+255p => present excl soft-dirty
write s10241 0x01 1024k
madvise s10241+1p 255p dontneed
pin s10241P s10241 1p
mprotect s10241 1p r--
clear_refs 4
mprotect s10241 1p rw-
write s10241 0xff 1p
pin_read s10241P => 0xff

# partially mremap()ed THP (1024 kB)
mmap s10242 1024k rw- private
madvise s10242 1024k hugepage
write s10242 0x01
pagemap s10242+255p => present excl soft-dirty
write s10242 0x01 1024k
mmap s10242r 512k --- private
mremap s10242+512k 512k 512k maymove to=s10242r
pin s10242P s10242 512k
mprotect s10242 512k r--
clear_refs 4
mprotect s10242 512k rw-
write s10242 0xff 512k
pin_read s10242P => 0xff

# partially shared THP (1024 kB)
mmap s10243 1024k rw- private
madvise s10243 1024k hugepage
write s10243 0x01
pagemap s10243+255p => present excl soft-dirty
write s10243 0x01 1024k
madvise s10243+1p 255p dontfork
fork s10243t
@s10243t exit
madvise s10243+1p 255p dofork
pin s10243P s10243 1024k
mprotect s10243 1024k r--
clear_refs 4
mprotect s10243 1024k rw-
write s10243 0xff 1024k
pin_read s10243P => 0xff
