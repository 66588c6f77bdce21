"""Steps shared by the layouts: typed page numbers, banners and stamps, hard-wrapped lines.

Each module only *recognises*; the layout's normaliser decides what a recognised piece
becomes (a page break, a recorded removal, a joined word) and records it.
"""
