# mlock-random-test.c, test_mlock_within_limit, seed 2 (see
# tests/tools/gen-mlock-random.py): with CAP_IPC_LOCK dropped and
# RLIMIT_MEMLOCK at 256 KiB, 100 random mlock/mlock2(MLOCK_ONFAULT)
# calls inside a 128 KiB malloc()ed chunk all succeed; VmLck counts
# the pages they covered, at most the chunk and one page.
capability ipc_lock off
setrlimit memlock 256k 256k
mmap chunk 33p rw- private
mlock chunk+11140 24008 onfault
mlock chunk+40404 44324
mlock chunk+4699 55631
mlock chunk+12911 112897 onfault
mlock chunk+8241 116615
mlock chunk+114184 9417
mlock chunk+30483 95424 onfault
mlock chunk+13896 99618
mlock chunk+30965 46513 onfault
mlock chunk+23179 6254 onfault
mlock chunk+17933 45505
mlock chunk+58426 47669
mlock chunk+23201 95487
mlock chunk+2656 116855
mlock chunk+8705 120954
mlock chunk+1159 128454 onfault
mlock chunk+29814 92779
mlock chunk+37221 91953
mlock chunk+2714 127561
mlock chunk+45863 85109 onfault
mlock chunk+50674 70290 onfault
mlock chunk+19892 81150
mlock chunk+47918 81748
mlock chunk+2112 128163 onfault
mlock chunk+102813 19759
mlock chunk+118983 2207
mlock chunk+7717 27828 onfault
mlock chunk+38793 71591 onfault
mlock chunk+98892 27856 onfault
mlock chunk+16061 69688 onfault
mlock chunk+55448 15829 onfault
mlock chunk+47510 14888 onfault
mlock chunk+32718 45057
mlock chunk+15118 21732 onfault
mlock chunk+5373 6643 onfault
mlock chunk+16772 97805 onfault
mlock chunk+24099 41187 onfault
mlock chunk+19331 101073 onfault
mlock chunk+19862 64966 onfault
mlock chunk+45131 1099 onfault
mlock chunk+22115 74980 onfault
mlock chunk+40436 8076
mlock chunk+118245 11998
mlock chunk+20384 105343
mlock chunk+1863 123936 onfault
mlock chunk+6703 82917 onfault
mlock chunk+12933 117393 onfault
mlock chunk+15971 103010 onfault
mlock chunk+44718 37704
mlock chunk+39735 68639
mlock chunk+91697 4727
mlock chunk+33172 14884 onfault
mlock chunk+21140 34524 onfault
mlock chunk+59442 25132 onfault
mlock chunk+32359 8231 onfault
mlock chunk+1221 116574 onfault
mlock chunk+77510 21084
mlock chunk+16833 94327 onfault
mlock chunk+34500 73069
mlock chunk+4668 39614 onfault
mlock chunk+5266 107145
mlock chunk+31586 23021 onfault
mlock chunk+2611 26154 onfault
mlock chunk+13807 60693 onfault
mlock chunk+68269 6406 onfault
mlock chunk+5090 118976
mlock chunk+27559 55692
mlock chunk+16776 111568
mlock chunk+115547 13430 onfault
mlock chunk+12308 47507
mlock chunk+1292 95992
mlock chunk+18993 96071 onfault
mlock chunk+1264 80812
mlock chunk+13780 26518
mlock chunk+2076 52007
mlock chunk+53843 15726
mlock chunk+3427 121461
mlock chunk+37287 1396 onfault
mlock chunk+20058 97754 onfault
mlock chunk+64299 57452 onfault
mlock chunk+74930 30347 onfault
mlock chunk+23475 102703
mlock chunk+45227 36612
mlock chunk+33329 31910
mlock chunk+10568 32232 onfault
mlock chunk+6963 102525
mlock chunk+81042 6466 onfault
mlock chunk+94848 11319
mlock chunk+23450 76219
mlock chunk+49156 37084
mlock chunk+3928 126930
mlock chunk+1231 129006
mlock chunk+20515 60719
mlock chunk+35966 68001
mlock chunk+76811 22101
mlock chunk+46685 18654 onfault
mlock chunk+54642 38404 onfault
mlock chunk+89322 22583 onfault
mlock chunk+38863 33689 onfault
mlock chunk+43193 60738
status VmLck => 128 kB
munlock chunk+16 131072
status VmLck => 0 kB
