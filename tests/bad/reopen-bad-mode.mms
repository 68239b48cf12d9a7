memfd f 1p
reopen g f append
