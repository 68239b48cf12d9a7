# Seals exist on memfds only: F_ADD_SEALS and F_GET_SEALS on another file
# (here /dev/zero) are EINVAL.  A noexec memfd can still be mapped
# executable: F_SEAL_EXEC is about the mode bits, not about mmap.
open z zero
seal z write => EINVAL
seals z => EINVAL
memfd f 1p noexec
seals f => exec
mmap x 1p r-x shared file=f
