"""The app's screens: library, reader, help (the compare screen lives in ``compare.py``)."""
