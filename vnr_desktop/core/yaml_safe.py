"""Safe YAML loading with limits and source positions.

Content YAML is written by hand by municipal editors and may also arrive from outside (a USB
stick, a download). This loader:

- reads bytes and rejects files over a size cap and invalid UTF-8 (with line and column);
- refuses anchors and aliases outright (no alias bombs) and nesting deeper than a limit;
- refuses duplicate mapping keys (PyYAML silently keeps the last one);
- resolves only plain scalars that content needs: ``true``/``false`` (not yes/no/on/off, so
  "no" stays a language code), decimal integers without leading zeros (so "02800" stays text),
  ISO dates; everything else is a string;
- records the line and column of every value, keyed by its path, so a validation error can
  say "contacts.yaml:12:7 contacts[3].phones[0].number".
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

PathKey = tuple[str | int, ...]


class YamlLoadError(Exception):
    """A YAML file that cannot be read safely. ``line`` and ``column`` are 1-based."""

    def __init__(self, file: str, line: int | None, column: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        super().__init__(self.where() + ": " + message)

    def where(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@dataclass
class LoadedYaml:
    """The data of one YAML file and where each value came from."""

    file: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: PathKey) -> tuple[int, int] | None:
        """Line and column (1-based) of ``path``, or of its nearest ancestor that has one."""
        key = tuple(path)
        while True:
            if key in self.positions:
                return self.positions[key]
            if not key:
                return None
            key = key[:-1]


class _ContentResolver(yaml.resolver.BaseResolver):
    """Implicit typing restricted to what content needs (see module docstring)."""


_ContentResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_ContentResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:-?(?:0|[1-9][0-9]*))$"), list("-0123456789")
)
_ContentResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_ContentResolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])$"),
    list("0123456789"),
)


def _mark(event: yaml.events.Event) -> yaml.error.Mark | None:
    """Where an event starts, as PyYAML's Mark (libyaml's has the same line and column)."""
    mark: Any = event.start_mark
    if mark is None or isinstance(mark, yaml.error.Mark):
        return mark
    return yaml.error.Mark(mark.name, mark.index, mark.line, mark.column, "", 0)


class _LimitedComposer(yaml.composer.Composer):
    """PyYAML's composer, refusing anchors and aliases and too many or too deep values."""

    _depth = 0
    _nodes = 0

    if TYPE_CHECKING:
        # types-PyYAML leaves these unannotated; this is what the parsers give.
        def peek_event(self) -> yaml.events.Event: ...
        def check_event(self, *choices: type[yaml.events.Event]) -> bool: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None,
                None,
                "anchors and aliases (*name) are not allowed in content files",
                _mark(event),
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None,
                None,
                "anchors and aliases (&name) are not allowed in content files",
                _mark(event),
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise yaml.composer.ComposerError(
                None, None, f"the file has more than {MAX_NODES} values", _mark(event)
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, _TOO_DEEP, _mark(event))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_TOO_DEEP = f"values are nested deeper than {MAX_DEPTH} levels"


class _PythonLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _LimitedComposer,
    yaml.constructor.SafeConstructor,
    _ContentResolver,
):
    """PyYAML in pure Python: where PyYAML was installed without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _ContentResolver.__init__(self)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _LibyamlLoader(
        _LimitedComposer,
        CParser,  # libyaml scans and parses (C); the composer above builds the nodes
        yaml.constructor.SafeConstructor,
        _ContentResolver,
    ):
        """libyaml's parser under PyYAML's composer: every value still passes compose_node
        and keeps its line and column; reading the built-in content is about 6x faster."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _ContentResolver.__init__(self)

    ENGINES: dict[str, Callable[[str], Any]] = {
        "libyaml": _LibyamlLoader,
        "python": _PythonLoader,
    }
else:
    ENGINES = {"python": _PythonLoader}
DEFAULT_ENGINE = "python"
"""For folders a person wrote (``bundle validate``, ``bundle build``): PyYAML's own reader, the
strictest, whose messages name the character at fault (a tab, say)."""
SHIPPED_ENGINE = "libyaml" if "libyaml" in ENGINES else "python"
"""For the content the app ships (the built-in bundles, read on a first start): libyaml, about
6x faster. tests/test_yaml_engines.py reads every shipped file with both engines and requires
the same data and the same line and column for every value."""


_LIBYAML_PROBLEMS = {
    # libyaml's own nesting limit (1000) can trip before ours while it reads ahead
    "exceeded maximum nesting depth": _TOO_DEEP,
}


def _utf8_error_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    last_nl = before.rfind(b"\n")
    column = len(before[last_nl + 1 :].decode("utf-8", errors="replace")) + 1
    return line, column


def read_text_capped(path: Path, display_name: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing oversize files and invalid UTF-8 with a located message."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlLoadError(
            display_name, None, None, f"cannot read the file: {exc.strerror}"
        ) from None
    if size > max_bytes:
        raise YamlLoadError(
            display_name,
            None,
            None,
            f"the file is {size:,} bytes; content files may be at most {max_bytes:,} bytes",
        )
    with path.open("rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise YamlLoadError(
            display_name, None, None, f"the file is larger than {max_bytes:,} bytes"
        )
    return decode_utf8(raw, display_name)


def decode_utf8(raw: bytes, display_name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _utf8_error_position(raw, exc.start)
        raise YamlLoadError(
            display_name,
            line,
            column,
            "the file is not valid UTF-8 (save it as UTF-8; the byte here is "
            f"0x{raw[exc.start]:02x})",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def load_yaml_text(text: str, display_name: str, engine: str = DEFAULT_ENGINE) -> LoadedYaml:
    """Parse one YAML document from text. Raises YamlLoadError with a position on any problem."""
    # Every character is checked up front, as PyYAML's reader does (libyaml's reports a byte
    # offset, not where the character is in the text).
    refused = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if refused is not None:
        line, column = _text_position(text, refused.start())
        raise YamlLoadError(
            display_name,
            line,
            column,
            f"the file contains a character YAML does not allow (U+{ord(refused.group()):04X}, "
            "a control or non-character): delete it",
        )
    loader: Any = ENGINES[engine](text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LoadedYaml(display_name, None, {})
        positions: dict[PathKey, tuple[int, int]] = {}
        data = _construct(loader, node, (), positions, display_name)
        return LoadedYaml(display_name, data, positions)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        problem = _LIBYAML_PROBLEMS.get(problem, problem)
        if mark is not None and problem == "found character that cannot start any token":
            # libyaml does not say which character; PyYAML does (most often a tab)
            line_text = text.splitlines()[mark.line] if mark.line < text.count("\n") + 1 else ""
            if mark.column < len(line_text):
                problem = f"found character {line_text[mark.column]!r} that cannot start any token"
        if mark is None:
            raise YamlLoadError(display_name, None, None, problem) from None
        raise YamlLoadError(display_name, mark.line + 1, mark.column + 1, problem) from None
    except yaml.YAMLError as exc:
        raise YamlLoadError(display_name, None, None, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise YamlLoadError(display_name, None, None, "values are nested too deeply") from None
    finally:
        loader.dispose()


def load_yaml_file(
    path: Path, display_name: str | None = None, engine: str = DEFAULT_ENGINE
) -> LoadedYaml:
    name = display_name or str(path)
    return load_yaml_text(read_text_capped(path, name), name, engine)


def _scalar(loader: yaml.constructor.SafeConstructor, node: ScalarNode) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, KeyError, AttributeError, TypeError, OverflowError):
        # A date that does not exist (2024-13-45), or an explicit tag that does not fit its
        # value (``!!int abc``, ``!!bool maybe``): PyYAML raises plain Python errors for those.
        problem = (
            f"{node.value!r} is not a real date (write YYYY-MM-DD, or quote it if it is text)"
            if node.tag == "tag:yaml.org,2002:timestamp"
            else f"{node.value!r} cannot be read as {node.tag.rsplit(':', 1)[-1]}"
        )
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


def _construct(
    loader: yaml.constructor.SafeConstructor,
    node: Node,
    path: PathKey,
    positions: dict[PathKey, tuple[int, int]],
    file: str,
) -> Any:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        value = _scalar(loader, node)
        if isinstance(value, _dt.datetime):
            return value.date()
        return value
    if isinstance(node, SequenceNode):
        return [
            _construct(loader, child, (*path, i), positions, file)
            for i, child in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be plain text", key_node.start_mark
                )
            key = _scalar(loader, key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} appears twice in the same mapping",
                    key_node.start_mark,
                )
            result[key] = _construct(loader, value_node, (*path, key), positions, file)
        return result
    raise yaml.constructor.ConstructorError(None, None, "unsupported YAML node", node.start_mark)


def iter_paths(data: Any, prefix: PathKey = ()) -> Iterator[PathKey]:
    """Every path in a loaded tree (used by tests)."""
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from iter_paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from iter_paths(v, (*prefix, i))
