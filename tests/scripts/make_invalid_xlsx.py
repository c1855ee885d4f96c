"""Writes the malformed workbooks of tests/data/tables/invalid/ (run once; the files are committed):
not a zip, a zip bomb (an entry claiming 4 GiB), no workbook part, a sheet with a DOCTYPE declaring entities,
a relationship pointing outside the archive, an archive cut short, and a --sheet-less workbook without sheets."""
import io
import os
import struct
import sys
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "tables", "invalid")

CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
WB = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      b'<sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="x" Target="%s"/></Relationships>')
SHEET = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>'
         b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Ann</t></is></c></row>'
         b'</sheetData></worksheet>')


def workbook(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def good_parts(target=b"worksheets/sheet1.xml", sheet=SHEET, wb=WB):
    return {"[Content_Types].xml": CT, "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": RELS % target,
            "xl/worksheets/sheet1.xml": sheet}


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def bomb():
    """A valid archive whose sheet entry claims 4 GiB - 1 uncompressed (both headers patched)."""
    data = bytearray(workbook(good_parts()))
    name = b"xl/worksheets/sheet1.xml"
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 26)[0]
        if data[pos + 30:pos + 30 + n] == name:
            struct.pack_into("<I", data, pos + 22, 0xFFFFFFFE)
        pos += 4
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, 0xFFFFFFFE)
        pos += 4
    return bytes(data)


if __name__ == "__main__":
    write("not-a-zip.xlsx", b"id,name\n1,Ann\n")
    write("zip-bomb.xlsx", bomb())
    parts = good_parts()
    del parts["xl/workbook.xml"]
    write("no-workbook.xlsx", workbook(parts))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
              b'<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    write("doctype-entities.xlsx", workbook(good_parts(sheet=laughs)))
    write("target-outside-archive.xlsx", workbook(good_parts(target=b"../../../etc/passwd")))
    whole = workbook(good_parts())
    write("truncated.xlsx", whole[: len(whole) // 2])
    write("no-sheets.xlsx", workbook(good_parts(wb=WB.replace(b'<sheet name="Staff" sheetId="1" r:id="rId1"/>', b""))))
    sys.exit(0)
