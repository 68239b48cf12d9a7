# /proc/PID/clear_refs 1, 2 and 3 clear the accessed bits and the
# referenced flags (smaps Referenced) of every VMA, of the anonymous
# ones, of those with a file; 4 and 5 are accepted (soft-dirty and the
# peak RSS, nothing to see here), other values are EINVAL.
mmap a 2p rw- private
write a 1 2p
memfd f 1p
mmap s 1p rw- shared file=f
write s 1
smaps a Referenced => 8 kB
smaps s Referenced => 4 kB
clear_refs 2
smaps a Referenced => 0 kB
smaps s Referenced => 4 kB              # a file: not touched by 2
clear_refs 3
smaps s Referenced => 0 kB
# x86 clears the accessed bit without a TLB flush, so on the host a read
# may still hit the TLB entry of the write above and set nothing: the
# mprotect pair flushes it first (the model has no TLB).
mprotect a 2p r--
mprotect a 2p rw-
read a
smaps a Referenced => 4 kB
clear_refs 1
smaps a Referenced => 0 kB
clear_refs 4
clear_refs 5
clear_refs 0 => EINVAL
clear_refs 6 => EINVAL
