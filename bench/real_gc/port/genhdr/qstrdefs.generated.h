// Stands in for the qstr table MicroPython's build generates: py/qstr.h makes an enum of these
// names, and py/gc.c needs only MP_QSTR___del__ (the finaliser lookup in its sweep). The second
// argument, the interned string, is not used by anything bench_real_gc compiles.
QDEF(MP_QSTR_NULL, "")
QDEF(MP_QSTR_, "")
QDEF(MP_QSTR___del__, "__del__")
