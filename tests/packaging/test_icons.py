"""The icons: every PNG size the platforms want, at its size; the .ico and .icns readable
by Qt's own readers with every entry; the run-time copies the same as the sources; the
state icons one per sync state, in state_style's colours; ui/icons.py loads them."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
DATA = ROOT / "sfsync_gui" / "data" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize("size", SIZES)
def test_every_png_size_exists_at_its_size(size: int, qapp) -> None:
    for folder in (ICONS / "png", DATA):
        path = folder / f"sfsync-gui-{size}.png"
        image = QImage(str(path))
        assert not image.isNull(), f"{path} is missing or not a PNG"
        assert (image.width(), image.height()) == (size, size), path
        assert image.hasAlphaChannel()
        # drawn, not blank: the disc covers the centre, the corners are transparent
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0
    assert (ICONS / "png" / f"sfsync-gui-{size}.png").read_bytes() == (
        DATA / f"sfsync-gui-{size}.png").read_bytes()


def _entries(path: Path, fmt: bytes) -> list[QSize]:
    reader = QImageReader(str(path), QByteArray(fmt))
    sizes = []
    for i in range(reader.imageCount()):
        assert reader.jumpToImage(i), f"{path}: entry {i}"
        image = reader.read()
        assert not image.isNull(), f"{path}: entry {i}: {reader.errorString()}"
        sizes.append(image.size())
    return sizes


def test_ico_holds_16_to_256(qapp) -> None:
    sizes = _entries(ICONS / "sfsync-gui.ico", b"ico")
    assert sorted(s.width() for s in sizes) == [16, 24, 32, 48, 64, 128, 256]
    assert all(s.width() == s.height() for s in sizes)


def test_icns_holds_16_to_1024_with_retina_entries(qapp) -> None:
    data = (ICONS / "sfsync-gui.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = [], 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        assert data[pos + 8:pos + 16] == b"\x89PNG\r\n\x1a\n", kind
        kinds.append(kind.decode())
        pos += length
    assert pos == len(data)
    assert {"icp4", "icp5", "ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13",
            "ic14"} <= set(kinds)
    widths = {s.width() for s in _entries(ICONS / "sfsync-gui.icns", b"icns")}
    assert {16, 32, 64, 128, 256, 512, 1024} <= widths


def test_run_time_svgs_are_the_sources() -> None:
    assert (DATA / "sfsync-gui.svg").read_bytes() == (ICONS / "sfsync-gui.svg").read_bytes()
    sources = sorted(p.name for p in (ICONS / "states").glob("*.svg"))
    assert sources == sorted(p.name for p in (DATA / "states").glob("*.svg"))
    for name in sources:
        assert (DATA / "states" / name).read_bytes() == (ICONS / "states" / name).read_bytes()


def test_a_state_icon_for_every_state_in_its_light_colour() -> None:
    from sfsync_gui.ui import icons, state_style

    assert set(icons.STATES) == set(state_style.COLOURS) == set(state_style.LABELS)
    for state, (light, _dark) in state_style.COLOURS.items():
        assert light.encode() in icons.state_svg(state), state


def _png(icon, size: int) -> QImage:
    return icon.pixmap(size, size).toImage()


def test_icons_module_loads_the_app_icon_at_every_size(qapp) -> None:
    from sfsync_gui.ui import icons

    icon = icons.app_icon()
    assert not icon.isNull()
    assert [s.width() for s in icon.availableSizes()] == list(SIZES)


def test_state_icons_are_drawn_and_recoloured_for_a_dark_palette(qapp) -> None:
    from sfsync_gui.ui import icons, state_style

    for state, (light, dark) in state_style.COLOURS.items():
        light_img = _png(icons.state_icon(state), 16)
        dark_img = _png(icons.state_icon(state, dark, light), 16)
        assert light_img.size() == QSize(16, 16)
        lit = [light_img.pixelColor(x, y) for x in range(16) for y in range(16)]
        assert sum(c.alpha() == 255 for c in lit) > 20, state  # something is drawn
        assert light_img != dark_img, state
        # the ring of pending/local only and the disc of the rest both reach x = 2
        edge = light_img.pixelColor(2, 8)
        assert edge.name() == light.lower() or edge.alpha() < 255, state
    assert icons.state_icon("no such state").isNull()


def test_the_sources_render_with_qtsvg(qapp) -> None:
    from PySide6.QtSvg import QSvgRenderer

    for svg in [*ICONS.glob("*.svg"), *(ICONS / "states").glob("*.svg")]:
        renderer = QSvgRenderer(str(svg))
        assert renderer.isValid(), svg
        assert renderer.defaultSize().width() > 0, svg


def test_committed_pngs_are_what_the_svgs_render_to_now(qapp) -> None:
    """An SVG edited without re-running packaging/make_icons.py fails here."""
    import importlib.util

    script = ROOT / "packaging" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", script)
    assert spec is not None and spec.loader is not None
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    for size in (16, 48, 256):
        fresh = QImage.fromData(make_icons.app_png(size), "PNG")
        committed = QImage(str(ICONS / "png" / f"sfsync-gui-{size}.png"))
        fresh = fresh.convertToFormat(QImage.Format.Format_ARGB32)
        committed = committed.convertToFormat(QImage.Format.Format_ARGB32)
        worst = max(
            max(abs(a - b) for a, b in zip(fresh.pixelColor(x, y).getRgb(),
                                           committed.pixelColor(x, y).getRgb(), strict=True))
            for x in range(0, size, max(1, size // 64)) for y in range(0, size, max(1, size // 64)))
        assert worst <= 8, f"{size} px differs by {worst}: run packaging/make_icons.py"
