"""A PDF of each source, made by the build: print HTML, print stylesheet, WeasyPrint, cache.

- :mod:`scripts.pdf.document`: the print HTML of a source, from the frozen model, escaped
  through the same renderer functions as the reading page;
- ``print.css`` and :mod:`scripts.pdf.fonts`: the page layout (A4 with Letter-safe margins)
  and the embedded font (DejaVu Serif from Debian's ``fonts-dejavu``);
- :mod:`scripts.pdf.write`: the WeasyPrint call, with fixed dates and identifier so that the
  same inputs give the same bytes;
- :mod:`scripts.pdf.cache`: PDFs kept by the hash of their inputs, so an unchanged source is
  not rendered again (``mkdocs serve`` rebuilds);
- :mod:`scripts.pdf.build`: the one entry point the MkDocs hook calls.
"""
