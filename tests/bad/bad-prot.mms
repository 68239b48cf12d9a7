mmap a 1p rwz private
