# A fixed mapping over almost the whole address space would replace the
# agent's own code, libraries, heap and stack: refused.
mmap x 0x7ffffeff0000 rw- private,fixed at=0x1000000
