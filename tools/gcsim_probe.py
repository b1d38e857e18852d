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
#         observe('frame %d' % n)   # spaces are fine: gcsim synth marks frames `frame 1`
#
# Save the serial output to capture.txt, give the trace a `mark` with the same label at each of
# those points, and run
#
#     gcsim import observe capture.txt --trace trace.jsonl -o merged.jsonl
#
# The k-th OBSERVE line of a label goes right after the trace's k-th mark of that label. gcsim
# reads the label up to the line's last two numbers, so it may hold spaces, but not a line end
# or a space at either end (which would not read back the same).
import gc


def observe(label):
    if not label or '\n' in label or '\r' in label or label.strip() != label:
        raise ValueError('observe label must be one line, with no space at either end: %r'
                         % label)
    # Read both numbers first: printing allocates, and must not change what is reported.
    mem_alloc = gc.mem_alloc()
    mem_free = gc.mem_free()
    print('OBSERVE', label, mem_alloc, mem_free)
