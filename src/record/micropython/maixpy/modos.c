// `os` as MaixPy has it (a weak link to its uos): the unix port's uos calls under the names
// MaixPy scripts use, plus listdir(), which the unix port lacks. Paths under /sd and /flash are
// the current folder's (paths.c). listdir() allocates as MicroPython's VFS listdir does: a list,
// and per entry the iterator's tuple and the name (the tuple is garbage at once).
#include <string.h>

#include "standin.h"

#include "py/runtime.h"

extern const mp_obj_module_t mp_module_os;  // the unix port's uos (ports/unix/modos.c)

static mp_obj_t unix_os(qstr name) {
    return mp_load_attr(MP_OBJ_FROM_PTR(&mp_module_os), name);
}

STATIC mp_obj_t os_ilistdir(size_t n_args, const mp_obj_t *args) {
    return mp_call_function_n_kw(unix_os(MP_QSTR_ilistdir), n_args, 0, args);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(os_ilistdir_obj, 0, 1, os_ilistdir);

// listdir(path='.'): the names, without '.' and '..' (which FatFs never lists).
STATIC mp_obj_t os_listdir(size_t n_args, const mp_obj_t *args) {
    mp_obj_t iter = os_ilistdir(n_args, args);
    mp_obj_t names = mp_obj_new_list(0, NULL);
    mp_obj_t next;
    while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_obj_t name = mp_obj_subscr(next, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL);
        size_t len;
        const char *text = mp_obj_str_get_data(name, &len);
        if ((len == 1 && text[0] == '.') || (len == 2 && text[0] == '.' && text[1] == '.')) {
            continue;
        }
        mp_obj_list_append(names, name);
    }
    return names;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(os_listdir_obj, 0, 1, os_listdir);

STATIC mp_obj_t os_stat(mp_obj_t path) {
    return mp_call_function_1(unix_os(MP_QSTR_stat), path);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(os_stat_obj, os_stat);

STATIC mp_obj_t os_statvfs(mp_obj_t path) {
    return mp_call_function_1(unix_os(MP_QSTR_statvfs), path);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(os_statvfs_obj, os_statvfs);

STATIC mp_obj_t os_remove(mp_obj_t path) {
    return mp_call_function_1(unix_os(MP_QSTR_remove), path);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(os_remove_obj, os_remove);

STATIC mp_obj_t os_mkdir(mp_obj_t path) {
    return mp_call_function_1(unix_os(MP_QSTR_mkdir), path);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(os_mkdir_obj, os_mkdir);

// The script runs in /sd (the current folder).
STATIC mp_obj_t os_getcwd(void) {
    return mp_obj_new_str("/sd", 3);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(os_getcwd_obj, os_getcwd);

STATIC mp_obj_t os_chdir(mp_obj_t path_in) {
    const char *path = mp_obj_str_get_str(path_in);
    if (strcmp(path, "/sd") != 0 && strcmp(path, "/sd/") != 0) {
        standin_raise_not_modelled(MP_QSTR_os, MP_QSTR_chdir);
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(os_chdir_obj, os_chdir);

STATIC mp_obj_t os_sync(void) {
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(os_sync_obj, os_sync);

STANDIN_NOT_MODELLED(os, rename);
STANDIN_NOT_MODELLED(os, rmdir);
STANDIN_NOT_MODELLED(os, uname);
STANDIN_NOT_MODELLED(os, urandom);
STANDIN_NOT_MODELLED(os, mount);
STANDIN_NOT_MODELLED(os, umount);
STANDIN_NOT_MODELLED(os, dupterm);
STANDIN_NOT_MODELLED(os, flash_format);

STATIC const mp_rom_map_elem_t os_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_uos) },
    { MP_ROM_QSTR(MP_QSTR_listdir), MP_ROM_PTR(&os_listdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_ilistdir), MP_ROM_PTR(&os_ilistdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_stat), MP_ROM_PTR(&os_stat_obj) },
    { MP_ROM_QSTR(MP_QSTR_statvfs), MP_ROM_PTR(&os_statvfs_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&os_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_mkdir), MP_ROM_PTR(&os_mkdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_getcwd), MP_ROM_PTR(&os_getcwd_obj) },
    { MP_ROM_QSTR(MP_QSTR_chdir), MP_ROM_PTR(&os_chdir_obj) },
    { MP_ROM_QSTR(MP_QSTR_sync), MP_ROM_PTR(&os_sync_obj) },
    STANDIN_NOT_MODELLED_ENTRY(os, rename),
    STANDIN_NOT_MODELLED_ENTRY(os, rmdir),
    STANDIN_NOT_MODELLED_ENTRY(os, uname),
    STANDIN_NOT_MODELLED_ENTRY(os, urandom),
    STANDIN_NOT_MODELLED_ENTRY(os, mount),
    STANDIN_NOT_MODELLED_ENTRY(os, umount),
    STANDIN_NOT_MODELLED_ENTRY(os, dupterm),
    STANDIN_NOT_MODELLED_ENTRY(os, flash_format),
};
STATIC MP_DEFINE_CONST_DICT(os_globals, os_globals_table);

const mp_obj_module_t standin_os_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&os_globals,
};

MP_REGISTER_MODULE(MP_QSTR_os, standin_os_module, 1);
