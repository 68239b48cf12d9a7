# mseal takes an address and a length
mmap a 1p rw- private
mseal a
