#include "cli/output_file.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace gcsim::cli {

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  // Found now, not by the rename after a whole replay.
  std::error_code ignored;
  if (std::filesystem::is_directory(path_, ignored)) {
    throw std::runtime_error(fmt::format("cannot write {}: it is a folder", path_));
  }
  // mkstemp picks a name no one else uses; the stream then reopens it by name.
  std::string pattern = path_ + ".tmp.XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw std::runtime_error(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
  }
  // mkstemp makes the file 0600; give it the mode a plain create would (0666 less the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  temp_path_ = pattern;
  out_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::remove(temp_path_.c_str());
    throw std::runtime_error(fmt::format("cannot write {}", path_));
  }
}

OutputFile::~OutputFile() {
  if (!committed_) {
    out_.close();
    std::remove(temp_path_.c_str());
  }
}

void OutputFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) {
    throw std::runtime_error(fmt::format("cannot write {}: write failed", path_));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
  }
  committed_ = true;
}

}  // namespace gcsim::cli
