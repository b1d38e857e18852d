"""The MaixPy stand-ins call by call: small scripts recorded with `gcsim record`, each checked
against what docs/maixpy-modules.md says the firmware allocates (the named allocations of the
trace, in order), and the behaviour around them: --frames ends a script as sys.exit() would,
/sd reads the current folder, time is virtual, a call not modelled says so.

Usage: standins_test.py GCSIM TESTS_DIR TARBALL CACHE
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import maixpy_fixtures  # noqa: E402
import recorder_env  # noqa: E402

NAMED = {"Image", "pixels", "pix_ai", "kpu_net", "kpu_fmap", "kpu_yolo2", "kpu_yolo2_find",
         "clock", "file"}

# (name, script, extra arguments, the named allocations expected in order (type, size[, fin]),
#  lines stdout must have, events checked by a function of the trace's events or None)
CASES = []


def case(name, script, args, named, stdout=(), check=None):
    CASES.append((name, script, args, named, stdout, check))


case("frames", """
import sensor
sensor.reset()
n = 0
try:
    while True:
        try:
            img = sensor.snapshot()
            n += 1
        except Exception:
            print('swallowed')
finally:
    print('finally', n)
""", ["--frames", "3"], [("Image", 40)] * 3, ["finally 3"],
     lambda ev: [e["label"] for e in ev if e["op"] == "mark"] == ["frame 0", "frame 1", "frame 2"])

case("frames-0", """
import sensor
sensor.reset()
print('before')
img = sensor.snapshot()
print('after')
""", ["--frames", "0"], [], ["before"],
     lambda ev: not any(e["op"] == "mark" for e in ev))

case("images", """
import sensor, image
sensor.reset()
img = sensor.snapshot()
img.pix_to_ai()
a = img.resize(100, 50)
a.pix_to_ai()
a.pix_to_ai()
g = a.to_grayscale(copy=True)
c = a.crop((0, 0, 50, 50))
print(a.width(), a.height(), c.width())
d = img.copy(roi=(0, 0, 10, 10))
b = image.Image(size=(16, 8))
l = image.Image()
t = a.to_grayscale()
print(a.format() == sensor.GRAYSCALE)
cut = img.cut(3, 4, 30, 20)
img.draw_string(0, 0, 'x', scale=2)
img.draw_rectangle((1, 1, 2, 2))
print(img.get_pixel(1, 1))
""", ["--frames", "1"], [
    ("Image", 40),                                   # snapshot; its pix_to_ai: nothing
    ("pixels", 100 * 50 * 2), ("Image", 40),         # resize
    ("pix_ai", 128 * 50 * 3),                        # pix_to_ai once, rows of 64 pixels
    ("pixels", 100 * 50), ("pix_ai", 100 * 50 * 3), ("Image", 40),  # to_grayscale(copy=True)
    ("Image", 40),                                   # crop: in place
    ("pixels", 10 * 10 * 2), ("Image", 40),          # copy of a ROI
    ("pixels", 16 * 8 * 2), ("Image", 40),           # Image(size=…)
    ("pixels", 320 * 240 * 2), ("Image", 40),        # Image(): the LCD's size
    ("Image", 40),                                   # to_grayscale(): in place, a new object
    ("pixels", 30 * 20 * 2), ("Image", 40),          # cut
], ["50 50 50", "True", "(0, 0, 0)"])

case("kpu", """
import sensor, image
import KPU as kpu
sensor.reset()
img = sensor.snapshot()
t1 = kpu.load(0x300000)
t2 = kpu.load('/sd/models/face.kmodel')
a = kpu.init_yolo2(t1, 0.5, 0.3, 2, (1.0, 2.0, 3.0, 4.0))
objs = kpu.run_yolo2(t1, img)
print(len(objs), objs[0].rect() == (objs[0].x(), objs[0].y(), objs[0].w(), objs[0].h()))
f1 = kpu.forward(t1, img)
p1 = f1[:]
f2 = kpu.forward(t2, img)
p2 = f2[:]
kpu.set_outputs(t2, 0, 7, 1, 1)
f3 = kpu.forward(t2, img)
print(len(p1), len(p2), len(f3[:]), f1.typecode())
e = kpu.face_encode(p2)
print(type(e).__name__, len(e), kpu.face_compare(e, e))
kpu.deinit(t1)
r = img.resize(20, 20)
try:
    kpu.forward(t2, r)
except ValueError as err:
    print('ValueError', err)
""", ["--frames", "1", "--detections", "2", "--kpu-output", "0x300000=5,/sd/models/face.kmodel=3"],
     [("Image", 40), ("kpu_net", 64, True), ("kpu_net", 64, True), ("kpu_yolo2", 48),
      ("kpu_yolo2_find", 72), ("kpu_yolo2_find", 72),
      ("kpu_fmap", 32), ("kpu_fmap", 32), ("kpu_fmap", 32),
      ("pixels", 800), ("Image", 40)],
     ["2 True", "5 3 7 f", "bytearray 3 100.0",
      "ValueError [MAIXPY]kpu: check img format err!"],
     # deinit frees the yolo2 args object; the path becomes a str of its own right after the net
     lambda ev: any(e["op"] == "free" and e["id"] == next(
         a["id"] for a in ev if a.get("type") == "kpu_yolo2") for e in ev)
     and after_second_net(ev) == [("str", 32), ("", len("/sd/models/face.kmodel") + 1)])

case("files", """
import image, os
f = open('/sd/words.txt')
print(f.read().strip())
f.close()
print(sorted(os.listdir('/sd/images'))[:2])
g = image.Image('/sd/grey.jpg')
c = image.Image('/flash/images/IMG_0001.jpg')
print(g.width(), g.height(), c.width(), c.height())
try:
    image.Image('/sd/missing.jpg')
except OSError as e:
    print('OSError', e)
""", [], [("file", 64), ("pixels", 64 * 48), ("Image", 40),
          ("file", 64), ("pixels", 320 * 240 * 2), ("Image", 40),
          ("file", 64)],
     ["hello sd", "['IMG_0001.jpg', 'IMG_0002.jpg']", "64 48 320 240", "OSError [Errno 2] ENOENT"],
     # a file that does not open: its file object is freed at once, as the firmware's m_del
     lambda ev: {"op": "free", "id": [e for e in ev if e.get("type") == "file"][-1]["id"]} in ev)

case("time-and-maix", """
import time, Maix, sensor
from Maix import GPIO, FPIOA
from fpioa_manager import fm
from board import board_info
clock = time.clock()
t0 = time.ticks_ms()
time.sleep(2)
time.sleep_ms(500)
t1 = time.ticks_ms()
print(2500 <= time.ticks_diff(t1, t0) < 2510)
sensor.reset()
clock.tick()
img = sensor.snapshot()
print('%.1f' % clock.fps())  # a frame of the camera: 33 ms
print(Maix.utils.gc_heap_size())
fm.register(board_info.BOOT_KEY, fm.fpioa.GPIOHS0)
print(fm.fpioa.get_Pin_num(fm.fpioa.GPIOHS0), board_info.BOOT_KEY)
k = GPIO(GPIO.GPIOHS0, GPIO.IN)
k.irq(lambda pin: None, GPIO.IRQ_RISING, GPIO.WAKEUP_NOT_SUPPORT)
FPIOA()
try:
    img.find_blobs([(0, 100)])
except NotImplementedError as e:
    print(e)
try:
    Maix.freq.get_cpu()
except NotImplementedError as e:
    print(e)
""", ["--frames", "1", "--heap-size", "1M"], [("clock", 24), ("Image", 40)],
     ["True", "30.3", "1048576", "16 16", "gcsim stand-in: Image.find_blobs is not modelled",
      "gcsim stand-in: Maix.freq is not modelled"],
     lambda ev: any(e["op"] == "alloc" and e["size"] == 8 for e in ev))  # FPIOA()


def after_second_net(events):
    allocs = [(e.get("type", ""), e["size"]) for e in events if e["op"] == "alloc"]
    nets = [i for i, a in enumerate(allocs) if a[0] == "kpu_net"]
    return allocs[nets[1] + 1:nets[1] + 3]


def jpeg_grey(width, height):
    sof = struct.pack(">BHHB", 8, height, width, 1) + bytes([1, 0x11, 0])
    return b"\xff\xd8\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def named_allocs(events):
    out = []
    for e in events:
        if e["op"] == "alloc" and e.get("type") in NAMED:
            out.append((e["type"], e["size"], True) if e.get("fin") else (e["type"], e["size"]))
    return out


def main():
    gcsim, tests_dir, tarball, cache = (os.path.abspath(a) for a in sys.argv[1:5])
    env = recorder_env.prepare(gcsim, tarball, cache)
    failures = []
    with tempfile.TemporaryDirectory(prefix="gcsim-standins-") as work:
        maixpy_fixtures.write(work, 2)
        with open(os.path.join(work, "words.txt"), "w") as f:
            f.write("hello sd\n")
        with open(os.path.join(work, "grey.jpg"), "wb") as f:
            f.write(jpeg_grey(64, 48))
        for name, script, args, named, stdout, check in CASES:
            path = os.path.join(work, name + ".py")
            with open(path, "w") as f:
                f.write(script.lstrip())
            trace = path[:-3] + ".jsonl"
            run = subprocess.run([gcsim, "record", name + ".py", "-o", trace] + args, cwd=work,
                                 env=env, capture_output=True, text=True)
            problems = []
            if run.returncode != 0:
                problems.append(f"exit {run.returncode}: {run.stderr.strip()}")
            else:
                with open(trace) as f:
                    events = [json.loads(line) for line in f][1:]
                got = named_allocs(events)
                if got != named:
                    problems.append(f"named allocations {got}, expected {named}")
                lines = [line.rstrip("\r") for line in run.stdout.splitlines()]
                problems += [f"stdout lacks {want!r}" for want in stdout if want not in lines]
                if "swallowed" in lines:
                    problems.append("except Exception caught the end of the recording")
                if check is not None and not check(events):
                    problems.append("the trace's other events are not as expected")
            print(f"{name:14} {'FAIL' if problems else 'ok'}")
            for p in problems:
                print("    " + p)
            if problems:
                print(run.stdout)
                failures.append(name)
    if failures:
        print("FAIL:", failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
