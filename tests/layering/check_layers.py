#!/usr/bin/env python3
"""Does each folder of src/ use only what src/CMakeLists.txt lets it, and does the build stop it
from using more?

  check_layers.py includes BUILD SOURCE   every #include "F/..." in src/X names X itself or a
                                          folder X USES; every package header (<fmt/...>,
                                          <nlohmann/...>, <zlib.h>, <CLI/...>) one of X's
                                          PACKAGES; and every USES entry is before X in the order
  check_layers.py build BUILD SOURCE      with the compile command of one of X's own sources, a
                                          file including a header of each folder X may not use
                                          stops at that #include ("No such file or directory"),
                                          and one including a header of X itself compiles

BUILD/layers.txt is written by gcsim_library() when CMake runs (folder|position|uses|packages|
subfolders not compiled by CMake, which are passed over);
BUILD/compile_commands.json by CMake (CMAKE_EXPORT_COMPILE_COMMANDS). Prints one line per
problem and exits 1 if there is any.
"""
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

PACKAGE_HEADERS = {  # a package target and how its headers are included
    "fmt::fmt": re.compile(r"^fmt/"),
    "nlohmann_json::nlohmann_json": re.compile(r"^nlohmann/"),
    "ZLIB::ZLIB": re.compile(r"^zlib\.h$"),
    "CLI11::CLI11": re.compile(r"^CLI/"),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def read_manifest(build):
    layers = {}
    with open(os.path.join(build, "layers.txt")) as f:
        for line in f:
            folder, position, uses, packages, not_compiled = line.rstrip("\n").split("|")
            layers[folder] = {
                "position": int(position),
                "uses": [u for u in uses.split(",") if u],
                "packages": [p for p in packages.split(",") if p],
                "not_compiled": [n for n in not_compiled.split(",") if n],
            }
    return layers


def sources_of(source, folder, not_compiled=()):
    root = os.path.join(source, "src", folder)
    for dirpath, dirs, names in os.walk(root):
        if dirpath == root:
            dirs[:] = [d for d in dirs if d not in not_compiled]
        for name in sorted(names):
            if name.endswith((".h", ".cpp")):
                yield os.path.join(dirpath, name)


def check_includes(build, source):
    layers = read_manifest(build)
    problems = []
    for folder, layer in layers.items():
        for used in layer["uses"]:
            if used not in layers or layers[used]["position"] >= layer["position"]:
                problems.append(f"src/{folder} USES {used}, which is not before it")
        for path in sources_of(source, folder, layer["not_compiled"]):
            rel = os.path.relpath(path, source)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for kind, header in INCLUDE.findall(text):
                if kind == '"':
                    top = header.split("/")[0]
                    if ".." in header.split("/"):
                        problems.append(f"{rel}: #include \"{header}\" climbs out of its folder")
                    elif "/" not in header:
                        problems.append(f"{rel}: #include \"{header}\" names no folder")
                    elif top != folder and top not in layer["uses"]:
                        problems.append(f"{rel}: #include \"{header}\": src/{folder} does not "
                                        f"use {top}")
                    continue
                for package, pattern in PACKAGE_HEADERS.items():
                    if pattern.search(header) and package not in layer["packages"]:
                        problems.append(f"{rel}: #include <{header}>: src/{folder} does not "
                                        f"link {package}")
    return problems, sum(1 for _ in layers)


def closure(layers, folder):
    seen, pending = set(), [folder]
    while pending:
        for used in layers[pending.pop()]["uses"]:
            if used not in seen:
                seen.add(used)
                pending.append(used)
    return seen


def compile_command_for(commands, source, folder):
    prefix = os.path.join(os.path.realpath(source), "src", folder) + os.sep
    # A unity build (GCSIM_UNITY_BUILD) compiles the folder as one generated file in the build tree.
    unity = os.sep + os.path.join("src", folder, "CMakeFiles", f"gcsim_{folder}.dir", "Unity") + os.sep
    for entry in commands:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if path.startswith(prefix) or unity in path:
            args = entry.get("arguments") or shlex.split(entry["command"])
            return entry["directory"], args, entry["file"]
    return None


def probe(directory, args, own_file, probe_file):
    """Preprocess probe_file with the compile command of own_file; returns (ok, stderr)."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a == own_file:
            continue
        out.append(a)
    out += ["-E", "-o", os.devnull, probe_file]
    r = subprocess.run(out, cwd=directory, capture_output=True, text=True)
    return r.returncode == 0, r.stderr


def check_build(build, source):
    layers = read_manifest(build)
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    headers = {}
    for folder in layers:
        hs = sorted(p for p in sources_of(source, folder, layers[folder]["not_compiled"])
                    if p.endswith(".h"))
        if hs:
            headers[folder] = os.path.relpath(hs[0], os.path.join(source, "src"))
    jobs = []  # (folder, header, may_use)
    problems = []
    for folder in layers:
        command = compile_command_for(commands, source, folder)
        if command is None:
            problems.append(f"src/{folder}: no compile command in compile_commands.json")
            continue
        allowed = closure(layers, folder)
        if folder in headers:
            jobs.append((folder, command, headers[folder], True))
        for other, header in headers.items():
            if other != folder and other not in allowed:
                jobs.append((folder, command, header, False))
    with tempfile.TemporaryDirectory() as tmp:
        def run(job):
            folder, (directory, args, own_file), header, may_use = job
            path = os.path.join(tmp, f"{folder}-{header.replace('/', '-')}.cpp")
            with open(path, "w") as f:
                f.write(f'#include "{header}"\n')
            ok, err = probe(directory, args, own_file, path)
            if may_use and not ok:
                return f"src/{folder}: its own header {header} does not compile: " + \
                       (err.strip().splitlines() or ["?"])[0]
            if not may_use:
                if ok:
                    return f"src/{folder}: #include \"{header}\" compiles with its flags " \
                           f"(an upward or sideways include the build does not stop)"
                if f"{header}: No such file or directory" not in err:
                    return f"src/{folder}: #include \"{header}\" failed, but not as a missing " \
                           f"header: " + (err.strip().splitlines() or ["?"])[0]
            return None
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            problems += [p for p in pool.map(run, jobs) if p]
    refused = sum(1 for j in jobs if not j[3])
    return problems, f"{len(layers)} folders, {refused} includes refused, " \
                     f"{len(jobs) - refused} allowed"


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("includes", "build"):
        sys.exit(__doc__)
    mode, build, source = sys.argv[1:]
    if mode == "includes":
        problems, n = check_includes(build, source)
        summary = f"{n} folders"
    else:
        problems, summary = check_build(build, source)
    for p in problems:
        print(p)
    print(f"{mode}: {summary}: {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
