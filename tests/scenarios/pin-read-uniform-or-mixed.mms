require model
# Model-only: pin_read is the model's view through a pin (no host answer).
# pin_read answers the byte when every byte of every pinned page holds
# it, else "mixed": a byte changed inside a page, or pages that are each
# uniform but hold different bytes.
profile thp=never
mmap a 3p rw- private
write a 0x07 3p
pin P a 3p
pin_read P => 0x07
write a+12287 0x08
pin_read P => mixed
write a+12287 0x07
pin_read P => 0x07
write a+1p 0x09 1p
pin_read P => mixed
unpin P
