# guard advice words are exact
mmap a 1p rw- private
madvise a 1p guard
