memfd f 1p sealing,hugetlb
