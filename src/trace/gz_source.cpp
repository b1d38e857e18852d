#include "trace/gz_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <unistd.h>

#include "trace/trace_error.h"

namespace gcsim {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

GzSource::GzSource(const std::string& path) : path_(path) {
  if (path == "-") {
    // Standard input, plain or gzipped (zlib tells them apart, as for a file).
    file_.reset(gzdopen(::dup(STDIN_FILENO), "rb"));
    if (file_ == nullptr) {
      throw TraceError({.file = path, .rule = "unreadable-file", .detail = "cannot read stdin"});
    }
    start();
    return;
  }
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw TraceError({.file = path, .rule = "missing-file", .detail = "no such file"});
  }
  if (status.type() == std::filesystem::file_type::directory) {
    throw TraceError({.file = path, .rule = "unreadable-file", .detail = "is a directory"});
  }
  errno = 0;
  file_.reset(gzopen(path.c_str(), "rb"));
  if (file_ == nullptr) {
    throw TraceError({.file = path,
                      .rule = "unreadable-file",
                      .detail = errno != 0 ? std::strerror(errno) : "cannot open"});
  }
  start();
}

void GzSource::start() {
  gzbuffer(file_.get(), kBufferBytes);
  buffer_.reserve(kBufferBytes);
  // fill() reads a whole buffer unless the file is shorter, so a BOM is never split.
  if (fill() && std::string_view(buffer_.data(), buffer_.size()).starts_with(kUtf8Bom)) {
    pos_ = kUtf8Bom.size();
  }
}

GzSource::LineEnd GzSource::next_line(std::string_view& line, std::size_t max_bytes) {
  // The usual case: the whole line is in the buffer.
  if (peek() >= 0) {
    const char* begin = buffer_.data() + pos_;
    const std::size_t available = buffer_.size() - pos_;
    if (const void* newline = std::memchr(begin, '\n', available)) {
      const auto n_bytes = static_cast<std::size_t>(static_cast<const char*>(newline) - begin);
      if (n_bytes > max_bytes) return LineEnd::too_long;
      line = std::string_view(begin, n_bytes);
      pos_ += n_bytes;
      advance();
      return LineEnd::newline;
    }
  }
  spanning_line_.clear();
  line = {};
  while (peek() >= 0) {
    const char* begin = buffer_.data() + pos_;
    const char* end = buffer_.data() + buffer_.size();
    const char* newline = std::find(begin, end, '\n');
    const auto n_bytes = static_cast<std::size_t>(newline - begin);
    if (spanning_line_.size() + n_bytes > max_bytes) return LineEnd::too_long;
    spanning_line_.append(begin, n_bytes);
    pos_ += n_bytes;
    if (newline != end) {
      advance();
      line = spanning_line_;
      return LineEnd::newline;
    }
  }
  line = spanning_line_;
  return LineEnd::end_of_file;
}

GzSource::LineEnd GzSource::read_line(std::string& line, std::size_t max_bytes) {
  std::string_view view;
  const LineEnd end = next_line(view, max_bytes);
  line.assign(view);
  return end;
}

bool GzSource::gzip_truncated() {
  int code = Z_OK;
  gzerror(file_.get(), &code);
  return code == Z_BUF_ERROR;
}

bool GzSource::fill() {
  buffer_.resize(kBufferBytes);
  pos_ = 0;
  const int n_bytes = gzread(file_.get(), buffer_.data(), static_cast<unsigned>(buffer_.size()));
  if (n_bytes < 0) {
    int code = Z_OK;
    const char* message = gzerror(file_.get(), &code);
    buffer_.clear();
    throw TraceError({.file = path_,
                      .rule = "unreadable-file",
                      .detail = code == Z_ERRNO ? std::strerror(errno) : message});
  }
  buffer_.resize(static_cast<std::size_t>(n_bytes));
  file_offset_ = static_cast<std::uint64_t>(gzoffset(file_.get()));
  return n_bytes > 0;
}

}  // namespace gcsim
