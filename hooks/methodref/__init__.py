"""The method reference: load, validate and render the data file.

Nothing in this package knows MkDocs. hooks/reference_pages.py is the only
adapter; another generator would replace that file alone.
"""
