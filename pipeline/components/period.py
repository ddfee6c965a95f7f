"""spaCy component `socieux_period`: the action's own activity period (spec § period_start / period_end).

It reads the `date` facts of `socieux_dates` and sets `period_start` /
`period_end` facts (value ISO, evidence = the date's text), from the first
source that has one:

1. the labelled fields `Start activities` / `End activities` (status certain;
   `Ongoing` or an empty value gives no date; a start whose label is empty or missing,
   while the end is given, comes from the sentences below when they date it);
2. the dates of a news item's reference tag (certain);
3. a date in a sentence that dates the action itself ("Action 2023-11 was
   implemented from May to November 2023"), i.e. whose nearest cue in the
   sentence is a `self_cue` and not a `not_period_cue` ("strategy", "analysis
   carried out", "expected to take off") (inferred). A cue marked `strong` (the
   action named as the subject: "The action ran from …") outranks the others of
   the record; a cue of a clause about a cited action ("the previous Action
   2022-21, which was implemented in 2022") counts as a not-period cue;
4. a year next to an event named in the title ("… Labour Conference 2014")
   (inferred).
Sources 3-4 leave the end open (a `period_end` fact whose value is None, rule
`period:ongoing:activity-to-come`) when the record dates an activity still to come
after the end found ("A final seminar in Kyiv is planned for December 2024" after
"The experts delivered a training from 20 to 24 November 2023"; `socieux_modality.still_to_come`):
spec, null when ongoing; not when the end's sentence names the action by its own id or as the
subject of a strong cue ("Action 2022-30 was carried out between October 2022 and March 2023",
"The action was implemented in the second half of 2020": the stated span, what comes after it a
follow-up), nor when the end is a news tag's: the spec names the tag's dates as the period, and
annotators keep them whatever the item says is planned next.
A news item's date line, or a press dateline opening a paragraph ("Asunción,
5 May 2022 – …"), is never the period, nor is an activity that ended more than
MAX_YEARS_BEFORE years before the item's date line (an earlier review), nor is a date `socieux_modality` finds in
a planned, cancelled or earlier activity's clause ("missions originally scheduled
for 2023", "SOCIEUX+ had already supported the Ministry in 2019"). The cue lexicon is data:
models/patterns/period.jsonl, entries `{"id", "kind", "pattern"}` (optional `"anchor_at"`: the
token the matcher looks for first, a rarer word than its estimate picks) with kind
`self_cue`, `not_period_cue`, `event_cue`, `start_word` / `end_word` (a date right
after "began in" only starts the period, one after "ended in" only ends it),
`start_clause` (every date of a sentence saying "the action started with …" only
starts it), `end_clause` (every date of a sentence saying the action ended, "…, which
brought the action to a close", "concluded their action … on 5 December 2024", only
ends it, whatever the other cues, within the cue's clause), `last_activity` (a record saying an
activity "was the last activity of" the action: that activity's dates, found where the record names
it, end the period, else the latest dated activity), `only_activity` ("the only activity of …": that
activity's dates start and end it), `first_activity` ("It was the first activity of …": the end stays
open unless a cue says the action ended; with no other cue, that activity's dates, else the earliest
dated activity, start the period), or
`activity_cue` (a verb of delivering the action, a self cue only in a sentence that
also has an `agent_cue`: the experts, SOCIEUX+, the action), or `coming_activity` (an
activity of the action or its experts: with a date still to come after the period found,
in the same sentence, the period stays open) unless a `not_coming` cue covers it (what is made
of it, "the recordings of the sessions", or its repetition by others, "will replicate the course"),
or `final_to_come` (an undated final activity still to come, "A final activity … will follow": the end
stays open), or `later_activity` ("the second mission": told as done, the record has gone past its first
activity), and a spaCy Matcher token pattern. In a first-person post whose writer says they were one of
the experts (socieux_experts' `AUTHOR_FIELD` marker: "as a Polish expert", "my first SOCIEUX+ assignment"),
"I" and "we" of the record are agents. An entry marked `anaphoric` has "It" as its subject: a cue only
right after a sentence that names the action or cooperation ("The action started in November 2019 …
It ended in early 2020 …").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.base import PatternComponent, WindowedMatcher, doc_text
from pipeline.components.modality import still_to_come, unrealised
from pipeline.dates import covered_days
from pipeline.facts import AUTHOR_FIELD, Fact, Status, add_fact, facts, field_of, field_span, has_fact

#: fields whose dates never come from sentence rules (they have their own rule or are no period)
NOT_SENTENCE_FIELDS = (
    "title", "date_line", "tag", "start_activities", "end_activities",
    "code", "assistance_types", "partner_institution", "period", "country",
)
#: a labelled period value saying the action goes on: "from 09/2022 (ongoing)", "since 03/2021", "2023 – present",
#: "Starting 02-10-2023"
_STILL_GOING = re.compile(r"(?i)\b(?:ongoing|on-going|en cours|en curso|em curso|present|to date|since|from|starting|"
                          r"beginning|as of|as from|depuis|desde|a partir)\b")
#: a press dateline opening a paragraph, "Asunción, 5 May 2022 – The Ministry …": the date it
#: gives is the publication's, like a news item's date line, never the period (a date with digits and
#: no comma: "Under action 2021-30, which started in May, three experts – …" is no dateline)
DATELINE = re.compile(r"(?m)^[ \t]*[^\W\d][^\n,;:.!?]{0,40},\s+((?=[^\n–—,]*\d)[^\n–—,]{4,40}?)\s+(?:–|—|--?)\s")
#: a sentence ends at ". " before a capital, not after a short abbreviation ("St. John's", "Mr. Ali", "Mrs. Diop")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z]\.)(?<!\bMrs\.)(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(])|\n+")
#: most tokens between a title's event word and its year ("the 2024 National Meeting")
EVENT_WINDOW = 3
Spans = list[tuple[int, int, str, str]]  # (start_char, end_char, kind, id)


@Language.factory("socieux_period")
def make_period(nlp: Language, name: str) -> "PeriodComponent":
    """Factory registered as `socieux_period`; cues come from initialize(patterns=...)."""
    return PeriodComponent(nlp, name)


def _overlaps(fact: Fact, span: tuple[int, int] | None) -> bool:
    return span is not None and fact.start < span[1] and span[0] < fact.end


def _end_of(fact: Fact) -> str | None:
    """ISO end of a date fact (a point's end is its start; open ranges end None)."""
    return fact.extra.get("end", fact.value)


def _last_day(fact: Fact) -> str:
    """The last day a date fact covers, for ordering ends of different precisions ("end of 2022" ends
    after "May 2022"); "" for an open range."""
    end = _end_of(fact)
    return covered_days(fact.text, fact.value or end, end)[1] if end else ""


class PeriodComponent(PatternComponent):
    """Sets `period_start` / `period_end` facts from the record's `date` facts."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self._compile()  # an empty matcher until initialize() / from_disk() gives the cues

    def _compile(self) -> None:
        self.matcher = WindowedMatcher(self.nlp.vocab, validate=True)
        self.kinds: dict[str, str] = {}
        self.strong: set[str] = set()  # self cues naming the action itself: they outrank the others
        self.future: set[str] = set()  # not-period cues that say a thing is still to come ("planned"), see still_open
        self.anaphoric: set[str] = set()  # cues whose subject is "It": the action only after a sentence naming it
        self.coming = WindowedMatcher(self.nlp.vocab, validate=True)  # read only when an end may stay open
        for entry in self.patterns:
            self.kinds[entry["id"]] = entry["kind"]
            matcher = self.coming if entry["kind"] in COMING_KINDS else self.matcher
            matcher.add(entry["id"], entry["pattern"], entry.get("anchor_at"))  # anchor_at: see WindowedMatcher.add
            if entry.get("strong"):
                self.strong.add(entry["id"])
            if entry.get("future"):
                self.future.add(entry["id"])
            if entry.get("anaphoric"):
                self.anaphoric.add(entry["id"])

    def cues(self, doc: Doc, matcher: WindowedMatcher | None = None) -> Spans:
        """Cue matches as (start_char, end_char, kind, id), in text order (of `matcher`: by default the
        cues of the sentence rules)."""
        found = []
        for match_id, start, end in (matcher or self.matcher).match_set(doc):  # sorted below: any order
            key = self.nlp.vocab.strings[match_id]
            span = doc[start:end]
            found.append((span.start_char, span.end_char, self.kinds[key], key))
        if self.anaphoric and any(c[3] in self.anaphoric for c in found):
            # "It ended in early 2020 …" speaks of the action when the sentence before names it
            text = doc_text(doc)
            found = [c for c in found if c[3] not in self.anaphoric or _after_action_sentence(text, c[0])]
        shields = [c for c in found if c[2] in SHIELD_KINDS]
        if shields:
            # "the Secretariat of State for … Employment Policy (SEFOPE)": a name's Title Case word is no policy of
            # the text; "students of the Master's programme in social work": a course of study is no programme
            # that dates anything
            text = doc_text(doc)
            found = [c for c in found if c[2] not in SHIELD_KINDS and not (c[2] == "not_period_cue" and any(
                a <= c[0] and c[1] <= b and (kind != "institution_name" or a < c[0] and text[c[0]].isupper())
                for a, b, kind, _ in shields))]
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        dates = [f for f in facts(doc) if f.field == "date"]
        cues = self.cues(doc) if dates else []
        # a closing still to come or only possible closes nothing yet ("A final webinar will complete the action in
        # early 2025", "An online training could complete the action")
        cues = [c for c in cues if c[2] not in CLOSING_KINDS or not unrealised(doc, c[0], c[1])]
        period = self.from_fields(doc, dates)
        if period:
            period = self._fill_unlabelled(doc, dates, cues, period)
        else:
            period = (
                self.from_tag(doc, dates, cues)
                or self.from_sentences(doc, dates, cues)
                or self.from_title_event(doc, dates, cues)
            )
            coming = lru_cache(maxsize=1)(lambda: self.cues(doc, self.coming))  # read by both, matched once
            period = still_open(doc, dates, coming, period, cues, self.future, self.strong)
            period = _first_of_more(doc, cues, period, coming)
            period = _not_the_first(doc, cues, period, self.strong)
        for fact in period:
            add_fact(doc, fact)
        return doc

    # -- sources, in order of trust ------------------------------------------
    def from_fields(self, doc: Doc, dates: list[Fact]) -> list[Fact]:
        """`Start activities` / `End activities` values (spec: a `Start activities` value), or a labelled
        `Period` value ("01/03/2021 – 15/10/2021"; one date of a period said to go on starts it only: "from
        09/2022 (ongoing)")."""
        period_span = field_span(doc, "period")
        in_period = [d for d in dates if _overlaps(d, period_span)]
        if in_period:
            value = doc_text(doc)[period_span[0] : period_span[1]]
            if len(in_period) == 1 and _end_of(in_period[0]) == in_period[0].value and _STILL_GOING.search(value):
                return [_period("period_start", in_period[0], in_period[0].value, "period:field", "certain"),
                        _period("period_end", in_period[0], None, "period:field", "certain")]
            return _range(in_period, "period:field", "certain")
        start_span, end_span = field_span(doc, "start_activities"), field_span(doc, "end_activities")
        starts = [d for d in dates if _overlaps(d, start_span)]
        ends = [d for d in dates if _overlaps(d, end_span)]
        if not starts and not ends:
            return []  # missing, empty or `Ongoing` values: no date from the fields
        out = []
        if starts:
            out.append(_period("period_start", starts[0], starts[0].value, "period:field", "certain"))
        if ends:  # a range in the end field ends the period at its end
            out.append(_period("period_end", ends[-1], _end_of(ends[-1]), "period:field", "certain"))
        return out

    def _fill_unlabelled(self, doc: Doc, dates: list[Fact], cues: Spans, period: list[Fact]) -> list[Fact]:
        """A labelled end date with the start left empty ("Start activities:" with no value, or no such
        label): the text may date the start ("Action 2024-05 started in February 2024 …"), if not after
        the labelled end. An empty end stays open (the action may be going on) unless the text says the action
        closed (`_fill_closed_end`)."""
        span = field_span(doc, "start_activities")
        end = next((f for f in period if f.field == "period_end" and f.value), None)
        if end is None:
            return self._fill_closed_end(doc, dates, cues, period)
        if any(f.field == "period_start" for f in period) \
                or span is not None and doc_text(doc)[span[0] : span[1]].strip():
            return period
        # a start the text states for the action (a strong cue, a start word), or a span of the text that ends with
        # the labelled end ("From April to December 2021, experts worked …" with `End activities: dec-2021`); not an
        # activity's date ("workshops … in February 2023" with `End activities: 30/06/2023`)
        said = self.from_sentences(doc, dates, cues, stated_start=True)
        start = next((f for f in said if f.field == "period_start" and f.value), None)
        if start is None:
            span = self.from_sentences(doc, dates, cues)
            span_end = next((f for f in span if f.field == "period_end" and f.value), None)
            n = min(len(span_end.value), len(end.value)) if span_end is not None else 0
            if span_end is not None and n >= 7 and span_end.value[:n] == end.value[:n]:
                start = next((f for f in span if f.field == "period_start" and f.value), None)
        # ISO values of any precision: the start must come before the end, not within its month or year (a date there
        # is the closing activity's: "presented their recommendations at a final seminar in December 2019" with
        # `End activities: dec-2019`)
        n = min(len(start.value), len(end.value)) if start is not None else 0
        return period + [start] if start is not None and start.value[:n] < end.value[:n] else period

    def _fill_closed_end(self, doc: Doc, dates: list[Fact], cues: Spans, period: list[Fact]) -> list[Fact]:
        """A labelled start with the end left empty (not "Ongoing"): a sentence saying the action closed, with its
        date, ends it ("The action closed with a workshop in Tunis in November 2024"), if not before the start."""
        start = next((f for f in period if f.field == "period_start" and f.value), None)
        span = field_span(doc, "end_activities")
        text = doc_text(doc)
        if start is None or span is not None and text[span[0] : span[1]].strip():
            return period
        closers = [c for c in cues if c[2] == "end_clause" and _ACTION_WORD.search(text, c[0], c[1])]
        if not closers:
            return period
        end = next((f for f in self.from_sentences(doc, dates, cues) if f.field == "period_end" and f.value), None)
        if end is None or end.value < start.value[: len(end.value)] \
                or not any(_sentence(text, c[0]) == _sentence(text, end.start) for c in closers):
            return period
        return [f for f in period if f.field != "period_end"] + [end]

    def from_tag(self, doc: Doc, dates: list[Fact], cues: Spans) -> list[Fact]:
        """Dates of a news reference tag: `SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)`.

        The tag dates one activity (`ACT. 2`): when the text says the action itself started
        earlier ("The action started in early 2023", "Starting in October 2023, …"; a strong cue
        or a date right after a start word), that start is the period's, the tag's end its end.
        """
        in_tag = [d for d in dates if _overlaps(d, field_span(doc, "tag"))]
        tag = _range(in_tag, "period:tag", "certain")
        tag_start = next((f for f in tag if f.field == "period_start" and f.value), None)
        if tag_start is None:
            return tag
        said = self.from_sentences(doc, dates, cues, stated_start=True)
        start = next((f for f in said if f.field == "period_start" and f.value), None)
        if start is not None and _starts_before(start.value, tag_start.value):
            tag = [start, *(f for f in tag if f.field != "period_start")]
        return tag

    def from_sentences(self, doc: Doc, dates: list[Fact], cues: Spans, stated_start: bool = False) -> list[Fact]:
        """Dates whose nearest cue in their sentence says they date the action itself (with
        `stated_start`, only those of a strong cue or right after a start word)."""
        excluded = [field_span(doc, name) for name in NOT_SENTENCE_FIELDS]
        text = doc_text(doc)
        excluded += [m.span(1) for m in DATELINE.finditer(text)]
        refs = [f for f in facts(doc) if f.field == "action_ref"]
        cues = _cited_as_other(text, cues, refs)
        # "The cooperation concluded with a study visit … from 16 to 20 September 2024": the closing activity's
        # dates end the period (end_clause); the action named as the verb's subject does not make them its span
        closing = [(c[0], c[1]) for c in cues if c[2] == "end_clause"]
        cues = [c for c in cues if not (c[2] == "self_cue" and any(a <= c[0] and c[1] <= b for a, b in closing))]
        all_cues, cues = cues, [c for c in cues if c[2] in ("self_cue", "not_period_cue")]
        # the experts named by socieux_experts ("a Belgian and a French social worker") are agents too
        experts = [f for f in facts(doc) if f.field == "expert_country"]
        agents = [c for c in all_cues if c[2] == "agent_cue"] + [
            (f.start, f.end, "agent_cue", "agent:expert-country") for f in experts] + _they_after(text, experts) \
            + _first_person(text, doc)
        activities, qualifiers = _reduced_relatives(text, [c for c in all_cues if c[2] == "activity_cue"])
        # "reviewed the … model piloted in Yerevan since 2019": the participle dates what someone else did
        cues = sorted(cues + [(a, b, "not_period_cue", "not:object-qualifier") for a, b, _, _ in qualifiers])
        # an activity format of this action (socieux_formats: realised, in the title or description)
        # dates the action where it is dated: "a follow-up webinar on 5 September 2023"
        formats = [f for f in facts(doc) if f.field == "format"]
        chosen: list[tuple[Fact, str]] = []
        eligible: list[Fact] = []  # dates of this action's text (not excluded, realised, not a cited action's)
        usable: list[Fact] = []  # those whose nearest cue (if any) is no not-period cue
        # an action id is given in the year of the request: nothing the action did ends before it
        code_year = next((f.value[:4] for f in facts(doc) if f.field == "action_code" and f.value), None)
        for date in dates:
            if any(_overlaps(date, span) for span in excluded):
                continue
            if code_year is not None and (_end_of(date) or "9999")[:4] < code_year:
                continue  # "following the actuarial review completed in 2020" in action 2021-12: the partner's own
            if unrealised(doc, date.start, date.end):  # planned, cancelled, an earlier support's (socieux_modality)
                continue
            if _DECADE.search(date.text):
                continue  # "reforms in the Baltic states since the 1990s": a decade is no action's time
            if any(_BRACKETED_REF.fullmatch(text, date.end, r.start) for r in refs if r.start >= date.end):
                continue  # "a webinar … in 2021 (action 2021-09)": the cited action's date
            if any(_REF_THEN_DATE.fullmatch(text, r.end, date.start) for r in refs if r.end <= date.start) \
                    or any(_DATE_THEN_REF.fullmatch(text, date.end, r.start) for r in refs if r.start >= date.end):
                continue  # "the assessment … carried out under SOCIEUX+ action 2023-44 in 2024": that action's date
                # (also before it: "carried out in 2020 under Action 2019-27")
            lo, hi = _sentence(text, date.start)
            if _IN_CAREER.search(text, lo, date.start):
                continue  # "a British expert who worked for the Department for Work and Pensions from 1998 to 2015"
            if any(lo <= r.start < hi and _BRACKET_END.fullmatch(text, r.end, hi) and _BRACKET_OPEN.search(text, lo, r.start)
                   for r in refs if r.start >= date.end) \
                    and not any(c[3] in self.strong and lo <= c[0] and c[1] <= date.start for c in all_cues):
                continue  # "In 2020, SOCIEUX+ supported the Ministry … (action 2020-11).": a cited action's sentence
                # (not after this action named as the subject: "The cooperation with SOCIEUX+ began in September
                # 2023 and built on the earlier support … (Action 2020-17)")
            eligible.append(date)
            clo, chi = _clause(text, date.start, lo, hi)
            # a not-period cue speaks of its own clause ("…implemented from 15 to 17 January 2024: an
            # actuary projected the deficit up to 2050"); a self cue of the whole sentence
            near = [c for c in cues if lo <= c[0] and c[1] <= hi
                    and (c[2] == "self_cue" and _reaches(text, c, date, dates, lo, hi, clo) or clo <= c[0] and c[1] <= chi)]
            if any(lo <= c[0] and c[1] <= hi for c in agents):  # "experts trained … in 2022"
                # (not in a person's relative clause, their career: "a British expert who worked for the Department
                # for Work and Pensions from 1998 to 2015 assessed …")
                near += [(a, b, "self_cue", cue_id) for a, b, _, cue_id in activities if lo <= a and b <= hi
                         and not _WHO_BEFORE.search(text, max(lo, a - 12), a)]
            # an activity of this action (socieux_formats: realised, in the title or description) dated
            # where it is named: "a follow-up webinar on 5 September 2023", "In May 2022, a workshop …"
            near += [(f.start, f.end, "self_cue", f"format:{f.value}") for f in formats
                     if clo <= f.start and f.end <= chi and _attached(text, f, date)]
            if not near:
                usable.append(date)
                continue
            # nearest cue wins; on a tie the not-period cue wins (spec: dates about something else)
            best = min(near, key=lambda c: (max(0, c[0] - date.end, date.start - c[1]), c[2] == "self_cue"))
            if best[2] == "not_period_cue":
                # "a training on long-term projections …, held in Bishkek from 20 to 24 February 2023": the
                # participle dates the activity, whatever its complement names
                best = next((c for c in near if c[3].startswith("format:") and c[1] <= best[0]
                             and _HELD_GAP.fullmatch(text, c[1], date.start)), best)
            if best[2] == "not_period_cue" and best[0] >= date.end and _breaks_before(text, date.end, best[0]):
                # a not-period cue after a comma or an "and" speaks of what follows it: "completed a diagnostic
                # mission … from 24 June to 3 July, as part of the Fund's strategy", "conducted an audit … in
                # October 2019 and proposed a roadmap" date the mission and the audit
                best = _self_cue_before(near, date) or best
            if best[3] in self.strong and best[0] >= date.end and _BUT.search(text, date.end, best[0]):
                # the action named after "but" is set against what comes before: "A first exchange … took place
                # … in November 2021, but the action itself was only launched in 2023"
                best = _self_cue_before(near, date)
                if best is None:
                    continue
            if best[2] == "self_cue":
                chosen.append((date, best[3]))
                usable.append(date)
        # a date right after "began in" only starts the period, one after "ended in" only ends it
        # ("a cooperation with SOCIEUX+ that began in January 2023": no end is said)
        bounds = {kind: [c for c in all_cues if c[2] == kind] for kind in ("start_word", "end_word")}
        only = {id(d): kind for d in usable for kind, found in bounds.items()
                if any(0 <= d.start - c[1] <= 1 for c in found)}
        # ... and a date after "…, which began with" in its clause only starts it, also in a sentence saying
        # the action closed ("The workshop closed SOCIEUX+ action 2019-70, which began with two webinars … in
        # September")
        launches = [c for c in all_cues if c[2] == "start_clause"]
        closers = [c for c in all_cues if c[2] == "end_clause"]
        for d in usable if launches else []:
            if id(d) not in only:
                clo, _ = _clause_at(text, d.start)
                before = [c for c in launches + closers if clo <= c[0] and c[1] <= d.start]
                # (the last of them decides: "launched at a kick-off event … on 11 January 2023 and closed with a
                # validation workshop … on 28 April 2023" ends the period with the second date)
                if before and max(before)[2] == "start_clause":
                    only[id(d)] = "start_word"
        # "The forum closed the action.", "The mission was the last activity of SOCIEUX+ action 2022-95",
        # "the only activity of SOCIEUX+ action 2020-41": the dates of that activity end the period (an
        # only activity's also start it), wherever the record dates it
        closing_activity: list[tuple[Fact, str]] = []
        sole = False
        for cue in all_cues:
            if cue[2] in ("last_activity", "only_activity", "end_clause"):
                found = _activity_dates(text, cue, usable, eligible, only, agents)
                if found:
                    closing_activity, sole = [(d, cue[3]) for d in found], cue[2] == "only_activity"
        if sole:
            chosen = closing_activity
        # "The training is the first activity of SOCIEUX+ action 2021-90": with no other cue, that activity's
        # dates start the period (its end stays open, `_first_of_more`)
        # ... and with other cues, they start it still ("The first activity, a workshop held in Dili in November
        # 2022, … The second and last activity, delivered remotely in the first half of 2023, …")
        first_found: list[tuple[Fact, str]] = []
        for cue in all_cues:
            if cue[2] == "first_activity":
                found = _activity_dates(text, cue, usable, eligible, only, agents)
                if found:
                    first_found = [(d, cue[3]) for d in found]
                    chosen = [(d, c) for d, c in chosen if all(d is not f for f in found)] + first_found
                    only.update((id(d), "start_word") for d in found)
                    break
        # "The course was the last activity of SOCIEUX+ action 2021-62": the latest dated activity ends it
        last = None
        if closing_activity and not sole:
            last = max(closing_activity, key=lambda dc: _end_of(dc[0]) or "")
        elif any(c[2] == "last_activity" for c in all_cues) and chosen:
            last = max(chosen, key=lambda dc: _end_of(dc[0]) or "")
        if any(cue in self.strong for _, cue in chosen) and not sole:
            strong = [(d, cue) for d, cue in chosen if cue in self.strong]
            if {only.get(id(d)) for d, _ in strong} == {"end_word"}:
                # the action's own cue gives its end only ("The action ended on 12 October"): its start comes from
                # the other dated activities ("The two experts worked with the unit between July and September");
                # not the other way round: the activities after a stated start need not be its last ones
                for d, _ in chosen:
                    only.setdefault(id(d), "start_word")
            elif {only.get(id(d)) for d, _ in strong} == {"start_word"} and any(c[2] == "end_clause" for c in all_cues):
                # … but when the record says the action closed ("Czech and Lithuanian experts conclude SOCIEUX+
                # mission in Pristina"), its other dated activities end it
                later = [(d, cue) for d, cue in chosen if cue not in self.strong]
                only.update((id(d), "end_word") for d, _ in later)
                chosen = strong + later
            elif {only.get(id(d)) for d, _ in strong} == {"start_word"}:
                # … and a start only keeps an end said in its sentence ("The action started in early 2023 and
                # was completed in 2024")
                said = {_sentence(text, d.start) for d, _ in strong}
                chosen = strong + [(d, cue) for d, cue in chosen if cue not in self.strong
                                   and only.get(id(d)) == "end_word" and _sentence(text, d.start) in said]
            else:
                chosen = strong + [dc for dc in first_found if all(dc[0] is not d for d, _ in strong)]
        # "…, which brought the action to a close", "concluded their action … on 5 December 2024": the
        # dates of a sentence saying the action ended only end the period, whatever other cues say
        closings = [c for c in all_cues if c[2] == "end_clause"]
        closing_dates: set[int] = set()
        if last is not None and _end_of(last[0]) is not None and not any(
                _end_of(d) is not None and d.extra.get("end", d.value) != d.value
                and _last_day(d) >= _last_day(last[0]) and not _refines(_end_of(last[0]), _end_of(d)) for d, _ in chosen):
            # unless the text dates the action's span itself ("which ran from February to October 2023"; not a
            # span that ends before the last activity: "The first phase of our action ran online from late 2021 to
            # mid-2022 … from 7 to 11 November we ran a workshop … The workshop was the last activity of the action")
            closing_dates.add(id(last[0]))
            if all(d is not last[0] for d, _ in chosen):
                chosen.append(last)
        for date in dates if closings and not sole else []:
            # the closing cue's clause: "The action began with a mission in February 2018; …, a seminar held in
            # June 2018 closed the action" (the February mission only started it)
            lo, hi = _clause_at(text, date.start)
            # (not a date of an earlier coordinated predicate: "The action was implemented in the spring of 2023 and
            # closed with a training of trainers …" dates the action's span)
            if any(lo <= c[0] and c[1] <= hi and not (date.end <= c[0] and _AND_BEFORE_CLOSING.search(text, date.end, c[1]))
                   for c in closings) and not any(_overlaps(date, span) for span in excluded) \
                    and not unrealised(doc, date.start, date.end) and only.get(id(date)) != "start_word" \
                    and not any(c[2] == "not_period_cue" and _HELD_DATE.fullmatch(text, c[1], date.start)
                                for c in cues):
                # (not a date a not-period cue holds: "…, where the inspection calendar for 2024-2026 was presented",
                # "… electronic contribution declarations, introduced in 2017")
                closing_dates.add(id(date))
                if all(d is not date for d, _ in chosen):
                    cue = next(c[3] for c in closings if lo <= c[0] and c[1] <= hi)
                    chosen.append((date, cue))
        # a news item dates its action: an activity years before its date line is an earlier one's ("The
        # programme was first reviewed in 2014 by a team of peers", on a page of June 2019)
        published = _published_year(doc)
        if published is not None:
            chosen = [(d, cue) for d, cue in chosen
                      if int((_end_of(d) or d.value or "9999")[:4]) >= published - MAX_YEARS_BEFORE]
        rule = f"period:sentence:{chosen[0][1]}" if chosen else ""
        # "The action started with an inception mission from 27 to 31 May 2024": that sentence's dates
        # only start the period (the launch activity's end is not the action's)
        for d, _ in chosen:
            lo, hi = _sentence(text, d.start)
            if id(d) in closing_dates and only.get(id(d)) != "start_word":
                # the action's own span keeps its start ("ran from October 2024 until March 2025"); the
                # closing activity's days do not ("concluded with a national meeting on 22 and 23 November"), nor
                # those of the activity named the last ("from 7 to 11 November we ran a workshop … The workshop was
                # the last activity of the action")
                if _end_of(d) == d.value or not _SPAN_OPENER.match(d.text) or last is not None and d is last[0] \
                        and not any(lo <= c[0] < hi for c in closings):
                    only[id(d)] = "end_word"
            elif id(d) not in only and any(lo <= c[0] and c[1] <= hi and not (
                    d.end <= c[0] and (_end_of(d) != d.value and _SPAN_OPENER.match(d.text)
                                       or any(e[2] == "end_word" and e[1] <= d.start for e in all_cues
                                              if lo <= e[0] and e[1] <= hi))) for c in launches):
                # (not the action's own span before the cue: "Implemented between March and September 2023, the
                # action began with a mission to Abidjan …")
                only[id(d)] = "start_word"
        for d, _ in chosen:  # the span of one phase of the action, not the action's (`_range`)
            if id(d) not in only and _PHASE.search(text, _sentence(text, d.start)[0], d.start):
                only[id(d)] = "phase"
        if stated_start:
            chosen = [(d, cue) for d, cue in chosen if cue in self.strong or only.get(id(d)) == "start_word"]
            rule = f"period:sentence:{chosen[0][1]}" if chosen else ""
        return _range(_without_lent_years(text, [d for d, _ in chosen], only), rule, "inferred", only)

    def from_title_event(self, doc: Doc, dates: list[Fact], cues: Spans) -> list[Fact]:
        """A year next to an event word of the title: `South Asia Labour Conference 2014`."""
        title = field_span(doc, "title")
        if title is None:
            return []
        events = [c for c in cues if c[2] == "event_cue" and title[0] <= c[0] and c[1] <= title[1]]
        for date in (d for d in dates if _overlaps(d, title)):
            for start, end, _, cue_id in events:
                lo, hi = (date.end, start) if date.end <= start else (end, date.start)
                if sum(1 for t in doc if lo <= t.idx and t.idx + len(t) <= hi) <= EVENT_WINDOW:
                    return _range([date], f"period:title-event:{cue_id}", "inferred")
        return []


#: between a date and the cited action it dates: "in 2021 (action 2021-09)", "2019 [SOCIEUX+ Action n° 2019-03]"
#: a sentence that ends with a bracketed cited action ("… on labour market information (action 2020-11).")
_BRACKET_OPEN = re.compile(r"[(\[]\s*(?:socieux\s*\+?\s*)?(?:actions?|act\.?)\s*(?:n[°º.]?\s*)?$", re.I)
_BRACKET_END = re.compile(r"\s*[)\]]\s*[.!;]?\s*")
_BRACKETED_REF = re.compile(r"\s*[(\[]\s*(?:socieux\s*\+?\s*)?(?:actions?|act\.?)?\s*(?:n[°º.]?\s*)?", re.I)
#: between a cited action id and a cue of its clause: "Action 2022-21, which was implemented in 2022"
_CLAUSE_GAP = re.compile(r"[\s,)\]]*(?:(?:which|that)\s+)?(?:(?:was|were|has|had)\s+)?(?:been\s+)?", re.I)


def _cited_as_other(text: str, cues: Spans, refs: list[Fact]) -> Spans:
    """Self cues of another action's clause become not-period cues: "the previous Action 2022-21,
    which was implemented in 2022" dates that action, not this one (socieux_action_ids decided
    the id is a reference)."""
    if not refs:
        return cues
    out = []
    for start, end, kind, cue_id in cues:
        if kind == "self_cue" and any(
                r.start < end and start < r.end or r.end <= start and _CLAUSE_GAP.fullmatch(text, r.end, start)
                for r in refs):
            kind, cue_id = "not_period_cue", f"not:cited-action:{cue_id}"
        elif kind == "agent_cue" and any(end <= r.start and not text[end:r.start].strip(" ([") for r in refs):
            continue  # "Action" naming the cited id is not this action's agent
        out.append((start, end, kind, cue_id))
    return out


#: cue kinds that say the action ended
CLOSING_KINDS = ("end_clause", "last_activity", "only_activity", "end_word")
#: cue kinds that only mark spans inside which not-period cues say nothing (`PeriodComponent.cues`): a name's Title
#: Case words, a course of study
SHIELD_KINDS = ("institution_name", "study_programme")
#: cue kinds of the matcher read only when an end may stay open (`still_open`)
COMING_KINDS = ("coming_activity", "not_coming", "final_to_come", "later_activity")
#: "its own webinar", "their own training": the partner's activity, not the action's (`still_open`)
_OWN = re.compile(r"(?i)\b(?:own\s+(?:\w+\s+){0,2}|(?:at|during)\s+its\s+(?:\w+\s+)?"
                  r"|(?:organi[sz]e|hold|host|convene|launch)s?\s+its\s+(?:\w+\s+){0,2})$"
                  # the partner institution as the subject of a plan to hold an event: "The Ministry intends to host a
                  # regional forum on shock-responsive social protection in 2025" (not the experts' or SOCIEUX+'s plan)
                  r"|\b(?-i:Ministry|Agency|Fund|Government|Department|Institute|Office|Service|Commission|Council"
                  r"|Secretariat|Directorate|Authority|Board|Institution|[A-Z]{2,6})\s+(?:also\s+)?(?:intends|plans|aims"
                  r"|wishes|hopes|expects|is\s+planning|will)\s+(?:to\s+)?(?:organi[sz]e|hold|host|convene|launch)\s+"
                  r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$"
                  # … also speaking for itself: "We will host a regional meeting of Pacific provident funds in 2024"
                  # (the host is the partner, as in an interview with its official; the experts hold, not host)
                  r"|\bWe\s+(?:also\s+)?(?:will|intend\s+to|plan\s+to|hope\s+to|are\s+going\s+to)\s+host\s+"
                  r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$")
OWN_WINDOW = 80
#: a date written as a span of the action's own: "from October 2024 until March 2025", "between May and June",
#: "since September 2021"
_SPAN_OPENER = re.compile(r"(?i)(?:from|between|since)\s")
#: where the name of the activity that closed the action ends: "The presentation, held in Funafuti, was
#: the closing event of …", "A final webinar on pensions closed the action"
_NAME_END = re.compile(r"[,;:()–—]|\s(?:in|on|at|of|for|with|by|was|were|is|are|has|had|which|that|who)\s", re.I)
_NAME_WORD = re.compile(r"[^\W\d_][\w-]*")
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "its", "their", "our", "his", "her"})
#: words before an agent that is a sentence's subject ("The two experts concluded …")
SUBJECT_WORDS = 3
#: a closing cue's subject that stands for the subject of the sentence before ("The webinars replaced a
#: training … They were the only activities of …")
_PRONOUNS = frozenset({"they", "these", "it", "this"})
#: words that name no particular activity ("The third and last activity concluded the cooperation")
_GENERIC_ACTIVITY = frozenset({"activity", "activities", "event", "events", "step", "stage", "phase", "part", "one"})
#: a word and another form of it share this many leading letters, at least (mission/missions,
#: presentation/presented, training/trained); and all but this many letters of the shorter word
SAME_WORD_PREFIX, SAME_WORD_SLACK = 5, 3


def _same_word(a: str, b: str) -> bool:
    """Two forms of one word: "missions" of "mission", "presented" of "presentation"."""
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= max(SAME_WORD_PREFIX, min(len(a), len(b)) - SAME_WORD_SLACK)


def _reduced_relatives(text: str, activities: Spans) -> tuple[Spans, Spans]:
    """(the activity cues, those among them that qualify the object of the one before): "reviewed the
    functional disability assessment model piloted in Yerevan since 2019" (what someone else piloted, not
    the experts' work): a participle a few words after another activity cue, no comma, "and" or other
    break between."""
    kept: Spans = []
    qualifiers: Spans = []
    for cue in activities:
        prev = kept[-1] if kept else None
        gap = text[prev[1] : cue[0]] if prev is not None else ""
        if (prev is not None and text[cue[0] : cue[1]].lower().endswith("ed") and gap.strip()
                and len(_NAME_WORD.findall(gap)) <= RELATIVE_GAP_WORDS and not _GAP_BREAK.search(gap)):
            qualifiers.append(cue)
        else:
            kept.append(cue)
    return kept, qualifiers


#: most words between an activity and a participle qualifying its object ("reviewed the … model piloted")
RELATIVE_GAP_WORDS = 6
#: what ends a verb's object before another verb: punctuation, a coordination, a relative, a verb's helper
_GAP_BREAK = re.compile(r"[,;:.()–—]|\b(?:and|or|then|but|which|who|that|were|was|had|has|have|they|we|he|she|also)\b",
                        re.I)


#: a cue ending on the event it names the action's part in ("consisted of the contribution of two experts to the")
_EVENT_AFTER = re.compile(r"\s(?:to|in|at)\s+the$", re.I)


def _activity_word(text: str, cue: tuple[int, int, str, str], lo: int, hi: int) -> str | None:
    """The head word of the activity a closing cue names: after "closed with" ("The action closed
    with the mission") or after the event a cue ends on ("consisted of the contribution of two experts to
    the forum"), else the sentence's subject ("The forum closed the action", "The mission was the last
    activity of …")."""
    start, end, _, _ = cue
    after = text[start:end].lower().endswith(" with") or _EVENT_AFTER.search(text, start, end) is not None
    segment = text[end:hi] if after else text[lo:start]
    cut = _NAME_END.search(segment)
    words = _NAME_WORD.findall(segment[: cut.start()] if cut else segment)
    if not words or words[-1].lower() in _ARTICLES or words[-1].lower() in _GENERIC_ACTIVITY:
        return None
    return words[-1].lower()


#: a phase of the action as the subject of its span ("The first phase of our action ran online from late 2021 …")
_PHASE = re.compile(r"(?i)\b(?:first|second|initial|opening)\s+(?:phase|stage|part|step)\s+of\b")
#: an "and" coordinating a closing predicate after a date ("implemented in the spring of 2023 and closed with …")
_AND_BEFORE_CLOSING = re.compile(r"\band\s+(?:then\s+|finally\s+|was\s+|were\s+)?(?:closed|concluded|ended|completed|wrapped)\b")
#: a relative clause right after a closing cue's object ("closed an action that started in …")
_RELATIVE_AFTER = re.compile(r",?\s+(?:that|which)\b")


def _activity_dates(text: str, cue: tuple[int, int, str, str], usable: list[Fact], eligible: list[Fact],
                    only: dict[int, str], agents: Spans) -> list[Fact]:
    """Dates of the activity a closing cue names: those of its own sentence, else the days and months of
    the sentences naming the same activity ("From 18 to 29 September the two experts were on an in-country
    mission", "… presented on 14 September a plan …" for "The presentation … was the closing event"), else,
    for a record saying "… was the last activity of …", the record's latest day or month that no
    not-period cue claims. A date that only starts the period ("which started in November 2019") is not
    the closing activity's, unless it is the action's only activity."""
    sole = cue[2] in ("only_activity", "first_activity")  # the only or first activity's start starts the period
    dates = [d for d in usable if sole or only.get(id(d)) != "start_word"]
    lo, hi = _sentence(text, cue[0])
    clo, chi = _clause(text, cue[0], lo, hi)
    if cue[2] == "end_clause" and _RELATIVE_AFTER.match(text, cue[1]):
        chi = cue[0]  # "The training closed an action that started in early 2022 … and continued in June": the
        # relative clause tells the action's history; the training is dated where the record names it
    own = [d for d in dates if clo <= d.start < chi
           and not (d.end <= cue[0] and _AND_BEFORE_CLOSING.search(text, d.end, cue[1]))]  # an earlier predicate's
    if own:
        return own
    word = _activity_word(text, cue, lo, hi)
    if word in _PRONOUNS and lo > 0:  # "They were the only activities of …": the subject of the sentence before
        plo, _ = _sentence(text, lo - 1)
        first = [w.lower() for w in _NAME_WORD.findall(text[plo:lo])[:2] if w.lower() not in _ARTICLES]
        word = first[0] if first and first[0] not in _GENERIC_ACTIVITY | _PRONOUNS else None
    subject = not text[cue[0]:cue[1]].lower().endswith(" with")
    if word is None or (subject and cue[2] == "end_clause"
                        and any(lo <= a < cue[0] and len(_NAME_WORD.findall(text[lo:a])) <= SUBJECT_WORDS
                                for a, _, _, _ in agents)):
        return []  # "The experts concluded their action.": who closed it, not what (an agent as the subject)
    named = []
    free = {id(d) for d in dates}
    for d in (d for d in eligible if (sole or only.get(id(d)) != "start_word") and _day_or_month(d)):
        # a date a not-period cue claims is the activity's only in the clause that names it
        dlo, dhi = _sentence(text, d.start) if id(d) in free else _clause_at(text, d.start)
        if any(_same_word(word, w.lower()) for w in _NAME_WORD.findall(text[dlo:dhi])):
            named.append(d)
    if named or cue[2] not in ("last_activity", "first_activity"):  # "The third and last activity concluded …": which?
        return named
    dated = [d for d in dates if _day_or_month(d)]
    if not dated:
        return []
    if cue[2] == "first_activity":  # "The mission was the first step of …": the earliest dated activity
        return [min(dated, key=lambda d: d.value or "")]
    return [max(dated, key=lambda d: _end_of(d) or "")]


def _day_or_month(date: Fact) -> bool:
    """A date to the day or month, within one year: an activity's (a bare year dates a law, a reform, a
    strategy)."""
    return bool(date.value) and len(date.value) > 4 and (_end_of(date) or "")[:4] == date.value[:4]


#: most characters between an activity's name and its date for the date to be the activity's
#: ("a national forum in Funafuti on 30 May 2023"; "In May 2022, a workshop")
ATTACHED_AFTER, ATTACHED_BEFORE = 40, 12
#: most characters between an activity and the date that ends its verbless phrase
ATTACHED_VERBLESS = 160
#: a finite verb or a participle, which ends a terse entry's noun phrase
_VERB = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|would|shall|can|could|may|\w+ed|took|takes|take"
                   r"|ran|runs|held|holds|met|meets|gave|gives|led|leads|began|begun|begins|came|comes|went|goes"
                   r"|brought|brings|made|makes|saw|sees|spoke|taught|built|sent|spent|kept|found|told|became)\b")
_NO_BREAK = re.compile(r"[^,;:()–—]*")
#: what may stand between a fronted date and its activity ("has organised, on 10 and 11 June 2024 at the King Fahd
#: Palace hotel in Dakar, a validation workshop", "Between October and November 2023, a series of four webinars"):
#: a place ("at"/"in" and up to 60 characters of one phrase), then a comma, a determiner, "series of" … and one
#: modifier or count
#: a date, then the event it dates ("took part in January in a SOCIEUX+ training course")
_DATE_THEN_EVENT = re.compile(r"\s+(?:in|at|during|for)\s+(?:an?|the|its|their)\s+(?:(?i:socieux)\+?\s+)?(?:[a-z][\w-]*\s+)?")
#: an activity, its complement, then a participle of holding it before its date ("a five-day training on long-term
#: projections of the pension system, held in Bishkek from 20 to 24 February 2023")
_HELD_GAP = re.compile(r"[^,;:()–—]{0,80},\s+(?:held|organised|organized|conducted|delivered|hosted)\b[^,;:()–—]{0,60}")
_FRONTED_GAP = re.compile(r"(?:\s+(?:at|in)\s+[^,;:()–—]{1,60})?,\s+(?:(?:an?|the|two|three|four|five)\s+)?"
                          r"(?:(?:series|cycle|round|set)\s+of\s+)?(?:[a-z0-9][\w-]*\s+)?")

#: a fronted date, the participants, then the activity they attended: "On 14 April 2022, students of the Master's
#: programme in social work attended a guest lecture …"
_FRONTED_ATTENDED = re.compile(r",\s+[^,;:()–—]{1,100}?\s+(?:attended|followed|joined|(?:took|take|takes)\s+part\s+in"
                               r"|participated\s+in)\s+(?:an?|the|two|three|four|five|several)\s+(?:[a-z][\w-]*\s+){0,2}")


def _attached(text: str, activity: Fact, date: Fact) -> bool:
    """The date follows the activity's name closely, within its phrase, or opens it; or ends a terse entry's
    noun phrase that the activity opens, with no verb between ("Online lectures by a German expert from the AOK …
    for the staff of the Nepalese Health Insurance Board in 2022-2023")."""
    if activity.end <= date.start:
        gap = text[activity.end:date.start]
        if _NO_BREAK.fullmatch(gap) is None:
            return _HELD_GAP.fullmatch(gap) is not None
        return len(gap) <= ATTACHED_AFTER or len(gap) <= ATTACHED_VERBLESS and _VERB.search(gap) is None
    gap = text[date.end:activity.start]
    return date.end <= activity.start and (len(gap) <= ATTACHED_BEFORE or _FRONTED_GAP.fullmatch(gap) is not None
                                           or _DATE_THEN_EVENT.fullmatch(gap) is not None
                                           or _FRONTED_ATTENDED.fullmatch(gap) is not None)


#: what ends the phrase of a date before a later cue: a comma, a coordinated predicate
_AFTER_BREAK = re.compile(r",|\band\b")
#: an "and" inside a name, between capitalised words ("the 2021-2025 Economic and Social Development Plan")
_NAME_AND_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+$")
_NAME_AND_AFTER = re.compile(r"\s+[A-Z]")


def _breaks_before(text: str, start: int, end: int) -> bool:
    """A comma or an "and" between start and end (`_AFTER_BREAK`), not an "and" inside a name."""
    for m in _AFTER_BREAK.finditer(text, start, end):
        if m.group() == "," or not (_NAME_AND_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                    and _NAME_AND_AFTER.match(text, m.end())):
            return True
    return False


#: a contrast between a date and a cue after it ("…, but the action itself was only launched in 2023")
_BUT = re.compile(r"\bbut\b")
#: a coordinated clause with a subject of its own: ", and the plan was presented …", ", and NAPSA plans to …"
#: (a capitalised word that is no month name)
_AND_CLAUSE = re.compile(r", and (?:the|a|an|its|their|this|these|(?!(?:January|February|March|April|May|June|July|August"
                         r"|September|October|November|December)\b)[A-Z][\w+&-]*) ")


def _clause(text: str, char: int, lo: int, hi: int) -> tuple[int, int]:
    """Char bounds of the clause (split on ":", ";" and ", and the …") holding `char` inside the
    sentence lo..hi."""
    left = max(text.rfind(":", lo, char), text.rfind(";", lo, char))
    rights = [p for p in (text.find(":", char, hi), text.find(";", char, hi)) if p != -1]
    for m in _AND_CLAUSE.finditer(text, lo, hi):
        if m.end() <= char:
            left = max(left, m.start())
        elif m.start() >= char:
            rights.append(m.start())
            break
    return (left + 1 if left != -1 else lo), (min(rights) if rights else hi)


#: what stands between a cited action's id and a date right after it that dates it ("action 2023-44 in 2024")
_REF_THEN_DATE = re.compile(r",?\s+(?:in|on|during|from|between)\s+(?:the\s+)?")
#: what stands between a date and a cited action's id that it dates ("carried out in 2020 under Action 2019-27")
_DATE_THEN_REF = re.compile(r",?\s+(?:under|within|through|during|in)\s+(?:the\s+)?(?:(?i:socieux)\+?\s+)?(?i:action)\s+"
                            r"(?:\(\s*)?")


def _reaches(text: str, cue: tuple[int, int, str, str], date: Fact, dates: list[Fact], lo: int, hi: int,
             clo: int) -> bool:
    """A self cue dates every date of its sentence, except one in a later ", and the …" clause when the cue's own
    clause is dated already: "Activities took place between February and June 2019, and the recommendations were
    presented to the Board … in September" (the span stated, the presentation another thing)."""
    if clo <= cue[0] or not _AND_CLAUSE.match(text, clo - 1):  # (the clause starts after its comma)
        return True
    cl, ch = _clause(text, cue[0], lo, hi)
    return not any(cl <= d.start < ch for d in dates if d is not date)


def _clause_at(text: str, char: int) -> tuple[int, int]:
    """Char bounds of the clause holding `char` (its sentence split on ":" and ";")."""
    return _clause(text, char, *_sentence(text, char))


#: "they" as a clause's subject ("Working on-line …, they tested …")
_THEY = re.compile(r"\b[Tt]hey\b")


def _they_after(text: str, experts: list[Fact]) -> Spans:
    """"they" in the sentence after one that names the experts' countries: the experts again ("… a
    statistician from Tartu and a Moroccan specialist. Working on-line from March to July 2021, they
    tested …")."""
    out: Spans = []
    seen: set[int] = set()
    for f in experts:
        _, hi = _sentence(text, f.start)
        if hi in seen or hi + 1 >= len(text):
            continue
        seen.add(hi)
        nlo, nhi = _sentence(text, hi + 1)
        out += [(m.start(), m.end(), "agent_cue", "agent:they") for m in _THEY.finditer(text, nlo, nhi)]
    return out


#: a first-person subject: the writer, or the writer and the other experts
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b")


def _first_person(text: str, doc: Doc) -> Spans:
    """"I" and "we" of a post whose writer says, in the first person, that they were one of the
    action's experts (the `AUTHOR_FIELD` marker of socieux_experts: "I worked, as a Polish expert, with …",
    "my first SOCIEUX+ assignment"): the action's agents ("we spent 5-9 June 2023 in Dushanbe")."""
    if not has_fact(doc, AUTHOR_FIELD):
        return []
    return [(m.start(), m.end(), "agent_cue", "agent:first-person") for m in _FIRST_PERSON.finditer(text)]


def _sentence(text: str, char: int) -> tuple[int, int]:
    """Char bounds of the sentence holding `char` (newlines and end punctuation split): after the
    last sentence break that ends at or before it, up to the first that starts at or after it."""
    starts, ends = _sentence_breaks(text)
    k = bisect_right(ends, char)
    j = bisect_left(starts, char)
    return (ends[k - 1] if k else 0), (starts[j] if j < len(starts) else len(text))


def _self_cue_before(near: Spans, date: Fact) -> tuple[int, int, str, str] | None:
    """The nearest self cue of `near` that ends before the date, if any."""
    before = [c for c in near if c[2] == "self_cue" and c[1] <= date.start]
    return max(before, key=lambda c: c[1]) if before else None


def _after_action_sentence(text: str, char: int) -> bool:
    """The sentence before the one at `char` names the action or the cooperation ("The action started in
    November 2019 with a mission to Bissau. It ended in early 2020 …")."""
    lo, _ = _sentence(text, char)
    before = text[:lo].rstrip()
    if not before:
        return False
    plo, _ = _sentence(text, len(before) - 1)
    return _ACTION_WORD.search(text, plo, len(before)) is not None


@lru_cache(maxsize=16)
def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the record text's sentence breaks, found once per text (the
    period's rules ask for many sentences of the same record)."""
    breaks = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    return [a for a, _ in breaks], [b for _, b in breaks]


def still_open(doc: Doc, dates: list[Fact], coming: Callable[[], Spans], period: list[Fact],
               cues: Spans = (), future: frozenset[str] | set[str] = frozenset(),
               strong: frozenset[str] | set[str] = frozenset()) -> list[Fact]:
    """The period with its end left open when the record dates an activity of the action still to
    come after it ("The action will end with a webinar … scheduled for July 2025" after "The experts
    delivered a training in March 2025"; never after a news tag's end, the item's stated period; a `coming_activity` cue in the date's sentence, not the partner's "own" event, the date still to
    come for `socieux_modality`): spec, period_end is null when the action is ongoing. The evidence is that
    activity's date. Of the sentence rules' `cues`, a blocking one (a not-period cue that is no word of things
    to come, not in `future`: "adoption", "plan", not "planned") between the activity and the date dates that
    other thing ("Recommendations from the mission will feed into the manual, scheduled for adoption in the
    first quarter of 2025"). An end stays when its sentence closes the action or an activity (a closing cue:
    "…, which closed the action in May 2024"), or when any sentence closes the action itself ("With this mission,
    SOCIEUX+ action 2023-31 comes to a close"; not "The mission closed with a workshop"): what is planned after
    it is a follow-up; so does an end the record gives in a sentence naming the action by its own id (a code
    found by its self cue, `action_ids`: "Action 2022-30 was carried out between October 2022 and March 2023"),
    or by a `strong` self cue whose words name the action ("The action was implemented in the second half of
    2020"; not "The mission was conducted in March", whose action may go on): the record states the action's
    span, and a seminar planned after it is a follow-up. A date in a sentence that names another action by its id
    is that action's ("The new request, Action 2021-08, is expected to … start in mid-2021")."""
    end = next((f for f in period if f.field == "period_end" and f.value), None)
    if end is None or end.rule == "period:tag":
        return period  # a news tag's dates are the period the item states, whatever it plans next
    text = doc_text(doc)
    blocking = [c for c in cues if c[2] == "not_period_cue" and c[3] not in future]
    lo, hi = _sentence(text, end.start)
    found_facts = facts(doc)
    if any(f.field == "action_code" and f.rule not in _NOT_SELF_CODE and lo <= f.start < end.start for f in found_facts) \
            or any(c[2] == "self_cue" and c[3] in strong and lo <= c[0] and c[1] <= end.start
                   and _ACTION_WORD.search(text, c[0], c[1]) for c in cues):
        return period  # "Action 2022-30 was carried out between October 2022 and March 2023": its stated span
    closing = [c for c in cues if c[2] in ("end_clause", "last_activity")]
    if closing:
        lo, hi = _sentence(text, end.start)
        if any(lo <= a and b <= hi or _ACTION_WORD.search(text, a, b) for a, b, _, _ in closing):
            return period  # what is planned after the action's end is a follow-up (not after a mission's end)
    found: Spans | None = None  # the cues of the `coming` matcher, matched on first need
    refs = [f for f in found_facts if f.field == "action_ref"]  # other actions' ids (`socieux_action_ids`)
    activities: Spans | None = None  # their coming_activity cues

    def coming_cues() -> Spans:
        nonlocal found
        if found is None:
            found = coming()
        return found

    def to_come(d: Fact) -> bool:
        nonlocal activities
        if not d.value or d.value <= end.value or end.value.startswith(d.value):
            return False  # not after the end found
        if field_of(doc, d.start) in NOT_SENTENCE_FIELDS:
            return False
        if not still_to_come(doc, d.start, d.end):
            return False
        lo, hi = _sentence(text, d.start)
        if any(lo <= r.start < hi for r in refs):
            return False  # "The new request, Action 2021-08, is expected to … start in mid-2021": that action's
        if activities is None:
            # "the recordings of the sessions", "will replicate the course": an output of the activity or its
            # repetition by others, not the action's activity to come
            outputs = [c for c in coming_cues() if c[2] == "not_coming"]
            activities = [c for c in coming_cues() if c[2] == "coming_activity"
                          and not any(o[0] <= c[0] and c[1] <= o[1] for o in outputs)]
        # "The Administration will hold its own webinar for employers in March 2024": the partner's, not the action's
        # … nor one whose word names another thing ("its national training programme": a not-period cue right after)
        cues = [(a, b) for a, b, _, _ in activities if lo <= a and b <= hi]
        own = [a for a, _ in cues if _OWN.search(text, max(lo, a - OWN_WINDOW), a)]
        if any(a < d.start for a in own):
            return False  # the date is the partner's own event's, whatever else the sentence names ("We will host a
            # regional meeting … in 2024 …, and we hope SOCIEUX+ experts can join us")
        return any(a not in own and not any(b <= c < d.start or 0 <= c - b <= 1 for c, _, _, _ in blocking)
                   for a, b in cues)

    later = next((d for d in dates if to_come(d)), None)
    if later is None:
        # an undated last activity still to come ("A final activity to present the revised guidelines to the
        # Deputy Minister will follow", a `final_to_come` cue): the action goes on
        final = next((c for c in coming_cues() if c[2] == "final_to_come" and field_of(doc, c[0]) in (None, "description")
                      and not any(c[0] <= d.start < c[1] for d in dates)), None)
        if final is None:
            return period
        return [f for f in period if f is not end] + [
            Fact("period_end", None, final[0], final[1], text[final[0] : final[1]], "period:ongoing:final-activity-to-come",
                 "inferred")]
    return [f for f in period if f is not end] + [
        _period("period_end", later, None, "period:ongoing:activity-to-come", "inferred")]




#: codes of the record that are no sentence naming its action by the id (fields, the tag, the title, a lone id)
_NOT_SELF_CODE = frozenset({"code:field", "code:news-tag", "code:title", "code:only-id"})
#: a closing cue that names the action itself, not one of its activities
_ACTION_WORD = re.compile(r"\b(?:action|cooperation)\b", re.I)
def _without_lent_years(text: str, dates: list[Fact], only: dict[int, str]) -> list[Fact]:
    """The dates without a bare year that lends itself to a finer date of its own sentence written without
    one: it frames that date ("In 2020, … experts … trained 120 counsellors …, from October to mid-December"
    spans 2020-10 to 2020-12); a year in a sentence of its own stays a bound ("The action was carried out in
    2019 … From March to mid-July, the experts trained …" spans 2019), and so does a year a start or end word
    says bounds the action ("an action that started in early 2022 … and continued in June")."""
    lent = {(d.value[:4], _sentence(text, d.start)) for d in dates
            if d.value and len(d.value) > 4 and not _YEAR.search(d.text)}
    kept = [d for d in dates if id(d) in only
            or not (d.value and len(d.value) == 4 and (d.value, _sentence(text, d.start)) in lent)]
    return kept or dates


#: a person's relative clause: its verb tells what that person did, not the action ("who worked for …")
_WHO = r"(?i)\bwho\s+(?:has\s+|had\s+)?"
_WHO_BEFORE = re.compile(_WHO + "$")
#: … their career, up to a date in it
_IN_CAREER = re.compile(_WHO + r"(?:worked|served|spent|headed|led|managed|chaired|directed|taught|lived)\b[^,.;:()]*$")
#: a year written in a date's text
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: a decade ("the 1990s", "the 2010's")
_DECADE = re.compile(r"\b\d{3}0'?s\b")
#: what may stand between a not-period cue and the date it holds: nothing, or a preposition ("introduced in 2017")
_HELD_DATE = re.compile(r"\s?|\s+(?:in|on|since|from|of|for)\s+")
#: most years between the end of an action's activity and the news item reporting it
MAX_YEARS_BEFORE = 3


def _published_year(doc: Doc) -> int | None:
    """The year of a news item's date line, if it has one."""
    span = field_span(doc, "date_line")
    years = re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", doc_text(doc)[span[0]:span[1]]) if span else []
    return int(years[-1]) if years else None


def _first_of_more(doc: Doc, cues: Spans, period: list[Fact], coming: Callable[[], Spans]) -> list[Fact]:
    """The period with its end left open when the record calls what it dates the action's first activity
    ("It was the first activity of SOCIEUX+ action 2024-91"; a `first_activity` cue) and no cue says the
    action ended: more is to come (spec: period_end is null when the action is ongoing). A later activity
    the record tells as done ("During the first mission, on 6-10 March, … The second mission, on 8-12 May,
    was devoted to …"; a `later_activity` cue of the `coming` matcher, not still to come) says the record
    has gone past the first one: its dates stand. So do a news tag's."""
    text = doc_text(doc)
    end = next((f for f in period if f.field == "period_end" and f.value), None)
    first = next((c for c in cues if c[2] == "first_activity"), None)
    # a closing sentence, not a bare end word ("ESSI has completed a review …; the mission was the first step")
    if end is None or first is None or any(c[2] in CLOSING_KINDS and c[2] != "end_word" for c in cues):
        return period
    if end.rule == "period:tag":
        return period  # a news tag's dates are the period the item states (see `still_open`)
    if any(c[2] == "later_activity" and c[0] > first[0] and not still_to_come(doc, c[0], c[1]) for c in coming()):
        return period
    return [f for f in period if f is not end] + [
        Fact(field="period_end", value=None, start=first[0], end=first[1], text=text[first[0]:first[1]],
             rule="period:ongoing:first-activity", status="inferred")]


def _not_the_first(doc: Doc, cues: Spans, period: list[Fact], strong: set[str]) -> list[Fact]:
    """The period without its start when the record calls the activity it dated a later one of the action ("From
    13 to 17 May, a delegation … travelled to Brussels … The study visit is the third activity of action 2023-18";
    an `nth_activity` cue in a later sentence): the action started before, on a date the record does not give.
    Not a start a strong cue dates ("Action 2023-18 started in March 2024")."""
    start = next((f for f in period if f.field == "period_start" and f.value), None)
    later = [c for c in cues if c[2] == "nth_activity"]
    if start is None or not later or start.rule.removeprefix("period:sentence:") in strong:
        return period
    text = doc_text(doc)
    if not any(_sentence(text, start.start)[1] <= c[0] for c in later):
        return period  # "…, the second mission of the action, on 8-12 May": the cue's own sentence
    return [f for f in period if f is not start] + [
        Fact(field="period_start", value=None, start=later[0][0], end=later[0][1], text=text[later[0][0]:later[0][1]],
             rule="period:not-first-activity", status="inferred")]


def _refines(finer: str | None, coarser: str | None) -> bool:
    """`finer` names a day or month inside the year or month `coarser` names ("2022-11-11" in "2022")."""
    return bool(finer and coarser) and len(finer) > len(coarser) and finer.startswith(coarser)


def _starts_before(said: str, tag: str) -> bool:
    """The text's start is earlier than the tag's: "2023-03" before "2023-05-22"; a year the text
    gives ("started in 2023") is taken over a later day of that year, a month over a later month."""
    return (said < tag and not tag.startswith(said)) or (len(said) == 4 and tag.startswith(said) and said != tag)


def _period(field: str, date: Fact, value: str | None, rule: str, status: Status) -> Fact:
    """A period fact whose evidence is the date's text."""
    return Fact(field=field, value=value, start=date.start, end=date.end, text=date.text,
                rule=rule, status=status, extra={"date_rule": date.rule})


def _range(dates: list[Fact], rule: str, status: Status, only: dict[int, str] | None = None) -> list[Fact]:
    """Period spanned by date facts: earliest start, latest end; an open range leaves the end None.

    Spec: "since May 2021 … with SOCIEUX+" → 2021-05, null; a period_end fact
    with value None records that the record itself says the end is open. `only` marks dates
    (by id) that only start ("start_word") or only end ("end_word") the period: a bound no date
    gives is left out (not said), rather than taken from the other bound's date.
    """
    only = only or {}
    starts = [d for d in dates if only.get(id(d)) != "end_word"]
    ends = [d for d in dates if only.get(id(d)) != "start_word"]
    out = []
    if starts:
        # of two dates opening on the same day, the finer ("second half of 2021: from July to December" starts
        # in 2021-07, not in 2021)
        first = min(starts, key=lambda d: (covered_days(d.text, d.value)[0] if d.value else "", -len(d.value or "")))
        out.append(_period("period_start", first, first.value, rule, status))
    if ends:
        open_ = [d for d in ends if _end_of(d) is None]
        # a date said to end the action closes an open span: "A study visit in March 2022 completed the
        # action, which had been delivered online since September 2021"
        closed = [d for d in ends if only.get(id(d)) == "end_word" and _end_of(d)]
        if open_ and not closed:
            last = open_[0]
        else:
            last = max(ends if not open_ else closed, key=lambda d: (_last_day(d), len(_end_of(d) or "")))
            # a closing activity inside the year or month that a phase's span ends in refines it ("The first phase
            # of our action ran online from late 2021 to mid-2022" [2022] … "The workshop [7 to 11 November 2022]
            # was the last activity"; not the action's own span: "implemented from January to September 2022"), and so
            # does one inside a single year or month the record dates ("Two missions … followed in 2023 … The conference
            # [12 December 2023] brought Action 2022-09 to a close")
            finer = [d for d in closed if _refines(_end_of(d), _end_of(last))] \
                if only.get(id(last)) == "phase" or _end_of(last) == last.value else []
            if finer:
                last = max(finer, key=lambda d: (_last_day(d), len(_end_of(d) or "")))
        out.append(_period("period_end", last, _end_of(last), rule, status))
    return out
