"""The commands of the ``newscrawl`` command line, one module per group.

Each module declares its commands' arguments in ``add_commands`` and runs
them in ``cmd_*`` functions that call library code. The heavy libraries
(Scrapy, SQLAlchemy, trafilatura, extruct) are imported inside those
functions, so that ``newscrawl --help`` and each command load only what they
use. :mod:`newscrawl.cli` builds the parser from them.
"""
