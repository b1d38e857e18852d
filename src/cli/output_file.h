// OutputFile: an output written atomically. It writes to a temporary file beside the target and
// renames it over the target only on commit(), so a failed run leaves no partial file (the
// destructor removes the temporary). Opening fails with one line naming the path and why.
#pragma once

#include <fstream>
#include <string>

namespace gcsim::cli {

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream() { return out_; }
  // Flush, check every write succeeded, rename into place. Throws std::runtime_error.
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace gcsim::cli
