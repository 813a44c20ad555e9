#!/usr/bin/env python3
"""Draws the app icon (a green rounded square with a white open book) as RGBA PNGs.

Standard library only: run `python3 icons/generate.py` from src-tauri/ to regenerate.
"""

import os
import struct
import zlib

GREEN = (27, 122, 76)
WHITE = (255, 255, 255)
SAMPLES = 4  # supersampling per axis, for smooth edges

# Shapes in unit coordinates (0..1, y down).
RADIUS = 0.2
LEFT_PAGE = [(0.17, 0.30), (0.47, 0.37), (0.47, 0.76), (0.17, 0.69)]
RIGHT_PAGE = [(0.53, 0.37), (0.83, 0.30), (0.83, 0.69), (0.53, 0.76)]
# Text lines on the pages: (x0, y0, x1, y1), drawn green on white.
LINES = []
for i in range(3):
    dy = 0.09 * i
    LINES.append((0.22, 0.40 + dy, 0.42, 0.445 + dy))
    LINES.append((0.58, 0.445 + dy, 0.78, 0.40 + dy))
LINE_WIDTH = 0.022


def in_rounded_square(x, y):
    cx = min(max(x, RADIUS), 1 - RADIUS)
    cy = min(max(y, RADIUS), 1 - RADIUS)
    return 0 <= x <= 1 and 0 <= y <= 1 and (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS**2


def in_polygon(x, y, poly):
    inside = False
    n = len(poly)
    for i in range(n):
        x0, y0 = poly[i]
        x1, y1 = poly[(i + 1) % n]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def near_segment(x, y, seg, width):
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
    px, py = x0 + t * dx, y0 + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


def sample(x, y):
    """Colour and coverage of one sample point."""
    if not in_rounded_square(x, y):
        return None
    if in_polygon(x, y, LEFT_PAGE) or in_polygon(x, y, RIGHT_PAGE):
        if any(near_segment(x, y, s, LINE_WIDTH) for s in LINES):
            return GREEN
        return WHITE
    return GREEN


def render(size):
    rows = []
    n = SAMPLES * SAMPLES
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = sample((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
                    if c is not None:
                        r += c[0]
                        g += c[1]
                        b += c[2]
                        a += 1
            if a:
                row += bytes((r // a, g // a, b // a, 255 * a // n))
            else:
                row += bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels, 9))
        + chunk(b"IEND", b"")
    )


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        with open(os.path.join(here, name), "wb") as f:
            f.write(png(size, render(size)))
        print(name)


if __name__ == "__main__":
    main()
