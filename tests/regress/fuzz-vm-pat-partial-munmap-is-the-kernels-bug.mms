# make fuzz (check fatal): pat=vm_pat's memtype leak after a partial
# munmap is Linux 3.7-6.15's own bug, which the model reproduces on
# purpose; the checker says so and the fuzzer must not abort on it.
require model
design kernel=6.15
open m mem cache=uc
mmap s 4p rw- shared file=m
mremap s 2p 1p
munmap s 1p
