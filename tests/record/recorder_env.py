"""What the recorder's tests share: a MicroPython v1.11 tree and a recorder build.

The tree comes from the MicroPython tarball beside the project (../shared/micropython/ in this
project's CI; its path is given to the tests by CMake). Without it the tests skip (exit 77,
ctest's "skipped") with the reason. The tree is extracted, and the recorder built by
`gcsim record`, once into the cache folder CMake names (GCSIM_RECORD_CACHE), under a lock, so
every test and both builds of tools/test.sh share one build.
"""
import fcntl
import os
import subprocess
import sys
import tarfile

SKIP = 77


def prepare(gcsim, tarball, cache):
    """Returns the environment for `gcsim record`, or exits 77 if there is no MicroPython."""
    if not os.path.isfile(tarball):
        print(f"skipped: no MicroPython v1.11 source at {tarball} (CI has it: ../shared/micropython)")
        sys.exit(SKIP)
    os.makedirs(cache, exist_ok=True)
    tree = os.path.join(cache, "micropython-1.11")
    env = dict(os.environ, XDG_CACHE_HOME=cache, GCSIM_MICROPYTHON=tree)
    with open(os.path.join(cache, "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.isdir(tree):
            with tarfile.open(tarball) as t:
                t.extractall(cache + "/.extract")
            top = os.listdir(cache + "/.extract")
            os.rename(os.path.join(cache, ".extract", top[0]), tree)
            os.rmdir(cache + "/.extract")
        # The first recording builds the recorder; the lock keeps a second test from building
        # it again at the same time.
        warm = os.path.join(cache, "warm.py")
        with open(warm, "w") as f:
            f.write("x = 1\n")
        subprocess.run([gcsim, "record", "-q", "-o", warm + ".jsonl", warm], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return env
