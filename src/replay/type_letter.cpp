#include "replay/type_letter.h"

namespace gcsim {

char type_letter(std::string_view type) {
  if (type == "tuple") return 'T';
  if (type == "list") return 'L';
  if (type == "dict") return 'D';
  if (type == "str" || type == "bytes") return 'S';
  if (type == "bytearray" || type == "array") return 'A';
  if (type == "float") return 'F';
  if (type == "function") return 'B';
  if (type == "module") return 'M';
  return 'h';
}

}  // namespace gcsim
