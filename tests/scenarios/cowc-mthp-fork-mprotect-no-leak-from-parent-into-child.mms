require model
# cow.c anon #2 "Basic COW after fork() with mprotect() optimization", on
# every mTHP size (16 kB to 1 MB) in each of cow.c's mTHP layouts (PTE-
# mapped, a single PTE, partially mremap()ed, partially shared): mprotect(R)
# then mprotect(RW) must not map the COW-shared pages writable. Model-only:
# the host's mTHP sizes are all never and a scenario may not change them;
# cow.c sets the size under test to always and the PMD size to never, as the
# profile lines here do.  Swapped-out layouts are left out: the model does
# not swap.

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
mprotect s160 16k r--
mprotect s160 16k rw-
write s160 0xff 16k
@s160c read s160 16k => 0x01
read s160 16k => 0xff

# single PTE of THP (16 kB)
mmap s161 16k rw- private
madvise s161 16k hugepage
write s161 0x01
pagemap s161+3p => present excl
write s161 0x01 16k
madvise s161+1p 3p dontneed
fork s161c
mprotect s161 1p r--
mprotect s161 1p rw-
write s161 0xff 1p
@s161c read s161 1p => 0x01
read s161 1p => 0xff

# partially mremap()ed THP (16 kB)
mmap s162 16k rw- private
madvise s162 16k hugepage
write s162 0x01
pagemap s162+3p => present excl
write s162 0x01 16k
mmap s162r 8k --- private
mremap s162+8k 8k 8k maymove to=s162r
fork s162c
mprotect s162 8k r--
mprotect s162 8k rw-
write s162 0xff 8k
@s162c read s162 8k => 0x01
read s162 8k => 0xff

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
mprotect s163 16k r--
mprotect s163 16k rw-
write s163 0xff 16k
@s163c read s163 16k => 0x01
read s163 16k => 0xff

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
mprotect s320 32k r--
mprotect s320 32k rw-
write s320 0xff 32k
@s320c read s320 32k => 0x01
read s320 32k => 0xff

# single PTE of THP (32 kB)
mmap s321 32k rw- private
madvise s321 32k hugepage
write s321 0x01
pagemap s321+7p => present excl
write s321 0x01 32k
madvise s321+1p 7p dontneed
fork s321c
mprotect s321 1p r--
mprotect s321 1p rw-
write s321 0xff 1p
@s321c read s321 1p => 0x01
read s321 1p => 0xff

# partially mremap()ed THP (32 kB)
mmap s322 32k rw- private
madvise s322 32k hugepage
write s322 0x01
pagemap s322+7p => present excl
write s322 0x01 32k
mmap s322r 16k --- private
mremap s322+16k 16k 16k maymove to=s322r
fork s322c
mprotect s322 16k r--
mprotect s322 16k rw-
write s322 0xff 16k
@s322c read s322 16k => 0x01
read s322 16k => 0xff

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
mprotect s323 32k r--
mprotect s323 32k rw-
write s323 0xff 32k
@s323c read s323 32k => 0x01
read s323 32k => 0xff

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
mprotect s640 64k r--
mprotect s640 64k rw-
write s640 0xff 64k
@s640c read s640 64k => 0x01
read s640 64k => 0xff

# single PTE of THP (64 kB)
mmap s641 64k rw- private
madvise s641 64k hugepage
write s641 0x01
pagemap s641+15p => present excl
write s641 0x01 64k
madvise s641+1p 15p dontneed
fork s641c
mprotect s641 1p r--
mprotect s641 1p rw-
write s641 0xff 1p
@s641c read s641 1p => 0x01
read s641 1p => 0xff

# partially mremap()ed THP (64 kB)
mmap s642 64k rw- private
madvise s642 64k hugepage
write s642 0x01
pagemap s642+15p => present excl
write s642 0x01 64k
mmap s642r 32k --- private
mremap s642+32k 32k 32k maymove to=s642r
fork s642c
mprotect s642 32k r--
mprotect s642 32k rw-
write s642 0xff 32k
@s642c read s642 32k => 0x01
read s642 32k => 0xff

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
mprotect s643 64k r--
mprotect s643 64k rw-
write s643 0xff 64k
@s643c read s643 64k => 0x01
read s643 64k => 0xff

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
mprotect s1280 128k r--
mprotect s1280 128k rw-
write s1280 0xff 128k
@s1280c read s1280 128k => 0x01
read s1280 128k => 0xff

# single PTE of THP (128 kB)
mmap s1281 128k rw- private
madvise s1281 128k hugepage
write s1281 0x01
pagemap s1281+31p => present excl
write s1281 0x01 128k
madvise s1281+1p 31p dontneed
fork s1281c
mprotect s1281 1p r--
mprotect s1281 1p rw-
write s1281 0xff 1p
@s1281c read s1281 1p => 0x01
read s1281 1p => 0xff

# partially mremap()ed THP (128 kB)
mmap s1282 128k rw- private
madvise s1282 128k hugepage
write s1282 0x01
pagemap s1282+31p => present excl
write s1282 0x01 128k
mmap s1282r 64k --- private
mremap s1282+64k 64k 64k maymove to=s1282r
fork s1282c
mprotect s1282 64k r--
mprotect s1282 64k rw-
write s1282 0xff 64k
@s1282c read s1282 64k => 0x01
read s1282 64k => 0xff

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
mprotect s1283 128k r--
mprotect s1283 128k rw-
write s1283 0xff 128k
@s1283c read s1283 128k => 0x01
read s1283 128k => 0xff

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
mprotect s2560 256k r--
mprotect s2560 256k rw-
write s2560 0xff 256k
@s2560c read s2560 256k => 0x01
read s2560 256k => 0xff

# single PTE of THP (256 kB)
mmap s2561 256k rw- private
madvise s2561 256k hugepage
write s2561 0x01
pagemap s2561+63p => present excl
write s2561 0x01 256k
madvise s2561+1p 63p dontneed
fork s2561c
mprotect s2561 1p r--
mprotect s2561 1p rw-
write s2561 0xff 1p
@s2561c read s2561 1p => 0x01
read s2561 1p => 0xff

# partially mremap()ed THP (256 kB)
mmap s2562 256k rw- private
madvise s2562 256k hugepage
write s2562 0x01
pagemap s2562+63p => present excl
write s2562 0x01 256k
mmap s2562r 128k --- private
mremap s2562+128k 128k 128k maymove to=s2562r
fork s2562c
mprotect s2562 128k r--
mprotect s2562 128k rw-
write s2562 0xff 128k
@s2562c read s2562 128k => 0x01
read s2562 128k => 0xff

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
mprotect s2563 256k r--
mprotect s2563 256k rw-
write s2563 0xff 256k
@s2563c read s2563 256k => 0x01
read s2563 256k => 0xff

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
mprotect s5120 512k r--
mprotect s5120 512k rw-
write s5120 0xff 512k
@s5120c read s5120 512k => 0x01
read s5120 512k => 0xff

# single PTE of THP (512 kB)
mmap s5121 512k rw- private
madvise s5121 512k hugepage
write s5121 0x01
pagemap s5121+127p => present excl
write s5121 0x01 512k
madvise s5121+1p 127p dontneed
fork s5121c
mprotect s5121 1p r--
mprotect s5121 1p rw-
write s5121 0xff 1p
@s5121c read s5121 1p => 0x01
read s5121 1p => 0xff

# partially mremap()ed THP (512 kB)
mmap s5122 512k rw- private
madvise s5122 512k hugepage
write s5122 0x01
pagemap s5122+127p => present excl
write s5122 0x01 512k
mmap s5122r 256k --- private
mremap s5122+256k 256k 256k maymove to=s5122r
fork s5122c
mprotect s5122 256k r--
mprotect s5122 256k rw-
write s5122 0xff 256k
@s5122c read s5122 256k => 0x01
read s5122 256k => 0xff

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
mprotect s5123 512k r--
mprotect s5123 512k rw-
write s5123 0xff 512k
@s5123c read s5123 512k => 0x01
read s5123 512k => 0xff

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
mprotect s10240 1024k r--
mprotect s10240 1024k rw-
write s10240 0xff 1024k
@s10240c read s10240 1024k => 0x01
read s10240 1024k => 0xff

# single PTE of THP (1024 kB)
mmap s10241 1024k rw- private
madvise s10241 1024k hugepage
write s10241 0x01
pagemap s10241+255p => present excl
write s10241 0x01 1024k
madvise s10241+1p 255p dontneed
fork s10241c
mprotect s10241 1p r--
mprotect s10241 1p rw-
write s10241 0xff 1p
@s10241c read s10241 1p => 0x01
read s10241 1p => 0xff

# partially mremap()ed THP (1024 kB)
mmap s10242 1024k rw- private
madvise s10242 1024k hugepage
write s10242 0x01
pagemap s10242+255p => present excl
write s10242 0x01 1024k
mmap s10242r 512k --- private
mremap s10242+512k 512k 512k maymove to=s10242r
fork s10242c
mprotect s10242 512k r--
mprotect s10242 512k rw-
write s10242 0xff 512k
@s10242c read s10242 512k => 0x01
read s10242 512k => 0xff

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
mprotect s10243 1024k r--
mprotect s10243 1024k rw-
write s10243 0xff 1024k
@s10243c read s10243 1024k => 0x01
read s10243 1024k => 0xff
