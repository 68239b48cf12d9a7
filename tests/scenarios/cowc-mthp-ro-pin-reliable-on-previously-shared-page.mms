require model
# cow.c anon #11 "R/O GUP pin on R/O-mapped previously-shared page", on
# every mTHP size (16 kB to 1 MB) in each of cow.c's mTHP layouts (PTE-
# mapped, a single PTE, partially mremap()ed, partially shared): the pages
# are R/O-mapped and no longer exclusive, but this process alone maps them;
# the pin sees later writes. Model-only: the host's mTHP sizes are all never
# and a scenario may not change them; cow.c sets the size under test to
# always and the PMD size to never, as the profile lines here do.  Swapped-
# out layouts are left out: the model does not swap.

profile thp_2048k=never thp_16k=always
# PTE-mapped THP (16 kB)
mmap s160 16k rw- private
madvise s160 16k hugepage
write s160 0x01
pagemap s160+3p => present excl
write s160 0x01 16k
mprotect s160+1p 1p r--
mprotect s160+1p 1p rw-
fork s160c
@s160c exit
pin s160P s160 16k ro
write s160 0xff 16k
pin_read s160P => 0xff

# single PTE of THP (16 kB)
mmap s161 16k rw- private
madvise s161 16k hugepage
write s161 0x01
pagemap s161+3p => present excl
write s161 0x01 16k
madvise s161+1p 3p dontneed
fork s161c
@s161c exit
pin s161P s161 1p ro
write s161 0xff 1p
pin_read s161P => 0xff

# partially mremap()ed THP (16 kB)
mmap s162 16k rw- private
madvise s162 16k hugepage
write s162 0x01
pagemap s162+3p => present excl
write s162 0x01 16k
mmap s162r 8k --- private
mremap s162+8k 8k 8k maymove to=s162r
fork s162c
@s162c exit
pin s162P s162 8k ro
write s162 0xff 8k
pin_read s162P => 0xff

# partially shared THP (16 kB)
mmap s163 16k rw- private
madvise s163 16k hugepage
write s163 0x01
pagemap s163+3p => present excl
write s163 0x01 16k
madvise s163+1p 3p dontfork
fork s163t
@s163t exit
madvise s163+1p 3p dofork
fork s163c
@s163c exit
pin s163P s163 16k ro
write s163 0xff 16k
pin_read s163P => 0xff

profile thp_2048k=never thp_32k=always thp_16k=never
# PTE-mapped THP (32 kB)
mmap s320 32k rw- private
madvise s320 32k hugepage
write s320 0x01
pagemap s320+7p => present excl
write s320 0x01 32k
mprotect s320+1p 1p r--
mprotect s320+1p 1p rw-
fork s320c
@s320c exit
pin s320P s320 32k ro
write s320 0xff 32k
pin_read s320P => 0xff

# single PTE of THP (32 kB)
mmap s321 32k rw- private
madvise s321 32k hugepage
write s321 0x01
pagemap s321+7p => present excl
write s321 0x01 32k
madvise s321+1p 7p dontneed
fork s321c
@s321c exit
pin s321P s321 1p ro
write s321 0xff 1p
pin_read s321P => 0xff

# partially mremap()ed THP (32 kB)
mmap s322 32k rw- private
madvise s322 32k hugepage
write s322 0x01
pagemap s322+7p => present excl
write s322 0x01 32k
mmap s322r 16k --- private
mremap s322+16k 16k 16k maymove to=s322r
fork s322c
@s322c exit
pin s322P s322 16k ro
write s322 0xff 16k
pin_read s322P => 0xff

# partially shared THP (32 kB)
mmap s323 32k rw- private
madvise s323 32k hugepage
write s323 0x01
pagemap s323+7p => present excl
write s323 0x01 32k
madvise s323+1p 7p dontfork
fork s323t
@s323t exit
madvise s323+1p 7p dofork
fork s323c
@s323c exit
pin s323P s323 32k ro
write s323 0xff 32k
pin_read s323P => 0xff

profile thp_2048k=never thp_64k=always thp_32k=never
# PTE-mapped THP (64 kB)
mmap s640 64k rw- private
madvise s640 64k hugepage
write s640 0x01
pagemap s640+15p => present excl
write s640 0x01 64k
mprotect s640+1p 1p r--
mprotect s640+1p 1p rw-
fork s640c
@s640c exit
pin s640P s640 64k ro
write s640 0xff 64k
pin_read s640P => 0xff

# single PTE of THP (64 kB)
mmap s641 64k rw- private
madvise s641 64k hugepage
write s641 0x01
pagemap s641+15p => present excl
write s641 0x01 64k
madvise s641+1p 15p dontneed
fork s641c
@s641c exit
pin s641P s641 1p ro
write s641 0xff 1p
pin_read s641P => 0xff

# partially mremap()ed THP (64 kB)
mmap s642 64k rw- private
madvise s642 64k hugepage
write s642 0x01
pagemap s642+15p => present excl
write s642 0x01 64k
mmap s642r 32k --- private
mremap s642+32k 32k 32k maymove to=s642r
fork s642c
@s642c exit
pin s642P s642 32k ro
write s642 0xff 32k
pin_read s642P => 0xff

# partially shared THP (64 kB)
mmap s643 64k rw- private
madvise s643 64k hugepage
write s643 0x01
pagemap s643+15p => present excl
write s643 0x01 64k
madvise s643+1p 15p dontfork
fork s643t
@s643t exit
madvise s643+1p 15p dofork
fork s643c
@s643c exit
pin s643P s643 64k ro
write s643 0xff 64k
pin_read s643P => 0xff

profile thp_2048k=never thp_128k=always thp_64k=never
# PTE-mapped THP (128 kB)
mmap s1280 128k rw- private
madvise s1280 128k hugepage
write s1280 0x01
pagemap s1280+31p => present excl
write s1280 0x01 128k
mprotect s1280+1p 1p r--
mprotect s1280+1p 1p rw-
fork s1280c
@s1280c exit
pin s1280P s1280 128k ro
write s1280 0xff 128k
pin_read s1280P => 0xff

# single PTE of THP (128 kB)
mmap s1281 128k rw- private
madvise s1281 128k hugepage
write s1281 0x01
pagemap s1281+31p => present excl
write s1281 0x01 128k
madvise s1281+1p 31p dontneed
fork s1281c
@s1281c exit
pin s1281P s1281 1p ro
write s1281 0xff 1p
pin_read s1281P => 0xff

# partially mremap()ed THP (128 kB)
mmap s1282 128k rw- private
madvise s1282 128k hugepage
write s1282 0x01
pagemap s1282+31p => present excl
write s1282 0x01 128k
mmap s1282r 64k --- private
mremap s1282+64k 64k 64k maymove to=s1282r
fork s1282c
@s1282c exit
pin s1282P s1282 64k ro
write s1282 0xff 64k
pin_read s1282P => 0xff

# partially shared THP (128 kB)
mmap s1283 128k rw- private
madvise s1283 128k hugepage
write s1283 0x01
pagemap s1283+31p => present excl
write s1283 0x01 128k
madvise s1283+1p 31p dontfork
fork s1283t
@s1283t exit
madvise s1283+1p 31p dofork
fork s1283c
@s1283c exit
pin s1283P s1283 128k ro
write s1283 0xff 128k
pin_read s1283P => 0xff

profile thp_2048k=never thp_256k=always thp_128k=never
# PTE-mapped THP (256 kB)
mmap s2560 256k rw- private
madvise s2560 256k hugepage
write s2560 0x01
pagemap s2560+63p => present excl
write s2560 0x01 256k
mprotect s2560+1p 1p r--
mprotect s2560+1p 1p rw-
fork s2560c
@s2560c exit
pin s2560P s2560 256k ro
write s2560 0xff 256k
pin_read s2560P => 0xff

# single PTE of THP (256 kB)
mmap s2561 256k rw- private
madvise s2561 256k hugepage
write s2561 0x01
pagemap s2561+63p => present excl
write s2561 0x01 256k
madvise s2561+1p 63p dontneed
fork s2561c
@s2561c exit
pin s2561P s2561 1p ro
write s2561 0xff 1p
pin_read s2561P => 0xff

# partially mremap()ed THP (256 kB)
mmap s2562 256k rw- private
madvise s2562 256k hugepage
write s2562 0x01
pagemap s2562+63p => present excl
write s2562 0x01 256k
mmap s2562r 128k --- private
mremap s2562+128k 128k 128k maymove to=s2562r
fork s2562c
@s2562c exit
pin s2562P s2562 128k ro
write s2562 0xff 128k
pin_read s2562P => 0xff

# partially shared THP (256 kB)
mmap s2563 256k rw- private
madvise s2563 256k hugepage
write s2563 0x01
pagemap s2563+63p => present excl
write s2563 0x01 256k
madvise s2563+1p 63p dontfork
fork s2563t
@s2563t exit
madvise s2563+1p 63p dofork
fork s2563c
@s2563c exit
pin s2563P s2563 256k ro
write s2563 0xff 256k
pin_read s2563P => 0xff

profile thp_2048k=never thp_512k=always thp_256k=never
# PTE-mapped THP (512 kB)
mmap s5120 512k rw- private
madvise s5120 512k hugepage
write s5120 0x01
pagemap s5120+127p => present excl
write s5120 0x01 512k
mprotect s5120+1p 1p r--
mprotect s5120+1p 1p rw-
fork s5120c
@s5120c exit
pin s5120P s5120 512k ro
write s5120 0xff 512k
pin_read s5120P => 0xff

# single PTE of THP (512 kB)
mmap s5121 512k rw- private
madvise s5121 512k hugepage
write s5121 0x01
pagemap s5121+127p => present excl
write s5121 0x01 512k
madvise s5121+1p 127p dontneed
fork s5121c
@s5121c exit
pin s5121P s5121 1p ro
write s5121 0xff 1p
pin_read s5121P => 0xff

# partially mremap()ed THP (512 kB)
mmap s5122 512k rw- private
madvise s5122 512k hugepage
write s5122 0x01
pagemap s5122+127p => present excl
write s5122 0x01 512k
mmap s5122r 256k --- private
mremap s5122+256k 256k 256k maymove to=s5122r
fork s5122c
@s5122c exit
pin s5122P s5122 256k ro
write s5122 0xff 256k
pin_read s5122P => 0xff

# partially shared THP (512 kB)
mmap s5123 512k rw- private
madvise s5123 512k hugepage
write s5123 0x01
pagemap s5123+127p => present excl
write s5123 0x01 512k
madvise s5123+1p 127p dontfork
fork s5123t
@s5123t exit
madvise s5123+1p 127p dofork
fork s5123c
@s5123c exit
pin s5123P s5123 512k ro
write s5123 0xff 512k
pin_read s5123P => 0xff

profile thp_2048k=never thp_1024k=always thp_512k=never
# PTE-mapped THP (1024 kB)
mmap s10240 1024k rw- private
madvise s10240 1024k hugepage
write s10240 0x01
pagemap s10240+255p => present excl
write s10240 0x01 1024k
mprotect s10240+1p 1p r--
mprotect s10240+1p 1p rw-
fork s10240c
@s10240c exit
pin s10240P s10240 1024k ro
write s10240 0xff 1024k
pin_read s10240P => 0xff

# single PTE of THP (1024 kB)
mmap s10241 1024k rw- private
madvise s10241 1024k hugepage
write s10241 0x01
pagemap s10241+255p => present excl
write s10241 0x01 1024k
madvise s10241+1p 255p dontneed
fork s10241c
@s10241c exit
pin s10241P s10241 1p ro
write s10241 0xff 1p
pin_read s10241P => 0xff

# partially mremap()ed THP (1024 kB)
mmap s10242 1024k rw- private
madvise s10242 1024k hugepage
write s10242 0x01
pagemap s10242+255p => present excl
write s10242 0x01 1024k
mmap s10242r 512k --- private
mremap s10242+512k 512k 512k maymove to=s10242r
fork s10242c
@s10242c exit
pin s10242P s10242 512k ro
write s10242 0xff 512k
pin_read s10242P => 0xff

# partially shared THP (1024 kB)
mmap s10243 1024k rw- private
madvise s10243 1024k hugepage
write s10243 0x01
pagemap s10243+255p => present excl
write s10243 0x01 1024k
madvise s10243+1p 255p dontfork
fork s10243t
@s10243t exit
madvise s10243+1p 255p dofork
fork s10243c
@s10243c exit
pin s10243P s10243 1024k ro
write s10243 0xff 1024k
pin_read s10243P => 0xff
