// The board's file systems on the desk: a path under /sd or /flash names the same path under
// the current folder (where `gcsim record` runs the script), so `open('/sd/labels.txt')`,
// `image.Image('/flash/x.jpg')` and `os.listdir('/sd/images')` read ./labels.txt, ./x.jpg and
// ./images. The unix port's file calls are linked with --wrap (micropython.mk) and come here
// first; every other path passes through unchanged.
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

int __real_open(const char *path, int flags, ...);
int __real_stat(const char *path, struct stat *buf);
DIR *__real_opendir(const char *path);
int __real_mkdir(const char *path, mode_t mode);
int __real_unlink(const char *path);
int __real_statvfs(const char *path, struct statvfs *buf);

int __wrap_open(const char *path, int flags, ...);
int __wrap_stat(const char *path, struct stat *buf);
DIR *__wrap_opendir(const char *path);
int __wrap_mkdir(const char *path, mode_t mode);
int __wrap_unlink(const char *path);
int __wrap_statvfs(const char *path, struct statvfs *buf);

// "/sd" and "/flash" are ".", "/sd/x" and "/flash/x" are "./x"; the result lives in `buf`.
static const char *local_path(const char *path, char *buf, size_t size) {
    static const char *const mounts[] = {"/sd", "/flash"};
    for (size_t i = 0; i < sizeof(mounts) / sizeof(mounts[0]); ++i) {
        size_t n = strlen(mounts[i]);
        if (strncmp(path, mounts[i], n) == 0 && (path[n] == '\0' || path[n] == '/')) {
            size_t rest = strlen(path + n);
            if (rest + 2 > size) {
                return path;
            }
            buf[0] = '.';
            memcpy(buf + 1, path + n, rest + 1);
            return buf;
        }
    }
    return path;
}

int __wrap_open(const char *path, int flags, ...) {
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    char buf[4096];
    return __real_open(local_path(path, buf, sizeof(buf)), flags, mode);
}

int __wrap_stat(const char *path, struct stat *st) {
    char buf[4096];
    return __real_stat(local_path(path, buf, sizeof(buf)), st);
}

DIR *__wrap_opendir(const char *path) {
    char buf[4096];
    return __real_opendir(local_path(path, buf, sizeof(buf)));
}

int __wrap_mkdir(const char *path, mode_t mode) {
    char buf[4096];
    return __real_mkdir(local_path(path, buf, sizeof(buf)), mode);
}

int __wrap_unlink(const char *path) {
    char buf[4096];
    return __real_unlink(local_path(path, buf, sizeof(buf)));
}

int __wrap_statvfs(const char *path, struct statvfs *st) {
    char buf[4096];
    return __real_statvfs(local_path(path, buf, sizeof(buf)), st);
}
