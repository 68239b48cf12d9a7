# A result of one line (a byte, an errno, a word) may be expected in a
# block of one `|` line, as a multi-line result is; blanks are collapsed.
mmap a 1p rw- private
write a 0x11
read a =>
| 0x11
madvise a+1 1p dontneed =>
|   EINVAL
mprotect a 1p r-- =>
| ok
