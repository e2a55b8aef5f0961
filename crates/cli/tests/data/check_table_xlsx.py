"""Holds a workbook's sheet to the CSV the same command writes.

Usage: check_table_xlsx.py BOOK.xlsx SHEET TABLE.csv

The sheet's header names (without the unit in parentheses) are the CSV's columns, in
order; every CSV field that is a number is a number cell with the same value (1e-12
relative), every other field a string cell with the same text; headers are frozen and
every column has its width set.
"""

import csv
import sys

import openpyxl

book_path, sheet_name, csv_path = sys.argv[1:4]
ws = openpyxl.load_workbook(book_path)[sheet_name]
rows = list(csv.reader(open(csv_path, encoding="utf-8", newline="")))
header, body = rows[0], rows[1:]
names = [str(ws.cell(1, c).value).split(" (")[0] for c in range(1, ws.max_column + 1)]
assert names[: len(header)] == header, (names, header)
assert ws.freeze_panes == "A2", ws.freeze_panes
widths = set()
for dim in ws.column_dimensions.values():
    if dim.customWidth and dim.width:
        widths.update(range(dim.min, dim.max + 1))
assert widths >= set(range(1, len(header) + 1)), widths
assert ws.max_row - 1 == len(body), (ws.max_row, len(body))
numbers = 0
for r, row in enumerate(body, start=2):
    for c, field in enumerate(row, start=1):
        cell = ws.cell(r, c)
        if field == "":
            assert cell.value is None, (r, c, cell.value)
            continue
        try:
            expected = float(field)
        except ValueError:
            # A CSV text field may carry the quote that keeps it from starting a formula.
            text = field[1:] if field.startswith("'") else field
            assert cell.data_type == "s" and cell.value in (field, text), (r, c, cell.value, field)
            continue
        assert cell.data_type == "n", (r, c, cell.value, cell.data_type)
        assert abs(cell.value - expected) <= 1e-12 * max(abs(expected), 1e-300), (r, c, cell.value, field)
        numbers += 1
assert numbers > 0
print("%s!%s: %d rows, %d numbers equal to the CSV's" % (book_path, sheet_name, len(body), numbers))
