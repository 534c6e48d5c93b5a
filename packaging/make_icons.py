"""Render the app's icons from their SVG sources in resources/icons/ (run it after editing
an SVG, then commit what it writes):

    .venv/bin/python packaging/make_icons.py

Writes
  resources/icons/png/sfsync-gui-{16,24,32,48,64,128,256,512}.png
  resources/icons/sfsync-gui.ico    (16-256 px, PNG-compressed entries, Windows Vista+)
  resources/icons/sfsync-gui.icns   (16-1024 px, PNG entries incl. @2x, macOS 10.7+)
and the run-time copies the app loads from sfsync_gui/data/icons/ (the PNGs and the
state icons' SVGs).

16 and 24 px come from sfsync-gui-small.svg (heavier strokes), the rest from sfsync-gui.svg.
SVG is rendered with QtSvg, which the app already depends on. The .ico and .icns
containers are a directory of PNG images each; they are written here directly (a few
lines of struct packing) rather than through Pillow, so building needs nothing beyond
the app's own dependencies, and the tests read them back with Qt's own ico/icns readers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "resources" / "icons"
DATA = ROOT / "sfsync_gui" / "data" / "icons"
NAME = "sfsync-gui"
#: the PNG sizes committed (Linux hicolor sizes, Windows and macOS sizes)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: at or below this size the simplified mark is used
SMALL_MAX = 24
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, and their pixel sizes (Apple's icns types)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def render(svg: Path, size: int) -> bytes:
    """``svg`` rendered at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not an SVG QtSvg can render")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise SystemExit(f"make_icons: could not encode {svg} at {size} px")
    buf.close()
    return bytes(data.data())


def app_png(size: int) -> bytes:
    """The app icon at ``size`` px from the right source."""
    small = SRC / f"{NAME}-small.svg"
    return render(small if size <= SMALL_MAX else SRC / f"{NAME}.svg", size)


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG (ICONDIR, one ICONDIRENTRY per image, the data)."""
    sizes = sorted(images)
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    body = b""
    for size in sizes:
        png = images[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        body += png
    return out + body


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS .icns: the 'icns' header, then one (type, length, PNG) element per entry."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"  {path.relative_to(ROOT)}  {len(data):,} bytes")


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    images = {size: app_png(size) for size in sizes}
    print("make_icons: writing")
    for size in PNG_SIZES:
        write(SRC / "png" / f"{NAME}-{size}.png", images[size])
        write(DATA / f"{NAME}-{size}.png", images[size])
    write(SRC / f"{NAME}.ico", ico({s: images[s] for s in ICO_SIZES}))
    write(SRC / f"{NAME}.icns", icns(images))
    write(DATA / f"{NAME}.svg", (SRC / f"{NAME}.svg").read_bytes())
    states = DATA / "states"
    if states.exists():
        shutil.rmtree(states)
    for svg in sorted((SRC / "states").glob("*.svg")):
        write(states / svg.name, svg.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
