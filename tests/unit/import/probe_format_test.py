# tools/gcsim_probe.py, run with CPython and a stub `gc` module (no board here): does observe()
# print exactly `OBSERVE <label> <mem_alloc> <mem_free>`, the line gcsim's importers read, with
# both numbers taken before anything is printed?
import io
import os
import re
import sys
import types
import unittest

sys.dont_write_bytecode = True  # leave no __pycache__ in tools/
TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'tools')
# The shape mpy_log_line.cpp accepts for an OBSERVE line.
OBSERVE_LINE = re.compile(r'^OBSERVE (\S|\S.*\S) (-?\d+) (-?\d+)$')


class StubGc(types.ModuleType):
    """mem_alloc() / mem_free() return set values and count the calls."""

    def __init__(self):
        super().__init__('gc')
        self.calls = 0
        self.alloc_bytes = 16896
        self.free_bytes = 501248

    def mem_alloc(self):
        self.calls += 1
        return self.alloc_bytes

    def mem_free(self):
        self.calls += 1
        return self.free_bytes


class Output(io.StringIO):
    """stdout that notes how many gc calls had been made at its first write."""

    def __init__(self, stub):
        super().__init__()
        self.stub = stub
        self.calls_at_first_write = None

    def write(self, s):
        if self.calls_at_first_write is None:
            self.calls_at_first_write = self.stub.calls
        return super().write(s)


class ProbeFormat(unittest.TestCase):
    def setUp(self):
        self.stub = StubGc()
        sys.modules['gc'] = self.stub
        sys.modules.pop('gcsim_probe', None)
        sys.path.insert(0, TOOLS)
        import gcsim_probe
        self.probe = gcsim_probe
        self.out = Output(self.stub)
        self.saved_stdout = sys.stdout
        sys.stdout = self.out

    def tearDown(self):
        sys.stdout = self.saved_stdout
        sys.path.remove(TOOLS)
        sys.modules.pop('gcsim_probe', None)
        sys.modules.pop('gc', None)

    def test_prints_one_observe_line(self):
        self.probe.observe('frame100')
        self.assertEqual(self.out.getvalue(), 'OBSERVE frame100 16896 501248\n')
        self.assertRegex(self.out.getvalue().rstrip('\n'), OBSERVE_LINE)

    def test_reads_both_numbers_before_printing(self):
        self.probe.observe('start')
        self.assertEqual(self.out.calls_at_first_write, 2)

    def test_each_call_prints_the_values_of_its_moment(self):
        self.probe.observe('a')
        self.stub.alloc_bytes, self.stub.free_bytes = 32, 518112
        self.probe.observe('b')
        self.assertEqual(self.out.getvalue().splitlines(),
                         ['OBSERVE a 16896 501248', 'OBSERVE b 32 518112'])

    def test_a_label_may_hold_spaces(self):
        self.probe.observe('frame 1')  # as gcsim synth marks frames
        self.assertEqual(self.out.getvalue(), 'OBSERVE frame 1 16896 501248\n')
        self.assertEqual(OBSERVE_LINE.match(self.out.getvalue().rstrip('\n')).group(1), 'frame 1')

    def test_rejects_a_label_that_would_not_read_back(self):
        for label in ['', ' start', 'start ', 'two\nlines', 'cr\r']:
            with self.assertRaises(ValueError, msg=repr(label)):
                self.probe.observe(label)
        self.assertEqual(self.out.getvalue(), '')
        self.assertEqual(self.stub.calls, 0)


if __name__ == '__main__':
    unittest.main()
