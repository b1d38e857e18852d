"""Sipeed's own MaixPy examples, unchanged (tests/record/sipeed/, MIT, README there), recorded
on the desk with `gcsim record SCRIPT --frames N [--kpu-output …]` and replayed on the k210
preset: does each frame make the firmware allocations of docs/maixpy-modules.md's table?

  every frame     one image object of 40 bytes, the frame's first allocation; no pixel or AI
                  buffer (a snapshot's pixels are the camera's frame buffer, off the GC heap)
  MobileNet       a feature map of 32 bytes and fmap[:]'s tuple of 8,016 bytes, then its 1,000
                  floats
  YOLO2           as many detections as --detections says (default cycle), each 72 bytes and a
                  float, in a list
  face recognition  with a face: its cut (w·h·2), the 128×128 resize (32,768 + 40) and its AI
                  buffer (49,152), 10 landmark and 196 feature floats

and the replay on the k210 preset's default heap has no MemoryError. The current
demo_face_recognization.py stops at its first face (`max()` of the empty score list, as on a
board with no face recorded yet): recorded without faces it runs, with faces gcsim reports the
script's own error and exit 2.

Usage: sipeed_test.py GCSIM TESTS_DIR TARBALL CACHE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recorder_env  # noqa: E402

# script: (frames, extra arguments, what its frames hold)
EXAMPLES = {
    "demo_camera.py": (50, [], "camera"),
    "demo_fps_display.py": (50, [], "camera"),
    "demo_find_face.py": (50, [], "yolo2"),
    "yolov2_20class.py": (50, [], "yolo2"),
    "mobilenetv1_1000class.py": (20, ["--kpu-output", "1000"], "mobilenet"),
    "demo_face_recognization_17aadc9.py": (40, ["--kpu-output", "0x400000=10,0x500000=196"],
                                           "faces"),
    "demo_face_recognization.py": (40, ["--kpu-output", "0x400000=10,0x500000=196",
                                        "--detections", "0"], "camera"),
}
DETECTIONS = [1, 0, 2, 1, 0, 1, 1, 3, 0, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1, 0]  # the default cycle


def frame_allocs(trace):
    with open(trace) as f:
        events = [json.loads(line) for line in f][1:]
    frames = []
    for e in events:
        if e["op"] == "mark" and e["label"].startswith("frame "):
            frames.append([])
        elif frames and e["op"] == "alloc":
            frames[-1].append((e.get("type", ""), e["size"]))
    return events, frames


def check_frame(kind, n, allocs):
    """What is wrong with frame n's allocations, or None."""
    def count(t, size=None):
        return sum(1 for a in allocs if a[0] == t and (size is None or a[1] == size))
    faces = count("kpu_yolo2_find")
    images = 3 if kind == "faces" and faces else 1  # a face's cut and resize are images too
    if not allocs or allocs[0] != ("Image", 40) or count("Image", 40) != images:
        return f"frame {n}: not {images} image object(s) of 40 bytes, the first first: {allocs[:3]}"
    buffers = [a for a in allocs if a[0] in ("pixels", "pix_ai")]
    if kind in ("camera", "yolo2", "mobilenet") and buffers:
        return f"frame {n}: pixel buffers on the GC heap: {buffers}"
    if kind == "mobilenet":
        i = allocs.index(("tuple", 8016)) if ("tuple", 8016) in allocs else -1
        if count("kpu_fmap", 32) != 1 or i < 0 or allocs[i + 1:i + 1001] != [("float", 16)] * 1000:
            return f"frame {n}: no feature map and 1,000-float tuple"
    if kind == "yolo2" and faces != DETECTIONS[n % len(DETECTIONS)]:
        return f"frame {n}: {faces} detections, --detections gives {DETECTIONS[n % 20]}"
    if kind in ("yolo2", "faces") and faces and count("float", 16) < faces:
        return f"frame {n}: detections without their floats"
    if kind == "faces" and faces:
        sizes = [a[1] for a in buffers]
        if (len(sizes) != 3 or sizes[0] % 2 or not 12_800 <= sizes[0] <= 33_800
                or sizes[1:] != [32_768, 49_152] or count("tuple", 16 + 8 * 196) != 1
                or count("tuple", 16 + 8 * 10) != 1):
            return f"frame {n}: a face without its cut, 128×128 resize, AI buffer and maps: {sizes}"
    if kind == "faces" and not faces and buffers:
        return f"frame {n}: buffers without a face: {buffers}"
    return None


def main():
    gcsim, tests_dir, tarball, cache = (os.path.abspath(a) for a in sys.argv[1:5])
    env = recorder_env.prepare(gcsim, tarball, cache)
    work = tempfile.mkdtemp(prefix="gcsim-sipeed-", dir="/tmp")
    failures = []
    try:
        for name in os.listdir(os.path.join(tests_dir, "record", "sipeed")):
            shutil.copy(os.path.join(tests_dir, "record", "sipeed", name), work)
        print(f"{'example':36} {'frames':>6} {'events':>7} {'firmware B/frame':>17} "
              f"{'collections':>11} {'MemoryErrors':>12} {'record s':>8}")
        for script, (n_frames, args, kind) in EXAMPLES.items():
            trace = os.path.join(work, script[:-3] + ".jsonl")
            run = subprocess.run([gcsim, "record", script, "--frames", str(n_frames), "-o", trace]
                                 + args, cwd=work, env=env, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{script}: gcsim record failed:\n{run.stderr}")
                failures.append(script)
                continue
            seconds = next((line.split()[2] for line in run.stdout.splitlines()
                            if line.startswith("recorded in ")), "?")
            events, frames = frame_allocs(trace)
            problems = [] if len(frames) == n_frames else [f"{len(frames)} frames"]
            problems += [p for p in (check_frame(kind, n, f) for n, f in enumerate(frames)) if p]
            firmware = sum(a[1] for f in frames for a in f
                           if a[0] in ("Image", "pixels", "pix_ai", "kpu_fmap", "kpu_yolo2_find"))
            subprocess.run([gcsim, "replay", trace, "--preset", "k210", "--json", trace + ".json",
                            "--quiet"], check=True)
            with open(trace + ".json") as f:
                summary = json.load(f)["summary"]
            if summary["failures"]["total"]:
                problems.append(f"{summary['failures']['total']} MemoryErrors at 512K")
            print(f"{script:36} {len(frames):>6} {len(events):>7} "
                  f"{firmware / max(1, len(frames)):>17,.0f} {summary['collections']['total']:>11} "
                  f"{summary['failures']['total']:>12} {seconds:>8}"
                  f"{'  FAIL' if problems else ''}")
            for p in problems[:5]:
                print("    " + p)
            if problems:
                failures.append(script)
        # The current face recognition demo with faces in view: the script's own error.
        run = subprocess.run([gcsim, "record", "demo_face_recognization.py", "--frames", "40",
                              "--kpu-output", "0x400000=10,0x500000=196", "-o", "fr.jsonl"],
                             cwd=work, env=env, capture_output=True, text=True)
        expected = "ValueError: arg is an empty sequence"
        ok = run.returncode == 2 and expected in run.stderr and not os.path.exists(
            os.path.join(work, "fr.jsonl"))
        print(f"demo_face_recognization.py with faces: exit {run.returncode}, "
              f"{'the script’s ' + expected if expected in run.stderr else 'no ValueError'}"
              f"{'' if ok else '  FAIL'}")
        if not ok:
            print(run.stderr)
            failures.append("demo_face_recognization.py with faces")
    finally:
        shutil.rmtree(work)
    if failures:
        print("FAIL:", failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
