mmap a 4p rw- private
touch a 4p w every=3k
