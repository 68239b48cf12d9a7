# A model-only command's ADDR is parsed as any address is.
require model
mmap a 1p rw- private
counts a+zz
