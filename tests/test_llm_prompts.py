"""The model always reads the instructions, and each turn's prompt extends the last one."""

from __future__ import annotations

import pytest

from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.backend import BackendError, Message
from exitbot_desktop.engine.llm.chat_template import chat_prompt
from exitbot_desktop.engine.llm.content_words import content_words
from exitbot_desktop.engine.llm.example_bank import choose_examples, standing_examples
from exitbot_desktop.engine.llm.prompts import (
    Conversation,
    completion_prompt,
    instructions,
    opening,
)

# Gemma 3's chat template (string contents only): it folds a system message into the
# first user turn and insists that turns alternate starting with the user.
GEMMA3_TEMPLATE = """{{ bos_token }}
{%- if messages[0]['role'] == 'system' -%}
{%- set first_user_prefix = messages[0]['content'] + '\n\n' -%}
{%- set loop_messages = messages[1:] -%}
{%- else -%}
{%- set first_user_prefix = "" -%}
{%- set loop_messages = messages -%}
{%- endif -%}
{%- for message in loop_messages -%}
{%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) -%}
{{ raise_exception("Conversation roles must alternate user/assistant/user/assistant/...") }}
{%- endif -%}
{%- set role = "model" if message['role'] == 'assistant' else message['role'] -%}
{{ '<start_of_turn>' + role + '\n' + (first_user_prefix if loop.first else "") }}
{{- message['content'] | trim }}{{ '<end_of_turn>\n' }}
{%- endfor -%}
{%- if add_generation_prompt -%}{{ '<start_of_turn>model\n' }}{%- endif -%}"""

# Like llama-cpp's chat_format="gemma": a system message is silently dropped.
SYSTEM_DROPPING_TEMPLATE = """{{ bos_token }}{% for m in messages %}{% if m['role'] != 'system' %}
<start_of_turn>{{ 'model' if m['role'] == 'assistant' else 'user' }}
{{ m['content'] }}<end_of_turn>{% endif %}{% endfor %}
<start_of_turn>model
"""

FIRST = FollowupRequest(
    "main_reason_details",
    "Why did you decide to leave us?",
    "My manager never listened.",
    "en",
)
SECOND = FollowupRequest(
    "work_life_balance", "How was your work-life balance?", "Weekends on call.", "en"
)


def _two_turns() -> tuple[tuple[Message, ...], tuple[Message, ...], Conversation]:
    conversation = Conversation("en")
    first = conversation.prompt_for(FIRST)
    conversation.record(FIRST, "What did you wish your manager had listened to?")
    second = conversation.prompt_for(SECOND)
    return first, second, conversation


def test_completion_prompt_has_instruction_examples_and_ends_asking_for_a_follow_up() -> None:
    prompt = completion_prompt(Conversation("en").prompt_for(FIRST))
    assert prompt.startswith("You are a neutral, empathetic interviewer")
    # The standing examples, the one chosen for this answer, and the open one.
    assert prompt.count("Follow-up:") == len(standing_examples("en")) + 2
    assert prompt.endswith(
        "Question: Why did you decide to leave us?\nAnswer: My manager never listened.\n"
        "Key words: manager, listened\nFollow-up:"
    )


def test_every_prompt_in_a_language_opens_alike_and_only_the_tail_is_the_answers() -> None:
    about_pay = FollowupRequest(
        "pay", "How do you feel about your pay?", "The salary was far below market.", "en"
    )
    manager_prompt = completion_prompt(Conversation("en").prompt_for(FIRST))
    pay_prompt = completion_prompt(Conversation("en").prompt_for(about_pay))
    # The opening (instructions and standing examples) is the same for both, so the
    # model's cache of it serves every answer ...
    opening_text = completion_prompt(opening("en")).removesuffix("\nFollow-up:")
    assert manager_prompt.startswith(opening_text)
    assert pay_prompt.startswith(opening_text)
    # ... and the example right before the answer is chosen for it.
    manager_tail = manager_prompt.removeprefix(opening_text)
    pay_tail = pay_prompt.removeprefix(opening_text)
    assert choose_examples(FIRST)[0].answer in manager_tail
    assert choose_examples(about_pay)[0].answer in pay_tail
    assert "pension" in pay_tail or "money" in pay_tail
    assert manager_tail.count("Follow-up:") == pay_tail.count("Follow-up:") == 2


def test_each_turns_prompt_starts_with_the_previous_turns_prompt() -> None:
    first, second, _ = _two_turns()
    assert second[: len(first)] == first
    assert completion_prompt(second).startswith(completion_prompt(first))


def test_a_second_follow_up_on_the_same_question_adds_only_the_new_answer() -> None:
    conversation = Conversation("en")
    conversation.record(FIRST, "What did you wish he had listened to?")
    again = FollowupRequest(
        FIRST.question_id,
        FIRST.question_text,
        "Our concerns about the deadlines.",
        "en",
        previous_followups=("What did you wish he had listened to?",),
    )
    prompt = completion_prompt(conversation.prompt_for(again))
    assert prompt.count(FIRST.question_text) == 1
    assert prompt.endswith(
        "Follow-up: What did you wish he had listened to?\n"
        "Answer: Our concerns about the deadlines.\n"
        "Key words: concerns, deadlines\n"
        "Follow-up:"
    )


def test_a_german_interview_gets_german_instructions_and_examples() -> None:
    assert "Austrittsgespräch" in instructions("de").content
    request = FollowupRequest(
        "team", "Wie war die Zusammenarbeit im Team?", "Im Team war die Stimmung schlecht.", "de"
    )
    prompt = completion_prompt(Conversation("de").prompt_for(request))
    assert "Wie hat sich das Gerede hinter dem Rücken in Ihrem Arbeitsalltag gezeigt?" in prompt


@pytest.mark.parametrize("template", [GEMMA3_TEMPLATE, SYSTEM_DROPPING_TEMPLATE])
def test_chat_template_prompt_carries_the_instructions_in_the_first_user_turn(
    template: str,
) -> None:
    _, second, _ = _two_turns()
    prompt = chat_prompt(second, template, bos_token="<bos>", eos_token="<eos>")
    first_user_turn = prompt.split("<start_of_turn>user\n", 1)[1].split("<end_of_turn>")[0]
    assert "You are a neutral, empathetic interviewer" in first_user_turn
    assert all(example.followup in prompt for example in choose_examples(SECOND))
    assert prompt.rstrip("\n").endswith("<start_of_turn>model")
    assert "Weekends on call." in prompt


def test_chat_template_turns_alternate_even_after_an_unanswered_follow_up() -> None:
    _, second, _ = _two_turns()  # follow-up, then straight on to the next question
    prompt = chat_prompt(second, GEMMA3_TEMPLATE, bos_token="<bos>", eos_token="<eos>")
    # The follow-up and the next turn's first worked question share one model turn.
    first_example = choose_examples(SECOND)[0]
    assert f"What did you wish your manager had listened to?\n\n{first_example.question}" in prompt


def test_a_chat_template_that_cannot_render_is_reported_plainly() -> None:
    with pytest.raises(BackendError, match="chat template cannot be used"):
        chat_prompt(
            [instructions("en")],
            "{{ raise_exception('no system role') }}",
            bos_token="",
            eos_token="",
        )


def test_the_model_is_not_pointed_at_an_answers_private_matters() -> None:
    # The answer names a partner and a son: the key words the model is shown, and the
    # words its sampling favours, are the work matters only.
    request = FollowupRequest(
        "main_reason",
        "What is the main reason you are leaving?",
        "My partner got a post in Leipzig and our son starts school there.",
        "en",
    )
    prompt = completion_prompt(Conversation("en").prompt_for(request))
    assert prompt.endswith("Key words: Leipzig, starts, school\nFollow-up:")
    assert not {"partner", "son"} & {w.lower() for w in content_words(request.answer_text)}
    german = "Meine Frau ist schwanger, und ich pendle jeden Tag nach Kassel."
    assert set(content_words(german)) == {"pendle", "Kassel"}
