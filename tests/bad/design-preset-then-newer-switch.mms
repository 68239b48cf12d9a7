# a kernel preset, then a switch no 6.14 had: checked against the preset
design kernel=6.14
design pins=bias guard=maybe-guard
