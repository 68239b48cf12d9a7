# `read ADDR LEN` loads every byte of the range: bytes that differ do
# not end it early, so a range running past the mapping is SIGSEGV
# however soon its bytes differ (the native agent stopped at the first
# difference and answered `mixed`; found by difffuzz).
mmap d 8p rw- shared
write d+2p 0x64
read d+2p 512p => SIGSEGV
read d+2p 1p => mixed
read d+2p => 0x64
