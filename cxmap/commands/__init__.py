"""One module per command; each has ``run(...) -> int``.

Options and arguments are :mod:`cxmap.cli`'s; commands print through
:func:`cxmap.commands.shared.echo` and share helpers only through that module.
"""
