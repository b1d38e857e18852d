// Files and streams on MaixPy (py/stream.c v1.11, the VFS file object): what open(), readline()
// and read() ask of gc_alloc.
//
// The file object (extmod/vfs_fat_file.c): the object header and FatFs' FIL, 8 + 56 bytes on a
// 64-bit core (MicroPython's ffconf.h sets FF_FS_TINY, so a file has no sector buffer of its
// own), allocated with a finaliser (m_new_obj_with_finaliser) that closes the file when the
// collector sweeps it.
#pragma once

#include <cstdint>
#include <string_view>

#include "synth/trace_builder.h"

namespace gcsim::synth {

inline constexpr std::uint64_t kFileObjectBytes = 64;    // see above
inline constexpr std::uint64_t kReadlineVstrBytes = 16;  // stream_unbuffered_readline
inline constexpr std::uint64_t kReadAllStepBytes = 256;  // DEFAULT_BUFFER_SIZE in stream.c

// open(path, mode): the file object, held, with its finaliser flag.
ObjectId open_file(TraceBuilder& b);
// readline() / `for line in f`: a 16-byte vstr, the line (len bytes, '\n' included) added a
// byte at a time, then a str or bytes object. len 0 (end of file, a UART timeout) frees the
// buffer and returns no object ('' is a qstr; a stream with no data returns None).
ObjectId readline(TraceBuilder& b, std::uint64_t len, std::string_view type);
// read() of a whole file: a 256-byte vstr extended by 256 bytes each time a read fills it,
// then a str or bytes object (the buffer shrunk to n_bytes + 1).
ObjectId read_all(TraceBuilder& b, std::uint64_t n_bytes, std::string_view type);

}  // namespace gcsim::synth
