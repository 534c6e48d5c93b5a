"""sfsync-gui: keep a local database in two-way sync with a Salesforce org, and see it."""

__version__ = "0.1.0"
