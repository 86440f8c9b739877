"""The local library: one-transaction installs, no-op reinstalls, history and rollback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from vnr_desktop.cli import main as cli_main
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.library import DowngradeRefused, Library, LibraryError, open_library
from vnr_desktop.core.models import Contact, Provenance
from vnr_desktop.core.resources import builtin_bundle_ids
from vnr_desktop.core.userdata import USER_SOURCE_ID, open_userdata


def _load(folder: Path):
    result = load_bundle_dir(folder)
    assert result.ok, [str(d) for d in result.errors]
    return result.bundle


def _bump(folder: Path, version: int, old: str = "99 00 00 01", new: str = "99 00 00 11") -> None:
    manifest = folder / "manifest.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("version: 1", f"version: {version}"),
        encoding="utf-8",
    )
    contacts = folder / "contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _snapshot(lib: Library) -> list[tuple]:
    tables = ["bundles", "items", "municipalities", "bundle_versions"]
    rows = []
    for table in tables:
        rows += [
            (table, *tuple(r)) for r in lib.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
        ]
    rows += [
        ("fts", *tuple(r))
        for r in lib.conn.execute("SELECT ref, title FROM search_fts ORDER BY ref")
    ]
    return rows


def test_install_then_reinstall_is_a_noop(empty_library, test_bundle_dir):
    bundle = _load(test_bundle_dir)
    first = empty_library.install(bundle)
    assert first.status == "installed"
    before = _snapshot(empty_library)
    again = empty_library.install(_load(test_bundle_dir))
    assert again.status == "unchanged"
    assert _snapshot(empty_library) == before
    assert [b.id for b in empty_library.bundles()] == ["testregion"]
    assert len(empty_library.items(region="testregion")) == 6
    assert empty_library.get("testregion:krisesenter").item.phones[0].number == "99 00 00 01"


def test_same_version_with_other_content_is_refused(empty_library, test_bundle_dir):
    empty_library.install(_load(test_bundle_dir))
    contacts = test_bundle_dir / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("99 00 00 01", "99 00 00 21"), encoding="utf-8"
    )
    with pytest.raises(LibraryError, match="høyere versjonsnummer") as refused:
        empty_library.install(_load(test_bundle_dir))
    assert "higher version number" in refused.value.message_en
    assert empty_library.get("testregion:krisesenter").item.phones[0].number == "99 00 00 01"


def test_update_replaces_items_and_index_and_keeps_history(empty_library, test_bundle_dir):
    empty_library.install(_load(test_bundle_dir))
    _bump(test_bundle_dir, 2)
    result = empty_library.install(_load(test_bundle_dir), source="feed")
    assert (result.status, result.previous_version, result.version) == ("updated", 1, 2)
    assert empty_library.get("testregion:krisesenter").item.phones[0].number == "99 00 00 11"
    assert empty_library.versions("testregion") == [2, 1]
    assert empty_library.bundle("testregion").source == "feed"
    # the index holds each item once, from the new version
    refs = [r[0] for r in empty_library.conn.execute("SELECT ref FROM search_fts")]
    assert len(refs) == len(set(refs)) == 6


def test_downgrade_is_refused_and_rollback_restores_previous(empty_library, test_bundle_dir):
    empty_library.install(_load(test_bundle_dir))
    v1 = _load(test_bundle_dir)
    _bump(test_bundle_dir, 2)
    empty_library.install(_load(test_bundle_dir))
    with pytest.raises(DowngradeRefused, match="eldre enn installert v2") as refused:
        empty_library.install(v1)
    assert "older than the installed v2" in refused.value.message_en
    back = empty_library.rollback("testregion")
    assert (back.status, back.version, back.previous_version) == ("rolled_back", 1, 2)
    assert empty_library.bundle("testregion").version == 1
    assert empty_library.get("testregion:krisesenter").item.phones[0].number == "99 00 00 01"
    with pytest.raises(LibraryError, match="ingen tidligere versjon"):
        empty_library.rollback("testregion")


@pytest.mark.parametrize(
    "failing_step",
    [
        "old-items-removed",
        "bundle-row-written",
        "items-written",
        "index-written",
        "history-written",
    ],
)
def test_a_failure_at_any_install_step_leaves_the_library_as_it_was(
    empty_library, test_bundle_dir, failing_step
):
    empty_library.install(_load(test_bundle_dir))
    before = _snapshot(empty_library)
    _bump(test_bundle_dir, 2)
    update = _load(test_bundle_dir)

    def hook(step: str) -> None:
        if step == failing_step:
            raise OSError(28, "No space left on device")

    empty_library.step_hook = hook
    with pytest.raises(OSError, match="No space left"):
        empty_library.install(update)
    empty_library.step_hook = None
    assert _snapshot(empty_library) == before
    # and a later retry works
    assert empty_library.install(update).status == "updated"


def test_user_data_is_never_touched_by_installs(data_dir, test_bundle_dir):
    lib = open_library(data_dir, install_builtin=False)
    user = open_userdata(data_dir)
    own = Contact(
        id="min-leder",
        name="Min leder",
        category="other",
        phones=[{"number": "99 00 00 99"}],
        serves=["professionals"],
        provenance=Provenance(
            source=USER_SOURCE_ID,
            section="Lagt inn av bruker",
            as_of=__import__("datetime").date(2024, 5, 1),
        ),
    )
    user.save_own_contact(own)
    user.set_favourite("testregion:krisesenter")
    settings = user.settings()
    settings.municipality = "9901"
    user.save_settings(settings)
    user.record_print(
        card_id="akutt",
        region="testregion",
        format="id1",
        language="nb",
        content_version="testregion v1",
        content_hash="abc",
    )
    before = user.export_json()
    lib.install(_load(test_bundle_dir))
    _bump(test_bundle_dir, 2)
    lib.install(_load(test_bundle_dir))
    lib.rollback("testregion")
    lib.close()
    user.close()
    user = open_userdata(data_dir)
    assert user.export_json() == before
    assert user.own_contacts()[0].phones[0].number == "99 00 00 99"
    user.close()


def test_builtin_bundles_install_on_first_start_only(data_dir):
    lib = open_library(data_dir)
    ids = [b.id for b in lib.bundles()]
    assert ids == builtin_bundle_ids()
    assert set(ids) >= {"nasjonal"}
    installed_at = {b.id: b.installed_at for b in lib.bundles()}
    assert lib.ensure_builtin() == []  # a later start changes nothing
    lib.close()
    lib = open_library(data_dir)
    assert {b.id: b.installed_at for b in lib.bundles()} == installed_at
    lib.close()


def test_library_from_a_newer_app_is_refused_with_a_message(data_dir):
    lib = open_library(data_dir, install_builtin=False)
    lib.conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    lib.close()
    with pytest.raises(LibraryError, match="nyere versjon av VNR Desktop"):
        Library(data_dir / "library.db")


def test_get_by_bare_id_and_ambiguity(empty_library, test_bundle_dir):
    empty_library.install(_load(test_bundle_dir))
    assert empty_library.get("tiltak.1").kind == "measure"
    assert empty_library.get("finnes-ikke") is None
    assert empty_library.region_of("9902") == "testregion"
    assert ("9902", "Øvre Åsen", "testregion") in empty_library.municipalities()


def test_cli_status_list_show(data_dir, test_bundle_dir, capsys):
    assert cli_main(["--data-dir", str(data_dir), "bundle", "install", str(test_bundle_dir)]) == 0
    capsys.readouterr()
    assert cli_main(["--data-dir", str(data_dir), "library", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    by_id = {b["id"]: b for b in status["bundles"]}
    assert by_id["testregion"]["version"] == 1
    assert by_id["testregion"]["items"] == 6
    assert set(by_id) >= set(builtin_bundle_ids())

    assert cli_main(["list", "--kind", "contact", "--region", "testregion", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [x["ref"] for x in listed] == [
        "testregion:barnevernvakt",
        "testregion:familievern",
        "testregion:krisesenter",
    ]

    assert cli_main(["show", "testregion:krisesenter", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["phones"][0]["number"] == "99 00 00 01"
    assert shown["provenance"]["as_of"] == "2024-01-01"

    assert cli_main(["show", "testregion:nope"]) == 1
    assert "no item" in capsys.readouterr().err
    assert cli_main(["list", "--region", "atlantis"]) == 2


def test_data_dir_env_is_used_and_real_folders_untouched(data_dir):
    import os

    assert os.environ["VNR_DATA_DIR"] == str(data_dir)
    from vnr_desktop.core.paths import resolve_paths

    assert resolve_paths().data == data_dir.resolve()


def test_library_db_is_real_sqlite_with_wal(empty_library):
    mode = empty_library.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert isinstance(empty_library.conn, sqlite3.Connection)


def test_municipalities_are_in_norwegian_alphabetical_order(library):
    names = [name for _number, name, _bundle in library.municipalities()]
    assert names.index("Våler") < names.index("Ål") < names.index("Åmot")
    assert names.index("Vestre Toten") < names.index("Østre Toten") < names.index("Ål")
    assert names == sorted(
        names, key=__import__("vnr_desktop.core.library", fromlist=["x"]).norwegian_sort_key
    )
    assert len(names) == 20
