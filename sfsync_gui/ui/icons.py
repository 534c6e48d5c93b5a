"""The app's icon, drawn at run time (no image files to ship): two arrows chasing each
other round a cloud-blue disc — syncing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF


def _draw(size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#0b6bcb"))
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    pen = QPen(QColor("white"), size * 0.09)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    m = size * 0.26
    box = QRectF(m, m, size - 2 * m, size - 2 * m)
    for start in (30, 210):
        path = QPainterPath()
        path.arcMoveTo(box, start)
        path.arcTo(box, start, 120)
        p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    r = box.width() / 2
    c = box.center()
    a = size * 0.13
    for sx in (1, -1):  # arrow heads at the ends of the arcs (150° and 330°)
        tip = QPointF(c.x() - sx * r * 0.866, c.y() - sx * r * 0.5)
        p.drawPolygon(QPolygonF([tip + QPointF(-a, 0) * sx, tip + QPointF(a, 0) * sx,
                                 tip + QPointF(0, a * 1.1) * sx]))
    p.end()
    return pm


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_draw(size))
    return icon
