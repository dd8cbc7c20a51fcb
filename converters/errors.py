"""Problems that stop a whole command, as opposed to one page or one output.

The settings, a layout, a font, an unknown format, a build folder in use:
each has its own class where it is raised, all of them a PressroomError, so
the command line prints the message and exits non-zero without importing
every module that might raise one.
"""
from __future__ import annotations


class PressroomError(Exception):
    """Its message names what is wrong and, where it can, what to do."""
