"""User settings: a pydantic model stored as JSON in user.db, with a schema version."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SETTINGS_VERSION = 1


class DuplexOffset(BaseModel):
    model_config = ConfigDict(extra="forbid")
    x_mm: float = Field(default=0.0, ge=-10, le=10)
    y_mm: float = Field(default=0.0, ge=-10, le=10)


class PublisherKey(BaseModel):
    """A key an administrator trusts (``vnr-desktop keys trust KEY.pub --scope ID``)."""

    model_config = ConfigDict(extra="ignore")
    key: str = Field(description="the .pub file's base64 line")
    scope: list[str] = Field(default=[], description="bundle ids the key may publish")
    role: Literal["publisher", "root"] = "publisher"
    name: str = ""


class Settings(BaseModel):
    """Everything a user can set. Unknown keys from newer versions are ignored, not lost."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    version: int = SETTINGS_VERSION
    municipality: str | None = Field(default=None, description="kommunenummer, e.g. '3407'")
    region: str | None = Field(default=None, description="bundle id the municipality belongs to")
    language: Literal["nb", "en"] = "nb"
    text_scale: float = Field(default=1.0, ge=0.8, le=2.0)
    high_contrast: bool = False
    duplex_offset: DuplexOffset = DuplexOffset()
    update_source: str | None = Field(default=None, description="URL or folder of a feed")
    extra_public_keys: list[str] = []
    """Unscoped keys from earlier versions: no longer trusted (see publisher_keys)."""
    publisher_keys: list[PublisherKey] = []
    keep_search_history: bool = False
    age_warning_months: int = Field(default=12, ge=1, le=120)
    first_run_done: bool = False
