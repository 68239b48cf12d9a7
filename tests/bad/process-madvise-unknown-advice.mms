mmap a 1p rw- private
process_madvise self sleep a 1p
