#!/usr/bin/env python3
"""tools/md2man.py NAME SECTION TITLE FILE.md... - a man page from Markdown.

Used by `make man` for dyad-lexicon.5 from docs/lexicon-format-*.md, so the
manual says what the docs say.  Handles what those files use: headings
(# and ## become .SH / .SS), paragraphs, bullet lists, fenced code blocks,
pipe tables (as tbl(1) tables), `code`, **bold**, *italic*, [links](url).
"""
import re
import sys


def esc(s):
    s = s.replace("\\", "\\e").replace("-", "\\-")
    return s


def inline(s):
    s = esc(s)
    s = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 (\2)", s)
    s = re.sub(r"`([^`]*)`", r"\\fB\1\\fR", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"\\fB\1\\fR", s)
    s = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\\fI\1\\fR", s)
    return s


def line(s):
    """A text line that cannot be read as a roff request."""
    return "\\&" + s if s[:1] in (".", "'") else s


def table(rows, out):
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    cells = [r for r in cells if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    n = max(len(r) for r in cells)
    out.append(".TS")
    out.append("allbox tab(\t);")
    out.append(" ".join(["lb"] * n))
    out.append(" ".join(["l"] * (n - 1) + ["lx"]) + ".")
    for i, r in enumerate(cells):
        r = r + [""] * (n - len(r))
        out.append("\t".join("T{\n" + line(inline(c)) + "\nT}" if len(c) > 30 else inline(c) for c in r))
    out.append(".TE")


def convert(path, out, first):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    para = []

    def flush():
        if para:
            out.append(".PP")
            out.extend(line(inline(p)) for p in para)
            para.clear()

    while i < len(lines):
        s = lines[i]
        if s.startswith("```"):
            flush()
            out.append(".PP\n.RS 4\n.nf")
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                out.append(line(esc(lines[i])))
                i += 1
            out.append(".fi\n.RE")
        elif s.startswith("#"):
            flush()
            level = len(s) - len(s.lstrip("#"))
            text = inline(s.lstrip("#").strip())
            out.append((".SH " if level == 1 else ".SS ") + '"' + text.replace('"', "'") + '"')
        elif s.lstrip().startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            table(rows, out)
            continue
        elif re.match(r"\s*[-*] ", s):
            flush()
            item = [re.sub(r"^\s*[-*] ", "", s)]
            while i + 1 < len(lines) and lines[i + 1].startswith("  ") and lines[i + 1].strip():
                i += 1
                item.append(lines[i].strip())
            out.append(".IP \\(bu 2")
            out.extend(line(inline(p)) for p in item)
        elif not s.strip():
            flush()
        else:
            para.append(s.strip())
        i += 1
    flush()


def main():
    name, section, title = sys.argv[1:4]
    out = ['.TH %s %s "" "dyad" "%s"' % (name.upper(), section, title),
           ".SH NAME", "%s \\- %s" % (name, esc(title))]
    for k, path in enumerate(sys.argv[4:]):
        convert(path, out, k == 0)
    out += [".SH SEE ALSO", "\\fBdyad\\fR(1)"]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
