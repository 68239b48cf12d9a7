# madvise on a range with no VMA at all fails with ENOMEM.
madvise 0x100000000000 1p dontneed => ENOMEM
madvise 0x100000000000 1p normal => ENOMEM
