fork child
pidfd c @child
process_mrelease c flags=0x100000000
