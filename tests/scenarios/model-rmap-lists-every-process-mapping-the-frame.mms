# rmap names the frame mapped at ADDR and every process, VMA and entry
# that maps it.  After fork an anonymous page is in both processes,
# write-protected; the child's write gives it a copy of its own, and the
# parent's frame is then mapped once.  A shared memfd page is in every
# process that maps the file, at each one's address.
require model
mmap a 1p rw- private
write a 1
fork child
rmap a =>
| frame pfn 0x100005 anon refcount 2 mapcount 2
| @main vma 100000000000-100000001000 rw-p entry pte 100000000000 ro dirty
| @child vma 100000000000-100000001000 rw-p entry pte 100000000000 ro dirty
@child write a 2
rmap a =>
| frame pfn 0x100005 anon refcount 1 mapcount 1
| @main vma 100000000000-100000001000 rw-p entry pte 100000000000 ro dirty
memfd f 1p
mmap s 1p rw- shared file=f
@child mmap t 1p r-- shared file=f
write s 7
@child read t
@child rmap t =>
| frame pfn 0x10000d file refcount 3 mapcount 2
| @main vma 100040000000-100040001000 rw-s entry pte 100040000000 rw dirty
| @child vma 100080000000-100080001000 r--s entry pte 100080000000 ro
rmap s+1p => EFAULT
