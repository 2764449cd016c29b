#!/usr/bin/python3
"""Convert Noto Serif CJK SC (Debian fonts-noto-cjk) to TrueType for the PDF renderer.

Usage: /usr/bin/python3 scripts/mkfonts.py OUTDIR

Writes OUTDIR/NianbaoSerifSC-Regular.ttf, OUTDIR/NianbaoSerifSC-Bold.ttf and
OUTDIR/OFL.txt (the font's copyright notice followed by the SIL OFL 1.1 text
taken from Debian's /usr/share/doc/fonts-noto-cjk/copyright).
The character set is scripts/fontchars.py's (its data files
scripts/tgh2013.txt and scripts/fontchars-corpus.txt are committed).
Needs Debian's fonttools, python3-fonttools and fonts-noto-cjk; run it with
Debian's /usr/bin/python3, which is the interpreter that has fontTools.

For each weight:
 1. take the "Noto Serif CJK SC" face out of the .ttc (found by its name table);
 2. subset it to the characters of scripts/fontchars.py (GB 2312 ∪
    通用规范汉字表 ∪ the punctuation, Latin and symbol blocks ∪ the Han
    characters of the repository's own text), exactly as
      pyftsubset SC.otf --unicodes=<charset> --layout-features='' --no-hinting --name-IDs='*'
    (--name-IDs='*' keeps the copyright, licence and description records);
 3. convert the CFF outlines to quadratic TrueType 'glyf' outlines the way
    fontTools' Snippets/otf2ttf.py does;
 4. rename the family to "NianbaoSerif SC" (the SIL OFL forbids modified
    versions from using the Reserved Font Name) and record the modification
    in the description.

The output is deterministic: head.created and head.modified are copied from the
source face and never recalculated, so a re-run gives identical bytes.
"""

import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SRC_DIR = "/usr/share/fonts/opentype/noto"
DEBIAN_COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
SRC_FAMILY = "Noto Serif CJK SC"
FAMILY = "NianbaoSerif SC"
PS_FAMILY = "NianbaoSerifSC"
WEIGHTS = ("Regular", "Bold")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fontchars  # noqa: E402  (scripts/fontchars.py: the face's characters)

# Values used by fontTools' Snippets/otf2ttf.py.
MAX_ERR = 1.0
REVERSE_DIRECTION = True
POST_FORMAT = 3.0

ENGLISH = 0x409


def sc_face(path):
    """Returns the Noto Serif CJK SC face of the collection at path."""
    coll = TTCollection(path)
    for font in coll.fonts:
        if font["name"].getDebugName(1) == SRC_FAMILY:
            return font
    sys.exit(f"mkfonts: no {SRC_FAMILY!r} face in {path}")


def subset_font(font):
    opts = subset.Options()
    # --unicodes is not an Options flag; it is passed to populate() below.
    opts.parse_opts([
        "--layout-features=",
        "--no-hinting",
        "--name-IDs=*",
    ])
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=fontchars.charset())
    sub.subset(font)


def otf_to_ttf(font):
    """Replaces CFF outlines by quadratic glyf outlines (as Snippets/otf2ttf.py)."""
    assert font.sfntVersion == "OTTO" and "CFF " in font
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=REVERSE_DIRECTION))
        glyf.glyphs[name] = tt_pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        len(getattr(g, "components", [])) for g in glyf.glyphs.values())
    maxp.compile(font)

    post = font["post"]
    post.formatType = POST_FORMAT
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\0\1\0\0"


def rename(font, weight):
    name = font["name"]
    src_version = name.getDebugName(5)
    src_desc = name.getDebugName(10) or ""
    full = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    ps = f"{PS_FAMILY}-{weight}"
    # Drop every record that carries the old family name; set the new ones.
    for nid in (1, 2, 3, 4, 6, 16, 17, 21, 22):
        name.removeNames(nameID=nid)
    records = {
        1: FAMILY,
        2: weight,
        3: f"{font['head'].fontRevision:.3f};NIANBAO;{ps}",
        4: full,
        5: f"{src_version}; modified by nianbao scripts/mkfonts.py",
        6: ps,
        10: (f"{full} is a Modified Version of {SRC_FAMILY} {weight} "
             f"({src_version}) as shipped by Debian fonts-noto-cjk: subset to "
             "Latin, punctuation, GB 2312 and the Table of General Standard "
             "Chinese Characters (2013), CFF outlines converted "
             "to TrueType, renamed (SIL OFL 1.1 Reserved Font Name). "
             "Original description: " + src_desc).strip(),
    }
    for nid, text in records.items():
        name.setName(text, nid, 3, 1, ENGLISH)
    for rec in name.names:
        if "Noto Serif" in rec.toUnicode() and rec.nameID not in (7, 10):
            sys.exit(f"mkfonts: name ID {rec.nameID} still says {rec.toUnicode()!r}")


def ofl_text():
    """Returns the "License: SIL-1.1" paragraph of the Debian copyright file."""
    lines = open(DEBIAN_COPYRIGHT, encoding="utf-8").read().split("\n")
    # The stand-alone paragraph starts after a blank line; the "License:" field
    # of the "Files: *" paragraph has no text of its own.
    starts = [i for i in range(1, len(lines))
              if lines[i] == "License: SIL-1.1" and lines[i - 1] == ""]
    if len(starts) != 1:
        sys.exit(f"mkfonts: no stand-alone 'License: SIL-1.1' paragraph in {DEBIAN_COPYRIGHT}")
    start = starts[0]
    body = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    text = "\n".join(body).strip("\n")
    if "SIL OPEN FONT LICENSE Version 1.1" not in text:
        sys.exit(f"mkfonts: unexpected SIL-1.1 text in {DEBIAN_COPYRIGHT}")
    return text


def write_ofl(outdir):
    name = sc_face(os.path.join(SRC_DIR, "NotoSerifCJK-Regular.ttc"))["name"]
    header = [
        name.getDebugName(0),
        name.getDebugName(7),
        "",
        f"{FAMILY} (NianbaoSerifSC-Regular.ttf, NianbaoSerifSC-Bold.ttf) is a",
        f"Modified Version of {SRC_FAMILY} ({name.getDebugName(5)}),",
        "converted to TrueType outlines and renamed; see README.md.",
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "This license is copied below, and is also available with a FAQ at:",
        "https://openfontlicense.org",
        "",
        "",
    ]
    out = os.path.join(outdir, "OFL.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + ofl_text() + "\n")
    print(f"mkfonts: wrote {out}")


def convert(weight, outdir):
    src = os.path.join(SRC_DIR, f"NotoSerifCJK-{weight}.ttc")
    font = sc_face(src)
    created, modified = font["head"].created, font["head"].modified
    subset_font(font)
    otf_to_ttf(font)
    rename(font, weight)
    font["head"].created = created
    font["head"].modified = modified
    font.recalcTimestamp = False

    out = os.path.join(outdir, f"{PS_FAMILY}-{weight}.ttf")
    tmp = out + ".tmp"
    font.save(tmp, reorderTables=True)
    os.replace(tmp, out)
    print(f"mkfonts: wrote {out} ({os.path.getsize(out)} bytes)")


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: /usr/bin/python3 scripts/mkfonts.py OUTDIR")
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    write_ofl(outdir)
    for weight in WEIGHTS:
        convert(weight, outdir)


if __name__ == "__main__":
    main(sys.argv)
