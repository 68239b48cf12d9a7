memfd f 1p
syswrite f 0 nowhere 1p
