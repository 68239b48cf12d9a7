# MREMAP_DONTUNMAP refuses a resize (EINVAL), but the lengths compared
# are the page-aligned ones: an old length of one page and a new length
# of one byte are the same length.  Found by `mmsim difffuzz` (the model
# compared the lengths as given); minimised reproducer:
#   mremap 0x100040005000 1p 1 maymove dontunmap to=0x100100003000
# (no mapping there: EFAULT on the host, EINVAL on the model).
mmap a 4p rw- private
mmap t 4p rw- private
munmap t 4p
write a 0x5a
mremap a 1p 1 maymove dontunmap to=t
read t => 0x5a
mremap a+1p 4095 1p maymove dontunmap to=t+1p
mremap a+2p 1p 2p maymove dontunmap to=t+2p => EINVAL
mremap 0x100040005000 1p 1 maymove dontunmap to=0x100100003000 => EFAULT
