"""``pressroom cache``: what the store (converters.store) and a build folder keep
between builds — reported, pruned, cleared."""
from __future__ import annotations

from pathlib import Path

import click


@click.group()
def cache() -> None:
    """What Pressroom keeps between builds: report it, prune it, clear it.

    The store (prepared fonts, templates, covers, notes for reuse) is in the
    user's cache folder and bounded (PRESSROOM_CACHE_LIMIT, in MB); a build
    folder's own state is in its .pressroom folder. Nothing kept is needed:
    clearing only costs the next build the time to make it again.
    """


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


@cache.command("info")
@click.option("-o", "--output", "out_dir", default="build", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="A build folder to report on too.")
def cache_info(out_dir: Path) -> None:
    """Where the store is, what it keeps by kind, and a build folder's state."""
    from .build.manifest import state_folder
    from .store import KINDS, limit_from_environment, user_store

    store = user_store()
    usage = store.usage()
    total = sum(u.size for u in usage.values())
    click.echo(f"store: {store.current}  ({_size(total)} of {_size(limit_from_environment())})")
    for kind, found in usage.items():
        what = KINDS.get(kind, "kept by an earlier version of Pressroom (pruned next build)")
        click.echo(f"  {kind:10} {found.files:6} files {_size(found.size):>10}  {what}")
    state = state_folder(out_dir)
    if state.is_dir():
        files = [p for p in state.rglob("*") if p.is_file()]
        click.echo(f"build state: {state}  ({len(files)} files, "
                   f"{_size(sum(p.stat().st_size for p in files))})")


@cache.command("prune")
@click.option("--max-size", type=click.FloatRange(min=0), default=None,
              help="Keep at most this many MB (default: PRESSROOM_CACHE_LIMIT, or 1024).")
def cache_prune(max_size: float | None) -> None:
    """Remove what older versions kept, then the least recently used entries."""
    from .store import limit_from_environment, user_store

    limit = limit_from_environment() if max_size is None else int(max_size * 1024 * 1024)
    removed = user_store().prune(limit)
    click.echo(f"removed {removed.files} files ({_size(removed.size)})")


@cache.command("clear")
@click.option("-o", "--output", "out_dir", default=None,
              type=click.Path(file_okay=False, path_type=Path),
              help="Also clear this build folder's state (its outputs stay; the next build "
                   "checks them anew).")
def cache_clear(out_dir: Path | None) -> None:
    """Remove everything the store keeps (and with -o, a build folder's state)."""
    import shutil

    from .build.manifest import LOCK_NAME, BuildError, BuildLock, state_folder
    from .store import user_store

    removed = user_store().clear()
    click.echo(f"store: removed {removed.files} files ({_size(removed.size)})")
    if out_dir is None:
        return
    state = state_folder(out_dir)
    if not state.is_dir():
        click.echo(f"build state: none in {out_dir}")
        return
    try:
        with BuildLock(state):  # not while a build writes there
            for path in state.iterdir():
                if path.name == LOCK_NAME:
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
    except BuildError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"build state: cleared {state}")

