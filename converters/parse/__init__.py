"""The parser: page files → the article model, in one direction.

read (``reading``) → normalise (``normalise``) → segment (``segment``: lines into
units, what the rules can say of each) → roles (``roles``: the trained line-role
model) → assemble (``assemble``, ``articles``: units into articles and documents).
``pipeline`` runs the stages for a page or a file, ``batch`` for many files (in
worker processes; it imports no stage itself). Beside them: bylines,
places and the gazetteer, the chrome a digital edition prints, and ``data/``.
"""
