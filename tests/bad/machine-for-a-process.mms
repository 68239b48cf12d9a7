# The machine is the machine's, not a process's.
fork child
@child machine ram=32m
