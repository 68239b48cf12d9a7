# mincore(2) on anonymous memory: a page is resident when mapped (the
# zero page too); never-touched pages are not.
mmap a 4p rw- private
mincore a 4p => 0000
write a+1p 1
read a+3p => 0
mincore a 4p => 0101
mincore a+1p 2p => 10
