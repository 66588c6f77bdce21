"""The edition's own claims about a source, each derived from the witness's evidence.

Where the reading text is the source's words, the apparatus is what the edition *adds*:
the page a paragraph is cited on (:mod:`scripts.apparatus.pages`). Every claim records the
evidence it rests on and whether it is printed in the witness or inferred by the edition,
so that every output (reading page, citations, BibTeX/RIS, TEI, PDF, search) can print an
inferred claim in square brackets and leave out what the evidence does not support.
"""
