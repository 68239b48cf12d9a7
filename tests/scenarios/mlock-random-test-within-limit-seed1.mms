# mlock-random-test.c, test_mlock_within_limit, seed 1 (see
# tests/tools/gen-mlock-random.py): with CAP_IPC_LOCK dropped and
# RLIMIT_MEMLOCK at 256 KiB, 100 random mlock/mlock2(MLOCK_ONFAULT)
# calls inside a 128 KiB malloc()ed chunk all succeed; VmLck counts
# the pages they covered, at most the chunk and one page.
capability ipc_lock off
setrlimit memlock 256k 256k
mmap chunk 33p rw- private
mlock chunk+33448 16543 onfault
mlock chunk+936 129875 onfault
mlock chunk+25860 99513
mlock chunk+63960 24604 onfault
mlock chunk+14196 102186 onfault
mlock chunk+4379 116755 onfault
mlock chunk+41622 26798 onfault
mlock chunk+3351 5851 onfault
mlock chunk+22510 99930 onfault
mlock chunk+967 110655 onfault
mlock chunk+15403 114789 onfault
mlock chunk+45327 61101
mlock chunk+60257 57352 onfault
mlock chunk+54565 5633
mlock chunk+38864 48734 onfault
mlock chunk+32836 87214 onfault
mlock chunk+39779 49767
mlock chunk+145 130904
mlock chunk+62960 9050
mlock chunk+13592 105981 onfault
mlock chunk+24572 96239 onfault
mlock chunk+10891 115071 onfault
mlock chunk+68296 42912 onfault
mlock chunk+32108 97130
mlock chunk+372 123029 onfault
mlock chunk+21222 103179
mlock chunk+65845 44195 onfault
mlock chunk+101010 3224 onfault
mlock chunk+53028 60863 onfault
mlock chunk+30105 92608
mlock chunk+50306 1496
mlock chunk+55864 53866 onfault
mlock chunk+3003 126117 onfault
mlock chunk+15906 108370 onfault
mlock chunk+11356 108638
mlock chunk+30041 86805 onfault
mlock chunk+23243 60189 onfault
mlock chunk+104668 24012 onfault
mlock chunk+110345 8508
mlock chunk+2203 21819 onfault
mlock chunk+98863 3816
mlock chunk+35227 65420
mlock chunk+45160 48394 onfault
mlock chunk+21966 18223
mlock chunk+34578 66903 onfault
mlock chunk+42496 71542 onfault
mlock chunk+11527 119197
mlock chunk+501 130152
mlock chunk+40911 6195 onfault
mlock chunk+27601 90005
mlock chunk+7143 67743 onfault
mlock chunk+56593 54811
mlock chunk+2357 59080 onfault
mlock chunk+4646 38394
mlock chunk+11560 116829 onfault
mlock chunk+67727 57828
mlock chunk+68684 58509
mlock chunk+22131 103520 onfault
mlock chunk+1942 111751
mlock chunk+27820 32947
mlock chunk+4651 80317 onfault
mlock chunk+19537 81359 onfault
mlock chunk+18527 109097 onfault
mlock chunk+1127 34181
mlock chunk+60420 57040 onfault
mlock chunk+49557 9810 onfault
mlock chunk+6505 90945 onfault
mlock chunk+6376 113495 onfault
mlock chunk+87304 27374
mlock chunk+33053 77613
mlock chunk+42659 4508
mlock chunk+1201 73754
mlock chunk+42973 52652 onfault
mlock chunk+28146 88891 onfault
mlock chunk+44217 69870 onfault
mlock chunk+30561 99413 onfault
mlock chunk+3161 127008
mlock chunk+95104 17123 onfault
mlock chunk+17450 22198 onfault
mlock chunk+70560 43660 onfault
mlock chunk+49765 70257 onfault
mlock chunk+24140 66923
mlock chunk+7481 89203
mlock chunk+64083 61653
mlock chunk+42054 27335 onfault
mlock chunk+2414 106587 onfault
mlock chunk+16402 38621
mlock chunk+80649 30065
mlock chunk+74829 20093
mlock chunk+34976 21428 onfault
mlock chunk+37007 77477
mlock chunk+4557 120001 onfault
mlock chunk+108513 11993 onfault
mlock chunk+80451 3245
mlock chunk+54218 24034 onfault
mlock chunk+24647 10491 onfault
mlock chunk+5325 110366 onfault
mlock chunk+2758 118202 onfault
mlock chunk+13494 41666 onfault
mlock chunk+26442 99163
status VmLck => 128 kB
munlock chunk+16 131072
status VmLck => 0 kB
