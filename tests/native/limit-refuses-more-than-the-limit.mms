# With --mem-limit=1g the host agents may hold 1 GiB in all: mapping
# 20 GiB is refused before anything is mapped.
mmap a 20g rw- private
touch a 20g w
