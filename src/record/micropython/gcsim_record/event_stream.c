// The binary record writer (format in event_stream.h).
#include "event_stream.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

// The real write(2): the recorder wraps write() to see the script's stdout.
ssize_t __real_write(int fd, const void *buf, size_t count);

static int stream_fd = -1;
static uint64_t n_records;
static unsigned char buffer[1 << 16];
static size_t used;

static void flush(void) {
    size_t done = 0;
    while (done < used) {
        ssize_t n = __real_write(stream_fd, buffer + done, used - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            // gcsim has gone: nothing can be recorded, and the run is not worth finishing.
            _exit(125);
        }
        done += (size_t)n;
    }
    used = 0;
}

static void put(unsigned char byte) {
    if (used == sizeof(buffer)) {
        flush();
    }
    buffer[used++] = byte;
}

void event_stream_open(int fd) {
    stream_fd = fd;
}

void event_stream_op(char op) {
    ++n_records;
    put((unsigned char)op);
}

void event_stream_uint(uint64_t value) {
    while (value >= 0x80) {
        put((unsigned char)(value | 0x80));
        value >>= 7;
    }
    put((unsigned char)value);
}

void event_stream_int(int64_t value) {
    event_stream_uint(((uint64_t)value << 1) ^ (uint64_t)(value >> 63));
}

void event_stream_bytes(const char *data, size_t len) {
    event_stream_uint(len);
    for (size_t i = 0; i < len; ++i) {
        put((unsigned char)data[i]);
    }
}

void event_stream_close(void) {
    uint64_t before = n_records;
    event_stream_op('z');
    event_stream_uint(before);
    flush();
}
