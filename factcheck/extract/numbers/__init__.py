"""Figures in prose: numbers, number words, units and currencies, read in the newsroom's locale.

`parse` finds figures in a sentence; `units` and `figure_words` are its vocabularies;
`number_locale` holds the locale's decimal and grouping marks.
"""
