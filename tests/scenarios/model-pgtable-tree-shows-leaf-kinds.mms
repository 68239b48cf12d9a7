# pgtable draws the four levels over a range: the path of table pages
# from the PGD down, then the leaves; runs of like entries fold into one
# line.  Kinds: anon (written), zero (read: the shared zero page),
# special (a PFN map: /dev/mem; a PCI BAR's PMD leaves from ->huge_fault).
require model
mmap a 4p rw- private
write a 1 2p
read a+2p
pgtable a 4p =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100002
|   pud[0] 100000000000 -> pmd table pfn 0x100003
|     pmd[0] 100000000000 -> pte table pfn 0x100004
|       pte[0-1] 100000000000-100000002000 anon rw dirty
|       pte[2] 100000002000-100000003000 zero ro
open m mem
mmap io 1p r-- shared file=m
read io
pgtable io =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100002
|   pud[1] 100040000000 -> pmd table pfn 0x100007
|     pmd[0] 100040000000 -> pte table pfn 0x100008
|       pte[0] 100040000000-100040001000 special ro
open bar bar size=4m
mmap b 4m rw- shared file=bar
read b
read b+2m
pgtable b 4m =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100002
|   pud[2] 100080000000 -> pmd table pfn 0x100009
|     pmd[0-1] 100080000000-100080400000 special pmd-leaf rw
