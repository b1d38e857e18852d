// The recorder's side of the pipe to gcsim: binary records, buffered, written to the file
// descriptor named by GCSIM_RECORD_FD. gcsim's src/record/event_stream_reader.cpp reads them;
// the two files define the format together:
//
//   record   = op byte, then the op's fields as unsigned LEB128 varints (t: zigzag)
//   'h' heap start mod block, pool_bytes, liveness_every     first record, once
//   'a' id, size, flags (bit 0: finaliser), type code       alloc (type: event_stream_type)
//   'r' id, size                                             realloc
//   'f' id                                                   free (m_del / gc_free)
//   'd' id                                                   drop: found unreachable
//   'c'                                                      gc.collect()
//   't' zigzag(amount bytes, -1 off)                         gc.threshold()
//   'e' / 'x'                                                gc.enable() / gc.disable()
//   'i'                                                      the script read the heap's
//                                                            figures (gc.mem_alloc() …)
//   'm' length, bytes                                        OBSERVE <label> on stdout
//   'o' size                                                 MemoryError on the recording heap
//   'w' id                                                   the program used an object it had
//                                                            lost (a liveness miss)
//   'z' events                                               clean end: the number of records
//                                                            before it
//
// Nothing here touches the GC heap: the buffer is static and writes go around the --wrap of
// write(2).
#pragma once

#include <stddef.h>
#include <stdint.h>

// Type codes of 'a' records: the letters gc_dump_alloc_table prints for a head, then what the
// MaixPy stand-ins name their allocations (recorder_api.h; recording_stream.cpp has the names).
enum {
    EVENT_TYPE_NONE, EVENT_TYPE_TUPLE, EVENT_TYPE_LIST, EVENT_TYPE_DICT, EVENT_TYPE_STR,
    EVENT_TYPE_BYTES, EVENT_TYPE_BYTEARRAY, EVENT_TYPE_ARRAY, EVENT_TYPE_FLOAT,
    EVENT_TYPE_FUNCTION, EVENT_TYPE_MODULE,
    EVENT_TYPE_IMAGE, EVENT_TYPE_PIXELS, EVENT_TYPE_PIX_AI, EVENT_TYPE_KPU_NET,
    EVENT_TYPE_KPU_FMAP, EVENT_TYPE_KPU_YOLO2, EVENT_TYPE_KPU_YOLO2_FIND, EVENT_TYPE_CLOCK,
    EVENT_TYPE_FILE,
};

// The stream goes to `fd` from now on.
void event_stream_open(int fd);
void event_stream_op(char op);
void event_stream_uint(uint64_t value);
void event_stream_int(int64_t value);
void event_stream_bytes(const char *data, size_t len);
// Writes the 'z' record and everything buffered.
void event_stream_close(void);
