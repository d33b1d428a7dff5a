"""newscrawl's own signals, for components that must know when a page's work is done.

A distributed crawl (:mod:`newscrawl.cluster`) holds each request it took from
the shared queue until the page is finished, so that a worker killed midway
loses nothing: these signals say when that is.
"""

from __future__ import annotations

#: The spider is done with a page: everything it yields is scheduled or on its way
#: to the pipelines. Arguments: ``request`` (the request the response answers).
page_done = object()
#: A page is an article: its work ends only when its item is stored (or dropped).
#: Sent before the item is yielded. Arguments: ``request``, ``url`` (the item's ``url``).
article_found = object()
#: The store pipeline wrote a batch (or gave up on some of its rows, counted as
#: failed). Arguments: ``urls`` (the items' ``url`` values).
articles_stored = object()
