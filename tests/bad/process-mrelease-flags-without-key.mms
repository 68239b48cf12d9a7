fork child
pidfd c @child
process_mrelease c 1
