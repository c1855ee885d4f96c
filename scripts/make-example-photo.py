#!/usr/bin/env python3
"""Writes the small PNG portrait used by data/examples/people.yaml (a drawn avatar, no real person).

Pure standard library (zlib + struct), so it runs anywhere: python3 scripts/make-example-photo.py OUT.png
"""
import struct
import sys
import zlib


def png(width, height, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def avatar(x, y):
    # A head and shoulders on a blue background.
    if (x - 32) ** 2 + (y - 24) ** 2 <= 13 ** 2:
        return (236, 200, 170)
    if y >= 42 and (x - 32) ** 2 + (y - 66) ** 2 <= 26 ** 2:
        return (40, 70, 110)
    return (120, 170, 210)


if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else "data/examples/photos/ada.png", "wb") as f:
        f.write(png(64, 64, avatar))
