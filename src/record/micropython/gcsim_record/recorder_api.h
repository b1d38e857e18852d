// What the recorder offers the other C modules compiled into its MicroPython (the MaixPy
// stand-ins in ../maixpy/): naming an allocation the object's head cannot name, and marks.
// Both do nothing when the binary runs without GCSIM_RECORD_FD (a plain run).
#pragma once

#include <stddef.h>

#include "event_stream.h"

// Names the allocation just made at `ptr` (an EVENT_TYPE_* code) in its 'a' record. Call it
// right after the allocation, before anything else allocates: the name applies only while that
// allocation is still the newest.
void gcsim_record_set_type(const void *ptr, int type_code);

// A `mark` with this label, here in the event order.
void gcsim_record_mark(const char *label, size_t len);
