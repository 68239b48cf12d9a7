# memfd_test.c, test_share_open: a second open of the memfd (through
# /proc/self/fd/N) shares its seals; a read-only open cannot add any.
memfd f 2p sealing
seals f => none
reopen f2 f rdwr
seal f write
seals f => write
seals f2 => write
seal f2 shrink
seals f => write shrink
seals f2 => write shrink
close f
reopen f f2 rdonly
seal f seal => EPERM
seals f => write shrink
seals f2 => write shrink
close f2
reopen f2 f rdwr
seal f2 seal
seals f => seal write shrink
seals f2 => seal write shrink
