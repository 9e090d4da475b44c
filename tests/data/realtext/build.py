#!/usr/bin/env python3
"""Rebuilds the real-text ingest fixtures (corpus/, reference/, manifest.json) from Debian packages.

Usage:  python3 build.py [--debs DIR]

DIR holds the extracted packages (one folder per package, made with `dpkg -x`); without it the script runs
`apt-get download` and `dpkg -x` into a temporary folder. Only the standard library is used, and every choice
is drawn from a fixed seed, so the same package versions give the same bytes.
"""

import argparse
import gzip
import hashlib
import html.parser
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

SEED = 20261127
HERE = os.path.dirname(os.path.abspath(__file__))

# Versions the committed fixtures were built from (Debian 12 "bookworm").
PACKAGES = {
    "debian-reference-zh-cn": "2.100",
    "debian-reference-zh-tw": "2.100",
    "debian-reference-ja": "2.100",
    "debian-edu-doc-zh-cn": "2.12.23~deb12u1",
    "gimp-help-zh-cn": "2.10.34-2",
    "gimp-help-common": "2.10.34-2",  # only for its copyright file: gimp-help-zh-cn's doc folder links to it
}
LICENCES = {
    "debian-reference-zh-cn": "GPL-2+",
    "debian-reference-zh-tw": "GPL-2+",
    "debian-reference-ja": "GPL-2+",
    "debian-edu-doc-zh-cn": "GPL-2+",
    "gimp-help-zh-cn": "GFDL-1.2+ (no invariant sections, no front- or back-cover texts)",
}
REF_DIR = "usr/share/debian-reference"
EDU_HTML = "usr/share/doc/debian-edu-doc-zh-cn/debian-edu-bookworm-manual.html"
GIMP_DIR = "usr/share/gimp/2.0/help/zh_CN"

# ---------------------------------------------------------------------------------------------------------------
# Getting the packages


def fetch_packages(target):
    for name, version in PACKAGES.items():
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=target, check=True)
        deb = next(f for f in os.listdir(target) if f.startswith(name + "_") and f.endswith(".deb"))
        subprocess.run(["dpkg", "-x", deb, os.path.join(target, name)], cwd=target, check=True)


def package_root(debs, name):
    for candidate in (name, "x-" + name):
        path = os.path.join(debs, candidate)
        if os.path.isdir(path):
            return path
    sys.exit(f"package {name} not found under {debs}")


# ---------------------------------------------------------------------------------------------------------------
# DocBook HTML to plain text: one block per line (headings, paragraphs, list items), no tables, code or navigation

SKIP_TAGS = {"head", "script", "style", "pre", "table", "title"}
SKIP_CLASSES = {"navheader", "navfooter", "toc", "list-of-tables", "list-of-figures", "mediaobject", "footnotes",
                "table", "informaltable", "figure", "informalfigure", "screen", "programlisting", "literallayout"}
BLOCK_TAGS = {"p", "div", "li", "dt", "dd", "br", "tr", "blockquote", "ul", "ol", "dl", "h1", "h2", "h3", "h4",
              "h5", "h6"}
VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr"}


class DocBookText(html.parser.HTMLParser):
    """Collects (level, text) blocks: level 1-6 for headings, 0 for paragraphs and list items."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.buffer = []
        self.stack = []  # (tag, skipping) for open elements
        self.skip_depth = 0
        self.heading = 0
        self.bullet = False

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        self.buffer = []
        if not text:
            return
        if self.heading:
            self.blocks.append((self.heading, text))
        else:
            self.blocks.append((0, ("• " + text) if self.bullet else text))
            self.bullet = False

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        skipping = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        if tag not in VOID_TAGS:
            self.stack.append((tag, skipping))
            if skipping:
                self.skip_depth += 1
        if self.skip_depth:
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "li":
            self.bullet = True
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = int(tag[1])

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        while self.stack:
            open_tag, skipping = self.stack.pop()
            if skipping:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if self.skip_depth:
            return
        if tag in BLOCK_TAGS:
            self.flush()
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = 0

    def handle_data(self, data):
        if not self.skip_depth:
            self.buffer.append(data)


def html_blocks(path):
    parser = DocBookText()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    parser.close()
    parser.flush()
    return parser.blocks


def sections(blocks, level):
    """Cuts the blocks at every heading of `level` or above; each section starts with its heading."""
    result, current = [], None
    for depth, text in blocks:
        if 0 < depth <= level:
            if current:
                result.append(current)
            current = [(depth, text)]
        elif current is not None:
            current.append((depth, text))
    if current:
        result.append(current)
    return result


def japanese(text):
    return sum(1 for c in text if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff")


def cjk(text):
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


def latin(text):
    return sum(1 for c in text if c.isascii() and c.isalpha())


def clip(section, high):
    """The section's first blocks up to `high` characters (a whole section when it is shorter)."""
    kept, used = [], 0
    for block in section:
        if kept and used + len(block[1]) > high:
            break
        kept.append(block)
        used += len(block[1]) + 1
    return kept


def usable(section, low, high):
    text = "\n".join(t for _, t in section)
    return low <= len(text) <= high and cjk(text) >= 0.35 * len(text) and cjk(text) >= 1.3 * latin(text) and len(section) >= 4


def paragraphs(section):
    return [t for _, t in section]


# ---------------------------------------------------------------------------------------------------------------
# Layouts: a reference text is a list of paragraphs (one line each); a layout turns it into the file's lines

WIDE = {"W", "F"}
BULLET_MARKS = ("• ", "\u2027 ")
NO_LINE_START = set("，。、；：？！）」』”’》〉】…,.;:?!)]}%")


def width(c):
    return 2 if unicodedata.east_asian_width(c) in WIDE else 1


def is_cjk_side(c):
    return width(c) == 2


def break_allowed(text, i):
    """May a line end before text[i]? Never inside a Latin word, never before closing punctuation, and a break next
    to a space only between two Latin characters (so a reader rejoins Latin with one space, CJK with nothing)."""
    before, after = text[i - 1], text[i]
    if after in NO_LINE_START:
        return False
    if after == " ":
        return False
    if before == " ":
        return i >= 2 and not is_cjk_side(text[i - 2]) and not is_cjk_side(after)
    return is_cjk_side(before) or is_cjk_side(after)


def wrap(text, columns, first_prefix_width=0, hanging=0):
    """Greedy wrap at display columns; returns lines (without prefixes). A space at a break is consumed."""
    lines, start = [], 0
    limit = columns - first_prefix_width
    while start < len(text):
        used, i, last_break = 0, start, None
        while i < len(text) and used + width(text[i]) <= limit:
            used += width(text[i])
            i += 1
            if i < len(text) and break_allowed(text, i):
                last_break = i
        if i >= len(text):
            lines.append(text[start:])
            break
        end = last_break if last_break and last_break > start else i
        line = text[start:end]
        lines.append(line.rstrip(" ") if text[end - 1] == " " else line)
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
        limit = columns - hanging
    return lines


def layout_indented(paras, headings, columns, indent):
    """Plain-text export / e-mail style: every line shifted by a common margin, paragraphs apart by a blank line."""
    margin = " " * indent
    out = []
    for k, para in enumerate(paras):
        if k:
            out.append("")
        if k in headings:
            out.append(margin + para)
            continue
        hanging = 2 if para.startswith(BULLET_MARKS) else 0
        for j, line in enumerate(wrap(para, columns, 0, hanging)):
            out.append(margin + (" " * hanging if j else "") + line)
    return out


def layout_pdf(paras, headings, columns, page_lines, first_page, headers, footer):
    """PDF text export: fixed width, paragraphs opened by two ideographic spaces, a running header at the top of
    every page (alternating by page parity) and a page-number footer at the bottom."""
    body = []
    for k, para in enumerate(paras):
        if k in headings:
            body.append(para)
            continue
        if para.startswith(BULLET_MARKS):
            for j, line in enumerate(wrap(para, columns, 0, 2)):
                body.append(("  " if j else "") + line)
            continue
        for j, line in enumerate(wrap(para, columns, 4)):
            body.append(("\u3000\u3000" if j == 0 else "") + line)
    pages, artefacts = [], []
    per_page = page_lines - 4
    for p in range(0, len(body), per_page):
        number = first_page + p // per_page
        header = headers[number % 2]
        header_line = header if number % 2 == 0 else " " * max(0, columns - text_width(header)) + header
        footer_line = footer(number)
        footer_line = " " * max(0, (columns - text_width(footer_line)) // 2) + footer_line
        pages.append([header_line, ""] + body[p:p + per_page] + ["", footer_line])
        artefacts.append({"page": number, "header": header, "footer": footer(number)})
    return pages, artefacts


def text_width(s):
    return sum(width(c) for c in s)


# ---------------------------------------------------------------------------------------------------------------
# Encodings


def fits(line, encoding):
    """Keeps only lines the encoding carries both ways unchanged (no private use or vertical forms, whose GB18030
    mappings differ between libraries)."""
    if any("\ue000" <= c <= "\uf8ff" or "\ufe10" <= c <= "\ufe1f" or ord(c) > 0xFFFF for c in line):
        return False
    try:
        return line.encode(encoding).decode(encoding) == line
    except UnicodeEncodeError:
        return False


# Big5 as Windows and .NET read it (code page 950, whose bullet is U+2027), Shift-JIS likewise (code page 932).
CODECS = {"big5": "cp950", "shift-jis": "cp932"}
BULLETS = {"big5": "\u2027 "}


def encode(text, encoding, bom):
    data = text.encode(CODECS.get(encoding, encoding))
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] + data
    return data


ENCODING_NAMES = {"utf-8": "utf-8", "gb18030": "gb18030", "big5": "big5", "shift-jis": "shift-jis", "utf-16-le": "utf-16le", "utf-16-be": "utf-16be"}


# ---------------------------------------------------------------------------------------------------------------
# The build


class Builder:
    def __init__(self, out):
        self.out = out
        self.files = []
        self.copies = []
        self.near_twins = []

    def write(self, rel, data):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    def add(self, name, paras, source, encoding="utf-8", bom=False, wrap_style="none", script="simplified",
            headings=(), newline="\n", **extra):
        """Writes corpus/<name> and its references; returns the manifest entry."""
        if encoding in BULLETS:
            paras = [BULLETS[encoding] + p[2:] if p.startswith("• ") else p for p in paras]
        if encoding in ("gb18030", "big5", "shift-jis"):
            kept = [p for p in paras if fits(p, CODECS.get(encoding, encoding))]
            headings = {kept.index(p) for i, p in enumerate(paras) if i in headings and p in kept}
            dropped = len(paras) - len(kept)
            paras = kept
        else:
            dropped = 0
        headings = set(headings)
        reference = "\n".join(paras) + "\n"
        entry = {"path": f"corpus/{name}", "encoding": ENCODING_NAMES[encoding], "bom": bom, "script": script,
                 "wrap": wrap_style, "newline": "crlf" if newline == "\r\n" else "lf", "expect": "decode",
                 "source": source, "reference": f"reference/{stem(name)}.txt"}
        if dropped:
            entry["paragraphs_left_out_not_encodable"] = dropped
        if wrap_style == "none":
            exact = reference
        elif wrap_style == "indented":
            lines = layout_indented(paras, headings, extra["columns"], extra["indent"])
            exact = "\n".join(lines) + "\n"
        elif wrap_style == "pdf":
            pages, artefacts = layout_pdf(paras, headings, extra["columns"], extra["page_lines"],
                                          extra.pop("first_page"), extra.pop("headers"), extra.pop("footer"))
            separator = "\f" if extra.pop("form_feed") else ""
            exact = "".join(separator * (k > 0) + "\n".join(page) + "\n" for k, page in enumerate(pages))
            entry["pages"] = artefacts
            entry["form_feed_between_pages"] = bool(separator)
        entry.update({k: v for k, v in extra.items() if v is not None})
        entry = {k: v for k, v in entry.items() if v is not None}
        exact = exact.replace("\n", newline)
        if newline != "\n":
            reference = reference.replace("\n", newline)
        self.write(entry["reference"], reference.encode("utf-8"))
        if exact != reference:
            entry["decoded"] = f"reference/{stem(name)}.layout.txt"
            self.write(entry["decoded"], exact.encode("utf-8"))
        else:
            entry["decoded"] = entry["reference"]
        data = encode(exact, encoding, bom)
        self.write(entry["path"], data)
        entry["bytes"] = len(data)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        entry["headings"] = sorted(headings)
        self.files.append(entry)
        return entry

    def add_uncertain(self, name, data, why):
        self.write(f"corpus/{name}", data)
        self.files.append({"path": f"corpus/{name}", "encoding": "uncertain", "expect": "skip", "why": why,
                           "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})


def stem(name):
    return name.rsplit(".", 1)[0].replace("/", "__")


def section_source(package, path, section):
    return {"package": package, "version": PACKAGES[package], "file": path, "section": section[0][1]}


def heading_indices(section):
    return {i for i, (depth, _) in enumerate(section) if depth}


def sentences(text):
    return [s for s in re.findall(r"[^。！？]*[。！？]", text) if cjk(s) >= 8]


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--debs", help="folder with the extracted packages (default: download them)")
    opts = args.parse_args()
    temp = None
    debs = opts.debs
    if not debs:
        temp = tempfile.mkdtemp(prefix="realtext-debs-")
        fetch_packages(temp)
        debs = temp
    try:
        build(debs)
    finally:
        if temp:
            shutil.rmtree(temp)


def build(debs):
    rng = random.Random(SEED)
    for sub in ("corpus", "reference"):
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    b = Builder(HERE)

    # --- Debian Reference, Simplified: sections in every encoding and layout -------------------
    # Sections of all chapters; the Traditional files take other sections than the Simplified ones, so that no
    # two fixture files are translations of one another.
    pools = {}
    for lang in ("cn", "tw"):
        root = os.path.join(package_root(debs, f"debian-reference-zh-{lang}"), REF_DIR)
        pools[lang] = []
        for chapter in range(1, 13):
            rel = f"{REF_DIR}/ch{chapter:02d}.zh-{lang}.html"
            for k, s in enumerate(sections(html_blocks(os.path.join(root, f"ch{chapter:02d}.zh-{lang}.html")), 2)):
                s = clip(s, 4500)
                if usable(s, 1200, 4500):
                    pools[lang].append(((chapter, k), rel, s))
    picks = rng.sample(pools["cn"], 16)
    cn_keys = {key for key, _, _ in picks}
    tw_pool = [p for p in pools["tw"] if p[0] not in cn_keys]
    picks = [(rel, s) for _, rel, s in picks]
    plans = [
        ("debref-cn/utf8-a.txt", {}),
        ("debref-cn/utf8-b.txt", {}),
        ("debref-cn/utf8-bom.txt", {"bom": True}),
        ("debref-cn/gb18030-a.txt", {"encoding": "gb18030"}),
        ("debref-cn/gb18030-crlf.txt", {"encoding": "gb18030", "newline": "\r\n"}),
        ("debref-cn/utf16le-bom.txt", {"encoding": "utf-16-le", "bom": True}),
        ("debref-cn/utf16le-nobom.txt", {"encoding": "utf-16-le"}),
        ("debref-cn/utf16be-bom.txt", {"encoding": "utf-16-be", "bom": True}),
        ("debref-cn/utf16be-nobom.txt", {"encoding": "utf-16-be"}),
        ("debref-cn/indented-4.txt", {"wrap_style": "indented", "columns": 64, "indent": 4}),
        ("debref-cn/indented-2-gb18030.txt", {"wrap_style": "indented", "columns": 70, "indent": 2,
                                              "encoding": "gb18030"}),
        ("debref-cn/indented-8.txt", {"wrap_style": "indented", "columns": 56, "indent": 8}),
        ("debref-cn/pdf-a.txt", {"wrap_style": "pdf", "columns": 72, "page_lines": 22, "first_page": 17,
                                 "headers": ["Debian 参考手册", None], "footer": lambda n: f"— {n} —",
                                 "form_feed": True}),
        ("debref-cn/pdf-b.txt", {"wrap_style": "pdf", "columns": 60, "page_lines": 24, "first_page": 3,
                                 "headers": ["Debian 参考手册", None], "footer": lambda n: f"第 {n} 页",
                                 "form_feed": False}),
        ("debref-cn/pdf-utf16le.txt", {"wrap_style": "pdf", "columns": 66, "page_lines": 20, "first_page": 101,
                                       "headers": ["Debian 参考手册（简体中文）", None], "footer": lambda n: str(n),
                                       "form_feed": True, "encoding": "utf-16-le", "bom": True}),
        ("debref-cn/utf8-c.txt", {}),
    ]
    for (rel, section), (name, plan) in zip(picks, plans):
        plan = dict(plan)
        if "headers" in plan:
            plan["headers"] = [plan["headers"][0], section[0][1]]
        b.add(name, paragraphs(section), section_source("debian-reference-zh-cn", rel, section),
              headings=heading_indices(section), **plan)

    # --- Debian Reference, Traditional: mostly Big5 -------------------
    tw_plans = [
        ("debref-tw/big5-a.txt", {"encoding": "big5"}),
        ("debref-tw/big5-b.txt", {"encoding": "big5"}),
        ("debref-tw/big5-c.txt", {"encoding": "big5", "newline": "\r\n"}),
        ("debref-tw/big5-pdf.txt", {"encoding": "big5", "wrap_style": "pdf", "columns": 70, "page_lines": 18,
                                       "first_page": 45, "headers": ["Debian 參考手冊", None],
                                       "footer": lambda n: f"- {n} -", "form_feed": True}),
        ("debref-tw/utf8.txt", {}),
    ]
    tw_picks = rng.sample(tw_pool, len(tw_plans))
    for (_, rel, section), (name, plan) in zip(tw_picks, tw_plans):
        plan = dict(plan)
        if "headers" in plan:
            plan["headers"] = [plan["headers"][0], section[0][1]]
        b.add(name, paragraphs(section), section_source("debian-reference-zh-tw", rel, section), script="traditional",
              headings=heading_indices(section), **plan)

    # --- Debian Edu manual: one article and its planted copies -------------------------------------------------
    edu_blocks = html_blocks(os.path.join(package_root(debs, "debian-edu-doc-zh-cn"), EDU_HTML))
    edu_pool = [s for s in sections(edu_blocks, 4) if usable(s, 1500, 4000) and len(sentences("".join(paragraphs(s)))) >= 8]
    article, donor = rng.sample(edu_pool, 2)
    source = section_source("debian-edu-doc-zh-cn", EDU_HTML, article)
    paras = paragraphs(article)
    heads = heading_indices(article)
    original = b.add("copies/original.txt", paras, source, headings=heads)
    exact = b.add("copies/exact-copy.txt", paras, source, headings=heads)
    relaid = b.add("copies/exact-copy-rewrapped-gb18030.txt", paras, source, headings=heads, encoding="gb18030",
                   wrap_style="indented", columns=60, indent=4)
    # Cut short: the first ~55 % of the text, ending at a sentence end inside a paragraph.
    total = sum(len(p) for p in paras)
    cut, used = [], 0
    for p in paras:
        if used + len(p) < 0.55 * total:
            cut.append(p)
            used += len(p)
            continue
        ends = [m.end() for m in re.finditer(r"[。！？]", p)]
        keep = [e for e in ends if e < len(p)]
        if keep:
            cut.append(p[:keep[len(keep) // 2]])
        break
    cut_entry = b.add("copies/cut-copy.txt", cut, source, headings={i for i in heads if i < len(cut)})
    # Edited: one sentence in the middle loses its last clause; a paragraph from another section is appended.
    body = [i for i, p in enumerate(paras) if i not in heads and any("，" in s for s in sentences(p))]
    target = body[len(body) // 2]
    sentence = next(s for s in sentences(paras[target]) if "，" in s)
    edited_sentence = sentence[:sentence.rindex("，")] + sentence[-1]
    edited = list(paras)
    edited[target] = paras[target].replace(sentence, edited_sentence, 1)
    extra = max((p for depth, p in donor if not depth and cjk(p) >= 60), key=cjk)
    edited.append(extra)
    edit_entry = b.add("copies/edited-copy.txt", edited, source, headings=heads,
                       edit={"original_sentence": sentence.strip(), "edited_sentence": edited_sentence.strip(),
                             "extra_paragraph": extra,
                             "extra_paragraph_source": section_source("debian-edu-doc-zh-cn", EDU_HTML, donor)})
    for entry, kind in ((exact, "exact"), (relaid, "exact"), (cut_entry, "cut"), (edit_entry, "edited")):
        entry["copy_of"] = original["path"]
        entry["copy_kind"] = kind
        b.copies.append({"original": original["path"], "copy": entry["path"], "kind": kind,
                         "same_layout": entry["wrap"] == original["wrap"] and entry["encoding"] == original["encoding"]})

    # --- GIMP manual: short pages sharing a licence/translator footer (distinct near-twins) ----------------------
    gimp_root = os.path.join(package_root(debs, "gimp-help-zh-cn"), GIMP_DIR)
    legal = [t for d, t in html_blocks(os.path.join(gimp_root, "legal.html")) if not d]
    footer = [next(t for t in legal if t.startswith("这是一份")), next(t for t in legal if t.startswith("著作权所有"))]
    pages = ["gimp-introduction-history-2-2.html", "gimp-introduction-history-2-4.html",
             "gimp-introduction-history-2-6.html", "gfdl-3.html", "gfdl-4.html", "gfdl-5.html", "gfdl-7.html",
             "gfdl-8.html", "gfdl-10.html"]
    twins = []
    for page in pages:
        blocks = html_blocks(os.path.join(gimp_root, page))
        # The page's own heading and text; other headings on the page (sub-sections) stay as lines.
        paras = [t for _, t in blocks] + footer
        entry = b.add(f"gimp/{stem(page)}.txt", paras, {"package": "gimp-help-zh-cn",
                                                        "version": PACKAGES["gimp-help-zh-cn"],
                                                        "file": f"{GIMP_DIR}/{page}", "section": blocks[0][1]},
                      headings={i for i, (d, _) in enumerate(blocks) if d}, boilerplate=footer)
        twins.append(entry["path"])
    b.near_twins.append({"files": twins, "shared": "licence and translator paragraphs appended to every page",
                         "boilerplate": footer})

    # --- Debian Reference, Japanese: one section in Shift-JIS (code page 932), a stray file in a Chinese collection
    # that must come out as Japanese, not as GB18030 gibberish
    ja_root = os.path.join(package_root(debs, "debian-reference-ja"), REF_DIR)
    ja_pool = []
    for chapter in range(1, 13):
        rel = f"{REF_DIR}/ch{chapter:02d}.ja.html"
        for k, s in enumerate(sections(html_blocks(os.path.join(ja_root, f"ch{chapter:02d}.ja.html")), 2)):
            s = clip(s, 3000)
            text = "\n".join(paragraphs(s))
            if (chapter, k) not in cn_keys and len(text) >= 1200 and japanese(text) >= 0.5 * len(text):
                ja_pool.append((rel, s))
    rel, section = ja_pool[rng.randrange(len(ja_pool))]
    b.add("debref-ja/shift-jis.txt", paragraphs(section), section_source("debian-reference-ja", rel, section),
          encoding="shift-jis", script="japanese", headings=heading_indices(section))

    # --- Files whose encoding cannot be told ---------------------------------------------------------------------
    b.add_uncertain("uncertain/too-short.txt", "说明".encode("gb18030"),
                    "four bytes that are valid GB18030 and valid Big5 alike: too few to tell")
    mixed_utf8 = paragraphs(picks[0][1])[1]
    mixed_gb = paragraphs(picks[1][1])[1]
    b.add_uncertain("uncertain/mixed-utf8-gb18030.txt",
                    (mixed_utf8 + "\n").encode("utf-8") + (mixed_gb + "\n").encode("gb18030"),
                    "a UTF-8 paragraph followed by a GB18030 paragraph: no single encoding decodes the file")

    # A GB18030 section with one Big5 sentence pasted in: too few odd characters to show in the whole decode.
    spare = [(rel, s) for key, rel, s in pools["cn"] if key not in cn_keys]
    gb_section = [p for p in paragraphs(spare[rng.randrange(len(spare))][1]) if fits(p, "gb18030")]
    big5_sentence = next(x for p in paragraphs(tw_picks[0][2]) for x in sentences(p) if fits(x, "cp950") and cjk(x) >= 16)
    middle = len(gb_section) // 2
    b.add_uncertain("uncertain/mixed-gb18030-big5.txt",
                    ("\n".join(gb_section[:middle]) + "\n").encode("gb18030") + (big5_sentence + "\n").encode("cp950")
                    + ("\n".join(gb_section[middle:]) + "\n").encode("gb18030"),
                    "a GB18030 section with one Big5 sentence in the middle: the whole decodes as GB18030, that "
                    "sentence into gibberish")

    # --- A layout interleave: two dated sections in one file, a verbatim block of the second dropped into a sentence
    # of the first (as a page layout puts a column of one article inside another); the block belongs to the second
    def cuttable(p):
        return cjk(p) >= 60 and "，" in p[len(p) // 2:-1] and p[-1] in "。！？"

    spare_cn = [(rel, s) for key, rel, s in pools["cn"] if key not in cn_keys]
    hosts = [(rel, s) for rel, s in spare_cn if any(cuttable(p) for p in paragraphs(s)[1:])]
    host_rel, host = hosts[rng.randrange(len(hosts))]
    host_paras = [p for p in paragraphs(host) if fits(p, "gb18030")]

    # The block: consecutive prose paragraphs from the middle of the owner, at least 200 CJK characters.
    def blocks(section):
        paras, heads = paragraphs(section), heading_indices(section)
        for first in range(len(paras) // 3, len(paras)):
            if first in heads or cjk(paras[first]) < 40 or paras[first][-1] not in "。！？":
                continue
            block, k = [], first
            while cjk("".join(block)) < 200 and k < len(paras) and k not in heads:
                block.append(paras[k])
                k += 1
            if cjk("".join(block)) >= 200 and all(fits(p, "gb18030") for p in block):
                yield block

    # A title without clause punctuation, so that it reads as a headline.
    owner_rel, owner, block = next((r, s, b) for r, s in spare_cn[::-1]
                                   if s is not host and not re.search("[，,。；;！!？?]", s[0][1]) for b in blocks(s))
    owner_paras = [p for p in paragraphs(owner) if fits(p, "gb18030")]
    # The host sentence it interrupts: a prose paragraph cut after a comma inside its second half.
    target = next(i for i, p in enumerate(host_paras) if i > 0 and cuttable(p))
    cut_at = host_paras[target].index("，", len(host_paras[target]) // 2) + 1
    before, after = host_paras[target][:cut_at], host_paras[target][cut_at:]
    date_host, date_owner = "2024年5月6日", "2024年5月7日"
    host_title, owner_title = host_paras[0], owner_paras[0]
    interleaved = ([host_title, date_host] + host_paras[1:target] + [before] + block + [after] + host_paras[target + 1:]
                   + [owner_title, date_owner] + owner_paras[1:])
    entry = b.add("interleave/two-articles.txt", interleaved,
                  {"package": "debian-reference-zh-cn", "version": PACKAGES["debian-reference-zh-cn"],
                   "file": [host_rel, owner_rel], "section": [host[0][1], owner[0][1]]})
    entry["articles"] = [{"title": host_title, "date": date_host}, {"title": owner_title, "date": date_owner}]
    entry["interleave"] = {"host_title": host_title, "owner_title": owner_title, "block": block,
                           "rejoined": before + after}

    manifest = {
        "about": "Real-text ingest fixtures; see README.md. Paths are relative to this folder.",
        "seed": SEED,
        "packages": [{"name": n, "version": v, "licence": LICENCES.get(n, "see gimp-help-zh-cn")}
                     for n, v in PACKAGES.items()],
        "files": b.files,
        "copies": b.copies,
        "near_twins": b.near_twins,
        "notes": {
            "reference": "clean text: one paragraph, heading or list item per line (UTF-8)",
            "decoded": "exactly the text the file holds, as UTF-8 (equals reference when wrap is none)",
            "wrap indented": "every line shifted by `indent` spaces; paragraphs apart by a blank line; list items "
                             "continue under their text",
            "wrap pdf": "fixed width; paragraphs open with two U+3000; each page starts with a running header "
                        "(book title on even pages, section title right-aligned on odd pages) and a blank line, and "
                        "ends with a blank line and the page-number footer",
            "rejoin": "a line break between two Latin characters stands for one space, any other break for nothing",
        },
    }
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(HERE) for f in fs)
    print(f"{len(b.files)} corpus files, {size / 1e6:.2f} MB in {HERE}")


if __name__ == "__main__":
    main()
