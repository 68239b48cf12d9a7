# a block line with no command before it
| 100000000000-100000001000 rw-p 00000000
