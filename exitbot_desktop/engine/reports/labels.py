"""Words HR reads in reports for the codes the analysis stores. Never imports Qt."""

from __future__ import annotations

THEME_LABELS = {
    "career_development": "Career development",
    "work_life_balance": "Work-life balance",
    "manager": "Manager",
    "wellbeing": "Health and wellbeing",
    "job_characteristics": "The job itself",
    "work_environment": "Culture and environment",
    "compensation_benefits": "Pay and benefits",
    "relocation": "Relocation",
    "retirement": "Retirement",
    "involuntary": "Involuntary departure",
}
FLAG_LABELS = {
    "harassment": "Harassment or bullying",
    "discrimination": "Discrimination",
    "safety": "Safety",
    "fraud_misconduct": "Fraud or misconduct",
    "wellbeing_crisis": "Wellbeing crisis",
}


def theme(code: str) -> str:
    return THEME_LABELS.get(code, code.replace("_", " ").capitalize())


def flag(code: str) -> str:
    return FLAG_LABELS.get(code, code.replace("_", " ").capitalize())
