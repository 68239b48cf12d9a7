require model
# Rule (cow.c non-anon "R/O longterm GUP pin" on the shared zeropage;
# mm/gup.c gup_must_unshare): a R/O long-term pin must not pin the shared
# zero page of a private anonymous mapping; it gets an exclusive anonymous
# page instead. (Model default profile: read faults map the zero page.)
mmap a 1p rw- private
mmap b 1p rw- private
read a => 0
read b => 0
frame a @main b => same          # both map the zero page
pin P a 1p ro
frame a @main b => different
pagemap a => present excl
