"""The ``st.*`` element functions: text, inputs, layout."""
