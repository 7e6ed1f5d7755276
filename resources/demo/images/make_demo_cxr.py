#!/usr/bin/env python3
"""Draws demo-cxr.png: a schematic frontal chest radiograph (512 x 512, 8-bit grey) with a
right apical pneumothorax, for the demo's image cases. Not a real image: ellipses for the
body, lungs, heart and spine, arcs for ribs, random lung markings, and at the patient's right
apex (image left, by radiographic convention) a dark rim without markings behind a thin
pleural line. Standard library only; the output is committed, this script says how it was
made. Run: python3 make_demo_cxr.py [OUT]
"""
import math
import random
import struct
import sys
import zlib

W = H = 512
random.seed(11)
img = [[8] * W for _ in range(H)]


def inside(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


for y in range(H):
    for x in range(W):
        v = 8
        if inside(x, y, 256, 300, 235, 300):
            v = 95  # soft tissue
        # Lungs: patient right is image left.
        if inside(x, y, 165, 250, 95, 170) or inside(x, y, 350, 250, 90, 165):
            v = 42
        if inside(x, y, 285, 330, 85, 75):
            v = 165  # heart, to the patient's left
        if abs(x - 256) < 22 and y > 40:
            v = 150  # spine and mediastinum
        img[y][x] = v

# Right apical pneumothorax: the lung edge pulled down and in, nothing beyond it (drawn
# before the ribs, which lie over it).
for y in range(70, 240):
    for x in range(60, 270):
        if not inside(x, y, 165, 250, 95, 170):
            continue
        edge = ((x - 178) / 78) ** 2 + ((y - 268) / 150) ** 2
        if edge > 1.04:
            img[y][x] = 16
        elif edge > 0.985:
            img[y][x] = 140  # the visceral pleural line

# Ribs: bright arcs over both lungs.
for k in range(9):
    y0 = 95 + 34 * k
    for side in (-1, 1):
        for t in range(0, 190):
            x = 256 + side * (30 + t)
            y = y0 + int(22 * math.sin(t / 190 * math.pi)) + t // 6
            for dy in range(-3, 4):
                if 0 <= y + dy < H and img[y + dy][x] < 100:
                    img[y + dy][x] = min(255, img[y + dy][x] + 45)

# Lung markings: short bright streaks radiating from the hila.
for _ in range(900):
    side = random.choice((-1, 1))
    hx, hy = 256 + side * 45, 250
    ang = random.uniform(-1.2, 1.2) + (0 if side > 0 else math.pi)
    r = random.uniform(20, 150)
    x, y = int(hx + r * math.cos(ang)), int(hy + r * math.sin(ang))
    if 0 <= x < W and 0 <= y < H and 35 <= img[y][x] <= 90:
        img[y][x] = min(255, img[y][x] + 30)

raw = b''.join(b'\x00' + bytes(row) for row in img)


def chunk(tag, data):
    c = struct.pack('>I', len(data)) + tag + data
    return c + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)


png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 0, 0, 0, 0)) +
       chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
out = sys.argv[1] if len(sys.argv) > 1 else 'demo-cxr.png'
with open(out, 'wb') as f:
    f.write(png)
