# Rule (mm/oom_kill.c oom_badness, select_bad_process): the victim is the
# process with the most resident pages and page tables, not the one whose
# fault ran out of memory.  Here main holds 10 MiB; its child, forked
# before, asks for 8 MiB more of a 16 MiB machine: main is killed, its
# memory freed, and the child's stores complete.
#
# Model-only: the host's RAM is its own (see oom-touch-beyond-ram-...).
require model
machine ram=16m
fork child
mmap a 10m rw- private
touch a 10m w
@child mmap b 8m rw- private
@child touch b 8m w
@child read b 8m => 0x00
@child write b 0x5a 8m
@child read b+7m => 0x5a
@child maps =>
| 100040000000-100040800000 rw-p 00000000
