#!/usr/bin/python3
"""The characters of the embedded PDF face (see templates/fonts/README.md).

Usage:
  /usr/bin/python3 scripts/fontchars.py tgh      rewrite scripts/tgh2013.txt
  /usr/bin/python3 scripts/fontchars.py corpus   rewrite scripts/fontchars-corpus.txt
  /usr/bin/python3 scripts/fontchars.py stats    print the size of each part

The face holds, for the Basic Multilingual Plane only (the PDF library cannot
print anything above U+FFFF):

  1. NON_HAN: the Latin, digits, punctuation and symbol blocks reports use
     (the same ranges as the previous, whole-block face, without the two
     ideograph blocks);
  2. GB 2312, all 7,445 characters (6,763 hanzi in rows 16-87 and the 682
     symbols of rows 1-9), computed with Python's gb2312 codec;
  3. 通用规范汉字表 (2013), 8,105 characters: scripts/tgh2013.txt, made by
     `fontchars.py tgh` from the kTGH field of the Unicode Han Database
     (Unihan 15.0.0, Debian package unicode-data);
  4. every Han character of the repository's own text: scripts/fontchars-corpus.txt,
     made by `fontchars.py corpus` from the statutory labels (report/), the
     command's messages and test scripts (cmd/), data/ and templates/ (only
     CJK ideographs are taken from the corpus: a test that writes Hangul or an
     emoji to see the missing-character warning keeps working).

Both data files are committed so that `make fonts` gives the same face on any
checkout; rerun `corpus` when new text brings a character outside 1-3 (the
test TestEmbeddedFaceCoversCorpus in report/pdf says which). 丆 (U+4E06) is
kept out: tests use it for a hanzi outside the face.
"""

import bz2
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TGH_FILE = os.path.join(ROOT, "scripts", "tgh2013.txt")
CORPUS_FILE = os.path.join(ROOT, "scripts", "fontchars-corpus.txt")
UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"

# Latin and Latin-1, general punctuation, letterlike symbols and number
# forms, enclosed alphanumerics, geometric shapes, CJK symbols and
# punctuation, full-width forms.
NON_HAN = (
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x218F),
    (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF),
)

# CJK ideographs taken from the corpus: Extension A, the Unified block and
# the compatibility ideographs.
HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))

CORPUS_DIRS = ("report", "cmd", "data", "templates")
CORPUS_EXT = (".go", ".yaml", ".yml", ".txt", ".txtar", ".json", ".csv", ".md", ".html", ".tmpl", ".golden")
CORPUS_SKIP = ("templates/fonts", "templates/assets")
# The hanzi tests use for one the face lacks (report/pdf outsideFace): in
# neither GB 2312 nor 通用规范汉字表, and kept out of the corpus.
OUTSIDE_FACE = "丆"

UNICODE_NOTICE = """\
# Derived from the Unicode Han Database (Unihan), Unicode 15.0.0, field kTGH
# (Unihan_OtherMappings.txt, Debian package unicode-data 15.0.0-1): the
# characters of 通用规范汉字表 (2013) with their number in the table.
# Modified: reduced to the kTGH field, one character a line as
#   U+XXXX<TAB>character<TAB>number in the table
# sorted by number. Made by scripts/fontchars.py tgh.
#
# © 2022 Unicode®, Inc.
# Unicode and the Unicode Logo are registered trademarks of Unicode, Inc. in
# the U.S. and other countries.
#
# UNICODE, INC. LICENSE AGREEMENT - DATA FILES AND SOFTWARE (COPYRIGHT AND
# PERMISSION NOTICE): Permission is hereby granted, free of charge, to any
# person obtaining a copy of the Unicode data files and any associated
# documentation (the "Data Files") or Unicode software and any associated
# documentation (the "Software") to deal in the Data Files or Software without
# restriction, including without limitation the rights to use, copy, modify,
# merge, publish, distribute, and/or sell copies of the Data Files or
# Software, and to permit persons to whom the Data Files or Software are
# furnished to do so, provided that (a) the above copyright notice(s) and this
# permission notice appear with all copies of the Data Files or Software, (b)
# both the above copyright notice(s) and this permission notice appear in
# associated documentation, and (c) there is clear notice in each modified
# Data File or in the Software as well as in the documentation associated with
# the Data File(s) or Software that the data or software has been modified.
#
# THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
# KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
# MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF
# THIRD PARTY RIGHTS. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS
# INCLUDED IN THIS NOTICE BE LIABLE FOR ANY CLAIM, OR ANY SPECIAL INDIRECT OR
# CONSEQUENTIAL DAMAGES, OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE,
# DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER
# TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE
# OF THE DATA FILES OR SOFTWARE.
#
# Except as contained in this notice, the name of a copyright holder shall not
# be used in advertising or otherwise to promote the sale, use or other
# dealings in these Data Files or Software without prior written
# authorization of the copyright holder.
"""


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def non_han():
    return {cp for lo, hi in NON_HAN for cp in range(lo, hi + 1)}


def gb2312():
    """Every character of GB 2312 (EUC-CN rows 1-87)."""
    out = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                ch = bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.add(ord(ch))
    return out


def read_list(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            out.add(int(line.split("\t")[0][2:], 16))
    return out


def tgh():
    return read_list(TGH_FILE)


def corpus_file():
    return read_list(CORPUS_FILE)


def charset():
    """The face's code points (BMP only), sorted."""
    cps = non_han() | gb2312() | tgh() | corpus_file()
    return sorted(cp for cp in cps if cp < 0xFFFF)


def write_tgh():
    rows = []
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTGH":
                cp = int(parts[0][2:], 16)
                for v in parts[2].split():
                    year, num = v.split(":")
                    if year == "2013":
                        rows.append((int(num), cp))
    rows.sort()
    if len(rows) != 8105 or len({cp for _, cp in rows}) != 8105:
        sys.exit(f"fontchars: {len(rows)} kTGH entries, want 8105")
    with open(TGH_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write(UNICODE_NOTICE)
        for num, cp in rows:
            f.write(f"U+{cp:04X}\t{chr(cp)}\t{num:04d}\n")
    print(f"fontchars: wrote {TGH_FILE} ({len(rows)} characters)")


def scan_corpus():
    """Han characters of the repository's text files, sorted."""
    found = set()
    for top in CORPUS_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            rel = os.path.relpath(dirpath, ROOT)
            dirnames[:] = sorted(d for d in dirnames
                                 if not os.path.join(rel, d).startswith(CORPUS_SKIP))
            for name in sorted(filenames):
                if not name.endswith(CORPUS_EXT):
                    continue
                try:
                    text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    continue
                found.update(ord(c) for c in text
                             if in_ranges(ord(c), HAN) and c not in OUTSIDE_FACE)
    return found


def write_corpus():
    base = non_han() | gb2312() | tgh()
    extra = sorted(cp for cp in scan_corpus() if cp not in base)
    with open(CORPUS_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Han characters of nianbao's own text (statutory labels, messages, test\n"
                "# corpus, data/) that are neither in GB 2312 nor in 通用规范汉字表.\n"
                "# Made by scripts/fontchars.py corpus; one a line: U+XXXX<TAB>character.\n")
        for cp in extra:
            f.write(f"U+{cp:04X}\t{chr(cp)}\n")
    print(f"fontchars: wrote {CORPUS_FILE} ({len(extra)} characters)")


def stats():
    nh, gb, tg, co = non_han(), gb2312(), tgh(), corpus_file()
    bmp = lambda s: {c for c in s if c < 0xFFFF}
    print(f"non-Han ranges: {len(nh)}")
    print(f"GB 2312: {len(gb)} ({len([c for c in gb if in_ranges(c, HAN)])} hanzi)")
    print(f"通用规范汉字表: {len(tg)} ({len(bmp(tg))} in the BMP)")
    print(f"  of which not in GB 2312: {len(bmp(tg) - gb)}")
    print(f"GB 2312 hanzi not in 通用规范汉字表: {len({c for c in gb if in_ranges(c, HAN)} - tg)}")
    print(f"corpus extra: {len(co)}")
    print(f"face: {len(charset())} code points")


def main(argv):
    cmds = {"tgh": write_tgh, "corpus": write_corpus, "stats": stats}
    if len(argv) != 2 or argv[1] not in cmds:
        sys.exit("usage: /usr/bin/python3 scripts/fontchars.py tgh|corpus|stats")
    cmds[argv[1]]()


if __name__ == "__main__":
    main(sys.argv)
