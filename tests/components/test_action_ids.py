"""Tests of `socieux_action_ids` (spec § action_code, action_refs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.facts import FIELDS_KEY, KIND_KEY
from pipeline.nlp import build_nlp
from pipeline.paths import PATTERNS_DIR

PIPE = "socieux_action_ids"
TAG = "SOCIEUX+ 2018-05 BOLIVIA, ACT. 2 (04.06 – 15.06.2018)"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(["socieux_modality", PIPE])  # modality: an id in a clause about earlier support is cited


def annotate(nlp: Language, fields: dict[str, str], kind: str = "listing") -> Doc:
    """A record block made of `fields` (name -> text) in order, one per line; "_"-names are label lines."""
    text, spans = "", {}
    for name, value in fields.items():
        if not name.startswith("_"):
            spans[name] = (len(text), len(text) + len(value))
        text += value + "\n"
    doc = nlp.make_doc(text)
    doc.user_data[FIELDS_KEY] = spans
    doc.user_data[KIND_KEY] = kind
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def ids(doc: Doc) -> tuple[str | None, list[str]]:
    facts = doc._.facts or []
    code = [f.value for f in facts if f.field == "action_code"]
    assert len(code) <= 1, "one action_code at most"
    return (code[0] if code else None), sorted(f.value for f in facts if f.field == "action_ref")


@pytest.mark.parametrize(
    ("description", "code", "refs"),
    [
        # spec: the text naming the action itself
        ("Action 2023-11 was implemented from May to November 2023.", "2023-11", []),
        ("This action (Action 2019-07) supported the Ministry.", "2019-07", []),
        ("Our action (SOCIEUX+ 2023-19) actually started well before we landed.", "2023-19", []),
        ("This action (2019-07) supported the Ministry.", "2019-07", []),
        ("ACTION 2020-04 took place in Lima.", "2020-04", []),
        ("SOCIEUX+ action n° 2021-15 supported the Ministry of Labour.", "2021-15", []),
        ("Action 2021-15 helped the agency to review its procedures.", "2021-15", []),
        ("The cooperation, registered as Action 2022-31, will continue in 2024.", "2022-31", []),
        ("Registered as SOCIEUX+ action 2020-66, the support began in October 2020.", "2020-66", []),
        ("The action (2022-12) drew on a conciliator of the British advisory service.", "2022-12", []),
        # a past verb of the work right after the id
        ("Action 2023-14 followed up on the support provided under Action 2022-09 and helped the Fund.",
         "2023-14", ["2022-09"]),
        ("The previous Action 2022-09 developed a tool; the experts helped again.", None, ["2022-09"]),
        # ... or in the present tense
        ("Action 2023-31 accompanies the ACMU of Senegal in the extension of health coverage.", "2023-31", []),
        ("The previous Action 2022-09 trains no one; the experts helped again.", None, ["2022-09"]),
        # a follow-up registered but still to come is another action
        ("The experts trained 40 inspectors. A follow-up request, registered as action 2023-40, is under "
         "preparation.", None, ["2023-40"]),
        # ... and does not outrank the record's own id named by an ordinary self cue
        ("Action 2021-22 was implemented from 01.09.2021 to 31.05.2023. A follow-up request, registered as Action "
         "2024-05, is under discussion.", "2021-22", ["2024-05"]),
        # the activities that formed the action
        ("Between October 2022 and May 2023 we worked together in three activities, which formed SOCIEUX+ Action "
         "2022-18.", "2022-18", []),
        # the support of SOCIEUX+ through an action
        ("The Commission organised, with the support of SOCIEUX+ through Action 2023-08, the first regional "
         "conference.", "2023-08", []),
        # an apposition between the id and its verb
        ("Action 2022-09, a follow-up of action 2019-33, supported the Ministry of Labour.", "2022-09", ["2019-33"]),
        # an event that opens or closes the action is the action's
        ("The Ministry gathered 120 participants in Praia for the closing forum of Action 2022-04, through which "
         "SOCIEUX+ supported the design of the care system.", "2022-04", []),
        ("The previous action (2019-12) trained the staff.", None, ["2019-12"]),
        # the activity reported belongs to the record's own action
        ("The webinar is part of Action 2023-38, which has accompanied the STSS since October 2023.", "2023-38", []),
        ("This action, 2023-16, brought together the ministries of labour of Guyana and Suriname.", "2023-16", []),
        ("SOCIEUX+ action 2024-07 responded by mobilising two experts.", "2024-07", []),
        ("Action 2021-03 got under way in February 2021 with a series of webinars.", "2021-03", []),
        ("The course is the main result of SOCIEUX+ action 2024-12 with the Ministry.", "2024-12", []),
        # presenting an action's results reports on it; drawing on them cites it
        ("The Secretariat and SOCIEUX+ presented last week in Guadalajara the results of Action 2023-19, implemented "
         "between April 2023 and March 2024.", "2023-19", []),
        ("The new request draws on the results of Action 2019-03.", None, ["2019-03"]),
        ("The course follows up on two earlier SOCIEUX+ actions with the Ministry, 2017-33 on inspection and 2018-12 "
         "on the health policy.", None, ["2017-33", "2018-12"]),
        ("Action 2020-24 between SOCIEUX+ and BPJS Ketenagakerjaan, the Indonesian agency, was implemented online.",
         "2020-24", []),
        # a reference cue after the id does not take away its subject's self cue
        ("Action 2022-19 builds on the earlier SOCIEUX+ support to the Authority (action 2020-08).", "2022-19",
         ["2020-08"]),
        ("The Ministry and SOCIEUX+ have formally started Action 2024-17, which will help the Department.",
         "2024-17", []),
        ("Action 2023-27 between SOCIEUX+ and the National Agency (ANEFIP) ran from September 2023 to March 2024.",
         "2023-27", []),
        ("Action 2020-17 builds on the previous support (Action 2018-30).", "2020-17", ["2018-30"]),
        # a cited action that supported someone is still cited
        ("Following Action 2019-05, which supported the Ministry, the agency asked for more.", None, ["2019-05"]),
        # spec: other actions the text cites
        ("Building on the previous support (Action 2022-21) provided by SOCIEUX+, this action supported SENADIS.", None, ["2022-21"]),
        ("Follow-up from action 2016-12.", None, ["2016-12"]),
        ("This action builds on Actions 2019-01 and 2019-02.", None, ["2019-01", "2019-02"]),
        ("The Action run in parallel and originates from the same request than Action 2021-01.", None, ["2021-01"]),
        ("It is a continuation of actions 2017-03, 2018-11 and 2019-104.", None, ["2017-03", "2018-11", "2019-104"]),
        ("The previous Action 2022-21 was implemented in 2022; this one extends it.", None, ["2022-21"]),
        ("Following Action 2019-5, the Ministry asked for more support.", None, ["2019-05"]),  # normalised yyyy-nn
        # both in one record
        ("Action 2023-11 was implemented as a follow-up of Action 2022-21.", "2023-11", ["2022-21"]),
        # a news item's own action cited in a relative or participle clause, or as where the work was done
        ("The manual is the main output of Action 2022-03, which ran from June to October 2022.", "2022-03", []),
        ("The draft policy was prepared under Action 2021-45, implemented from March to September 2022.",
         "2021-45", []),
        ("The course was carried out under Action 2022-21 and contributes to SDG 8.", "2022-21", []),
        ("The audit, carried out within the framework of action 2023-38 of SOCIEUX+, is complete.", "2023-38", []),
        ("The review, conducted in the context of SOCIEUX+ action 2021-04, found gaps.", "2021-04", []),
        # but not after a reference cue
        ("The action builds on Action 2019-05, which supported the ministry in 2019.", None, ["2019-05"]),
        ("The previous Action 2022-21, which was implemented in 2022, trained inspectors.", None, ["2022-21"]),
        ("The work continues within Action 2020-04.", None, ["2020-04"]),
        # a sentence opening "Under … action X," and "support from SOCIEUX+ (Action X)" report this action
        ("Under SOCIEUX+ action n° 2021-37, a Dutch expert held two workshops in Lima.", "2021-37", []),
        ("The fund received support from SOCIEUX+ (Action 2023-02) during 2023.", "2023-02", []),
        ("Building on the previous support from SOCIEUX+ (Action 2019-08), the ministry asked for more.",
         None, ["2019-08"]),
        # ids listed after a plural introducer, apart from it
        ("The action builds on two earlier SOCIEUX+ actions with the Agency, 2018-06 on the reform of the "
         "service model and 2020-19 on online services.", None, ["2018-06", "2020-19"]),
        # ... but not what can be a year range
        ("Both actions ran in the 2022-23 budget year.", None, []),
        # never ids
        ("The strategy for 2022-2027 addresses the effects of COVID-19.", None, []),
        ("The Strategy 2022-2027 (with its 22/23 Implementation Action Plan) was adopted.", None, []),
        ("The 2022-23 budget and the 2021-05-14 decree.", None, []),
        ("The Labour Code of Ecuador establishes a quota.", None, []),
    ],
)
def test_ids_in_text(nlp: Language, description: str, code: str | None, refs: list[str]) -> None:
    assert ids(annotate(nlp, {"title": "Support to the Ministry", "description": description})) == (code, refs)


@pytest.mark.parametrize(
    ("description", "kind", "code", "refs"),
    [
        # the work a news item reports was done under its own action
        ("The Ministry and SOCIEUX+ organised a webinar series, under SOCIEUX+ action n° 2021-41.", "news",
         "2021-41", []),
        ("The fund has been supported by SOCIEUX+ since April 2024 under action 2024-09.", "news", "2024-09", []),
        # in a listing "under"/"within" stays a (weak) reference cue
        ("The fund has been supported by SOCIEUX+ since April 2024 under action 2024-09.", "listing", None,
         ["2024-09"]),
        ("The results achieved within action 2018-03 were used.", "listing", None, ["2018-03"]),
        # "as part of" the action, like "is part of"; "the new action"
        ("A delegation made a study visit to Latvia in January 2025, as part of SOCIEUX+ action 2023-52.", "news",
         "2023-52", []),
        ("Under the new action, 2022-18, two experts ran three webinars.", "news", "2022-18", []),
        ("Under the new action, 2022-18, two experts ran three webinars.", "listing", "2022-18", []),
        # an activity of the action; "first" is no reference cue
        ("On 2-3 April the office hosted a seminar, the first activity of SOCIEUX+ action 2024-03 to be carried out "
         "in person.", "news", "2024-03", []),
        # a weak self cue ("delivered under") yields to a reference cue earlier in the sentence
        ("The action also built on the results of the training of trainers delivered under Action 2021-37.",
         "listing", None, ["2021-37"]),
        ("This support follows the actuarial review of the schemes carried out under action 2022-14.", "news",
         None, ["2022-14"]),
        ("The course was delivered under Action 2021-37 in May 2021.", "listing", "2021-37", []),
        # listed ids with what they were about in brackets
        ("It is the third cooperation after actions 2018-27 (labour market observatory) and 2020-41 (employment "
         "services).", "listing", None, ["2018-27", "2020-41"]),
        # a strong self cue ("the current action") outranks an ordinary one on another id
        ("This is the second SOCIEUX+ action with the NIB. The first, action 2020-29, helped the Board. The current "
         "action, 2022-44, will close in December 2022.", "news", "2022-44", ["2020-29"]),
        # the support of SOCIEUX+ given in the record
        ("With SOCIEUX+ support (action 2023-55), two experts reviewed the procedures.", "news", "2023-55", []),
        # a news item's only id, without any cue, is its own; not in a listing (a page of many actions)
        ("SOCIEUX+ action 2020-26 was the programme's first cooperation with the NEO.", "news", "2020-26", []),
        ("SOCIEUX+ action 2020-26 was the programme's first cooperation with the NEO.", "listing", None, ["2020-26"]),
        # ... also when every other id is cited with a reference cue
        ("The Ministry has been working with SOCIEUX+ since October 2022 on labour inspection (action 2022-47), "
         "building on action 2019-08.", "news", "2022-47", ["2019-08"]),
        # the action as the subject of what it will do
        ("Action 2025-04 will help the agency. In 2020, SOCIEUX+ supported the Ministry (action 2020-11).", "news",
         "2025-04", ["2020-11"]),
        # ... unless a reference cue comes before it in its sentence, however far
        ("The cooperation builds on a SOCIEUX+ webinar on home-based work organised for the Punjab Labour and "
         "Human Resource Department in 2021 (action 2021-09).", "news", None, ["2021-09"]),
        # ... nor when the id's clause speaks of earlier support (socieux_modality)
        ("The Inspectorate had already received support from SOCIEUX+ in 2018–2019 on its inspection procedures "
         "(action 2018-29).", "news", None, ["2018-29"]),
        ("SOCIEUX+ had worked with the same office back in 2019 (action 2019-33, on labour market information).",
         "news", None, ["2019-33"]),
        ("This is the second SOCIEUX+ action with the CNSS, after the support to its inspection unit "
         "(Action 2021-14).", "news", None, ["2021-14"]),
        # a bare id in brackets closing a phrase about an action; not a year range
        ("The cooperation follows an earlier SOCIEUX+ action on the collection of contributions (2018-52).", "news",
         None, ["2018-52"]),
        ("A previous SOCIEUX+ action on the transfer of pension rights (2022-23) was cited.", "news", None, []),
        # "after a few months" is no reference to the action after it; "after action …" is
        ("VSS has been working with SOCIEUX+ on why workers leave the scheme after a few months (action 2022-29).",
         "news", "2022-29", []),
        ("It came after action 2019-05 on pensions.", "news", None, ["2019-05"]),
        # the noun after the id; "started under" yields to "continues" before it
        ("The SOCIEUX+ 2023-09 action was carried out between May and August 2023. The action continues the "
         "cooperation started under actions 2020-41 and 2021-08.", "news", "2023-09", ["2020-41", "2021-08"]),
        # what the action did for the partner, was requested for, is made up of; what prolongs another
        ("SOCIEUX+ action 2022-74 answered its request for support.", "news", "2022-74", []),
        ("Action 2023-51 was requested after the review carried out under action 2021-30.", "listing", "2023-51",
         ["2021-30"]),
        ("This action prolongs action 2019-66.", "listing", None, ["2019-66"]),
        ("The three sessions made up SOCIEUX+ action 2019-41, the deputy minister said.", "news", "2019-41", []),
        # a reference cue still qualifies the words of a self cue
        ("Building on the previous support from SOCIEUX+ (Action 2019-08), the ministry asked for more.", "news",
         None, ["2019-08"]),
        # lessons drawn from an earlier action cite it
        ("The action drew on lessons from Action 2018-09, in which SOCIEUX+ accompanied the registry.", "news",
         None, ["2018-09"]),
        ("Drawing on Action 2020-14, the experts designed the tool.", "news", None, ["2020-14"]),
        # a reference cue anywhere in the phrase that a bracketed id closes cites it, whatever follows the bracket
        ("Their contribution follows earlier SOCIEUX+ support to the SSC's maternity insurance scheme (action 2021-33), "
         "which helped the Corporation design incentives.", "news", None, ["2021-33"]),
        ("The experts shared lessons learnt from SOCIEUX+ support to the National Institute of Social Security of Cabo "
         "Verde (action 2019-22), where registrations doubled.", "news", None, ["2019-22"]),
        ("With SOCIEUX+ support (action 2023-55), two experts reviewed the law.", "news", "2023-55", []),
        # the action's own end still to come names it; another action's start does not
        ("Action 2023-41 is due to end with a seminar in autumn 2024.", "news", "2023-41", []),
    ],
)
def test_whose_id_by_kind_of_record(nlp: Language, description: str, kind: str, code: str | None,
                                    refs: list[str]) -> None:
    fields = {"title": "Support to the Ministry", "description": description}
    assert ids(annotate(nlp, fields, kind=kind)) == (code, refs)


@pytest.mark.parametrize(("title", "code", "refs"), [
    # the title names its action's id ...
    ("Strengthening the employment service network in Paraguay (Action 2019-22)", "2019-22", ["2018-03"]),
    # ... unless it cites another action
    ("Follow-up to Action 2019-22 on the employment service network", None, ["2018-03", "2019-22"]),
])
def test_an_id_in_the_title(nlp: Language, title: str, code: str | None, refs: list[str]) -> None:
    doc = annotate(nlp, {"title": title, "description": "Experts from Spain helped; this built on Action 2018-03."})
    assert ids(doc) == (code, refs)


def test_code_field(nlp: Language) -> None:
    doc = annotate(
        nlp,
        {"title": "Support to the Ministry", "_label": "Code", "code": "2019-07",
         "description": "Follow-up from action 2016-12. Action 2019-07 was implemented in 2019."},
    )
    assert ids(doc) == ("2019-07", ["2016-12"])
    [code] = [f for f in doc._.facts if f.field == "action_code"]
    assert (code.rule, code.status, code.text) == ("code:field", "certain", "2019-07")
    assert doc.text[code.start : code.end] == "2019-07"


def test_code_field_wins_over_conflicting_text(nlp: Language) -> None:
    doc = annotate(nlp, {"title": "T", "code": "2019-07", "description": "Action 2019-08 was implemented in 2019."})
    assert ids(doc) == ("2019-07", ["2019-08"])
    [ref] = [f for f in doc._.facts if f.field == "action_ref"]
    assert ref.status == "ambiguous"


@pytest.mark.parametrize("with_tag_field", [True, False])
def test_news_tag(nlp: Language, with_tag_field: bool) -> None:
    body = "Experts from Spain trained the staff, building on action 2016-12."
    fields = {"title": "Bolivia strengthens its PES", "description": body}
    if with_tag_field:
        fields["tag"] = TAG
    else:
        fields["description"] = body + "\n" + TAG
    doc = annotate(nlp, fields, kind="news")
    assert ids(doc) == ("2018-05", ["2016-12"])
    [code] = [f for f in doc._.facts if f.field == "action_code"]
    assert (code.rule, code.status, code.text) == ("code:news-tag", "certain", "2018-05")


def test_fact_rules_and_statuses(nlp: Language) -> None:
    doc = annotate(
        nlp,
        {"title": "T", "description": "Action 2023-11 was implemented after the previous support (Action 2022-21) and Action 2020-01."},
    )
    by_value = {f.value: f for f in doc._.facts}
    assert (by_value["2023-11"].field, by_value["2023-11"].status) == ("action_code", "inferred")
    assert (by_value["2022-21"].rule, by_value["2022-21"].status) == ("ref:previous", "certain")
    assert by_value["2020-01"].field == "action_ref"
    assert all(doc.text[f.start : f.end] == f.text for f in doc._.facts)


def test_serialised_patterns_match_pattern_file(nlp: Language, tmp_path: Path) -> None:
    pipe = nlp.get_pipe(PIPE)
    assert pipe.patterns == list(srsly.read_jsonl(PATTERNS_DIR / "action_ids.jsonl"))
    pipe.to_disk(tmp_path)
    fresh = build_nlp([PIPE])
    fresh.get_pipe(PIPE).from_disk(tmp_path)
    fields = {"title": "T", "description": "Action 2023-11 was implemented after Action 2022-21."}
    assert ids(annotate(fresh, fields)) == ids(annotate(nlp, fields)) == ("2023-11", ["2022-21"])


def test_bad_cue_entry_is_rejected(nlp: Language) -> None:
    pipe = nlp.get_pipe(PIPE)
    with pytest.raises(ValueError, match="action_ids.jsonl"):
        type(pipe)(nlp, "x").initialize(patterns=[{"id": "ref:x", "pattern": [{"LOWER": "x"}]}])
