file f
