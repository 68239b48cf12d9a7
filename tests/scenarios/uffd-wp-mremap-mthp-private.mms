require model
# uffd-wp-mremap.c, test_one_folio on every mTHP size below the PMD
# (16 kB to 1 MiB) of private anonymous memory, not swapped out: the
# test enables the size under test alone (always) and maps an aligned
# folio; UFFDIO_WRITEPROTECT protects each of its PTEs, and
# mremap(MREMAP_FIXED) onto an aligned PROT_NONE mapping without
# UFFD_FEATURE_EVENT_REMAP moves them unprotected (Linux 6.13), the
# folio still mapped.  Model-only: the host's mTHP sizes are all never
# and a scenario may not change them; the profile lines do what the
# test's sysfs writes do.  (8 kB is a shmem size only: anonymous memory
# has no order-1 THP.)
uffd_api pagefault_flag_wp

# 16 kB
profile thp_2048k=never thp_16k=always
mmap m16 16k rw- private
write m16 1
pagemap m16+3p => present excl
write m16 1 16k
uffd_register m16 16k wp
uffd_wp m16 16k
pagemap m16 => present excl uffd-wp
pagemap m16+3p => present excl uffd-wp
mmap d16 16k --- private
mremap m16 16k 16k maymove to=d16 as=n16
pagemap n16 => present excl
pagemap n16+3p => present excl
read n16 16k => 1
write n16+3p 2

# 32 kB
profile thp_2048k=never thp_32k=always thp_16k=never
mmap m32 32k rw- private
write m32 1
pagemap m32+7p => present excl
write m32 1 32k
uffd_register m32 32k wp
uffd_wp m32 32k
pagemap m32 => present excl uffd-wp
pagemap m32+7p => present excl uffd-wp
mmap d32 32k --- private
mremap m32 32k 32k maymove to=d32 as=n32
pagemap n32 => present excl
pagemap n32+7p => present excl
read n32 32k => 1
write n32+7p 2

# 64 kB
profile thp_2048k=never thp_64k=always thp_32k=never
mmap m64 64k rw- private
write m64 1
pagemap m64+15p => present excl
write m64 1 64k
uffd_register m64 64k wp
uffd_wp m64 64k
pagemap m64 => present excl uffd-wp
pagemap m64+15p => present excl uffd-wp
mmap d64 64k --- private
mremap m64 64k 64k maymove to=d64 as=n64
pagemap n64 => present excl
pagemap n64+15p => present excl
read n64 64k => 1
write n64+15p 2

# 128 kB
profile thp_2048k=never thp_128k=always thp_64k=never
mmap m128 128k rw- private
write m128 1
pagemap m128+31p => present excl
write m128 1 128k
uffd_register m128 128k wp
uffd_wp m128 128k
pagemap m128 => present excl uffd-wp
pagemap m128+31p => present excl uffd-wp
mmap d128 128k --- private
mremap m128 128k 128k maymove to=d128 as=n128
pagemap n128 => present excl
pagemap n128+31p => present excl
read n128 128k => 1
write n128+31p 2

# 256 kB
profile thp_2048k=never thp_256k=always thp_128k=never
mmap m256 256k rw- private
write m256 1
pagemap m256+63p => present excl
write m256 1 256k
uffd_register m256 256k wp
uffd_wp m256 256k
pagemap m256 => present excl uffd-wp
pagemap m256+63p => present excl uffd-wp
mmap d256 256k --- private
mremap m256 256k 256k maymove to=d256 as=n256
pagemap n256 => present excl
pagemap n256+63p => present excl
read n256 256k => 1
write n256+63p 2

# 512 kB
profile thp_2048k=never thp_512k=always thp_256k=never
mmap m512 512k rw- private
write m512 1
pagemap m512+127p => present excl
write m512 1 512k
uffd_register m512 512k wp
uffd_wp m512 512k
pagemap m512 => present excl uffd-wp
pagemap m512+127p => present excl uffd-wp
mmap d512 512k --- private
mremap m512 512k 512k maymove to=d512 as=n512
pagemap n512 => present excl
pagemap n512+127p => present excl
read n512 512k => 1
write n512+127p 2

# 1024 kB
profile thp_2048k=never thp_1024k=always thp_512k=never
mmap m1024 1024k rw- private
write m1024 1
pagemap m1024+255p => present excl
write m1024 1 1024k
uffd_register m1024 1024k wp
uffd_wp m1024 1024k
pagemap m1024 => present excl uffd-wp
pagemap m1024+255p => present excl uffd-wp
mmap d1024 1024k --- private
mremap m1024 1024k 1024k maymove to=d1024 as=n1024
pagemap n1024 => present excl
pagemap n1024+255p => present excl
read n1024 1024k => 1
write n1024+255p 2
