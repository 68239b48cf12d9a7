#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the scenario that ports collapse_compound_extreme of
tools/testing/selftests/mm/khugepaged.c (madvise context, anonymous memory).

The case builds one PTE table whose 512 entries map pages of 512 different
PTE-mapped THPs, by 512 rounds of: fault a THP at BASE, keep its first page
and shift everything kept so far down by one page with two mremap() calls.
The scenario language has no loop, so the rounds are written out:

    tests/tools/gen-khugepaged-compound-extreme.py tests/scenarios
"""
import os
import sys

PAGE = 4096
NR = 512                        # PTEs in a table, pages in a PMD THP
BASE = 0x100040000000           # 2 MiB aligned, with 2 MiB free below it
NAME = 'khugepaged-collapse-compound-extreme-madvise-anon'


def value(i):
    """The byte the i-th THP is written with (never 0, so never a hole)."""
    return i % 255 + 1


def rounds():
    out = []
    for i in range(NR):
        kept = i * PAGE
        out += ['madvise 0x%x 2m hugepage' % BASE,
                'write 0x%x 0x%02x 2m' % (BASE, value(i)),
                'smaps 0x%x AnonHugePages => 2048 kB' % BASE,
                'madvise 0x%x 2m nohugepage' % BASE,
                # keep the pages so far and the new THP's first one, at BASE+4m
                'mremap 0x%x %d %d maymove to=0x%x'
                % (BASE - kept, kept + 2 * 1024 * 1024, kept + PAGE,
                   BASE + 4 * 1024 * 1024),
                # back, one page lower, with an empty 2 MiB at BASE again
                'mremap 0x%x %d %d maymove to=0x%x'
                % (BASE + 4 * 1024 * 1024, kept + PAGE,
                   kept + PAGE + 2 * 1024 * 1024, BASE - kept - PAGE)]
    return out


def scenario():
    start = BASE - NR * PAGE
    out = ['# khugepaged.c, collapse_compound_extreme in the madvise context on',
           '# anonymous memory (written by tests/tools/gen-khugepaged-compound-',
           '# extreme.py): 512 rounds each fault a THP at BASE, keep only its first',
           '# page and move what was kept one page down (two mremap calls), so',
           '# the 2 MiB below BASE ends as one PTE table mapping the first pages',
           '# of 512 different THPs, each a large folio mapped by one PTE.  With',
           '# the empty 2 MiB at BASE unmapped, MADV_HUGEPAGE and MADV_COLLAPSE',
           '# copy the 512 pages into one PMD-mapped THP, every page kept.',
           'require thp=madvise',
           'mmap a 2m rw- private at=0x%x' % BASE]
    out += rounds()
    out += ['munmap 0x%x 2m' % BASE,
            'maps =>',
            '| %x-%x rw-p 00000000' % (start, BASE),
            'smaps 0x%x AnonHugePages => 0 kB' % start,
            'smaps 0x%x Rss => 2048 kB' % start,
            'pagemap_scan 0x%x 2m anyof=huge return=huge count => '
            'regions=0 pages=0 walk_end=%x' % (start, BASE),
            'madvise 0x%x 2m hugepage' % start,
            'madvise 0x%x 2m collapse' % start,
            'smaps 0x%x AnonHugePages => 2048 kB' % start,
            'pagemap_scan 0x%x 2m anyof=huge return=present,huge =>' % start,
            '| %x-%x present huge' % (start, BASE),
            '| walk_end %x' % BASE]
    out += ['read 0x%x 1p => 0x%02x' % (start + i * PAGE, value(i))
            for i in range(NR)]
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: %s DIR' % sys.argv[0])
    path = os.path.join(sys.argv[1], NAME + '.mms')
    with open(path, 'w') as f:
        f.write('\n'.join(scenario()) + '\n')


if __name__ == '__main__':
    main()
