#!/usr/bin/env python3
"""Counts the test cases in meson's test logs and prints one summary line.

Each test program speaks TAP; every "ok"/"not ok" line is one test case.
A program that fails without reporting a failing case (a crash, a
timeout) counts as one failure more; a program that speaks no TAP counts
as one case.
"""

import json
import re
import sys

passed = failed = skipped = 0

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            result = json.loads(line)
            out = result.get("stdout") or ""
            p = f = s = 0
            for tap in out.splitlines():
                if re.match(r"^ok\b", tap):
                    if re.search(r"#\s*SKIP", tap, re.I):
                        s += 1
                    else:
                        p += 1
                elif re.match(r"^not ok\b", tap):
                    if re.search(r"#\s*TODO", tap, re.I):
                        s += 1
                    else:
                        f += 1
            if result.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and f == 0:
                f += 1
            elif result.get("result") == "OK" and p + f + s == 0:
                # a test that reports only through its exit code
                p += 1
            if result.get("result") == "SKIP" and p + f + s == 0:
                s += 1
            passed += p
            failed += f
            skipped += s

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
