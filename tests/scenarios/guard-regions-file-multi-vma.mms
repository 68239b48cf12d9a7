# Port of tools/testing/selftests/mm/guard-regions.c, variant file (a tmpfile of 100 pages on a disk filesystem, MAP_SHARED).
# Install and remove across three VMAs with holes (ENOMEM, yet every VMA is
# guarded), then across five adjacent incompatible VMAs (no error).
file f 100p
mmap r 100p --- shared file=f
mmap p1 10p rw- shared,fixed file=f at=r
mmap p2 5p rw- shared,fixed file=f at=r+50p
mmap p3 20p rw- shared,fixed file=f at=r+80p
munmap r+10p 40p
munmap r+55p 25p
madvise r 100p guard_install => ENOMEM
read p1+0p => SIGSEGV
read p1+1p => SIGSEGV
read p1+2p => SIGSEGV
read p1+3p => SIGSEGV
read p1+4p => SIGSEGV
read p1+5p => SIGSEGV
read p1+6p => SIGSEGV
read p1+7p => SIGSEGV
read p1+8p => SIGSEGV
read p1+9p => SIGSEGV
read p2+0p => SIGSEGV
read p2+1p => SIGSEGV
read p2+2p => SIGSEGV
read p2+3p => SIGSEGV
read p2+4p => SIGSEGV
read p3+0p => SIGSEGV
read p3+1p => SIGSEGV
read p3+2p => SIGSEGV
read p3+3p => SIGSEGV
read p3+4p => SIGSEGV
read p3+5p => SIGSEGV
read p3+6p => SIGSEGV
read p3+7p => SIGSEGV
read p3+8p => SIGSEGV
read p3+9p => SIGSEGV
read p3+10p => SIGSEGV
read p3+11p => SIGSEGV
read p3+12p => SIGSEGV
read p3+13p => SIGSEGV
read p3+14p => SIGSEGV
read p3+15p => SIGSEGV
read p3+16p => SIGSEGV
read p3+17p => SIGSEGV
read p3+18p => SIGSEGV
read p3+19p => SIGSEGV
madvise r 100p guard_remove => ENOMEM
read p1+0p
write p1+0p 0x78
read p1+1p
write p1+1p 0x78
read p1+2p
write p1+2p 0x78
read p1+3p
write p1+3p 0x78
read p1+4p
write p1+4p 0x78
read p1+5p
write p1+5p 0x78
read p1+6p
write p1+6p 0x78
read p1+7p
write p1+7p 0x78
read p1+8p
write p1+8p 0x78
read p1+9p
write p1+9p 0x78
read p2+0p
write p2+0p 0x78
read p2+1p
write p2+1p 0x78
read p2+2p
write p2+2p 0x78
read p2+3p
write p2+3p 0x78
read p2+4p
write p2+4p 0x78
read p3+0p
write p3+0p 0x78
read p3+1p
write p3+1p 0x78
read p3+2p
write p3+2p 0x78
read p3+3p
write p3+3p 0x78
read p3+4p
write p3+4p 0x78
read p3+5p
write p3+5p 0x78
read p3+6p
write p3+6p 0x78
read p3+7p
write p3+7p 0x78
read p3+8p
write p3+8p 0x78
read p3+9p
write p3+9p 0x78
read p3+10p
write p3+10p 0x78
read p3+11p
write p3+11p 0x78
read p3+12p
write p3+12p 0x78
read p3+13p
write p3+13p 0x78
read p3+14p
write p3+14p 0x78
read p3+15p
write p3+15p 0x78
read p3+16p
write p3+16p 0x78
read p3+17p
write p3+17p 0x78
read p3+18p
write p3+18p 0x78
read p3+19p
write p3+19p 0x78
mmap x1 40p rwx shared,fixed file=f at=r+10p
mmap x2 25p rwx shared,fixed file=f at=r+55p
madvise r 100p guard_install
read r+0p => SIGSEGV
read r+1p => SIGSEGV
read r+2p => SIGSEGV
read r+3p => SIGSEGV
read r+4p => SIGSEGV
read r+5p => SIGSEGV
read r+6p => SIGSEGV
read r+7p => SIGSEGV
read r+8p => SIGSEGV
read r+9p => SIGSEGV
read r+10p => SIGSEGV
read r+11p => SIGSEGV
read r+12p => SIGSEGV
read r+13p => SIGSEGV
read r+14p => SIGSEGV
read r+15p => SIGSEGV
read r+16p => SIGSEGV
read r+17p => SIGSEGV
read r+18p => SIGSEGV
read r+19p => SIGSEGV
read r+20p => SIGSEGV
read r+21p => SIGSEGV
read r+22p => SIGSEGV
read r+23p => SIGSEGV
read r+24p => SIGSEGV
read r+25p => SIGSEGV
read r+26p => SIGSEGV
read r+27p => SIGSEGV
read r+28p => SIGSEGV
read r+29p => SIGSEGV
read r+30p => SIGSEGV
read r+31p => SIGSEGV
read r+32p => SIGSEGV
read r+33p => SIGSEGV
read r+34p => SIGSEGV
read r+35p => SIGSEGV
read r+36p => SIGSEGV
read r+37p => SIGSEGV
read r+38p => SIGSEGV
read r+39p => SIGSEGV
read r+40p => SIGSEGV
read r+41p => SIGSEGV
read r+42p => SIGSEGV
read r+43p => SIGSEGV
read r+44p => SIGSEGV
read r+45p => SIGSEGV
read r+46p => SIGSEGV
read r+47p => SIGSEGV
read r+48p => SIGSEGV
read r+49p => SIGSEGV
read r+50p => SIGSEGV
read r+51p => SIGSEGV
read r+52p => SIGSEGV
read r+53p => SIGSEGV
read r+54p => SIGSEGV
read r+55p => SIGSEGV
read r+56p => SIGSEGV
read r+57p => SIGSEGV
read r+58p => SIGSEGV
read r+59p => SIGSEGV
read r+60p => SIGSEGV
read r+61p => SIGSEGV
read r+62p => SIGSEGV
read r+63p => SIGSEGV
read r+64p => SIGSEGV
read r+65p => SIGSEGV
read r+66p => SIGSEGV
read r+67p => SIGSEGV
read r+68p => SIGSEGV
read r+69p => SIGSEGV
read r+70p => SIGSEGV
read r+71p => SIGSEGV
read r+72p => SIGSEGV
read r+73p => SIGSEGV
read r+74p => SIGSEGV
read r+75p => SIGSEGV
read r+76p => SIGSEGV
read r+77p => SIGSEGV
read r+78p => SIGSEGV
read r+79p => SIGSEGV
read r+80p => SIGSEGV
read r+81p => SIGSEGV
read r+82p => SIGSEGV
read r+83p => SIGSEGV
read r+84p => SIGSEGV
read r+85p => SIGSEGV
read r+86p => SIGSEGV
read r+87p => SIGSEGV
read r+88p => SIGSEGV
read r+89p => SIGSEGV
read r+90p => SIGSEGV
read r+91p => SIGSEGV
read r+92p => SIGSEGV
read r+93p => SIGSEGV
read r+94p => SIGSEGV
read r+95p => SIGSEGV
read r+96p => SIGSEGV
read r+97p => SIGSEGV
read r+98p => SIGSEGV
read r+99p => SIGSEGV
madvise r 100p guard_remove
read r+0p
write r+0p 0x78
read r+1p
write r+1p 0x78
read r+2p
write r+2p 0x78
read r+3p
write r+3p 0x78
read r+4p
write r+4p 0x78
read r+5p
write r+5p 0x78
read r+6p
write r+6p 0x78
read r+7p
write r+7p 0x78
read r+8p
write r+8p 0x78
read r+9p
write r+9p 0x78
read r+10p
write r+10p 0x78
read r+11p
write r+11p 0x78
read r+12p
write r+12p 0x78
read r+13p
write r+13p 0x78
read r+14p
write r+14p 0x78
read r+15p
write r+15p 0x78
read r+16p
write r+16p 0x78
read r+17p
write r+17p 0x78
read r+18p
write r+18p 0x78
read r+19p
write r+19p 0x78
read r+20p
write r+20p 0x78
read r+21p
write r+21p 0x78
read r+22p
write r+22p 0x78
read r+23p
write r+23p 0x78
read r+24p
write r+24p 0x78
read r+25p
write r+25p 0x78
read r+26p
write r+26p 0x78
read r+27p
write r+27p 0x78
read r+28p
write r+28p 0x78
read r+29p
write r+29p 0x78
read r+30p
write r+30p 0x78
read r+31p
write r+31p 0x78
read r+32p
write r+32p 0x78
read r+33p
write r+33p 0x78
read r+34p
write r+34p 0x78
read r+35p
write r+35p 0x78
read r+36p
write r+36p 0x78
read r+37p
write r+37p 0x78
read r+38p
write r+38p 0x78
read r+39p
write r+39p 0x78
read r+40p
write r+40p 0x78
read r+41p
write r+41p 0x78
read r+42p
write r+42p 0x78
read r+43p
write r+43p 0x78
read r+44p
write r+44p 0x78
read r+45p
write r+45p 0x78
read r+46p
write r+46p 0x78
read r+47p
write r+47p 0x78
read r+48p
write r+48p 0x78
read r+49p
write r+49p 0x78
read r+50p
write r+50p 0x78
read r+51p
write r+51p 0x78
read r+52p
write r+52p 0x78
read r+53p
write r+53p 0x78
read r+54p
write r+54p 0x78
read r+55p
write r+55p 0x78
read r+56p
write r+56p 0x78
read r+57p
write r+57p 0x78
read r+58p
write r+58p 0x78
read r+59p
write r+59p 0x78
read r+60p
write r+60p 0x78
read r+61p
write r+61p 0x78
read r+62p
write r+62p 0x78
read r+63p
write r+63p 0x78
read r+64p
write r+64p 0x78
read r+65p
write r+65p 0x78
read r+66p
write r+66p 0x78
read r+67p
write r+67p 0x78
read r+68p
write r+68p 0x78
read r+69p
write r+69p 0x78
read r+70p
write r+70p 0x78
read r+71p
write r+71p 0x78
read r+72p
write r+72p 0x78
read r+73p
write r+73p 0x78
read r+74p
write r+74p 0x78
read r+75p
write r+75p 0x78
read r+76p
write r+76p 0x78
read r+77p
write r+77p 0x78
read r+78p
write r+78p 0x78
read r+79p
write r+79p 0x78
read r+80p
write r+80p 0x78
read r+81p
write r+81p 0x78
read r+82p
write r+82p 0x78
read r+83p
write r+83p 0x78
read r+84p
write r+84p 0x78
read r+85p
write r+85p 0x78
read r+86p
write r+86p 0x78
read r+87p
write r+87p 0x78
read r+88p
write r+88p 0x78
read r+89p
write r+89p 0x78
read r+90p
write r+90p 0x78
read r+91p
write r+91p 0x78
read r+92p
write r+92p 0x78
read r+93p
write r+93p 0x78
read r+94p
write r+94p 0x78
read r+95p
write r+95p 0x78
read r+96p
write r+96p 0x78
read r+97p
write r+97p 0x78
read r+98p
write r+98p 0x78
read r+99p
write r+99p 0x78
munmap r 100p
