# Does everything the repository says point inside the repository, and does it resolve?
#
#   outside      no tracked file names the shared folder beside the checkout (the one exception:
#                the test code that finds the MicroPython source tarball there), the spec that
#                used to live outside the repository, or an absolute path of this machine
#   links        every relative link and image in a tracked Markdown file names a tracked file or
#                folder inside the repository, and its #anchor a heading of the file it names
#   citations    every `docs/NAME.md` a tracked file mentions exists, and the sections it cites
#                there (`docs/collector.md §6`, `docs/geometry.md "Object sizes on the K210"`)
#                are headings of it
#
# Usage: references_test.py ROOT. The first test class makes scratch repositories with one
# mistake each and requires the checker to report exactly that mistake; the second checks ROOT.
# Needs git (the tracked files are `git ls-files`); exits 77 (skipped) where ROOT is not a git
# checkout.
import os
import re
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

SHARED = '../shared'
OUTSIDE = [
    # the shared folder beside the checkout: ../shared/x, ${ROOT}/../shared/x, ../../shared/x
    re.compile(r'(?:\.\./)+shared/'),
    # the same named from inside it, as a path's first component: shared/mpy-logs
    re.compile(r'(?<![\w.\-/])shared/'),
    # the old spec folder (spec/collector.md, ../spec/), or "the spec" cited by section
    re.compile(r'(?<![\w\-])spec/[\w.\-]'),
    re.compile(r'\bspec §'),
    # the old style guide, cited by name
    re.compile(r'\bSTYLE\b'),
    # this machine's work folder
    re.compile(r'(?<![\w.\-])/work/'),
]
# The MicroPython v1.11 source tarball sits in the shared folder on CI: the test code that finds
# it may name it there (tests/CMakeLists.txt's GCSIM_MICROPYTHON_TARBALL, tests/record/*.py).
TARBALL_LOCATORS = re.compile(r'^tests/(CMakeLists\.txt|record/[^/]+\.py)$')
TARBALL_FOLDER = re.compile(r'micropython\b')

THIS_FILE = os.path.realpath(__file__)
URL = re.compile(r'[a-zA-Z][a-zA-Z0-9+.\-]*://\S+')
FENCE = re.compile(r'^ {0,3}(`{3,}|~{3,})')
INLINE_LINK = re.compile(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)')
REFERENCE_DEF = re.compile(r'^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$')
HTML_LINK = re.compile(r'<(?:a|img)\b[^>]*?\b(?:href|src)="([^"]*)"', re.IGNORECASE)
HTML_ANCHOR = re.compile(r'<a\b[^>]*?\b(?:id|name)="([^"]*)"', re.IGNORECASE)
ATX = re.compile(r'^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$')
SETEXT = re.compile(r'^ {0,3}(=+|-+)\s*$')
CODE_SPAN = re.compile(r'(`+)(.+?)\1')
DOC_CITATION = re.compile(r'\bdocs/([\w.\-]+\.md)')
SECTION = re.compile(r'§(\d+)(?:\.(\d+))?|Appendix ([A-Z])\b')
QUOTED_TITLE = re.compile(r'\s*["“]([^"”]+)["”]')


class Problem:
    def __init__(self, path, line, kind, detail):
        self.path, self.line, self.kind, self.detail = path, line, kind, detail

    def __str__(self):
        return f'{self.path}:{self.line}: {self.kind}: {self.detail}'


def tracked_files(root):
    out = subprocess.run(['git', '-C', root, 'ls-files', '-z'], check=True,
                         capture_output=True).stdout
    return [p for p in out.decode('utf-8').split('\0') if p]


def read_text(root, path):
    """The file's text, or None for a binary, compressed or missing file."""
    if path.endswith(('.gz', '.png', '.jpg', '.ico')):
        return None
    try:
        with open(os.path.join(root, path), 'rb') as f:
            data = f.read()
    except OSError:
        return None
    if b'\0' in data[:8192]:
        return None
    return data.decode('utf-8', errors='replace')


def slug(heading):
    """The anchor GitHub gives a heading: its text, lowercase, without punctuation, with each
    space a hyphen."""
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', heading)
    text = re.sub(r'<[^>]+>', '', text)
    return re.sub(r'[^\w\- ]', '', text.strip().lower()).replace(' ', '-')


def markdown_lines(text):
    """(line number, line, in a fenced code block) for each line."""
    fence = None
    for number, line in enumerate(text.split('\n'), 1):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            yield number, line, True
        elif fence is not None:
            if m and m.group(1).startswith(fence):
                fence = None
            yield number, line, True
        else:
            yield number, line, False


def headings(text):
    """Every heading's text, in order."""
    found = []
    previous = ''
    for _, line, in_code in markdown_lines(text):
        if in_code:
            previous = ''
            continue
        m = ATX.match(line)
        if m:
            found.append(m.group(2))
        elif SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(
                ('|', '-', '*', '>')):
            found.append(previous.strip())
        previous = line
    return found


def anchors(text):
    """Every anchor a link into this Markdown text may name."""
    result = set()
    seen = {}
    for heading in headings(text):
        s = slug(heading)
        n = seen.get(s, 0)
        seen[s] = n + 1
        result.add(s if n == 0 else f'{s}-{n}')
    result.update(HTML_ANCHOR.findall(text))
    return result


class Repository:
    def __init__(self, root):
        self.root = os.path.realpath(root)
        self.files = tracked_files(self.root)
        self.tracked = set(self.files)
        self.folders = {os.path.dirname(p) for p in self.files}
        for p in list(self.folders):
            while p:
                p = os.path.dirname(p)
                self.folders.add(p)
        self._anchors = {}
        self._headings = {}

    def text(self, path):
        return read_text(self.root, path)

    def anchors_of(self, path):
        if path not in self._anchors:
            self._anchors[path] = anchors(self.text(path) or '')
        return self._anchors[path]

    def headings_of(self, path):
        if path not in self._headings:
            self._headings[path] = headings(self.text(path) or '')
        return self._headings[path]

    def check(self):
        problems = []
        for path in self.files:
            if os.path.join(self.root, path) == THIS_FILE:
                continue  # the one file that has to spell out every mistake
            text = self.text(path)
            if text is None:
                continue
            problems += self.check_outside(path, text)
            problems += self.check_citations(path, text)
            if path.endswith('.md'):
                problems += self.check_links(path, text)
        return problems

    def check_outside(self, path, text):
        """One problem per line that names a place outside the repository."""
        problems = []
        locator = TARBALL_LOCATORS.match(path)
        for number, line in enumerate(text.split('\n'), 1):
            urls = [m.span() for m in URL.finditer(line)]
            for pattern in OUTSIDE:
                found = [m for m in pattern.finditer(line)
                         if not any(a <= m.start() < b for a, b in urls) and
                         not (locator and m.group(0).endswith('shared/') and
                              TARBALL_FOLDER.match(line, m.end()))]
                if found:
                    problems.append(Problem(path, number, 'outside',
                                            f'points outside the repository: {line.strip()}'))
                    break
        return problems

    def check_links(self, path, text):
        problems = []
        for number, line, in_code in markdown_lines(text):
            if in_code:
                continue
            line = CODE_SPAN.sub(lambda m: ' ' * len(m.group(0)), line)
            targets = INLINE_LINK.findall(line) + HTML_LINK.findall(line)
            m = REFERENCE_DEF.match(line)
            if m:
                targets.append(m.group(1))
            for target in targets:
                problem = self.resolve(path, target)
                if problem:
                    problems.append(Problem(path, number, 'link', f'{target}: {problem}'))
        return problems

    def resolve(self, path, target):
        """What is wrong with a link from `path` to `target`, or None."""
        if not target or re.match(r'^[a-zA-Z][a-zA-Z0-9+.\-]*:', target):
            return None  # a URL (http:, https:, mailto:): not the repository's to check
        file_part, _, anchor = target.partition('#')
        file_part = urllib.parse.unquote(file_part)
        if file_part.startswith('/'):
            return 'an absolute path (a link must be relative to the file)'
        if file_part:
            joined = os.path.normpath(os.path.join(os.path.dirname(path), file_part))
            if joined == '..' or joined.startswith('../'):
                return 'outside the repository'
            linked = '' if joined == '.' else joined
            if linked not in self.tracked and linked not in self.folders:
                if os.path.exists(os.path.join(self.root, linked)):
                    return 'not a tracked file (a clone would not have it)'
                return 'no such file'
        else:
            linked = path
        if anchor:
            anchor = urllib.parse.unquote(anchor)
            if linked.endswith('.md'):
                if anchor not in self.anchors_of(linked):
                    return f'{linked} has no heading with the anchor #{anchor}'
            elif not re.fullmatch(r'L\d+(-L\d+)?', anchor):
                return f'#{anchor} is not a line anchor (#L12 or #L12-L20)'
        return None

    def check_citations(self, path, text):
        problems = []
        lines = text.split('\n')
        for index, line in enumerate(lines):
            for m in DOC_CITATION.finditer(line):
                doc = 'docs/' + m.group(1)
                if doc not in self.tracked:
                    problems.append(Problem(path, index + 1, 'citation', f'{doc}: no such file'))
                    continue
                after = line[m.end():]
                if not after.strip() and index + 1 < len(lines):
                    after = re.sub(r'^\s*(//+|#+|\*+|--)?', '', lines[index + 1])
                quoted = QUOTED_TITLE.match(after)
                if quoted:
                    title = quoted.group(1).strip().lower()
                    if not any(h.lower().replace('`', '').startswith(title)
                               for h in self.headings_of(doc)):
                        problems.append(Problem(path, index + 1, 'citation',
                                                f'{doc} has no section "{quoted.group(1)}"'))
                cited = re.split(r'[;)\]]|\.(?:\s|$)', after, maxsplit=1)[0]
                for s in SECTION.finditer(cited):
                    if not self.has_section(doc, s):
                        problems.append(Problem(path, index + 1, 'citation',
                                                f'{doc} has no section {s.group(0)}'))
        return problems

    def has_section(self, doc, s):
        if s.group(3):
            wanted = re.compile(r'appendix ' + s.group(3).lower() + r'\b')
        elif s.group(2):
            wanted = re.compile(re.escape(f'{s.group(1)}.{s.group(2)}') + r'\b')
        else:
            wanted = re.compile(re.escape(s.group(1)) + r'\.(\s|$)')
        return any(wanted.match(h.lower()) for h in self.headings_of(doc))


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)


def scratch_repository(files):
    """A git repository in a temporary folder holding `files` (path → text), all tracked."""
    folder = tempfile.TemporaryDirectory()
    run(['git', 'init', '-q'], folder.name)
    for path, text in files.items():
        full = os.path.join(folder.name, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8') as f:
            f.write(text)
    run(['git', 'add', '.'], folder.name)
    return folder


GOOD = {
    'README.md': '# Top\n\nSee [the docs](docs/README.md), [a section](docs/c.md#3-gc_alloc),\n'
                 '[the same file](#top), [a folder](src/), [a line](src/a.cpp#L2),\n'
                 '[a site](https://example.com/x#y) and ![a picture](docs/p.png).\n\n'
                 '```\n[not a link](nowhere.md)\n```\n\nAnd `[code](nowhere.md)`.\n',
    'docs/README.md': 'Setext title\n============\n\n[up](../README.md#top) '
                      '[title](#setext-title)\n\n[ref]: c.md#appendix-a-checks\n',
    'docs/c.md': '# C\n\n## 3. gc_alloc\n\n### 3.1 Steps\n\n## Object sizes on the K210\n\n'
                 '## Appendix A. Checks\n\n## Twice\n\n## Twice\n\n[second](#twice-1)\n',
    'docs/p.png': 'not really a picture\n',
    'src/a.cpp': '// Follows docs/c.md §3 and §3.1 (and docs/c.md "Object sizes on the K210";\n'
                 '// Appendix A.2 of docs/c.md is cited too: docs/c.md Appendix A).\n'
                 '// A citation at the end of a line, docs/c.md\n// §3 step 5, goes on.\n',
    'tests/CMakeLists.txt': 'set(T ${PROJECT_SOURCE_DIR}/' + SHARED + '/micropython/mp.tar.gz)\n'
                            '# CI has ' + SHARED + '/micropython/.\n',
    'tests/record/env.py': 'TARBALL = "' + SHARED + '/micropython/micropython-1.11.tar.gz"\n',
}


class CheckerCatchesMistakes(unittest.TestCase):
    """Each scratch repository is GOOD plus one change; the checker must report exactly the
    mistake that change makes, at its file and line."""

    def problems(self, changes):
        files = dict(GOOD)
        files.update(changes)
        with scratch_repository(files) as root:
            return [str(p) for p in Repository(root).check()]

    def assert_one(self, changes, path, line, kind, fragment):
        found = self.problems(changes)
        self.assertEqual(len(found), 1, found)
        self.assertTrue(found[0].startswith(f'{path}:{line}: {kind}: '), found)
        self.assertIn(fragment, found[0])

    def test_good_repository_passes(self):
        self.assertEqual(self.problems({}), [])

    def test_missing_file(self):
        self.assert_one({'docs/x.md': 'a\n[gone](gone.md)\n'}, 'docs/x.md', 2, 'link',
                        'gone.md: no such file')

    def test_missing_anchor(self):
        self.assert_one({'docs/x.md': '[s](c.md#3-gc_free)\n'}, 'docs/x.md', 1, 'link',
                        'docs/c.md has no heading with the anchor #3-gc_free')

    def test_missing_anchor_in_the_same_file(self):
        self.assert_one({'docs/x.md': '# X\n[s](#y)\n'}, 'docs/x.md', 2, 'link', '#y')

    def test_duplicate_heading_anchor_counts(self):
        self.assert_one({'docs/x.md': '[s](c.md#twice-2)\n'}, 'docs/x.md', 1, 'link', '#twice-2')

    def test_reference_definition(self):
        self.assert_one({'docs/x.md': '[r]: nowhere.md\n'}, 'docs/x.md', 1, 'link', 'nowhere.md')

    def test_html_image(self):
        self.assert_one({'docs/x.md': '<img src="q.png">\n'}, 'docs/x.md', 1, 'link', 'q.png')

    def test_link_out_of_the_repository(self):
        self.assert_one({'docs/x.md': '[s](../../elsewhere/spec.md)\n'}, 'docs/x.md', 1, 'link',
                        'outside the repository')

    def test_untracked_file(self):
        files = dict(GOOD)
        files['docs/x.md'] = '[built](../build/out.html)\n'
        with scratch_repository(files) as root:
            os.makedirs(os.path.join(root, 'build'))
            open(os.path.join(root, 'build', 'out.html'), 'w').close()
            found = [str(p) for p in Repository(root).check()]
        self.assertEqual(len(found), 1, found)
        self.assertIn('not a tracked file', found[0])

    def test_shared_folder(self):
        self.assert_one({'src/b.h': '// see\n// ' + SHARED + '/spec/geometry.md\n'}, 'src/b.h', 2,
                        'outside', 'geometry.md')

    def test_shared_folder_without_dots(self):
        self.assert_one({'src/b.h': '// the logs in shared/mpy-logs\n'}, 'src/b.h', 1,
                        'outside', 'mpy-logs')

    def test_shared_folder_in_markdown_code(self):
        self.assert_one({'traces/README.md': 'Sizes follow `' + SHARED + '/x.md`.\n'},
                        'traces/README.md', 1, 'outside', 'x.md')

    def test_tarball_locator_only_where_allowed(self):
        self.assert_one({'tools/fetch.sh': 'cp ' + SHARED + '/micropython/x.tar.gz .\n'},
                        'tools/fetch.sh', 1, 'outside', 'x.tar.gz')

    def test_shared_folder_beside_the_tarball_locator(self):
        self.assert_one({'tests/record/env.py': 'S = "' + SHARED + '/spec/collector.md"\n'},
                        'tests/record/env.py', 1, 'outside', 'collector.md')

    def test_spec_path(self):
        self.assert_one({'src/b.h': '// (spec/collector.md §3)\n'}, 'src/b.h', 1,
                        'outside', 'collector.md')

    def test_spec_section(self):
        self.assert_one({'src/b.cpp': '// spec §1.2, in bits\n'}, 'src/b.cpp', 1,
                        'outside', '§1.2')

    def test_style_guide(self):
        self.assert_one({'CMakeLists.txt': '# see STYLE: read, check\n'},
                        'CMakeLists.txt', 1, 'outside', 'read, check')

    def test_work_folder(self):
        self.assert_one({'tools/x.sh': 'cd /work/main\n'}, 'tools/x.sh', 1, 'outside',
                        'main')

    def test_cited_doc_missing(self):
        self.assert_one({'src/b.h': '// docs/nothing.md §1\n'}, 'src/b.h', 1, 'citation',
                        'docs/nothing.md: no such file')

    def test_cited_section_missing(self):
        self.assert_one({'src/b.h': '// (docs/c.md §3, §4)\n'}, 'src/b.h', 1, 'citation',
                        'docs/c.md has no section §4')

    def test_cited_subsection_missing(self):
        self.assert_one({'src/b.h': '// docs/c.md §3.2\n'}, 'src/b.h', 1, 'citation', '§3.2')

    def test_cited_section_on_the_next_line_missing(self):
        self.assert_one({'src/b.h': '// as in docs/c.md\n// §7 says\n'}, 'src/b.h', 1, 'citation',
                        '§7')

    def test_cited_title_missing(self):
        self.assert_one({'src/b.h': '// docs/c.md "Object sizes on the ESP32"\n'}, 'src/b.h', 1,
                        'citation', 'ESP32')

    def test_cited_appendix_missing(self):
        self.assert_one({'src/b.h': '// docs/c.md Appendix B\n'}, 'src/b.h', 1, 'citation',
                        'Appendix B')

    def test_url_is_not_checked(self):
        self.assertEqual(self.problems({'src/b.h': '// https://example.com/spec/x\n'}), [])


class ThisRepository(unittest.TestCase):
    ROOT = None

    def test_every_reference_points_inside_and_resolves(self):
        problems = Repository(self.ROOT).check()
        self.assertEqual([], [str(p) for p in problems],
                         '\n' + '\n'.join(str(p) for p in problems))


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: references_test.py ROOT')
    root = sys.argv[1]
    try:
        subprocess.run(['git', '-C', root, 'rev-parse', '--is-inside-work-tree'], check=True,
                       capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        print(f'skipped: {root} is not a git checkout (or git is missing)')
        sys.exit(77)
    ThisRepository.ROOT = root
    result = unittest.main(argv=[sys.argv[0], '-v'], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == '__main__':
    main()
