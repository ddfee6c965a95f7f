"""`python -m pipeline.queries`: print the README's generated table of tables, views and columns."""

from pipeline.queries import schema_markdown

print(schema_markdown())
