"""The ``cyclopedia`` command line (click)."""
