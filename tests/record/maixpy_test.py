"""MaixPy scripts recorded on the desk against the workload library: does `gcsim record` of each
traces/maixpy/ script make the same firmware allocations, frame by frame, as `gcsim synth` of
the workload it models?

Each script is recorded with the MaixPy stand-ins (src/record/micropython/maixpy/) and the
workload synthesised with as many frames; YOLO2 scripts are recorded with the synth's own
detection count for each frame (--detections). Per frame (the "frame N" marks; a file decode for
jpeg-classify) the firmware's allocations are taken from both traces, in order:

  named by the stand-ins   Image 40, pixels, pix_ai, kpu_fmap 32, kpu_net, kpu_yolo2, file 64
  fmap[:]                  a tuple of 16 + 8n bytes then its n floats            → "fmap[:] n"
  run_yolo2's result       a list, its item array, per detection 72 and a float → "yolo2 k"
  get_affine_transform     9 floats then their 88-byte tuple                     → "affine"
  face_encode              a bytearray's header and its data                     → "bytearray n"

and they must be identical in size and count (a face's cut is w·h·2 for a box the two make up
independently: it is compared as "cut", an even size for a box of 80–130 pixels a side). What
the script itself allocates (strings, floats, tuples) may differ; the table gives it in bytes
per frame, and the collections each trace makes on the k210 default heap (524,288 bytes).

Usage: maixpy_test.py GCSIM TESTS_DIR TARBALL CACHE
Exit 0 when every workload matches, 1 otherwise, 77 (skipped) without MicroPython.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import maixpy_fixtures  # noqa: E402
import recorder_env  # noqa: E402

# workload: (script, frames, extra `gcsim record` arguments)
WORKLOADS = {
    "camera-preview": ("camera_preview.py", 500, []),
    "yolo-face": ("yolo_face.py", 60, []),
    "mobilenet-1000": ("mobilenet_1000.py", 20, ["--kpu-output", "1000"]),
    "face-recognition": ("face_recognition.py", 40,
                         ["--kpu-output", "0x300000=10,0x400000=196"]),
    "resize-pix-to-ai": ("resize_pix_to_ai.py", 40, ["--kpu-output", "20"]),
    "jpeg-classify": ("jpeg_classify.py", 40, ["--kpu-output", "20"]),
}
YOLO2 = {"yolo-face", "face-recognition"}
NAMED = {"Image", "pixels", "pix_ai", "kpu_fmap", "kpu_net", "kpu_yolo2", "file"}
CUT_MIN, CUT_MAX = 2 * 80 * 80, 2 * 130 * 130


def read_trace(path):
    with open(path) as f:
        return [json.loads(line) for line in f][1:]


def frames(events, workload):
    """The events before the first frame, then each frame's."""
    starts = []
    for i, e in enumerate(events):
        if workload == "jpeg-classify":
            if e["op"] == "alloc" and e.get("type") == "file":
                starts.append(i)
        elif e["op"] == "mark" and e["label"].startswith("frame "):
            starts.append(i)
    bounds = starts + [len(events)]
    return events[:bounds[0]], [events[a:b] for a, b in zip(bounds, bounds[1:])]


def firmware(events, workload):
    """(items, firmware bytes, all bytes) of one frame's allocations; items as in the header."""
    allocs = [e for e in events if e["op"] == "alloc"]
    items, used = [], set()
    cut_due = False  # a face was found: the next pixel buffer is its cut
    i = 0
    while i < len(allocs):
        a = allocs[i]
        kind, size = a.get("type", ""), a["size"]
        if kind == "kpu_yolo2_find":
            used.update({i, i + 1})  # and its probability float
            cut_due = workload == "face-recognition"
            i += 2
            continue
        if kind == "tuple" and size >= 16 + 8 * 5:  # the script's own pairs are not maps
            n = (size - 16) // 8
            nxt = allocs[i + 1:i + 1 + n]
            if len(nxt) == n and all(x.get("type") == "float" for x in nxt):
                items.append(f"fmap[:] {n}")
                used.update(range(i, i + 1 + n))
                i += 1 + n
                continue
        if kind == "tuple" and size == 16 + 8 * 9 and i >= 9 and all(
                allocs[j].get("type") == "float" for j in range(i - 9, i)):
            items.append("affine")
            used.update(range(i - 9, i + 1))
        elif kind == "list" and i + 2 < len(allocs) and allocs[i + 2].get("type") == "kpu_yolo2_find":
            k = 0
            while i + 2 + 2 * k < len(allocs) and allocs[i + 2 + 2 * k].get("type") == "kpu_yolo2_find":
                k += 1
            items.append(f"yolo2 {k}: list {size}, items {allocs[i + 1]['size']}")
            used.update({i, i + 1})
        elif kind == "bytearray":
            items.append(f"bytearray {allocs[i + 1]['size']}")
            used.update({i, i + 1})
        elif kind in NAMED:
            if cut_due and kind == "pixels":
                ok = size % 2 == 0 and CUT_MIN <= size <= CUT_MAX
                items.append("cut" if ok else f"pixels {size} (not a face cut)")
                cut_due = False
            else:
                items.append(f"{kind} {size}" + (" fin" if a.get("fin") else ""))
            used.add(i)
        i += 1
    fw_bytes = sum(a["size"] for j, a in enumerate(allocs) if j in used)
    return items, fw_bytes, sum(a["size"] for a in allocs)


def detections_per_frame(frame_events):
    return [sum(1 for e in f if e["op"] == "alloc" and e.get("type") == "kpu_yolo2_find")
            for f in frame_events]


def collections_at_default(gcsim, trace, out):
    subprocess.run([gcsim, "replay", trace, "--json", out, "--quiet"], check=True)
    with open(out) as f:
        return json.load(f)["summary"]["collections"]["total"]


def compare(name, recorded, synth):
    """Lines describing where the two lists of per-frame items differ; none when identical."""
    problems = []
    if len(recorded) != len(synth):
        problems.append(f"{len(recorded)} frames recorded, {len(synth)} synthesised")
    for n, (r, s) in enumerate(zip(recorded, synth)):
        if r != s:
            problems.append(f"{name}: {n}: recorded {r} vs synth {s}")
    return problems


def main():
    gcsim, tests_dir, tarball, cache = (os.path.abspath(a) for a in sys.argv[1:5])
    env = recorder_env.prepare(gcsim, tarball, cache)
    scripts = os.path.join(os.path.dirname(tests_dir), "traces", "maixpy")
    work = tempfile.mkdtemp(prefix="gcsim-maixpy-", dir="/tmp")
    failures = []
    try:
        maixpy_fixtures.write(work, WORKLOADS["jpeg-classify"][1])
        print(f"{'workload':17} {'frames':>6} {'firmware B/frame':>17} {'script B/frame':>22} "
              f"{'collections @512K':>18} {'record s':>8}")
        print(f"{'':17} {'':>6} {'recorded = synth':>17} {'recorded vs synth':>22} "
              f"{'recorded vs synth':>18}")
        for workload, (script, n_frames, args) in WORKLOADS.items():
            shutil.copy(os.path.join(scripts, script), work)
            synth = os.path.join(work, workload + ".synth.jsonl")
            subprocess.run([gcsim, "synth", workload, "--frames", str(n_frames), "--seed", "1",
                            "-o", synth], check=True, stdout=subprocess.DEVNULL)
            synth_start, synth_frames = frames(read_trace(synth), workload)
            if workload in YOLO2:
                counts = detections_per_frame(synth_frames)
                args = args + ["--detections", ",".join(map(str, counts))]
            recorded = os.path.join(work, workload + ".jsonl")
            cmd = [gcsim, "record", script, "-o", recorded] + args
            if workload != "jpeg-classify":
                cmd += ["--frames", str(n_frames)]
            run = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{workload}: gcsim record failed:\n{run.stderr}")
                failures.append(workload)
                continue
            seconds = next((line.split()[2] for line in run.stdout.splitlines()
                            if line.startswith("recorded in ")), "?")
            rec_start, rec_frames = frames(read_trace(recorded), workload)
            rec = [firmware(f, workload) for f in rec_frames]
            syn = [firmware(f, workload) for f in synth_frames]
            problems = compare(workload + " start", [firmware(rec_start, workload)[0]],
                               [firmware(synth_start, workload)[0]])
            problems += compare(workload + " frame", [r[0] for r in rec], [s[0] for s in syn])
            fw = sum(r[1] for r in rec) / max(1, len(rec))
            script_rec = sum(r[2] - r[1] for r in rec) / max(1, len(rec))
            script_syn = sum(s[2] - s[1] for s in syn) / max(1, len(syn))
            coll_rec = collections_at_default(gcsim, recorded, recorded + ".replay.json")
            coll_syn = collections_at_default(gcsim, synth, synth + ".replay.json")
            print(f"{workload:17} {len(rec):>6} {fw:>17,.0f} {script_rec:>10,.0f} vs "
                  f"{script_syn:<9,.0f} {coll_rec:>8} vs {coll_syn:<7} {seconds:>8}"
                  f"{'  FAIL' if problems else ''}")
            for p in problems[:10]:
                print("    " + p)
            if problems:
                failures.append(workload)
    finally:
        shutil.rmtree(work)
    if failures:
        print("FAIL:", failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
