#!/usr/bin/env python3
# po/check-complete.py
#
# Copyright 2026 The Debrief authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-complete.py SOURCE_ROOT LANG [XGETTEXT_ARGS...]
#
# Extracts a fresh template from the files in po/POTFILES.in (with the
# xgettext arguments the build uses), merges po/LANG.po against it and
# fails when any message is untranslated or fuzzy: a string added or
# changed in the sources without a translation shows up here.

import os
import subprocess
import sys
import tempfile


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"{args[0]} failed with exit status {result.returncode}")
    return result.stdout


def msgids(po_text):
    """The msgids of a PO file as single strings, header left out."""
    ids = []
    current = None
    for line in po_text.splitlines():
        if line.startswith("msgid "):
            current = [line[6:].strip()[1:-1]]
        elif current is not None and line.startswith('"'):
            current.append(line.strip()[1:-1])
        elif current is not None:
            text = "".join(current)
            if text:
                ids.append(text)
            current = None
    if current is not None and "".join(current):
        ids.append("".join(current))
    return ids


def main():
    if len(sys.argv) < 3:
        print("usage: check-complete.py SOURCE_ROOT LANG [XGETTEXT_ARGS...]", file=sys.stderr)
        return 2

    root, lang, xgettext_args = sys.argv[1], sys.argv[2], sys.argv[3:]
    po_file = os.path.join(root, "po", lang + ".po")

    with tempfile.TemporaryDirectory(prefix="debrief-po-") as tmp:
        pot = os.path.join(tmp, "debrief.pot")
        merged = os.path.join(tmp, lang + ".po")

        run(["xgettext", "--package-name=debrief", "--directory=" + root,
             "--files-from=" + os.path.join(root, "po", "POTFILES.in"),
             "--output=" + pot] + xgettext_args)
        run(["msgmerge", "--quiet", "--output-file=" + merged, po_file, pot])

        untranslated = msgids(run(["msgattrib", "--untranslated", "--no-obsolete", merged]))
        fuzzy = msgids(run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged]))
        total = len(msgids(run(["msgattrib", "--no-obsolete", merged])))

    for text in untranslated:
        print(f"untranslated: \"{text}\"")
    for text in fuzzy:
        print(f"fuzzy: \"{text}\"")

    if untranslated or fuzzy:
        print(f"po/{lang}.po: {len(untranslated)} untranslated and {len(fuzzy)} fuzzy "
              f"of {total} messages; update it with: "
              f"meson compile -C BUILDDIR debrief-update-po")
        return 1

    print(f"po/{lang}.po translates all {total} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
