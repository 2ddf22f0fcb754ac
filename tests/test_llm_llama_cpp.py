"""The embedded llama-cpp backend on the real gemma-3-270m GGUF, loaded once per session."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import llama_cpp
import pytest

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.backend import GenerationOptions
from exitbot_desktop.engine.llm.content_words import content_stems
from exitbot_desktop.engine.llm.example_bank import standing_examples
from exitbot_desktop.engine.llm.followup_generator import FollowupGenerator
from exitbot_desktop.engine.llm.guard import check_followup
from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend, favouring
from exitbot_desktop.engine.llm.prompts import Conversation

pytestmark = pytest.mark.slow

REQUEST = FollowupRequest(
    "work_life_balance",
    "How was your work-life balance?",
    "I was on call every other weekend and missed my daughter's birthday.",
    "en",
)


def test_only_the_kept_follow_up_is_shown_word_by_word(llama_backend: LlamaCppBackend) -> None:
    tokens: list[str] = []
    followup = FollowupGenerator(llama_backend).generate(REQUEST, on_token=tokens.append)
    assert followup is not None
    assert check_followup(followup.text, REQUEST).ok
    if followup.source == "llama_cpp":
        assert len(tokens) >= 2
        assert "".join(tokens) == followup.text
        assert followup.model == "gemma-3-270m-q4_k_m"
    else:
        assert tokens == []  # nothing the guard refused ever appeared
        assert followup.guard_reason  # the guard says why it replaced the model's text


# Ten answers of our own, one for each common kind of exit-interview answer.
OWN_ANSWERS = (
    (
        "main_reason",
        "What is the main reason you are leaving?",
        "The night shifts at the depot wore me down.",
    ),
    (
        "manager",
        "How would you describe your relationship with your manager?",
        "He cancelled our one-to-ones for half a year.",
    ),
    (
        "pay",
        "How do you feel about your pay and benefits?",
        "The salary stayed frozen for three years.",
    ),
    (
        "career",
        "How did you see your career growth here?",
        "I trained two juniors but never got the senior title.",
    ),
    (
        "team",
        "How was working with your team?",
        "My colleagues in the lab were kind and always helpful.",
    ),
    (
        "balance",
        "How was your work-life balance?",
        "Weekend deployments every month ruined my weekends.",
    ),
    (
        "role",
        "How satisfied were you with your role?",
        "Writing reports nobody read took most of my week.",
    ),
    (
        "stay",
        "What would have made you stay?",
        "A proper budget for the training courses I asked for.",
    ),
    (
        "reason",
        "Was ist der Hauptgrund, warum Sie gehen?",
        "Der Arbeitsweg mit dem Zug dauert jeden Tag drei Stunden.",
    ),
    (
        "team",
        "Wie war die Zusammenarbeit im Team?",
        "Im Vertrieb haben wir uns gegenseitig immer unterstützt.",
    ),
)


def test_the_model_writes_most_follow_ups_itself_in_the_answers_words(
    llama_backend: LlamaCppBackend,
) -> None:
    # Generous timeouts: this measures what the model writes, not how busy the machine is.
    generator = FollowupGenerator(
        llama_backend, first_token_timeout_s=60, total_timeout_s=60, budget_s=60
    )
    sources = []
    specific = []
    for question_id, question, answer in OWN_ANSWERS:
        language = "de" if question.startswith(("Was", "Wie")) else "en"
        generator.begin_interview(language)
        request = FollowupRequest(question_id, question, answer, language)
        followup = generator.generate(request)
        assert followup is not None
        assert check_followup(followup.text, request).ok
        sources.append(followup.source)
        specific.append(bool(content_stems(followup.text) & content_stems(answer)))
    assert sources.count("llama_cpp") >= len(OWN_ANSWERS) / 2, sources
    # Taking up the answer's words: the guard refuses a question about anything else,
    # and the answer's words are favoured while sampling.
    assert sum(specific) >= 0.7 * len(OWN_ANSWERS), specific


def test_cancel_while_the_model_writes_shows_nothing_and_lets_go(
    llama_backend: LlamaCppBackend,
) -> None:
    cancel = threading.Event()
    tokens: list[str] = []
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    generator = FollowupGenerator(llama_backend)
    assert generator.generate(REQUEST, on_token=tokens.append, cancel=cancel) is None
    assert time.monotonic() - started < 0.6
    assert tokens == []
    # The backend let go: the next follow-up is generated normally.
    assert FollowupGenerator(llama_backend).generate(REQUEST) is not None


def test_cancel_during_prompt_processing_returns_at_once(llama_backend: LlamaCppBackend) -> None:
    long_answer = " ".join(f"Week {n} brought yet another reorganisation." for n in range(50))
    request = FollowupRequest("other_reasons", "Anything else?", long_answer, "en")
    cancel = threading.Event()
    threading.Timer(0.1, cancel.set).start()
    started = time.monotonic()
    assert FollowupGenerator(llama_backend).generate(request, cancel=cancel) is None
    assert time.monotonic() - started < 0.3
    # The abandoned prompt finishes in the background; the backend then works again.
    assert FollowupGenerator(llama_backend).generate(REQUEST) is not None


def test_the_guard_replaces_output_that_is_not_a_question(llama_backend: LlamaCppBackend) -> None:
    generator = FollowupGenerator(
        llama_backend, max_tokens=2, first_token_timeout_s=60, total_timeout_s=60
    )
    followup = generator.generate(REQUEST)
    assert followup is not None
    assert followup.source == "rules"
    assert followup.guard_reason in {"not_a_question", "empty"}
    assert check_followup(followup.text, REQUEST).ok


def test_a_first_token_timeout_falls_back_to_rules_quickly(llama_backend: LlamaCppBackend) -> None:
    started = time.monotonic()
    generator = FollowupGenerator(llama_backend, first_token_timeout_s=0.001)
    followup = generator.generate(REQUEST)
    assert followup is not None
    assert followup.guard_reason == "first_token_timeout"
    assert time.monotonic() - started < 0.3


def test_the_base_model_reads_instructions_and_examples_as_a_completion_prompt(
    llama_backend: LlamaCppBackend,
) -> None:
    prompt = llama_backend.render_prompt(Conversation("en").prompt_for(REQUEST))
    assert prompt.startswith("You are a neutral, empathetic interviewer")
    assert all(f"Follow-up: {e.followup}" in prompt for e in standing_examples("en"))
    # "daughter" is the answer's, but a private matter: not a key word to take up.
    assert prompt.endswith(
        f"Answer: {REQUEST.answer_text}\nKey words: weekend, missed, birthday\nFollow-up:"
    )


def test_each_language_opening_is_read_once_then_only_the_answers_part(
    llama_backend: LlamaCppBackend,
) -> None:
    # The opening of a language (instructions, standing examples: hundreds of tokens) is
    # read once (English at warm-up); a change of language puts its kept cache back.
    german = FollowupRequest(
        "team",
        "Wie war die Zusammenarbeit im Team?",
        "Im Lager fehlten jeden Winter zwei Leute.",
        "de",
    )
    options = GenerationOptions(max_tokens=1, stop=("\n",))
    reads = []
    for request in (REQUEST, german, REQUEST, german, REQUEST):
        messages = Conversation(request.language).prompt_for(request)
        before = llama_backend.prompt_tokens_read
        list(llama_backend.stream_chat(messages, options=options, cancel=threading.Event()))
        reads.append(llama_backend.prompt_tokens_read - before)
    # Other tests may have read the German opening already.
    assert all(0 < read < 150 for read in reads[2:]), reads
    assert 0 < reads[0] < 150, reads


def test_stream_chat_honours_stop_and_max_tokens(llama_backend: LlamaCppBackend) -> None:
    messages = Conversation("en").prompt_for(REQUEST)
    pieces = list(
        llama_backend.stream_chat(
            messages,
            options=GenerationOptions(max_tokens=40, stop=("\n",)),
            cancel=threading.Event(),
        )
    )
    assert pieces
    assert "\n" not in "".join(pieces)
    assert len(pieces) <= 40


def test_status_bar_names_the_model_plainly(llama_backend: LlamaCppBackend) -> None:
    assert llama_backend.display_name == "Local model: gemma-3-270m (on this computer)"
    assert llama_backend.is_available()


def test_llama_cpp_prints_nothing_on_the_terminal(gemma_gguf: Path) -> None:
    script = textwrap.dedent(
        f"""
        import threading
        from pathlib import Path
        from exitbot_desktop.engine.llm.backend import GenerationOptions, Message
        from exitbot_desktop.engine.llm.llama_cpp_backend import LlamaCppBackend, favouring
        from exitbot_desktop.engine.llm.model_files import FROM_ENV, ModelFile
        backend = LlamaCppBackend(ModelFile(Path({str(gemma_gguf)!r}), FROM_ENV))
        backend.warm_up()
        messages = [Message("system", "Say hello."), Message("user", "Hello?")]
        options = GenerationOptions(max_tokens=4)
        print("".join(backend.stream_chat(messages, options=options, cancel=threading.Event())))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip()
    assert done.stderr == ""


def test_the_answers_words_are_favoured_as_whole_words(gemma_gguf: Path) -> None:
    llama = llama_cpp.Llama(model_path=str(gemma_gguf), vocab_only=True, verbose=False)
    favoured = favouring(llama, ["commute", "Überstunden"])
    starts = {llama.detokenize([token]).decode("utf-8", errors="ignore") for token in favoured}
    assert " commute" in starts or " commut" in starts
    assert all(len(start.strip()) >= 3 for start in starts)  # never a fragment like " c"
    assert favouring(llama, []) == {}
