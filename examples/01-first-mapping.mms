# 01 - Your first mapping
#
# Run me:   ./mmsim run examples/01-first-mapping.mms        (the model)
#           ./mmsim run --native examples/01-first-mapping.mms  (your kernel)
#           ./mmsim diff examples/01-first-mapping.mms       (both, compared)
# Add -v to see every command with its result.
#
# How to read a scenario: one command per line. "COMMAND => RESULT" says what
# the command must produce; a command without "=>" simply has to succeed.
# A "=>" at the end of a line takes its expected result from the "|" lines
# below it. Anything after "#" is a comment.
#
# The story: we ask the kernel for 4 pages of memory, look at what it set up,
# touch one page, and give the memory back.

# mmap(2) creates a VMA (virtual memory area): a range of addresses with a
# protection and a kind of backing. "private" without "file=" means
# MAP_PRIVATE|MAP_ANONYMOUS: plain memory, owned by this process alone.
# The name "a" is bound to the start address. mmsim places mappings at fixed,
# predictable addresses (the first one at 0x100000000000) so results are the
# same on every machine.
mmap a 4p rw- private

# /proc/PID/maps lists VMAs: start-end, permissions ("p" = private), file
# offset, and a path (none for anonymous memory). One mmap, one VMA.
maps =>
| 100000000000-100000004000 rw-p 00000000

# The kernel is lazy: mmap only recorded the range. No page of memory is
# allocated yet, so the resident set (Rss) is zero, and /proc/PID/pagemap says
# nothing is behind the first page.
smaps a Size => 16 kB
smaps a Rss => 0 kB
pagemap a => none

# The first store to the page raises a page fault. The kernel's fault handler
# (do_anonymous_page) allocates a zeroed page, maps it writable, and the
# store is retried and succeeds.
write a 0x2a

# Now one page (4 kB) is resident. pagemap shows it "present", and "excl"
# (bit 56): it is mapped exactly once, by us.
smaps a Rss => 4 kB
smaps a Anonymous => 4 kB
pagemap a => present excl
read a => 0x2a
read a+1 => 0           # the rest of the page was zero-filled
pagemap a+1p => none    # the other three pages are still untouched

# Write to all four pages: each one faults in on its own.
write a 0x07 4p
smaps a Rss => 16 kB
read a+3p => 0x07

# munmap(2) removes the VMA and frees its pages. Touching the range now is a
# bad access: the kernel finds no VMA and sends SIGSEGV (mmsim catches it and
# reports it as the result).
munmap a 4p
maps =>
read a => SIGSEGV
