// The script's stdout, split into lines as it is written: a line `OBSERVE <label> <mem_alloc>
// <mem_free>` (what tools/gcsim_probe.py prints) names a point of the run. Only the label is
// kept: the text before the last two words, spaces and all (`frame 1`).
#pragma once

#include <stddef.h>

// Feeds bytes written to stdout; calls `observed(label, len)` at the end of each OBSERVE line.
void observe_lines_feed(const char *data, size_t len, void (*observed)(const char *label, size_t len));
