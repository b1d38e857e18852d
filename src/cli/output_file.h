// OutputFile: an output written atomically — gcsim's one way of writing a file. It writes to a
// temporary file beside the target (mkstemp, a short name whatever the target's length; the
// mode a plain create would give) and renames it over the target only on commit, so a failed
// run leaves no partial file (the destructor removes the temporary, and so does SIGINT, SIGTERM
// or SIGHUP). Opening fails at once, with one line naming the path and why, before any work is
// done: a folder, a missing folder, no permission, a read-only file, a device, FIFO or socket
// (never replaced: /dev/null stays a device even for root), a symlink (refused rather than
// replaced or written through), an input of the command (protect_input) or a path another
// output of the command already writes. With Compression::gzip the stream is deflated on its
// way to the file (gcsim synth's .jsonl.gz).
//
// "-" is standard output, for one output of a command (a second is refused): written as it
// goes, since a pipe cannot be taken back, and checked on commit. The command then prints
// nothing else on stdout (takes_stdout()).
#pragma once

#include <fstream>
#include <initializer_list>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

namespace gcsim::cli {

enum class Compression { none, gzip };

class OutputFile {
 public:
  explicit OutputFile(std::string path, Compression compression = Compression::none);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return *out_; }
  // commit_all({this}).
  void commit();

  // Flush and check every output, then rename them all into place; if a rename fails, the
  // ones already renamed are put back as they were (the old file, or none), so a command's
  // outputs appear together or not at all. Throws std::runtime_error.
  static void commit_all(const std::vector<OutputFile*>& outputs);
  // The same for a command's optional outputs: those not asked for are skipped.
  static void commit_all(std::initializer_list<std::optional<OutputFile>*> outputs);
  // An output of this command is "-": its summary and tables stay off stdout.
  static bool takes_stdout();

 private:
  void finish();  // flush, close, check: throws if a byte did not reach the temporary
  void forget_temp();

  std::string path_;
  std::string temp_path_;
  std::string backup_path_;  // during commit_all: a hard link to the file being replaced
  bool had_old_ = false;     // during commit_all: a file was replaced without a backup
  std::unique_ptr<std::streambuf> gzip_;  // Compression::gzip: deflates into temp_path_
  std::ofstream file_;                    // Compression::none
  std::unique_ptr<std::ostream> gzip_stream_;
  std::ostream* out_ = nullptr;
  bool committed_ = false;
  bool to_stdout_ = false;  // "-"
};

// A file the command reads: an output naming it (or a link to it) is refused, so `--csv` never
// replaces the trace it replays. Call before opening the outputs.
void protect_input(const std::string& path);

// Flush stdout and throw std::runtime_error ("cannot write to stdout: …") if any write to it
// failed (a full disk, `> /dev/full`, a closed pipe).
void check_stdout();

}  // namespace gcsim::cli
