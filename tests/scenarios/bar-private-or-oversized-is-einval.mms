# Rule (vfio_pci_core_mmap): a BAR must be mapped MAP_SHARED and within its
# size, else EINVAL.
require model
open b bar size=64k
mmap r 16p rw- private file=b => EINVAL
mmap r 17p rw- shared file=b => EINVAL
mmap r 1p rw- shared file=b off=16p => EINVAL
mmap r 16p rw- shared file=b
open x bar size=3 => EINVAL
