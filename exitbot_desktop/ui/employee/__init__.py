"""Screens the leaving employee sees: welcome and consent, questions, review, thank-you."""
