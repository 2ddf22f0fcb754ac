"""Worked examples for the few-shot prompt: standing ones, and one chosen per answer.

Owns `Example`, the bank (English and German, one or more per theme and tone, all
written for this file), `standing_examples` and `choose_examples`. A small base model
copies the examples it is shown; with three fixed ones it copied the same follow-ups
after every answer. Now every prompt opens with one standing example per theme, the
tones taking turns (always the same, so the model's cache of them serves every answer),
and the example that fits the answer best by theme, tone and words comes right before
it: the model sees how a follow-up names what *this kind* of answer is about, and a
copy of any example is refused by the guard. Every follow-up here takes up a word of
its own answer, which is the habit the model should learn. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from exitbot_desktop.engine.analysis.sentiment import sentiment_of_text
from exitbot_desktop.engine.analysis.themes import classify_themes
from exitbot_desktop.engine.followup_policy import FollowupRequest
from exitbot_desktop.engine.llm.content_words import content_stems

# Chosen for the answer and shown right before it, after the standing examples.
EXAMPLES_PER_PROMPT = 1
_STANDING_TONES = ("negative", "positive", "neutral")  # taking turns, theme by theme


@dataclass(frozen=True)
class Example:
    """One worked exchange: a question, an answer, and the follow-up a good interviewer
    would ask, with the theme and tone the answer is about."""

    theme: str  # one of analysis.themes.THEMES, or "other"
    tone: str  # positive, neutral or negative
    question: str
    answer: str
    followup: str


# Blocks of four lines: theme and tone, question, answer, follow-up.
_EN = """
manager negative
What was the main reason you decided to leave?
My team lead kept changing priorities every week without telling us why.
How did the weekly changes of priorities affect your own planning?

manager positive
How would you describe your relationship with your manager?
She trusted me with difficult clients and always backed me up.
What did her trust with difficult clients mean for you?

manager neutral
How would you describe your relationship with your manager?
We only spoke in the monthly status meeting.
What would you have wanted to talk about outside the monthly meeting?

compensation_benefits negative
How do you feel about your pay and benefits?
The pension contribution is half of what other employers in the region offer.
How much did the pension contribution weigh in your decision?

compensation_benefits positive
How do you feel about your pay and benefits?
The health insurance and the gym allowance were generous.
Which made more difference to you, the health insurance or the gym allowance?

compensation_benefits neutral
What is the main reason you are leaving?
Another firm simply offered more money for the same job.
Besides the money, what else did the other offer give you?

career_development negative
How did you see your career growth here?
I applied for two internal openings and never heard back.
What would a fair answer to your internal applications have looked like?

career_development positive
How did you see your career growth here?
The mentoring programme taught me more than my degree did.
What made the mentoring programme so valuable for you?

career_development neutral
What would have made you stay?
A path towards architecture work instead of only maintenance tickets.
What kind of architecture work were you hoping to do?

work_life_balance negative
How was your work-life balance?
Emails from my supervisor at midnight were normal.
How did the late emails affect your evenings?

work_life_balance positive
How was your work-life balance?
Flexible hours let me pick up my son from school every day.
What made the flexible hours work so well in your team?

work_life_balance neutral
What would have made you stay?
Two days a week from home.
How would two days at home have changed your week?

wellbeing negative
What is the main reason you are leaving?
I was exhausted all the time and could not sleep before Mondays.
When did you first notice that Mondays were weighing on you?

wellbeing positive
Is there anything else you would like to tell us?
The quiet room and the team walks helped me through a hard year.
What about the team walks helped you most?

job_characteristics negative
How satisfied were you with your role?
Most of my day was copying numbers between two spreadsheets.
Which part of the spreadsheet work would you have handed off first?

job_characteristics positive
How satisfied were you with your role?
Designing the new warehouse layout was the best project of my career.
What did you enjoy most about designing the warehouse layout?

job_characteristics neutral
What will you miss least about your job?
The night shifts at the front desk.
What made the night shifts at the front desk hard for you?

work_environment negative
How was working with your team?
People talked behind each other's backs instead of solving problems.
How did the talk behind people's backs show up in your daily work?

work_environment positive
How was working with your team?
The lab crew felt like family; we celebrated every small win.
What did the lab crew do that made it feel like family to you?

work_environment neutral
What will you miss most?
Lunch with the people from the design floor.
What made lunch with the design floor people special for you?

relocation neutral
What is the main reason you are leaving?
My husband got a teaching post in another city and we are moving in spring.
Would remote work from the new city have been an option for you?

relocation negative
Were there other reasons?
The bus ride to the new site takes ninety minutes each way.
What would have made the ninety-minute bus ride workable for you?

retirement positive
What is the main reason you are leaving?
After thirty-one years I am retiring and looking forward to my garden.
What would you like to pass on to colleagues after thirty-one years?

retirement neutral
What is the main reason you are leaving?
I reached pension age.
How would you have liked the handover before your pension to go?

involuntary negative
What is the main reason you are leaving?
My contract was not renewed after the restructuring.
How was the decision about your contract explained to you?

involuntary neutral
What is the main reason you are leaving?
The project funding ended, so my position was closed.
How much notice did you get that the funding would end?

other neutral
Is there anything else you would like to tell us?
The onboarding was chaotic in my first month.
What was missing from your first month of onboarding?

other positive
Would you recommend us as an employer?
Yes, the training budget alone is worth it.
What did you use the training budget for?
"""

_DE = """
manager negative
Was war der Hauptgrund für Ihre Entscheidung zu gehen?
Meine Teamleiterin hat Termine mit mir ständig kurzfristig abgesagt.
Wie haben Sie die kurzfristig abgesagten Termine erlebt?

manager positive
Wie würden Sie das Verhältnis zu Ihrer Führungskraft beschreiben?
Mein Chef hat mir bei schwierigen Kunden immer den Rücken gestärkt.
Was hat Ihnen der Rückhalt bei schwierigen Kunden bedeutet?

manager neutral
Wie würden Sie das Verhältnis zu Ihrer Führungskraft beschreiben?
Wir haben uns nur in der monatlichen Runde gesehen.
Worüber hätten Sie außerhalb der monatlichen Runde gern gesprochen?

compensation_benefits negative
Wie zufrieden waren Sie mit Gehalt und Zusatzleistungen?
Die Gehaltserhöhung wurde drei Jahre lang immer wieder verschoben.
Wie wurde Ihnen das Verschieben der Gehaltserhöhung erklärt?

compensation_benefits positive
Wie zufrieden waren Sie mit Gehalt und Zusatzleistungen?
Das Jobticket und die betriebliche Altersvorsorge waren wirklich gut.
Was war Ihnen wichtiger, das Jobticket oder die Altersvorsorge?

compensation_benefits neutral
Was ist der Hauptgrund, warum Sie gehen?
Ein anderes Unternehmen zahlt einfach mehr.
Was bietet Ihnen das andere Unternehmen außer dem Geld?

career_development negative
Wie haben Sie Ihre Entwicklungsmöglichkeiten hier erlebt?
Zwei interne Bewerbungen blieben ohne jede Antwort.
Wie hätte eine faire Antwort auf Ihre internen Bewerbungen ausgesehen?

career_development positive
Wie haben Sie Ihre Entwicklungsmöglichkeiten hier erlebt?
Das Mentoring-Programm hat mir enorm viel gebracht.
Was war am Mentoring-Programm für Sie besonders wertvoll?

career_development neutral
Was hätte Sie zum Bleiben bewegt?
Eine Perspektive als Projektleiter statt nur Routinearbeit.
Wie hätte die Perspektive als Projektleiter für Sie aussehen sollen?

work_life_balance negative
Wie war die Vereinbarkeit von Beruf und Privatleben?
Abends um elf kamen noch Mails vom Vorgesetzten.
Wie haben sich die späten Mails auf Ihre Abende ausgewirkt?

work_life_balance positive
Wie war die Vereinbarkeit von Beruf und Privatleben?
Dank Gleitzeit konnte ich meine Tochter jeden Tag von der Kita abholen.
Was hat die Gleitzeit in Ihrem Team so gut funktionieren lassen?

work_life_balance neutral
Was hätte Sie zum Bleiben bewegt?
Zwei Tage Homeoffice pro Woche.
Wie hätten zwei Tage Homeoffice Ihre Woche verändert?

wellbeing negative
Was ist der Hauptgrund, warum Sie gehen?
Ich war dauernd erschöpft und konnte sonntags schon nicht mehr schlafen.
Wann haben Sie zum ersten Mal gemerkt, dass die Erschöpfung zunimmt?

wellbeing positive
Möchten Sie uns noch etwas mitteilen?
Die Gesundheitstage und der Ruheraum haben mir sehr gutgetan.
Was an den Gesundheitstagen hat Ihnen am meisten geholfen?

job_characteristics negative
Wie zufrieden waren Sie mit Ihrer Tätigkeit?
Den halben Tag habe ich Zahlen von einer Tabelle in die andere kopiert.
Welchen Teil der Tabellenarbeit hätten Sie am liebsten abgegeben?

job_characteristics positive
Wie zufrieden waren Sie mit Ihrer Tätigkeit?
Die Planung des neuen Lagers war mein schönstes Projekt.
Was hat Ihnen an der Planung des neuen Lagers am meisten Freude gemacht?

job_characteristics neutral
Was werden Sie am wenigsten vermissen?
Die Nachtschichten am Empfang.
Was war für Sie an den Nachtschichten am Empfang besonders schwer?

work_environment negative
Wie war die Zusammenarbeit im Team?
Statt Probleme zu lösen, wurde hinter dem Rücken geredet.
Wie hat sich das Gerede hinter dem Rücken in Ihrem Arbeitsalltag gezeigt?

work_environment positive
Wie war die Zusammenarbeit im Team?
Im Labor waren wir wie eine Familie und haben jeden Erfolg gefeiert.
Was hat das Labor-Team getan, damit es sich für Sie wie eine Familie anfühlte?

work_environment neutral
Was werden Sie am meisten vermissen?
Das Mittagessen mit den Leuten aus der Konstruktion.
Was war für Sie am Mittagessen mit der Konstruktion besonders?

relocation neutral
Was ist der Hauptgrund, warum Sie gehen?
Mein Mann hat eine Stelle in einer anderen Stadt, wir ziehen im Frühjahr um.
Wäre Arbeit aus der neuen Stadt für Sie eine Möglichkeit gewesen?

relocation negative
Gab es noch andere Gründe?
Zum neuen Standort brauche ich mit dem Bus neunzig Minuten pro Strecke.
Was hätte Ihnen die neunzig Minuten Busfahrt erträglicher gemacht?

retirement positive
Was ist der Hauptgrund, warum Sie gehen?
Nach einunddreißig Jahren gehe ich in Rente und freue mich auf meinen Garten.
Was möchten Sie nach einunddreißig Jahren an Ihre Kollegen weitergeben?

retirement neutral
Was ist der Hauptgrund, warum Sie gehen?
Ich habe das Rentenalter erreicht.
Wie hätten Sie sich die Übergabe vor Ihrer Rente gewünscht?

involuntary negative
Was ist der Hauptgrund, warum Sie gehen?
Mein Vertrag wurde nach der Umstrukturierung nicht verlängert.
Wie wurde Ihnen die Entscheidung über Ihren Vertrag erklärt?

involuntary neutral
Was ist der Hauptgrund, warum Sie gehen?
Die Projektförderung ist ausgelaufen, deshalb fällt meine Stelle weg.
Wie früh wussten Sie, dass die Projektförderung ausläuft?

other neutral
Möchten Sie uns noch etwas mitteilen?
Die Einarbeitung im ersten Monat war chaotisch.
Was hat Ihnen bei der Einarbeitung im ersten Monat gefehlt?

other positive
Würden Sie uns als Arbeitgeber weiterempfehlen?
Ja, allein das Weiterbildungsbudget lohnt sich.
Wofür haben Sie das Weiterbildungsbudget genutzt?
"""


def _parse(text: str) -> tuple[Example, ...]:
    examples = []
    for block in text.strip().split("\n\n"):
        label, question, answer, followup = block.splitlines()
        theme, tone = label.split()
        examples.append(Example(theme, tone, question, answer, followup))
    return tuple(examples)


BANK: dict[str, tuple[Example, ...]] = {"en": _parse(_EN), "de": _parse(_DE)}


def standing_examples(language: str) -> tuple[Example, ...]:
    """One example per theme, the tones taking turns, in the bank's order: shown at the
    start of every prompt in `language`, always the same, so llama.cpp reads them once
    and keeps them cached (`kv_snapshots`). A copy of one is refused by the guard."""
    bank = BANK[language if language in BANK else "en"]
    themes = dict.fromkeys(example.theme for example in bank)
    chosen = []
    for turn, theme in enumerate(themes):
        of_theme = [example for example in bank if example.theme == theme]
        tone = _STANDING_TONES[turn % len(_STANDING_TONES)]
        chosen.append(next((e for e in of_theme if e.tone == tone), of_theme[0]))
    return tuple(chosen)


def choose_examples(
    request: FollowupRequest, count: int = EXAMPLES_PER_PROMPT
) -> tuple[Example, ...]:
    """The `count` examples that fit this answer best, the best one last (nearest the
    answer, where a small model reads it most closely), no two on the same theme.

    Fit: same theme first, then same tone, then content words in common; ties keep the
    bank's order, so the same answer always gets the same prompt (and its cache).
    """
    language = request.language if request.language in BANK else "en"
    themes = request.themes or classify_themes(
        request.answer_text, language, request.question_id, request.question_text
    )
    tone = sentiment_of_text(request.answer_text, language, question=request.question_text).label
    words = content_stems(request.answer_text)

    def fit(example: Example) -> tuple[int, int, int]:
        return (
            example.theme in themes,
            example.tone == tone,
            len(words & content_stems(example.answer)),
        )

    chosen: list[Example] = []
    for example in sorted(BANK[language], key=fit, reverse=True):
        if all(example.theme != other.theme for other in chosen):
            chosen.append(example)
        if len(chosen) == count:
            break
    return tuple(reversed(chosen))
