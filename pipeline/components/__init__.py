"""spaCy components of the SOCIEUX+ pipeline, one per module (factories prefixed `socieux_`).

`pipeline.nlp.register_factories` imports the modules the config names, which
registers their factories; the same factories are exposed as `spacy_factories`
entry points in pyproject.toml.
"""
