"""Files written whole, locks held by the OS, and where caches live: what builds,
caches and manifests share.

A file is written to ``.NAME.PID.part`` beside its target and renamed over it
only when complete, so an interruption leaves the old file or the new one,
never half of either. Locks are advisory ``flock`` locks, which the OS drops
with the process that held them, so a killed build never leaves one stuck.
"""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PART_SUFFIX = ".part"


#: a file's state, as file_state gives it, when there is no file
MISSING = [-1, -1]


def file_state(path: str) -> list[int]:
    """Size and time stamp (ns): what builds, stamps and notes compare a file by."""
    try:
        stat = os.stat(path)
    except OSError:
        return MISSING
    return [stat.st_size, stat.st_mtime_ns]


def package_file(spec: str) -> Path | None:
    """Where ``pkg:<python package>/<file>`` is installed, or None when the package is
    not (a layout names fonts so: the wheels on PyPI are the fonts' home)."""
    package, _, inner = spec.removeprefix("pkg:").partition("/")
    found = importlib.util.find_spec(package)
    if found is None or not found.submodule_search_locations:
        return None
    return Path(list(found.submodule_search_locations)[0]) / inner


def write_atomically(target: Path, write: Callable[[Path], T]) -> T:
    """``write`` a temporary file in ``target``'s folder, then rename it into place."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}{PART_SUFFIX}")
    try:
        result = write(temporary)
        os.replace(temporary, target)
        return result
    finally:
        if temporary.exists():
            temporary.unlink()


def shown(name: object) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 (a GBK name
    from a Windows archive) as ``\\xd6``, control characters (ESC, a newline) escaped,
    so that a name can neither crash a message nor drive the terminal."""
    text = str(name)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1] if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def system_said(exc: OSError) -> str:
    """An operating-system error in a line: the file, what the system said, what to do."""
    import errno

    where = f"{shown(exc.filename)}: " if exc.filename else ""
    hint = {errno.ENOSPC: " (the disk is full: free some space and build again)",
            errno.EROFS: " (the disk is read-only)",
            errno.EACCES: " (no permission: check the folder's owner and mode)",
            errno.EDQUOT: " (over the disk quota)"}.get(exc.errno or 0, "")
    return f"{where}{exc.strerror or exc}{hint}"


def json_bytes(data: object, **options: object) -> bytes:
    """``data`` as UTF-8 JSON, file names that are not UTF-8 included (their stand-ins
    written as JSON escapes, read back as they were)."""
    import json

    return json.dumps(data, ensure_ascii=False, **options).encode(  # type: ignore[arg-type]
        "utf-8", "backslashreplace")


def secret_path() -> Path:
    """Where this user's sealing secret is kept: ``$PRESSROOM_SECRET``, else
    ``$XDG_CONFIG_HOME/pressroom/secret``, else ``~/.config/pressroom/secret`` — never
    in a build folder, which others may write to."""
    return Path(os.environ.get("PRESSROOM_SECRET") or os.path.join(
        os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config"),
        "pressroom", "secret"))


_secret: bytes | None = None


def _user_secret() -> bytes:
    """32 random bytes of this user's, made on first use (readable by the user alone).
    Where none can be kept (HOME unset or read-only) one for this process serves:
    nothing kept before is then trusted, which costs time, not correctness."""
    global _secret
    if _secret is not None:
        return _secret
    path = secret_path()
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            _secret = data
            return data
    except OSError:
        pass
    secret = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{path.name}.{os.getpid()}{PART_SUFFIX}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(secret)
        try:
            os.link(temporary, path)  # whole or not at all; the first of two racers wins
        finally:
            temporary.unlink()
    except FileExistsError:
        return _user_secret()
    except OSError:
        pass
    _secret = secret
    return secret


_SEALED = b"pressroom sealed 1\n"


def seal(data: bytes) -> bytes:
    """``data`` with a MAC under this user's secret: what a build folder or a cache keeps
    that is read back as Python objects (pickle, marshal) is sealed, and only what this
    user's Pressroom sealed is ever unpickled."""
    import hashlib
    import hmac

    return _SEALED + hmac.new(_user_secret(), data, hashlib.sha256).digest() + data


def unseal(blob: bytes) -> bytes | None:
    """What ``seal`` sealed, or None for anything else (planted, damaged, another user's)."""
    import hashlib
    import hmac

    if not blob.startswith(_SEALED):
        return None
    mac, data = blob[len(_SEALED):len(_SEALED) + 32], blob[len(_SEALED) + 32:]
    expected = hmac.new(_user_secret(), data, hashlib.sha256).digest()
    return data if hmac.compare_digest(mac, expected) else None


def replace_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, lambda temporary: temporary.write_bytes(data))


#: the lock files this process holds open: a forked worker closes its copies at once, or
#: a worker outliving a killed parent would hold the build folder locked
_held: set[int] = set()


def _close_held_locks() -> None:
    for handle in _held:
        try:
            os.close(handle)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_locks)


@contextmanager
def exclusive(lock: Path, *, wait: bool = True) -> Iterator[int]:
    """Hold ``lock`` (yields the open lock file); without ``wait``, raise
    BlockingIOError if another process does.

    Where there are no advisory locks (Windows) it holds nothing: at worst two
    processes do the same work.
    """
    lock.parent.mkdir(parents=True, exist_ok=True)
    if lock.is_dir():
        raise IsADirectoryError(f"{lock} is a folder, not a lock file: remove it")
    handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    _held.add(handle)
    try:
        try:
            import fcntl
        except ImportError:
            yield handle
            return
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        yield handle
    finally:
        _held.discard(handle)
        os.close(handle)  # closing releases the lock
