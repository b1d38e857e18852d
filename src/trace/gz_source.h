// The bytes of one trace file, read through zlib's gzread so gzipped and plain files read the
// same way (gzread passes a plain file through). A 64 KiB buffer, and for a line that spans two
// buffers a copy of that line; nothing else is kept. A leading UTF-8 byte-order mark is skipped.
// It counts the newlines consumed so the readers can name lines. The path "-" is standard input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>

namespace gcsim {

class GzSource {
 public:
  // Throws TraceError: "missing-file" (no such file), "unreadable-file" (a directory, no
  // permission, or any other failure to open).
  explicit GzSource(const std::string& path);

  // The next byte (0..255), or -1 at the end. Throws TraceError "unreadable-file" when zlib
  // reports a read error (corrupt gzip data, an I/O error).
  int peek() {
    if (pos_ == buffer_.size() && !fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }
  // Consumes the byte peek() returned.
  void advance() {
    if (buffer_[pos_++] == '\n') ++newlines_;
  }

  // Bytes of the file as stored (compressed, for .gz) read so far, a buffer at a time (kept
  // from the last fill: gzoffset costs a system call).
  std::uint64_t file_offset() const { return file_offset_; }

  // The 1-based line of the next byte.
  std::uint64_t line() const { return newlines_ + 1; }

  enum class LineEnd { newline, end_of_file, too_long };
  // Reads up to and including the next '\n'; `line` views the bytes before it, valid until the
  // next call (into the buffer, or into a copy when the line spans two buffers). Stops with
  // too_long, leaving the rest unread, once the line passes `max_bytes`.
  LineEnd next_line(std::string_view& line, std::size_t max_bytes);
  // next_line, copied into `line`.
  LineEnd read_line(std::string& line, std::size_t max_bytes);

  // At the end: true when the gzip stream stopped early (a truncated .gz file); zlib then
  // hands over what it could decompress, as if the file ended there.
  bool gzip_truncated();

 private:
  struct GzClose {
    void operator()(gzFile file) const { gzclose(file); }
  };

  void start();  // buffer size, the first fill, a leading UTF-8 BOM skipped
  bool fill();

  std::string path_;
  std::unique_ptr<gzFile_s, GzClose> file_;  // closed even when the constructor throws
  std::vector<char> buffer_;                 // bytes [pos_, size()) not yet consumed
  std::size_t pos_ = 0;
  std::uint64_t newlines_ = 0;
  std::uint64_t file_offset_ = 0;
  std::string spanning_line_;  // next_line's copy of a line that spans two buffers
};

}  // namespace gcsim
