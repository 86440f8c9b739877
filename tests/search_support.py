"""Made-up bundles for search tests. TEST DATA ONLY: names and numbers are invented (99 xx xx xx,
the range the other test fixtures use) and never shipped or printed."""

from __future__ import annotations

from typing import Any

from vnr_desktop.core.bundle_content import BundleContent

PROVENANCE = {"source": "testkilde", "section": "s. 1", "as_of": "2024-01-01"}


def contact(item_id: str, name: str, number: str | None = None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item_id,
        "name": name,
        "category": extra.pop("category", "other"),
        "serves": extra.pop("serves", ["everyone"]),
        "provenance": PROVENANCE,
    }
    if number is None:
        data["no_phone_reason"] = "Testdata uten nummer."
    else:
        data["phones"] = [{"number": number}]
    data.update(extra)
    return data


def bundle(
    bundle_id: str,
    *,
    version: int = 1,
    coverage: list[tuple[str, str]] | None = None,
    contacts: list[dict[str, Any]] = (),  # type: ignore[assignment]
    guides: list[dict[str, Any]] = (),  # type: ignore[assignment]
    measures: list[dict[str, Any]] = (),  # type: ignore[assignment]
    aliases: list[str] = (),  # type: ignore[assignment]
) -> BundleContent:
    data: dict[str, Any] = {
        "manifest": {
            "id": bundle_id,
            "title": f"{bundle_id} (testdata)",
            "version": version,
            "issued": "2024-01-15",
            "coverage": "national"
            if coverage is None
            else [{"number": n, "name": name} for n, name in coverage],
            "publisher": "VNR Desktop tests",
            "sources": [
                {
                    "id": "testkilde",
                    "title": "Testkilde",
                    "publisher": "Tester",
                    "date": "2024-01-01",
                }
            ],
            "aliases": list(aliases),
        },
        "contacts": list(contacts),
        "guides": list(guides),
        "measures": list(measures),
    }
    if measures:
        data["plans"] = [
            {
                "id": "plan",
                "title": f"Testplan {bundle_id}",
                "period_start": 2024,
                "period_end": 2027,
                "provenance": PROVENANCE,
            }
        ]
    return BundleContent.model_validate(data, strict=False)


def guide(item_id: str, title: str, text: str, audience: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": item_id,
        "title": title,
        "audience": audience or ["professional"],
        "situations": ["general"],
        "sections": [{"kind": "info", "title": "Om", "blocks": [{"text": text}]}],
        "provenance": PROVENANCE,
    }


def measure(item_id: str, number: str, title: str, description: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item_id,
        "plan": "plan",
        "number": number,
        "title": title,
        "provenance": PROVENANCE,
    }
    if description:
        data["description"] = description
    return data
