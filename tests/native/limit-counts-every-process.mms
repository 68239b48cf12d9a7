# With --mem-limit=1g: 600 MiB fit, but a fork would double them.
mmap a 600m rw- private
touch a 600m w
fork child
