"""The support pages: one module per audience of pages (see ``support/urls.py``)."""
