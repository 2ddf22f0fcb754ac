"""Follow-up questions from a local model, guarded, with a rules fallback.

`selection.select_backend` picks a `backend.Backend`; `followups.FollowupGenerator`
turns answers into guarded follow-ups with it; `health.llm_health` reports on it.
Nothing here imports Qt, and nothing sends data off this machine except to an
Ollama server the organisation configured.
"""
