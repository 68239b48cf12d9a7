file f 1p
file f 1p
