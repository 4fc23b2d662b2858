#!/usr/bin/env python3
"""Fills a cchc report form as a person would in Excel, using openpyxl.

usage: fill_form.py EDITS.json IN.xlsx OUT.xlsx [IN.xlsx OUT.xlsx ...]

EDITS.json is a list of operations, applied in order to each form:
  {"cell": "H9", "text": "Hoàn thành"}            a text cell
  {"cell": "I9", "number": 50}                     a number cell
  {"cell": "I9", "number": 0.5, "format": "0%"}    a number with a number format (percent)
  {"cell": "J9", "date": "2024-07-15"}             a real date cell, formatted dd/mm/yyyy
  {"cell": "J9", "date": "2024-07-15", "format": "m/d/yyyy"}   the same day, shown US-style
  {"cell": "H9", "clear": true}                    empties a cell
  {"hidden": "B2", "text": "so-tu-phap"}           writes into the hidden sheet
  {"delete_row": 10}                               deletes a row of the visible sheet
  {"insert_row": 10}                               inserts an empty row
  {"check": true}                                  prints the validations and date formats as JSON
"""
import datetime
import json
import sys

import openpyxl

edits_path = sys.argv[1]
with open(edits_path, encoding="utf-8") as handle:
    edits = json.load(handle)
pairs = sys.argv[2:]


def fill(source, target):
    book = openpyxl.load_workbook(source)
    sheet = book["Báo cáo"]
    hidden = book["cchc"]
    for edit in edits:
        if "check" in edit:
            report = {
                "validations": [
                    {"type": v.type, "formula1": v.formula1, "formula2": v.formula2, "sqref": str(v.sqref)}
                    for v in sheet.data_validations.dataValidation
                ],
                "formats": {ref: sheet[ref].number_format for ref in edit.get("cells", [])},
                "dates": {ref: isinstance(sheet[ref].value, datetime.datetime) for ref in edit.get("cells", [])},
                "states": [ws.sheet_state for ws in book.worksheets],
                "freeze": sheet.freeze_panes,
                "protected": bool(sheet.protection.sheet),
                "hidden_protected": bool(hidden.protection.sheet),
                "orientation": sheet.page_setup.orientation,
                "fit_width": sheet.page_setup.fitToWidth,
                "locked": {ref: sheet[ref].protection.locked for ref in edit.get("cells", [])},
                "font": sheet["C9"].font.name,
            }
            print(json.dumps(report, ensure_ascii=False))
            continue
        if "delete_row" in edit:
            sheet.delete_rows(edit["delete_row"])
            continue
        if "insert_row" in edit:
            sheet.insert_rows(edit["insert_row"])
            continue
        target_sheet = hidden if "hidden" in edit else sheet
        cell = target_sheet[edit.get("hidden") or edit["cell"]]
        if edit.get("clear"):
            cell.value = None
        elif "text" in edit:
            cell.value = edit["text"]
            cell.number_format = "@"
        elif "number" in edit:
            cell.value = edit["number"]
            cell.number_format = edit.get("format", "0")
        elif "date" in edit:
            cell.value = datetime.datetime.strptime(edit["date"], "%Y-%m-%d")
            cell.number_format = edit.get("format", "dd/mm/yyyy")
    book.save(target)


for index in range(0, len(pairs), 2):
    fill(pairs[index], pairs[index + 1])
