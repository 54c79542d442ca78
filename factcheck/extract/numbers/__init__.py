"""Figures in prose: numbers, number words, units and currencies, read in the newsroom's locale.

`parse` finds figures in a sentence: it masks the spans that hold digits but no figure
(`not_figures`), finds where a figure can start (`candidates`), and reads each into a
`Quantity` (`quantity`) step by step: the number itself (`number`), what comes before it
(`before`), what comes after it (`after`), and whether it names rather than counts
(`names`). `units` and `figure_words` are its vocabularies; `number_locale` holds the
locale's decimal and grouping marks.
"""
