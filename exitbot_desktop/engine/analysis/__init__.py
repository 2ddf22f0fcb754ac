"""Analysis of answers: sentiment, themes, urgent flags, summaries, and the `analyze-text` file.

Everything here is deterministic standard-library code that works with no model; an LLM
may refine themes and write summaries, and every such path falls back to the lexicon.
Never imports Qt.
"""
