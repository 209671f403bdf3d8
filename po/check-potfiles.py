#!/usr/bin/env python3
# po/check-potfiles.py
#
# Copyright 2026 The Debrief authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
#
# Fails when a file under src/ or resources/ marks strings for translation
# (_(), N_(), C_(), NC_(), g_dngettext(), translatable="yes") but is not
# listed in po/POTFILES.in, or when POTFILES.in lists a file that does not
# exist. Either way the template would silently lose strings.

import os
import re
import sys

SCAN_DIRS = ("src", "resources")
SCAN_SUFFIXES = (".c", ".h", ".ui", ".xml", ".in")
MARKER = re.compile(
    r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2)\s*\("
    r"|translatable\s*=\s*[\"']yes[\"']"
)
C_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def read_potfiles(path):
    listed = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    return listed


def marked_files(root):
    found = []
    for top in SCAN_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SCAN_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if name.endswith((".c", ".h")):
                    # A comment that mentions _() marks nothing.
                    text = C_COMMENT.sub(" ", text)
                if MARKER.search(text):
                    found.append(os.path.relpath(path, root))
    return found


def main():
    if len(sys.argv) != 2:
        print("usage: check-potfiles.py SOURCE_ROOT", file=sys.stderr)
        return 2

    root = sys.argv[1]
    potfiles = os.path.join(root, "po", "POTFILES.in")
    listed = read_potfiles(potfiles)
    status = 0

    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            print(f"po/POTFILES.in lists {path}, which does not exist")
            status = 1

    missing = [p for p in marked_files(root) if p not in listed]
    for path in missing:
        print(f"{path} has translatable strings but is not listed in po/POTFILES.in")
        status = 1

    if status == 0:
        print(f"po/POTFILES.in lists all {len(listed)} files with translatable strings")
    return status


if __name__ == "__main__":
    sys.exit(main())
