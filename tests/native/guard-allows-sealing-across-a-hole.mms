# mseal seals nothing unless its whole range is mapped (ENOMEM at a
# hole), so a range over the agent's own memory with holes is let through.
mseal 0x1000000 0x7ffffeff0000 => ENOMEM
