"""The ``pressroom`` command.

A build repeated with nothing changed is answered from a note before the
command line is parsed (see repeat); everything else is run by click.
"""
from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    from .build.repeat import answer

    status = answer(argv)
    if status is not None:
        sys.exit(status)
    from .commands import commands

    try:
        # the arguments go along so that a build can leave a note for its repeat
        commands.main(args=argv, prog_name="pressroom", obj=list(argv))
    finally:
        # the process ends here: the interpreter's last collections would walk all
        # that the command made (a month's parsed pages) only to find nothing that
        # exiting does not free anyway (bench_month times every build with its exit)
        gc.freeze()


if __name__ == "__main__":
    main()
