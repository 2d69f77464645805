"""The bill's documents: comparison table, consolidated text and redline, as DOCX."""
