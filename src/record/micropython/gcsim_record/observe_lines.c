// OBSERVE lines on stdout (observe_lines.h).
#include "observe_lines.h"

#include <string.h>

// Long enough for "OBSERVE " and any label worth having; the rest of a line is not needed.
static char line[256];
static size_t line_len;

static void end_line(void (*observed)(const char *label, size_t len)) {
    static const char prefix[] = "OBSERVE ";
    const size_t n_prefix = sizeof(prefix) - 1;
    if (line_len > n_prefix && memcmp(line, prefix, n_prefix) == 0) {
        size_t end = line_len;
        if (line[end - 1] == '\r') {
            --end;
        }
        // The label runs to the line's last two words (the numbers), so it may hold spaces, as
        // gcsim import reads it.
        for (int n_words = 0; n_words < 2 && end > n_prefix; ++n_words) {
            while (end > n_prefix && line[end - 1] != ' ') {
                --end;
            }
            if (end > n_prefix) {
                --end;
            }
        }
        if (end > n_prefix) {
            observed(line + n_prefix, end - n_prefix);
        }
    }
    line_len = 0;
}

void observe_lines_feed(const char *data, size_t len, void (*observed)(const char *label, size_t len)) {
    for (size_t i = 0; i < len; ++i) {
        if (data[i] == '\n') {
            end_line(observed);
        } else if (line_len < sizeof(line)) {
            line[line_len++] = data[i];
        }
    }
}
