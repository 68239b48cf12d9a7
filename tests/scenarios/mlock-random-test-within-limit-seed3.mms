# mlock-random-test.c, test_mlock_within_limit, seed 3 (see
# tests/tools/gen-mlock-random.py): with CAP_IPC_LOCK dropped and
# RLIMIT_MEMLOCK at 256 KiB, 100 random mlock/mlock2(MLOCK_ONFAULT)
# calls inside a 128 KiB malloc()ed chunk all succeed; VmLck counts
# the pages they covered, at most the chunk and one page.
capability ipc_lock off
setrlimit memlock 256k 256k
mmap chunk 33p rw- private
mlock chunk+48506 34189 onfault
mlock chunk+79393 17177
mlock chunk+2140 123006 onfault
mlock chunk+61654 50264 onfault
mlock chunk+20956 104106
mlock chunk+19889 60796 onfault
mlock chunk+88019 3970
mlock chunk+77492 41785 onfault
mlock chunk+51139 78975 onfault
mlock chunk+30998 70629 onfault
mlock chunk+12958 111918
mlock chunk+47925 35166
mlock chunk+17837 9407 onfault
mlock chunk+33830 56881
mlock chunk+27616 78912
mlock chunk+35018 91989
mlock chunk+44156 60918
mlock chunk+39718 73317 onfault
mlock chunk+35521 85561 onfault
mlock chunk+75190 55345 onfault
mlock chunk+8170 74699
mlock chunk+3976 126353 onfault
mlock chunk+4381 90198 onfault
mlock chunk+2653 39522
mlock chunk+13621 111972
mlock chunk+79313 11584 onfault
mlock chunk+23557 99039 onfault
mlock chunk+33139 73157
mlock chunk+40605 9440 onfault
mlock chunk+14187 20177 onfault
mlock chunk+53485 51743 onfault
mlock chunk+10252 69041
mlock chunk+20583 89080 onfault
mlock chunk+49533 36261
mlock chunk+8536 120693
mlock chunk+81297 26888
mlock chunk+7802 113034
mlock chunk+8477 114673
mlock chunk+766 88842
mlock chunk+1330 82542
mlock chunk+7890 34935
mlock chunk+5798 122224
mlock chunk+48383 73118
mlock chunk+77266 5815
mlock chunk+48403 5571 onfault
mlock chunk+4908 119619
mlock chunk+47720 46509
mlock chunk+24208 81964 onfault
mlock chunk+51612 78749
mlock chunk+101239 27491
mlock chunk+40650 34451 onfault
mlock chunk+15659 70615 onfault
mlock chunk+57063 49124
mlock chunk+78754 26697 onfault
mlock chunk+14726 87491
mlock chunk+10494 44376
mlock chunk+59142 57152
mlock chunk+15865 58989
mlock chunk+41322 50018 onfault
mlock chunk+22305 73031 onfault
mlock chunk+38648 90513 onfault
mlock chunk+9582 110434 onfault
mlock chunk+5690 121823
mlock chunk+27526 76126
mlock chunk+120682 9317
mlock chunk+26174 40893
mlock chunk+5116 125135 onfault
mlock chunk+4252 58219
mlock chunk+35658 75770
mlock chunk+8937 59628
mlock chunk+32067 31456
mlock chunk+118453 9212 onfault
mlock chunk+1633 112692 onfault
mlock chunk+1005 126103 onfault
mlock chunk+15682 78613 onfault
mlock chunk+1760 108462 onfault
mlock chunk+8234 89483 onfault
mlock chunk+518 125094
mlock chunk+25880 57882
mlock chunk+22468 31250 onfault
mlock chunk+58319 71764 onfault
mlock chunk+63913 1967 onfault
mlock chunk+99170 13089
mlock chunk+35220 65079
mlock chunk+61999 13362
mlock chunk+112347 474
mlock chunk+6069 33256 onfault
mlock chunk+8983 13063 onfault
mlock chunk+112010 8653
mlock chunk+1309 128448 onfault
mlock chunk+4719 82465 onfault
mlock chunk+21214 101134
mlock chunk+23663 79722
mlock chunk+43109 50090
mlock chunk+16742 32441
mlock chunk+26076 99677 onfault
mlock chunk+5647 46807 onfault
mlock chunk+9919 120800
mlock chunk+81664 11387
mlock chunk+48829 13910
status VmLck => 128 kB
munlock chunk+16 131072
status VmLck => 0 kB
