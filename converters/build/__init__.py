"""``pressroom build``: what to rebuild and what to reuse, kept away from the exporters.

``run`` plans and runs a build; ``stamps`` says what an output depends on;
``manifest`` remembers what each output was made from; ``workers`` and
``processes`` write outputs in child processes; ``watch`` builds again on a
change; ``repeat`` answers an unchanged build before the command line loads;
``results`` and ``summary`` say what a build did.
"""
