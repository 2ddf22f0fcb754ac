"""A stop marker split over several tokens never shows up on screen, not even in part."""

from __future__ import annotations

from exitbot_desktop.engine.llm.stops import StopFilter


def _shown(stops: tuple[str, ...], pieces: list[str]) -> tuple[list[str], StopFilter]:
    stop_filter = StopFilter(stops)
    shown = [stop_filter.feed(piece) for piece in pieces]
    shown.append(stop_filter.flush())
    return [s for s in shown if s], stop_filter


def test_a_stop_marker_split_across_tokens_is_held_back_and_cut() -> None:
    shown, stop_filter = _shown(("<end_of_turn>",), ["Why", " so?", "<end", "_of", "_turn>", "x"])
    assert shown == ["Why", " so?"]
    assert stop_filter.stopped
    assert stop_filter.text == "Why so?"


def test_text_that_only_looked_like_a_stop_is_released() -> None:
    shown, stop_filter = _shown(("<end_of_turn>",), ["a <", "end", " b"])
    assert "".join(shown) == "a <end b"
    assert not stop_filter.stopped


def test_text_held_back_at_the_end_of_the_stream_is_released_by_flush() -> None:
    shown, _ = _shown(("\n\n",), ["Why?", "\n"])
    assert "".join(shown) == "Why?\n"


def test_a_newline_before_any_text_does_not_end_the_reply() -> None:
    shown, stop_filter = _shown(("\n",), ["\n", " What", " helped?", "\n", "Question:"])
    assert "".join(shown) == "What helped?"
    assert stop_filter.stopped
