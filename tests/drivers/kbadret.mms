# A fault hook returns garbage: the access is SIGBUS, mm_check names the driver.
require model
open f kbadret
mmap a 1p rw- shared file=f
read a => SIGBUS
