"""A layout that places widgets left to right and wraps to a new row when the width runs out.

Hidden widgets take no space. Each widget gets its size hint (never less), so a label inside is
never squeezed; the height for a width is known (``heightForWidth``), so the parent grows a row
instead of clipping.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem

from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py


def flow_rows(widths: list[int], available: int, spacing: int) -> list[list[int]]:
    """Indexes of ``widths`` per row when laid out left to right within ``available``."""
    rows: list[list[int]] = []
    x = 0
    for i, w in enumerate(widths):
        if rows and x + spacing + w <= available:
            rows[-1].append(i)
            x += spacing + w
        else:
            rows.append([i])
            x = w
    return rows


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    # QLayout's item protocol ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)

        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        """One row of everything (the widest the strip would like to be)."""
        visible = self._visible()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(
            len(visible) - 1, 0
        )
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: any narrower and it would be clipped."""
        m = self.contentsMargins()
        visible = self._visible()
        width = max((i.sizeHint().width() for i in visible), default=0)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    # placing ------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _place(self, rect: QRect, *, apply: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        visible = self._visible()
        hints = [i.sizeHint() for i in visible]
        rows = flow_rows([h.width() for h in hints], area.width(), self._spacing)
        y = area.y()
        for row in rows:
            row_height = max(hints[i].height() for i in row)
            x = area.x()
            for i in row:
                if apply:
                    top = y + (row_height - hints[i].height()) // 2
                    visible[i].setGeometry(QRect(QPoint(x, top), hints[i]))
                x += hints[i].width() + self._spacing
            y += row_height + self._spacing
        used = y - self._spacing - area.y() if rows else 0
        return used + m.top() + m.bottom()
