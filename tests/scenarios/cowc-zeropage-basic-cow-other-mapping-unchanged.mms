# cow.c non-anon "Basic COW" on the shared zeropage: writing the private
# mapping leaves another mapping of the zero page untouched.
mmap mem 1p rw- private
mmap smem 1p r-- private
read mem => 0
read smem => 0
write mem 0xff 1p
read smem 1p => 0
read mem 1p => 0xff
