#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the scenarios that port tools/testing/selftests/mm/mlock-random-test.c.

The selftest draws its ranges from rand() seeded with the time; the port
draws them from Python's random.Random(SEED) for SEED in 1, 2, 3, so each
scenario is deterministic and can be regenerated:

    tests/tools/gen-mlock-random.py tests/scenarios

As in the selftest, the chunk comes from malloc(): glibc serves 128 KiB
and 384 KiB with mmap, 16 bytes of header in front, so the chunk starts
16 bytes into a 33-page (resp. 97-page) mapping.
"""
import os
import random
import sys

PAGE = 4096
UNIT = 128 * 1024
RLIMIT = 2 * UNIT
LOOPS = 100


def pages(addr, length):
    """The pages mlock(addr, length) covers, as the kernel rounds them."""
    first = addr // PAGE
    n = (length + addr % PAGE + PAGE - 1) // PAGE
    return set(range(first, first + n))


def within(seed):
    rnd = random.Random(seed)
    alloc = UNIT
    out = ['# mlock-random-test.c, test_mlock_within_limit, seed %d (see' % seed,
           '# tests/tools/gen-mlock-random.py): with CAP_IPC_LOCK dropped and',
           '# RLIMIT_MEMLOCK at 256 KiB, %d random mlock/mlock2(MLOCK_ONFAULT)' % LOOPS,
           '# calls inside a 128 KiB malloc()ed chunk all succeed; VmLck counts',
           '# the pages they covered, at most the chunk and one page.',
           'capability ipc_lock off',
           'setrlimit memlock 256k 256k',
           'mmap chunk 33p rw- private']
    locked = set()
    for _ in range(LOOPS):
        is_mlock = rnd.randrange(2)
        size = rnd.randrange(alloc)
        start = rnd.randrange(alloc - size)
        out.append('mlock chunk+%d %d%s' % (16 + start, size, '' if is_mlock else ' onfault'))
        locked |= pages(16 + start, size)
    assert len(locked) * PAGE <= alloc + 2 * PAGE
    out.append('status VmLck => %d kB' % (len(locked) * 4))
    out.append('munlock chunk+16 %d' % alloc)
    out.append('status VmLck => 0 kB')
    return '\n'.join(out) + '\n'


def outside(seed):
    rnd = random.Random(seed)
    alloc = 3 * UNIT
    out = ['# mlock-random-test.c, test_mlock_outof_limit, seed %d (see' % seed,
           '# tests/tools/gen-mlock-random.py): with CAP_IPC_LOCK dropped and',
           '# RLIMIT_MEMLOCK at 256 KiB, %d random mlock/mlock2(MLOCK_ONFAULT)' % LOOPS,
           '# calls of 256 to 384 KiB inside a 384 KiB malloc()ed chunk all fail',
           '# with ENOMEM and lock nothing.',
           'capability ipc_lock off',
           'setrlimit memlock 256k 256k',
           'mmap chunk 97p rw- private']
    for _ in range(LOOPS):
        is_mlock = rnd.randrange(2)
        size = rnd.randrange(alloc - RLIMIT) + RLIMIT
        start = rnd.randrange(alloc - size)
        out.append('mlock chunk+%d %d%s => ENOMEM' % (16 + start, size, '' if is_mlock else ' onfault'))
    out.append('status VmLck => 0 kB')
    out.append('munlock chunk+16 %d' % alloc)
    return '\n'.join(out) + '\n'


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else 'tests/scenarios'
    for seed in (1, 2, 3):
        for name, fn in (('within-limit', within), ('outof-limit', outside)):
            path = os.path.join(outdir, 'mlock-random-test-%s-seed%d.mms' % (name, seed))
            with open(path, 'w') as f:
                f.write(fn(seed))


if __name__ == '__main__':
    main()
