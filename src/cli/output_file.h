// OutputFile: an output written atomically — gcsim's one way of writing a file. It writes to a
// temporary file beside the target (mkstemp; the mode a plain create would give) and renames it
// over the target only on commit(), so a failed run leaves no partial file (the destructor
// removes the temporary). Opening fails at once, with one line naming the path and why (a
// folder, a missing folder, no permission), before any work is done. With Compression::gzip the
// stream is deflated on its way to the file (gcsim synth's .jsonl.gz).
#pragma once

#include <fstream>
#include <memory>
#include <streambuf>
#include <string>

namespace gcsim::cli {

enum class Compression { none, gzip };

class OutputFile {
 public:
  explicit OutputFile(std::string path, Compression compression = Compression::none);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return *out_; }
  // Flush, check every write succeeded, rename into place. Throws std::runtime_error.
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::unique_ptr<std::streambuf> gzip_;  // Compression::gzip: deflates into temp_path_
  std::ofstream file_;                    // Compression::none
  std::unique_ptr<std::ostream> gzip_stream_;
  std::ostream* out_ = nullptr;
  bool committed_ = false;
};

}  // namespace gcsim::cli
