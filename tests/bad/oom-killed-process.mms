# A process the OOM killer killed is gone: a later command for it is an error.
machine ram=16m
mmap a 32m rw- private
touch a 32m w => SIGKILL
read a
