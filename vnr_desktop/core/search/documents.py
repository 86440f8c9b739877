"""Turn any content item into the text that search indexes."""

from __future__ import annotations

from dataclasses import dataclass

from vnr_desktop.core.models import Contact, Guide, Item, Measure, Plan, Resource, item_title


@dataclass(frozen=True)
class ItemDocument:
    ref: str
    kind: str
    title: str
    body: str
    aliases: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()


def item_document(bundle_id: str, item: Item) -> ItemDocument:
    parts: list[str] = []
    phones: list[str] = []
    if isinstance(item, Contact):
        parts += [item.description or "", item.address or "", item.email or "", item.web or ""]
        parts += [p.label or "" for p in item.phones] + [p.hours or "" for p in item.phones]
        phones = [p.digits for p in item.phones]
        parts += [item.no_phone_reason or ""]
    elif isinstance(item, Guide):
        parts.append(item.summary or "")
        for section in item.sections:
            parts += [section.title, section.intro or ""]
            for block in section.blocks:
                parts += [block.heading or "", block.text or "", *block.items]
            for ref in section.legal_refs:
                parts += [ref.law, ref.section, ref.title or "", ref.summary or ""]
    elif isinstance(item, Measure):
        parts += [
            item.goal or "",
            item.description or "",
            item.target_group or "",
            item.section or "",
            " ".join(item.responsible),
            item.status_text or "",
        ]
    elif isinstance(item, Plan):
        parts += [item.summary or "", *item.goals, *(a.title for a in item.focus_areas)]
    elif isinstance(item, Resource):
        parts += [item.description or "", item.provider or "", item.web or ""]
    body = "\n".join(p for p in parts if p)
    return ItemDocument(
        ref=f"{bundle_id}:{item.id}",
        kind=item.kind,
        title=item_title(item),
        body=body,
        aliases=tuple(item.aliases),
        phones=tuple(phones),
    )
