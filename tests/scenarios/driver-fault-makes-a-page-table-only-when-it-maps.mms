# A driver's ->fault on an empty PMD runs with no PTE table (vmf->pte
# NULL): one that fails (SIGBUS past the buffer) leaves none; a page it
# returns is mapped by finish_fault(), which links the table the core
# allocated before ->fault; vmf_insert_pfn() makes one through its own
# walk (so the core's goes back unused: the table is not 0x10000a).
# require model: fbdefio is a model-only device (lib/drivers/video/fbdev).
require model
open fb fbdefio pages=2
mmap a 4p rw- shared file=fb
read a+3p => SIGBUS
pgtable a 4p =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100004
|   pud[0] 100000000000 -> pmd table pfn 0x100005
read a => 0x00
pgtable a 4p =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100004
|   pud[0] 100000000000 -> pmd table pfn 0x100005
|     pmd[0] 100000000000 -> pte table pfn 0x100006
|       pte[0] 100000000000-100000001000 kernel ro
open k fbdefio pages=2 design=kmemfb
mmap b 4p rw- shared file=k
read b+3p => SIGBUS
pgtable b 4p =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100004
|   pud[1] 100040000000 -> pmd table pfn 0x100009
read b+1p => 0x00
pgtable b 4p =>
| pgd table pfn 0x100001
| pgd[32] 100000000000 -> pud table pfn 0x100004
|   pud[1] 100040000000 -> pmd table pfn 0x100009
|     pmd[0] 100040000000 -> pte table pfn 0x10000b
|       pte[1] 100040001000-100040002000 special ro
