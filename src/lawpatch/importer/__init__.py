"""Importing official KR texts into the KR profile of Akoma Ntoso.

A pipeline with one seam: a *front end* per source format turns the file into
:class:`~lawpatch.importer.lines.SourceLine` objects — the official database's plain text shape,
one paragraph a line, with the line number in the original file — and one shared *back end*
recognises the structure and builds the AKN document (see docs/profile.md).

Front ends (module: function ``read_lines(path) -> ReadResult``):
- ``text``       plain text saved from the database (``*.ru.txt``)
- ``docx``       the database's Word files (``orig/*.ky.docx``)
- ``pdf``        PDF prints (through their text: ``*.ed2025.ru.txt`` made by pdftotext, or the PDF)
- ``flattened``  the restructured export of the migration laws (one line an article)
"""
