"""Reads a profile workbook with openpyxl and holds it to the profile's JSON.

Usage: check_profile_xlsx.py PROFILE.xlsx PROFILE.json [ABOUT SOURCES SOURCES-COLUMN PATH-COLUMN]

The optional arguments are the workbook's words for the About and Sources sheets and
for the "Sources" and "JSON path" columns, in the language it was written in
(`--lang`); English by default.

Every sheet but About and Sources has two frozen header rows: names with units, then
the JSON field each column holds (relative to the row's "JSON path", or, with a leading
"/", the element of that series whose year is the row's year; fields separated by " | "
are alternatives for rows of different kinds, the first the row's object has). Every number in a
column with a field must equal the JSON's (1e-12 relative), every value object of the
JSON ({value, unit, source}), the corridor checks' data included, must appear in a cell, every
source reference must name a row of the Sources sheet, every sheet must have its
headers frozen and every column's width set. Prints a summary; exits non-zero with the
first failures.
"""

import json
import math
import re
import sys

import openpyxl

book_path, json_path = sys.argv[1], sys.argv[2]
ABOUT, SOURCES, SOURCES_COL, PATH_COL = (sys.argv[3:7] if len(sys.argv) >= 7
                                         else ("About", "Sources", "Sources", "JSON path"))
profile = json.load(open(json_path, encoding="utf-8"))
book = openpyxl.load_workbook(book_path)
failures = []


def fail(msg):
    failures.append(msg)


def resolve(doc, pointer):
    node = doc
    for part in [p for p in pointer.split("/") if p]:
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                return KeyError(pointer)
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return KeyError(pointer)
    return node


def close(a, b):
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))


# Every {value, unit, source} object of the JSON, by its pointer.
value_objects = {}


def walk(node, pointer):
    if isinstance(node, dict):
        if {"value", "unit", "source"} <= set(node):
            value_objects[pointer] = node["value"]
        for k, v in node.items():
            walk(v, pointer + "/" + k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, pointer + "/" + str(i))


walk(profile, "")
covered = set()
checked = 0
names = book.sheetnames
if len(names) != len({n.lower() for n in names}) or any(len(n) > 31 for n in names):
    fail("sheet names not unique or too long: %r" % names)
if names[0] != ABOUT or names[-1] != SOURCES:
    fail("%s first and %s last: %r" % (ABOUT, SOURCES, names))
sources = book[SOURCES]
n_sources = sources.max_row - 2
for r in range(3, sources.max_row + 1):
    if sources.cell(r, 1).value != r - 2:
        fail("Sources row %d is numbered %r" % (r, sources.cell(r, 1).value))
    if not isinstance(sources.cell(r, 2).value, str):
        fail("Sources row %d has no dataset" % r)

for ws in book.worksheets:
    if ws.freeze_panes != "A3":
        fail("%s: header rows not frozen (%r)" % (ws.title, ws.freeze_panes))
    # openpyxl keeps columns of equal width as one dimension spanning min..max.
    widths = {}
    for dim in ws.column_dimensions.values():
        if dim.customWidth and dim.width:
            for c in range(dim.min, dim.max + 1):
                widths[c] = dim.width
    for c in range(1, ws.max_column + 1):
        if c not in widths:
            fail("%s: column %d has no width set" % (ws.title, c))
    if ws.title in (ABOUT, SOURCES):
        continue
    headers = [ws.cell(1, c).value for c in range(1, ws.max_column + 1)]
    keys = [ws.cell(2, c).value or "" for c in range(1, ws.max_column + 1)]
    path_col = headers.index(PATH_COL) + 1 if PATH_COL in headers else None
    refs_col = headers.index(SOURCES_COL) + 1 if SOURCES_COL in headers else None
    for r in range(3, ws.max_row + 1):
        row_path = ws.cell(r, path_col).value or "" if path_col else ""
        year = ws.cell(r, 1).value
        if refs_col:
            for n in re.findall(r"\[(\d+)\]", ws.cell(r, refs_col).value or ""):
                if not 1 <= int(n) <= n_sources:
                    fail("%s row %d: source [%s] is not in Sources" % (ws.title, r, n))
        for c, key in enumerate(keys, start=1):
            cell = ws.cell(r, c)
            if cell.value is None:
                continue
            if cell.data_type == "f":
                fail("%s!%s is a formula" % (ws.title, cell.coordinate))
            if not key or (key == "year" and not row_path):
                # No field, or the year that selects the row's series elements.
                continue
            if key.startswith("/"):
                series = resolve(profile, key)
                matches = [i for i, e in enumerate(series) if e["year"] == year]
                if len(matches) != 1:
                    fail("%s!%s: no single %s element of year %r" % (ws.title, cell.coordinate, key, year))
                    continue
                pointer = "%s/%d/value" % (key, matches[0])
            else:
                # A sheet whose rows are of several kinds may name a column's field
                # differently for each ("value | total"): the first the row has.
                pointer = None
                for alternative in key.split(" | "):
                    pointer = row_path + "/" + alternative
                    if not isinstance(resolve(profile, pointer), KeyError):
                        break
            expected = resolve(profile, pointer)
            if isinstance(expected, dict) and "value" in expected:
                covered.add(pointer)
                expected = expected["value"]
            elif pointer.endswith("/value") and pointer[: -len("/value")] in value_objects:
                # The row is the value object (a corridor check's data value).
                covered.add(pointer[: -len("/value")])
            if isinstance(expected, KeyError):
                fail("%s!%s: %s is not in the JSON" % (ws.title, cell.coordinate, pointer))
            elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                if not isinstance(expected, (int, float)) or not close(float(cell.value), float(expected)):
                    fail("%s!%s = %r, JSON %s = %r" % (ws.title, cell.coordinate, cell.value, pointer, expected))
                checked += 1
            elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
                fail("%s!%s is text %r, JSON %s is the number %r" % (ws.title, cell.coordinate, cell.value, pointer, expected))
            elif cell.value != expected:
                fail("%s!%s = %r, JSON %s = %r" % (ws.title, cell.coordinate, cell.value, pointer, expected))

missing = sorted(p for p in value_objects if p not in covered)
for p in missing[:20]:
    fail("JSON value %s is in no cell" % p)
if checked == 0:
    fail("no number was checked")
corridor_values = sum(1 for p in covered if p.startswith("/corridor_checks/"))
print("%s: %d sheets, %d numbers equal to the JSON's, %d value objects covered "
      "(%d corridor check values), %d sources"
      % (book_path, len(names), checked, len(covered), corridor_values, n_sources))
if failures:
    print("\n".join(failures[:40]))
    sys.exit(1)
