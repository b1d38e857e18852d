#include "cli/output_file.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <vector>

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

// The temporaries (and, while committing, the backups) a signal must remove. The handler may
// only use async-signal-safe calls, so the paths live in fixed buffers, not std::strings.
constexpr std::size_t kMaxTemps = 32;
struct TempSlot {
  std::array<char, PATH_MAX> path;
  volatile std::sig_atomic_t used;
};
std::array<TempSlot, kMaxTemps> g_temps{};

extern "C" void remove_temps_and_die(int signal) {
  for (TempSlot& slot : g_temps) {
    if (slot.used) ::unlink(slot.path.data());
  }
  // Die of the signal, as the caller (a shell, make, CI) expects.
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

void install_signal_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    ::sigaction(signal, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // nohup, a background job: stay ignored
    struct sigaction action {};
    action.sa_handler = remove_temps_and_die;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
  }
}

void register_temp(const std::string& path) {
  install_signal_handlers();
  for (TempSlot& slot : g_temps) {
    if (slot.used) continue;
    if (path.size() >= slot.path.size()) break;
    std::memcpy(slot.path.data(), path.c_str(), path.size() + 1);
    slot.used = 1;
    return;
  }
  throw std::logic_error("too many temporary files at once");
}

// Called after the file is gone (renamed or unlinked): a signal in between unlinks nothing.
void unregister_temp(const std::string& path) {
  for (TempSlot& slot : g_temps) {
    if (slot.used && path == slot.path.data()) {
      slot.used = 0;
      return;
    }
  }
}

std::vector<std::string>& protected_inputs() {
  static std::vector<std::string> inputs;
  return inputs;
}

// Set by an output named "-", for the rest of the command (its summary stays off stdout).
bool g_stdout_is_an_output = false;

std::vector<const std::string*>& open_outputs() {
  static std::vector<const std::string*> outputs;
  return outputs;
}

bool same_file(const struct stat& a, const std::string& other) {
  struct stat b {};
  return ::stat(other.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

std::string canonical(const std::string& path) {
  std::error_code ignored;
  return std::filesystem::weakly_canonical(std::filesystem::absolute(path, ignored), ignored)
      .string();
}

// Why `path` must not be replaced, or "" when it may.
std::string refusal(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return "it is a folder";
    if (S_ISLNK(st.st_mode)) return "it is a symlink (gcsim neither replaces nor follows one)";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "it is a device, not a file";
    if (S_ISFIFO(st.st_mode)) return "it is a FIFO, not a file";
    if (!S_ISREG(st.st_mode)) return "it is a socket, not a file";
    // Root may write anything: the mode bits say what the owner meant.
    if ((st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0) return "it is read-only";
    for (const std::string& input : protected_inputs()) {
      if (same_file(st, input)) return fmt::format("it is {}, an input of this command", input);
    }
  }
  const std::string target = canonical(path);
  for (const std::string* other : open_outputs()) {
    if (canonical(*other) == target) return "another output of this command writes it";
  }
  return "";
}

}  // namespace

void protect_input(const std::string& path) { protected_inputs().push_back(path); }

void check_stdout() {
  errno = 0;
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    throw std::runtime_error(
        fmt::format("cannot write to stdout: {}", errno ? std::strerror(errno) : "write failed"));
  }
}

OutputFile::OutputFile(std::string path, Compression compression) : path_(std::move(path)) {
  if (path_ == "-") {
    const auto& outputs = open_outputs();
    if (std::any_of(outputs.begin(), outputs.end(),
                    [](const std::string* p) { return *p == "-"; })) {
      cannot_write("-", "another output of this command writes stdout");
    }
    g_stdout_is_an_output = true;
    if (compression == Compression::gzip) cannot_write("-", "gzip is for files; name a .jsonl");
    to_stdout_ = true;
    open_outputs().push_back(&path_);
    out_ = &std::cout;
    return;
  }
  // Found now, not by the rename after a whole replay.
  if (const std::string why = refusal(path_); !why.empty()) cannot_write(path_, why);
  // A short name beside the target: a 255-byte file name leaves no room for a suffix. mkstemp
  // picks a name no one else uses; the stream then reopens it by name.
  const std::string folder = std::filesystem::path(path_).parent_path().string();
  std::string pattern = (folder.empty() ? "" : folder + "/") + "gcsim.tmp.XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) cannot_write(path_, std::strerror(errno));
  temp_path_ = pattern;
  register_temp(temp_path_);
  // mkstemp makes the file 0600; give it the mode a plain create would (0666 less the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  open_outputs().push_back(&path_);
  if (compression == Compression::gzip) {
    auto buffer = std::make_unique<GzipBuffer>(temp_path_);
    const bool open = buffer->is_open();
    gzip_ = std::move(buffer);
    gzip_stream_ = std::make_unique<std::ostream>(gzip_.get());
    out_ = gzip_stream_.get();
    if (!open) {
      forget_temp();
      cannot_write(path_, "");
    }
  } else {
    file_.open(temp_path_, std::ios::binary | std::ios::trunc);
    out_ = &file_;
    if (!file_) {
      forget_temp();
      cannot_write(path_, "");
    }
  }
}

OutputFile::~OutputFile() {
  if (!committed_) {
    gzip_stream_.reset();
    gzip_.reset();
    file_.close();
    forget_temp();
  }
}

void OutputFile::forget_temp() {
  auto& outputs = open_outputs();
  outputs.erase(std::remove(outputs.begin(), outputs.end(), &path_), outputs.end());
  if (temp_path_.empty()) return;
  ::unlink(temp_path_.c_str());
  unregister_temp(temp_path_);
  temp_path_.clear();
}

bool OutputFile::takes_stdout() { return g_stdout_is_an_output; }

void OutputFile::finish() {
  if (to_stdout_) {
    check_stdout();
    return;
  }
  bool ok = static_cast<bool>(out_->flush());
  if (gzip_) {
    ok = static_cast<GzipBuffer&>(*gzip_).close() && ok;
  } else {
    file_.close();
    ok = ok && !file_.fail();
  }
  if (!ok) cannot_write(path_, "write failed");
}

void OutputFile::commit() { commit_all(std::vector<OutputFile*>{this}); }

void OutputFile::commit_all(std::initializer_list<std::optional<OutputFile>*> outputs) {
  std::vector<OutputFile*> present;
  for (std::optional<OutputFile>* out : outputs) {
    if (*out) present.push_back(&**out);
  }
  commit_all(present);
}

void OutputFile::commit_all(const std::vector<OutputFile*>& outputs) {
  for (OutputFile* out : outputs) out->finish();
  // Keep each old file under a second name until every rename has succeeded.
  std::size_t renamed = 0;
  try {
    for (; renamed < outputs.size(); ++renamed) {
      OutputFile& out = *outputs[renamed];
      if (out.to_stdout_) continue;
      const std::string backup = out.temp_path_ + ".old";
      if (::link(out.path_.c_str(), backup.c_str()) == 0) {
        out.backup_path_ = backup;
        register_temp(backup);
      } else {
        // No hard links here (vfat): the old file, if any, cannot come back.
        out.had_old_ = errno != ENOENT;
      }
      if (std::rename(out.temp_path_.c_str(), out.path_.c_str()) != 0) {
        const int error = errno;
        if (!out.backup_path_.empty()) {
          ::unlink(out.backup_path_.c_str());
          unregister_temp(out.backup_path_);
          out.backup_path_.clear();
        }
        cannot_write(out.path_, std::strerror(error));
      }
      unregister_temp(out.temp_path_);
      out.temp_path_.clear();
    }
  } catch (...) {
    for (std::size_t i = renamed; i-- > 0;) {
      OutputFile& out = *outputs[i];
      if (out.to_stdout_) continue;
      if (out.backup_path_.empty()) {
        if (!out.had_old_) ::unlink(out.path_.c_str());
      } else {
        std::rename(out.backup_path_.c_str(), out.path_.c_str());
        unregister_temp(out.backup_path_);
        out.backup_path_.clear();
      }
    }
    throw;
  }
  for (OutputFile* out : outputs) {
    if (!out->backup_path_.empty()) {
      ::unlink(out->backup_path_.c_str());
      unregister_temp(out->backup_path_);
      out->backup_path_.clear();
    }
    out->forget_temp();
    out->committed_ = true;
  }
}

}  // namespace gcsim::cli
