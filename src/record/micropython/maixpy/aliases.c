// MaixPy's weak links (mpconfigport.h there: `import json` is ujson, …), for the modules the
// unix port has: the unix port has no weak links, so without these `import json` fails.
// `time` and `os` are the stand-ins' own (modtime.c, modos.c).
#include "py/obj.h"

MP_REGISTER_MODULE(MP_QSTR_binascii, mp_module_ubinascii, MICROPY_PY_UBINASCII);
MP_REGISTER_MODULE(MP_QSTR_collections, mp_module_collections, MICROPY_PY_COLLECTIONS);
MP_REGISTER_MODULE(MP_QSTR_errno, mp_module_uerrno, MICROPY_PY_UERRNO);
MP_REGISTER_MODULE(MP_QSTR_heapq, mp_module_uheapq, MICROPY_PY_UHEAPQ);
MP_REGISTER_MODULE(MP_QSTR_json, mp_module_ujson, MICROPY_PY_UJSON);
MP_REGISTER_MODULE(MP_QSTR_random, mp_module_urandom, MICROPY_PY_URANDOM);
MP_REGISTER_MODULE(MP_QSTR_re, mp_module_ure, MICROPY_PY_URE);
MP_REGISTER_MODULE(MP_QSTR_struct, mp_module_ustruct, MICROPY_PY_STRUCT);
MP_REGISTER_MODULE(MP_QSTR_zlib, mp_module_uzlib, MICROPY_PY_UZLIB);
MP_REGISTER_MODULE(MP_QSTR_hashlib, mp_module_uhashlib, MICROPY_PY_UHASHLIB);
