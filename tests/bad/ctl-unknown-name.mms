# A typo in the address of a model-only command is a malformed scenario.
require model
mmap a 1p rw- private
entry b
