// The 20 Pascal VOC class names that MaixPy's 20-class demos list in their scripts (yolov2_20class
// and the MobileNet classifiers built on the same labels), by length: the names of up to 10
// characters are qstrs, 'diningtable' and 'pottedplant' are str constants of the script.
#pragma once

#include <array>
#include <cstdint>

namespace gcsim::synth {

inline constexpr std::array<std::uint64_t, 20> kVocLabelLengths = {9,  7, 4, 4, 6, 3,  3, 3, 5, 3,
                                                                   11, 3, 5, 9, 6, 11, 5, 4, 5, 9};

}  // namespace gcsim::synth
