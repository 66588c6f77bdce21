"""XML plumbing for the TEI export: the namespace, safe ids and text, and a mixed-content builder."""

from __future__ import annotations

import re

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EDITION = "#edition"
"""The ``@resp`` of every element whose words are the edition's, not the witness's."""

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_NCNAME = re.compile(r"[^\w.-]", re.ASCII)


def tag(name: str) -> str:
    """The qualified name of a TEI element."""
    return f"{{{TEI_NS}}}{name}"


def xml_text(text: str) -> str:
    """Text safe for XML 1.0: a character XML cannot hold (a control character) becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def ncname(text: str, prefix: str = "id-") -> str:
    """An ``xml:id`` for ``text``: itself when it is already an XML name, else a safe spelling."""
    safe = _NOT_NCNAME.sub("_", text)
    if not safe or not (safe[0].isalpha() or safe[0] == "_"):
        safe = prefix + safe
    return safe


def word(text: str) -> str:
    """A value for an enumerated attribute (``@type``): one token, no spaces."""
    return "-".join(xml_text(text).split()) or "unspecified"


def element(name: str, text: str | None = None, **attributes: str) -> etree._Element:
    """A new TEI element with optional text; ``xml_id=`` and ``xml_lang=`` map to ``xml:*``."""
    node = etree.Element(tag(name), nsmap=None)
    _set(node, attributes)
    if text:
        node.text = xml_text(text)
    return node


def sub(parent: etree._Element, name: str, text: str | None = None, **attributes: str) -> etree._Element:
    """A new TEI child element appended to ``parent``."""
    node = etree.SubElement(parent, tag(name))
    _set(node, attributes)
    if text:
        node.text = xml_text(text)
    return node


def _set(node: etree._Element, attributes: dict[str, str]) -> None:
    for key, value in attributes.items():
        name = XML_ID if key == "xml_id" else XML_LANG if key == "xml_lang" else key
        node.set(name, xml_text(value))


class Mixed:
    """Writes mixed content (text and elements in order) into an element, like a stream."""

    def __init__(self, root: etree._Element) -> None:
        self.stack = [root]

    @property
    def current(self) -> etree._Element:
        return self.stack[-1]

    def text(self, text: str) -> None:
        """Append text at the current point."""
        if not text:
            return
        text = xml_text(text)
        node = self.current
        if len(node):
            last = node[-1]
            last.tail = (last.tail or "") + text
        else:
            node.text = (node.text or "") + text

    def open(self, name: str, **attributes: str) -> etree._Element:
        """Open a child element; what follows goes inside it until :meth:`close`."""
        node = sub(self.current, name, **attributes)
        self.stack.append(node)
        return node

    def close(self) -> None:
        """Close the innermost open element."""
        self.stack.pop()

    def leaf(self, name: str, text: str | None = None, **attributes: str) -> etree._Element:
        """Append a complete child element (with optional text)."""
        return sub(self.current, name, text, **attributes)
