fork kid
@kid exit
@kid mmap a 1p rw- private
