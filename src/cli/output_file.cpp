#include "cli/output_file.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace gcsim::cli {
namespace {

// An ostream's buffer that deflates into a gzip file; close() reports whether every byte got
// there.
class GzipBuffer final : public std::streambuf {
 public:
  explicit GzipBuffer(const std::string& path) : file_(gzopen(path.c_str(), "wb9")) {
    setp(buf_.data(), buf_.data() + buf_.size());
  }
  ~GzipBuffer() override {
    if (file_) gzclose(file_);
  }
  bool is_open() const { return file_ != nullptr; }
  bool close() {
    const bool ok = sync() == 0 && file_ && gzclose(file_) == Z_OK;
    file_ = nullptr;
    return ok;
  }

 protected:
  int overflow(int ch) override {
    if (sync() != 0) return traits_type::eof();
    if (ch != traits_type::eof()) {
      *pptr() = static_cast<char>(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    const auto n = static_cast<unsigned>(pptr() - pbase());
    if (n > 0 && (!file_ || gzwrite(file_, pbase(), n) != static_cast<int>(n))) return -1;
    setp(buf_.data(), buf_.data() + buf_.size());
    return 0;
  }

 private:
  gzFile file_;
  std::array<char, 1 << 16> buf_{};
};

[[noreturn]] void cannot_write(const std::string& path, const std::string& why) {
  throw std::runtime_error(fmt::format("cannot write {}{}{}", path, why.empty() ? "" : ": ", why));
}

}  // namespace

OutputFile::OutputFile(std::string path, Compression compression) : path_(std::move(path)) {
  // Found now, not by the rename after a whole replay.
  std::error_code ignored;
  if (std::filesystem::is_directory(path_, ignored)) cannot_write(path_, "it is a folder");
  // mkstemp picks a name no one else uses; the stream then reopens it by name.
  std::string pattern = path_ + ".tmp.XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) cannot_write(path_, std::strerror(errno));
  // mkstemp makes the file 0600; give it the mode a plain create would (0666 less the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  temp_path_ = pattern;
  if (compression == Compression::gzip) {
    auto buffer = std::make_unique<GzipBuffer>(temp_path_);
    const bool open = buffer->is_open();
    gzip_ = std::move(buffer);
    gzip_stream_ = std::make_unique<std::ostream>(gzip_.get());
    out_ = gzip_stream_.get();
    if (!open) {
      std::remove(temp_path_.c_str());
      cannot_write(path_, "");
    }
  } else {
    file_.open(temp_path_, std::ios::binary | std::ios::trunc);
    out_ = &file_;
    if (!file_) {
      std::remove(temp_path_.c_str());
      cannot_write(path_, "");
    }
  }
}

OutputFile::~OutputFile() {
  if (committed_) return;
  gzip_stream_.reset();
  gzip_.reset();
  file_.close();
  std::remove(temp_path_.c_str());
}

void OutputFile::commit() {
  bool ok = static_cast<bool>(out_->flush());
  if (gzip_) {
    ok = static_cast<GzipBuffer&>(*gzip_).close() && ok;
  } else {
    file_.close();
    ok = ok && !file_.fail();
  }
  if (!ok) cannot_write(path_, "write failed");
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    cannot_write(path_, std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace gcsim::cli
