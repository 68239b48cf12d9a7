# The OOM killer may choose a process other than the faulting one (the
# one with the most resident pages): a later command for it is an error.
machine ram=16m
fork child
mmap a 10m rw- private
touch a 10m w
@child mmap b 8m rw- private
@child touch b 8m w
read a
