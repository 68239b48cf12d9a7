madvise 0x100000000000 1p frob
