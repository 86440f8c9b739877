"""Kill the app with SIGKILL at a chosen step of an install, update, rollback or sync.

A *zygote* process imports the app once; each run is a fork of it that executes one real CLI
command (``vnr-desktop --data-dir D ...``) and SIGKILLs itself the moment it reaches the
chosen step (or is killed by the zygote after a delay, for random-time kills). Forking a
single-threaded process that has already imported everything makes each kill point cost tens
of milliseconds instead of a fresh interpreter's second.

Steps are named ``library:<step>`` (Library._step), ``sync:<step>`` (Updater._step),
``fs:replace:<file>`` (a finished temporary file about to be renamed into place),
``storage:write:<file>`` (an atomic write about to start) and ``download:part-write`` (a
chunk appended to a ``.part`` download). The child appends each step name to a file as it
passes, line by line, so the parent knows every point it could kill at.

Used by the reliability tests and bench/reliability.py. Linux/macOS only (fork).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

# --------------------------------------------------------------------------- the parent side


@dataclass(frozen=True)
class RunResult:
    returncode: int | None
    """exit code when the command finished; None when it was killed"""
    killed: bool
    steps: list[str]
    output: str

    @property
    def killed_at(self) -> str | None:
        return self.steps[-1] if self.killed and self.steps else None


class Zygote:
    """The forking server, seen from the test process."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="vnr-crash-")
        self._n = 0
        full_env = {**os.environ, **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=full_env,
            text=True,
            bufsize=1,
        )
        ready = self._readline(60)
        if ready.strip() != "ready":
            raise RuntimeError(f"crash zygote did not start: {ready!r}")

    def _readline(self, timeout: float) -> str:
        assert self.proc.stdout is not None
        import selectors

        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        try:
            if not sel.select(timeout):
                raise TimeoutError("the crash zygote did not answer")
        finally:
            sel.close()
        return self.proc.stdout.readline()

    def run(
        self,
        argv: list[str],
        *,
        kill_at: str | None = None,
        nth: int = 1,
        kill_after: float | None = None,
        favourite: tuple[str, str] | None = None,
        timeout: float = 120.0,
        patches: dict[str, Any] | None = None,
    ) -> RunResult:
        """Run ``vnr-desktop argv`` in a fork; kill it at the ``nth`` ``kill_at`` step.

        ``favourite`` is (user.db path, ref): the child saves that favourite (committed) just
        before the command, as a user would have moments before the crash.
        """
        self._n += 1
        base = Path(self._tmp.name) / f"run{self._n}"
        spec = {
            "argv": argv,
            "kill_at": kill_at,
            "nth": nth,
            "kill_after": kill_after,
            "steps": str(base) + ".steps",
            "log": str(base) + ".log",
            "favourite": list(favourite) if favourite else None,
            "patches": patches or {},
        }
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(spec) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self._readline(timeout))
        steps_path = Path(spec["steps"])
        steps = steps_path.read_text("utf-8").splitlines() if steps_path.exists() else []
        output = Path(spec["log"]).read_text("utf-8", errors="replace")
        return RunResult(answer["returncode"], answer["killed"], steps, output)

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._tmp.cleanup()

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- the zygote side


class _Child:
    kill_at: str | None = None
    nth: int = 1
    steps: IO[str] | None = None
    counts: dict[str, int] = {}


def _hit(name: str) -> None:
    if _Child.steps is None:
        return
    _Child.steps.write(name + "\n")
    _Child.steps.flush()
    count = _Child.counts.get(name, 0) + 1
    _Child.counts[name] = count
    if name == _Child.kill_at and count == _Child.nth:
        os.kill(os.getpid(), signal.SIGKILL)


def _install_step_probes() -> None:
    """Wrap the app's step hooks and its file writes so every step reports to _hit."""
    import pathlib

    from vnr_desktop.core.library import Library

    Library._step = lambda self, name: _hit("library:" + name)  # type: ignore[method-assign]

    original_replace = pathlib.Path.replace

    def replace(self: pathlib.Path, target: str | os.PathLike[str]) -> pathlib.Path:
        _hit("fs:replace:" + Path(target).name)
        return original_replace(self, target)

    pathlib.Path.replace = replace  # type: ignore[method-assign]

    try:
        from vnr_desktop.core.sync import http as sync_http
        from vnr_desktop.core.sync.updater import Updater
    except ImportError:  # sync not there (yet): library steps only
        return
    Updater._step = lambda self, name: _hit("sync:" + name)  # type: ignore[method-assign]
    storage = sync_http.Storage
    original_write = storage.write_bytes
    original_open_part = storage.open_part

    def write_bytes(self: object, path: Path, data: bytes) -> None:
        _hit("storage:write:" + Path(path).name)
        original_write(self, path, data)  # type: ignore[arg-type]

    class _PartFile:
        def __init__(self, fh: IO[bytes]) -> None:
            self._fh = fh

        def write(self, data: bytes) -> int:
            n = self._fh.write(data)
            self._fh.flush()
            _hit("download:part-write")
            return n

        def __getattr__(self, name: str) -> Any:
            return getattr(self._fh, name)

        def __enter__(self) -> _PartFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self._fh.close()

    def open_part(self: object, path: Path, append: bool) -> Any:
        return _PartFile(original_open_part(self, path, append))  # type: ignore[arg-type]

    storage.write_bytes = write_bytes  # type: ignore[method-assign]
    storage.open_part = open_part  # type: ignore[method-assign]


def _apply_patches(patches: dict[str, Any]) -> None:
    """Module attributes to set in the child, e.g. a small download chunk size, or a fault."""
    import importlib

    for dotted, value in patches.items():
        module, _, attr = dotted.rpartition(".")
        if isinstance(value, str) and value.startswith("object:"):
            # "object:package.module.name": an object from another module (a fault to inject)
            src_module, _, src_attr = value.removeprefix("object:").rpartition(".")
            value = getattr(importlib.import_module(src_module), src_attr)
        setattr(importlib.import_module(module), attr, value)


def _child(spec: dict[str, Any], ready: int) -> None:
    code = 98
    try:
        fd = os.open(spec["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        sys.stdin = open(os.devnull)  # noqa: SIM115 - the child never returns
        _Child.kill_at = spec["kill_at"]
        _Child.nth = int(spec["nth"])
        _Child.counts = {}
        _Child.steps = open(spec["steps"], "w", encoding="utf-8")  # noqa: SIM115
        _apply_patches(spec["patches"])
        if spec["favourite"]:
            from vnr_desktop.core.userdata import UserData

            user_db, ref = spec["favourite"]
            ud = UserData(Path(user_db))
            ud.set_favourite(ref)
            ud.close()
        os.write(ready, b"r")
        os.close(ready)
        from vnr_desktop.cli import main

        code = int(main(spec["argv"]) or 0)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        traceback.print_exc()
        code = 99
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    from vnr_desktop.cli import build_parser

    build_parser()  # imports every command module once, before forking
    _install_step_probes()
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        spec = json.loads(line)
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(ready_r)
            _child(spec, ready_w)
        os.close(ready_w)
        # The clock for a random-time kill starts once the child has saved the user's
        # favourite: what was committed before the crash must survive it.
        os.read(ready_r, 1)
        os.close(ready_r)
        killed_by_us = False
        status: int | None = None
        if spec.get("kill_after") is not None:
            deadline = time.monotonic() + float(spec["kill_after"])
            while time.monotonic() < deadline:
                done, st = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = st
                    break
                time.sleep(0.0005)
            if status is None:
                os.kill(pid, signal.SIGKILL)
                killed_by_us = True
        if status is None:
            _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        returncode = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        answer = {"returncode": returncode, "killed": killed, "by_zygote": killed_by_us}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        sys.exit("usage: crash_harness.py --serve (started by Zygote)")
