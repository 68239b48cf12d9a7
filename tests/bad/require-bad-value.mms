# a require setting with a value the key does not take
require thp=madvise thp_2048k=sometimes
