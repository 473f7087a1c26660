"""The site engine: mkdocs config, every mkdocs hook, theme, inline assets, offline bundle."""
