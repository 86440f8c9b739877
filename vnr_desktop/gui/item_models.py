"""Qt item models over the content snapshot: search results, contacts, measures, municipalities.

All of them are plain in-memory models (the snapshot is already loaded); each is checked with
pytest-qt's qtmodeltester.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from vnr_desktop.core import measures
from vnr_desktop.core.phones import phones_to_show
from vnr_desktop.gui import labels

if TYPE_CHECKING:
    from vnr_desktop.core.models import Contact, Measure, Plan
    from vnr_desktop.gui.adapters.search import ResultRow
    from vnr_desktop.gui.theme import Colors

Index = QModelIndex | QPersistentModelIndex

REF_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
KIND_ROLE = Qt.ItemDataRole.UserRole + 5
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 6


class _ListModel(QAbstractListModel):
    """Rows of any kind; subclasses say what each role shows."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of_ref(self, ref: str) -> int:
        for i in range(len(self._rows)):
            if self.index(i, 0).data(REF_ROLE) == ref:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        return self._data(self._rows[index.row()], role)

    def _data(self, row: Any, role: int) -> Any:
        raise NotImplementedError


# --------------------------------------------------------------------------- search results


class SearchResultsModel(_ListModel):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.region_titles: dict[str, str] = {}

    def _data(self, row: ResultRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.title
        if role == REF_ROLE:
            return row.ref
        if role == KIND_ROLE:
            return row.kind
        if role == SUBTITLE_ROLE:
            parts = [labels.label(labels.kind_labels(), row.kind)]
            if row.region:
                parts.append(self.region_titles.get(row.region, row.region))
            parts += list(row.phones[:3])
            return " · ".join(parts)
        if role == SNIPPET_ROLE:
            return row.snippet_html
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._data(row, SUBTITLE_ROLE)
        return None


# --------------------------------------------------------------------------- contacts


class ContactListModel(_ListModel):
    """(ref, Contact) rows."""

    def _data(self, row: tuple[str, Contact], role: int) -> Any:
        ref, contact = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return contact.name
        if role == REF_ROLE:
            return ref
        if role == SUBTITLE_ROLE:
            parts = [labels.label(labels.category_labels(), contact.category)]
            parts += [p.display for p in phones_to_show(contact).shown[:2]]
            return " · ".join(parts)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._data(row, SUBTITLE_ROLE)
        if role == SORT_ROLE:
            return contact.name.casefold()
        return None


# --------------------------------------------------------------------------- municipalities


class MunicipalityModel(_ListModel):
    """(kommunenummer, name, bundle id) rows."""

    def _data(self, row: tuple[str, str, str], role: int) -> Any:
        number, name, _bundle = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{name} ({number})"
        if role == REF_ROLE:
            return number
        return None


# --------------------------------------------------------------------------- measures


def number_key(number: str) -> tuple[tuple[int, str], ...]:
    """'1.10' after '1.9'; letters after digits: a natural sort key for measure numbers."""
    return tuple(
        (int(part), "") if part.isdigit() else (1 << 30, part.casefold())
        for part in re.findall(r"\d+|[^\d\s.]+", number)
    )


class MeasuresModel(QAbstractTableModel):
    """(ref, Measure, Plan | None) rows: plan, number, title, responsible, deadline, status."""

    COLUMNS = ("plan", "number", "title", "responsible", "deadline", "status")

    def __init__(self, parent: QObject, colors: Colors, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Measure, Plan | None]] = []
        self.colors = colors
        self.today = today or dt.date.today()

    def headers(self) -> list[str]:
        return [
            self.tr("Plan"),
            self.tr("Nr."),
            self.tr("Tiltak"),
            self.tr("Ansvarlig"),
            self.tr("Frist"),
            self.tr("Status"),
        ]

    def set_rows(self, rows: Sequence[tuple[str, Measure, Plan | None]], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today
        self.endResetModel()

    def row_at(self, row: int) -> tuple[str, Measure, Plan | None]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None

    def is_overdue(self, measure: Measure) -> bool:
        # core/measures.py: a deadline, or the last day of the period ("2024" ends 31.12.2024).
        return measures.is_overdue(measure, self.today)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        ref, measure, plan = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        overdue = self.is_overdue(measure)
        if role == REF_ROLE:
            return ref
        if role == OVERDUE_ROLE:
            return overdue
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(column, measure, plan, overdue)
        if role == SORT_ROLE:
            return self._sort_value(column, measure, plan)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return measure.title
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(QColor(self.colors.overdue_bg))
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(QColor(self.colors.overdue_text))
        if role == Qt.ItemDataRole.FontRole and overdue and column in ("deadline", "status"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, column: str, measure: Measure, plan: Plan | None, overdue: bool) -> str:
        if column == "plan":
            return plan.title if plan else measure.plan
        if column == "number":
            return measure.number
        if column == "title":
            return measure.title
        if column == "responsible":
            return ", ".join(measure.responsible)
        if column == "deadline":
            if measure.deadline:
                return measure.deadline.strftime("%d.%m.%Y")
            return measure.period or ""
        names = labels.status_labels()
        status = labels.label(names, measure.status)
        mix = measures.mixed_statuses(measure)
        if mix:
            # Parts at different stages: the least advanced first, then the mix.
            status = self.tr("{0} (deler: {1})").format(
                status, ", ".join(labels.label(names, s).lower() for s in mix)
            )
        return self.tr("{0} – forsinket").format(status) if overdue else status

    def _sort_value(self, column: str, measure: Measure, plan: Plan | None) -> Any:
        """A Python value to compare (MeasuresFilter.lessThan compares these, not strings)."""
        plan_title = (plan.title if plan else measure.plan).casefold()
        number = number_key(measure.number)
        if column == "plan":
            return (plan_title, number)
        if column == "number":
            return (number, plan_title)
        if column == "deadline":
            due = measures.due_date(measure)
            deadline = due.isoformat() if due else "9999"
            return (deadline, (measure.period or "").casefold(), plan_title, number)
        return (self._display(column, measure, plan, False).casefold(), plan_title, number)


class MeasuresFilter(QSortFilterProxyModel):
    """Filter by plan, status, overdue and free text; sorts by each column's sort value."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.plan_ref: str | None = None
        self.status: str | None = None
        self.overdue_only = False
        self.text = ""
        self.bundles: frozenset[str] | None = None

    def set_filters(
        self,
        *,
        plan_ref: str | None = None,
        status: str | None = None,
        overdue_only: bool = False,
        text: str = "",
        bundles: frozenset[str] | None = None,
    ) -> None:
        new_api = hasattr(self, "beginFilterChange")  # Qt 6.10+; invalidate* is deprecated there
        if new_api:
            self.beginFilterChange()
        self.plan_ref = plan_ref
        self.status = status
        self.overdue_only = overdue_only
        self.text = text.strip().casefold()
        self.bundles = bundles
        if new_api:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, MeasuresModel):
            return True
        ref, measure, _plan = model.row_at(source_row)
        bundle = ref.partition(":")[0]
        if self.plan_ref is None and self.bundles is not None and bundle not in self.bundles:
            return False
        if (
            self.plan_ref
            and f"{bundle}:{measure.plan}" != self.plan_ref
            and measure.plan != self.plan_ref
        ):
            return False
        if self.status and measure.status != self.status:
            return False
        if self.overdue_only and not model.is_overdue(measure):
            return False
        if self.text:
            haystack = " ".join(
                [measure.number, measure.title, *measure.responsible, measure.status_text or ""]
            ).casefold()
            if not all(word in haystack for word in self.text.split()):
                return False
        return True
