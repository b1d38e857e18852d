# gcsim_probe.py: prints the MicroPython heap's use at points you choose, as the lines
# `gcsim import observe` (and `gcsim import mpy-log`) read:
#
#     OBSERVE <label> <gc.mem_alloc()> <gc.mem_free()>
#
# Usage: copy this file to the board (MaixPy IDE "send file", ampy put, mpremote cp), then
#
#     from gcsim_probe import observe
#     observe('start')
#     for n in range(100):
#         ...
#         observe('frame%d' % n)    # the label is one word: no spaces
#
# Save the serial output to capture.txt, give the trace a `mark` with the same label at each of
# those points, and run
#
#     gcsim import observe capture.txt --trace trace.jsonl -o merged.jsonl
#
# The k-th OBSERVE line of a label goes right after the trace's k-th mark of that label.
import gc


def observe(label):
    if ' ' in label:
        raise ValueError('observe label must be one word: %r' % label)
    # Read both numbers first: printing allocates, and must not change what is reported.
    mem_alloc = gc.mem_alloc()
    mem_free = gc.mem_free()
    print('OBSERVE', label, mem_alloc, mem_free)
