"""LinkChecker's own command line, with the work on each distinct page done once.

With the AnchorCheck plugin LinkChecker treats ``page#p1``, ``page#p2``... as separate URLs:
for each it parses the same HTML with Beautiful Soup, walks every element for the anchors,
and walks it again to queue every link of the page once more (each then found in its cache).
On the edition's long reading pages, linked paragraph by paragraph from the indexes, that
takes minutes. Here the soup of identical bytes is shared, the anchors found in a soup are
remembered and replayed to each caller, and the links of a page are queued once. Every URL
and every anchor is still checked by LinkChecker's own code. Usage is the ``linkchecker``
command's.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable
from typing import Any

from linkcheck.command.linkchecker import linkchecker
from linkcheck.htmlutil import htmlsoup, linkparse

PAGES = 1024
"""How many distinct pages to remember (the site has a few hundred)."""

htmlsoup.make_soup = functools.lru_cache(maxsize=PAGES)(htmlsoup.make_soup)

_find_links = linkparse.find_links
_lock = threading.Lock()
_anchors: dict[int, tuple[Any, list[tuple[Any, dict[str, Any]]]]] = {}
_queued: dict[int, Any] = {}


def find_links(soup: Any, callback: Callable[..., None], tags: Any) -> None:
    """``linkparse.find_links``: anchors computed once per page, links queued once per page.

    The remembered soups are kept alive, so an ``id`` is never reused while remembered.
    """
    key = id(soup)
    if tags is linkparse.LinkTags:
        with _lock:
            if _queued.get(key) is soup:
                return
            _queued[key] = soup
        _find_links(soup, callback, tags)
        return
    if tags is not linkparse.AnchorTags:
        _find_links(soup, callback, tags)
        return
    with _lock:
        entry = _anchors.get(key)
    if entry is None or entry[0] is not soup:
        calls: list[tuple[Any, dict[str, Any]]] = []
        _find_links(soup, lambda *args, **kwargs: calls.append((args, kwargs)), tags)
        entry = (soup, calls)
        with _lock:
            _anchors[key] = entry
    for args, kwargs in entry[1]:
        callback(*args, **kwargs)


linkparse.find_links = find_links

if __name__ == "__main__":
    sys.exit(linkchecker())
