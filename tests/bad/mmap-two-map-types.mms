# exactly one map type
mmap a 1p rw- private,droppable
