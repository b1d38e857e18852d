"""The files traces/maixpy/'s scripts read from the SD card, made up: `labels.txt` for
mobilenet_1000.py (1,000 class names of 3 to 59 characters, as long as ImageNet's) and
`images/IMG_0001.jpg`… for jpeg_classify.py (QVGA colour JPEGs: the stand-in's decoder reads only
the header, so each file is a header and no image data).

Usage: maixpy_fixtures.py DIR [N_IMAGES]   (writes DIR/labels.txt and DIR/images/; default 40)
"""
import os
import random
import struct
import sys


def jpeg_header(width, height):
    """SOI, a baseline SOF0 segment for 3 components, EOI."""
    sof = struct.pack(">BHHB", 8, height, width, 3) + bytes([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def write(folder, n_images=40):
    rng = random.Random(1)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    with open(os.path.join(folder, "labels.txt"), "w") as f:
        for i in range(1000):
            name = "n%08d " % i
            f.write((name + "x" * 60)[:rng.randint(3, 59)] + "\n")
    for i in range(1, n_images + 1):
        with open(os.path.join(folder, "images", "IMG_%04d.jpg" % i), "wb") as f:
            f.write(jpeg_header(320, 240))


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
