"""Tests of `socieux_formats` (spec § formats): only formats the record says took place."""

from __future__ import annotations

from pathlib import Path

import pytest
import srsly
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.facts import FIELDS_KEY, KIND_KEY
from pipeline.nlp import build_nlp
from pipeline.paths import PATTERNS_DIR

PIPE = "socieux_formats"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp([PIPE])


def annotate(nlp: Language, fields: dict[str, str]) -> Doc:
    """A record block made of `fields` (name -> text) in order, one per line."""
    text, spans = "", {}
    for name, value in fields.items():
        spans[name] = (len(text), len(text) + len(value))
        text += value + "\n"
    doc = nlp.make_doc(text)
    doc.user_data[FIELDS_KEY] = spans
    doc.user_data[KIND_KEY] = "listing"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def formats(doc: Doc) -> set[str]:
    return {f.value for f in doc._.facts or [] if f.field == "format"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a procedure of the partner, a word of a name, a practice shown, a cited action's review, people described
        # by what they were trained as: no format of the action
        ("The Agency is reforming the way disability is assessed; the experts delivered a seminar.", {"seminar"}),
        ("Experts from Latvia's State Medical Commission for the Assessment of Health Condition delivered a seminar.",
         {"seminar"}),
        ("The experts also presented the Georgian experience of introducing ICF-based assessment, which many found "
         "close to their own context.", set()),
        ("Two experts ran a workshop. The work builds on the earlier SOCIEUX+ support to the MLSS for the review of "
         "the National Social Protection Strategy (action 2018-31).", {"workshop"}),
        ("The framework will link unemployed young people trained as caregivers to the online portal. The experts "
         "ran a workshop.", {"workshop"}),
        ("Thirty inspectors were trained as trainers by two experts.", {"training"}),
        ("Two experts trained 20 counsellors. During the training, counsellors also discussed the pre-departure "
         "orientation seminars of the Philippines as an example of good practice.", {"training"}),
        ("SENAI offers more than 400 distance education courses to workers. Two experts assessed the quality "
         "assurance framework of these courses.", {"assessment"}),
        ("The Department wished to update the content of its pre-departure orientation seminars. Two experts analysed "
         "the modules.", {"assessment"}),
        ("Experts from Germany reviewed the standards of the Cambodian Ministry of Labour and Vocational Training.",
         {"assessment"}),
        # formats still to come, and other organisations' work, did not take place in this action
        ("Experts trained the staff. A workshop is planned for 2024.", {"training"}),
        ("Experts trained the staff. A study visit to Riga is planned for the second half of 2021.", {"training"}),
        ("The upcoming study visit will complete the action; experts delivered a webinar.", {"webinar"}),
        ("A study visit to Cape Town, initially envisaged, was replaced by a virtual exchange.", set()),
        ("The experts delivered a webinar; the workshop planned in Dakar was cancelled.", {"webinar"}),
        ("A study visit to Lisbon, hosted by the Portuguese Social Security Institute, is planned.", set()),
        ("A study visit to Rabat is being considered for a next phase.", set()),
        # a training programme people attended took place; an institution's programme did not
        ("Labour inspectors took part in a blended training programme on inspection.", {"training"}),
        ("The experts designed a training programme, delivered in Conakry to 25 inspectors.", {"training"}),
        ("They then travelled to Moroni and Mutsamudu in June 2024 to train 35 agents of the Fund.", {"training"}),
        ("The action aims to train 35 agents of the Fund.", set()),
        # a cited earlier action's work, in its relative clause; the record's own action's stays
        ("Building on action 2021-03, which produced an actuarial assessment, the experts trained the staff.",
         {"training"}),
        ("The manual is the main output of Action 2022-03, which delivered two workshops.", {"workshop"}),
        ("It complements action 2019-29, which reviewed the compliance function of the Scheme.", set()),
        ("Following up on action 2021-38, which trained members of the commissions, experts drafted a rulebook.",
         set()),
        # a learning module or session is a course
        ("Forty officials completed an e-learning module on labour inspection.", {"training"}),
        ("Distance learning sessions on case management were given to 30 social workers.", {"training"}),
        ("The ministry develops e-learning content for its staff.", set()),
        # another organisation's review
        ("ILO experts reviewed the draft programme separately; SOCIEUX+ experts trained the staff.", {"training"}),
        ("The experts trained the staff and assessed the procedures.", {"training", "assessment"}),
        ("The ministry runs a national training programme for youth.", set()),
        ("The workshop built on an assessment carried out by the ILO in 2019.", {"workshop"}),
        ("The training followed a diagnosis of the inspection services carried out in 2018 by the ILO.", {"training"}),
        ("An assessment carried out by the experts in 2019 found gaps.", {"assessment"}),
        # another programme's event, named in a relative clause after it (but the experts' own workshop counts)
        ("The Ministry also takes part in the EUROsociAL+ programme on youth employment policies, whose regional "
         "seminar took place in Montevideo.", set()),
        ("The network of labour observatories, whose annual conference was held in Quito, met online.", set()),
        ("The experts, whose workshop in Lima was well attended, also trained staff.", {"workshop", "training"}),
        # training (spec: training, training of trainers, training sessions, courses)
        ("Training seminar on tools for social dialogue in the framework of COVID-19", {"training", "seminar"}),
        ("The virtual training seminar organized by SOCIEUX+ experts channeled models and practices.", {"training", "seminar"}),
        ("Training of Trainers for employment counsellors on the development of soft skills", {"training"}),
        ("The last activity deployed a training of trainers’ (ToT) plan with two workshops.", {"training", "workshop"}),
        ("The action empowered the staff to conduct training sessions for OSH coordinators.", {"training"}),
        ("Experts trained OSH Administration and stakeholders.", {"training"}),
        ("Mobilised experts trained their Peruvian peers in key concepts.", {"training"}),
        ("A handful of job counselors also benefited from a ToT.", {"training"}),
        ("Experts delivered short training modules to agents.", {"training"}),
        ("A TRAINING COURSE on managing employment disputes", {"training"}),
        ("Experts delivered a remote training workshop to counsellors.", {"training", "workshop"}),
        ("Information sharing and training sessions aimed to sensitize labour inspectors.", {"training"}),
        # workshop, seminar, webinar, lecture
        ("Experts supported the deployment of two distinct workshops on green employment.", {"workshop"}),
        ("The action was completed by a seminar where the plan was presented.", {"seminar"}),
        ("The activity was centered on the delivery of a Webinar for staff.", {"webinar"}),
        ("A web seminar presented the EU practices.", {"webinar"}),
        ("Two experts prepared a remote guest lecture to the students.", {"lecture"}),
        # conference (spec: conference, forum, national meeting, congress)
        ("Soft skills: a strategic challenge for youth employment – e conference", {"conference"}),
        ("This cooperation took place within the framework of the International Forum on PES.", {"conference"}),
        ("Expert presentations at the 2024 National Meeting of Public Service Employment Service Providers", {"conference"}),
        ("A Dutch expert spoke at the congress of the association.", {"conference"}),
        # study visit
        ("A study visit to Finland provided partners with practical understanding.", {"study_visit"}),
        ("The partners took part in a study tour to Spain.", {"study_visit"}),
        # assessment (spec: assessment, diagnosis, audit, mapping, review of a framework or law, analysis of practices)
        ("The first activity consisted in conducting an assessment of the national ecosystem.", {"assessment"}),
        ("The integration of the network was assessed by Belgian and Dutch experts.", {"assessment"}),
        ("Spanish experts contributed to the elaboration of a Diagnosis.", {"assessment"}),
        ("French experts conducted an audit of the information system.", {"assessment"}),
        ("Activities: (i) mapping the current situation of labour market data demand.", {"assessment"}),
        ("Experts from France produced a review of the legal framework.", {"assessment"}),
        ("Experts reviewed guidelines of the work at high and low temperature.", {"assessment"}),
        ("Experts from France and Spain analyzed the actual practices of the Inspectorate.", {"assessment"}),
        ("Experts looked into the legal national framework and policies.", {"assessment"}),
        ("The current national legislation has been examined jointly with national experts.", {"assessment"}),
        ("Experts provided comprehensive feedback on the draft.", {"assessment"}),
        ("Experts carried out an inventory of the existing initiatives.", {"assessment"}),
        # negatives: domains, institutions, objects of design, topics, other events' titles
        ("The Ministry aims to improve the current offer of vocational training.", set()),
        # what pays for training, and a name with "for Training"
        ("Experts reviewed the training voucher programme and the personal training accounts.", {"assessment"}),
        ("Experts assessed the schemes of the State Foundation for Training in Employment (Fundae).", {"assessment"}),
        # an institution's mandate
        ("The delegation met the Fund, which has been responsible for work-ability assessment since 2016.", set()),
        ("The experts met the agency responsible for training of the unemployed.", set()),
        ("Experts deployed seminars at the inauguration of the Latin American Training Centre.", {"seminar"}),
        ("The partner's staff engaged in the elaboration of a training plan.", set()),
        ("Experts formulated recommendations on training needs of the staff.", set()),
        ("Experts formulated a proposal for a pilot training programme.", set()),
        ("The services should meet the basic requirements of a training entity.", set()),
        ("Young people not in education, training, or employment (NEET) are the target.", set()),
        ("The skills reference system gives young rural workers better access to trainings in agroecology.", set()),
        ("Experts engaged with peers active in the promotion and training on green jobs.", set()),
        ("The Directorate of Vocational Training provides training in Basic and Transversal Skills.", set()),
        ("The Center for Agricultural Training (CFA) was expected to take off in 2022.", set()),
        ("Experts addressed the issue in the course of four activities.", set()),
        ("A monitoring and evaluation system was established.", set()),
        # the partner's procedure of assessing people is a topic, not an assessment made
        ("The sessions covered needs assessment of families and individual case plans.", set()),
        ("The Agency reforms its disability assessment and its work capacity assessment.", set()),
        ("A training needs assessment was followed by a training of trainers.", {"assessment", "training"}),
        ("A Danish expert carried out an assessment of the disability assessment system.", {"assessment"}),
        ("Methods of evaluation of active labour market policies were presented.", set()),
        ("The Ministry improves its analytical tools devoted to analyse labour market dynamics.", set()),
        ("Vulnerable groups could present their demands in the dialogue forums.", set()),
        ("Employers hire persons with disabilities in sheltered workshops.", set()),
        ("The meeting was organised by video conference.", set()),
        (
            "Sixty people took part in the workshop, which went under the title Exchange of good practices: "
            "experiences from Europe and analysis of how the relationship has changed, organised by SOCIEUX+.",
            {"workshop"},
        ),
        ("The plan builds on good practices highlighted in the ‘training and skills’ development plan.", set()),
        # a procedure of the partner, a topic, what a visit showed, another body's staff: no assessment
        ("The ministry wants to replace the purely medical assessment of disability with a functional one.", set()),
        ("Experts drafted amendments to the assessment rulebook with the working group.", set()),
        ("They ran a workshop in Osh with social workers on the assessment of household needs.", {"workshop"}),
        ("Officers learned how disability benefits are assessed in Portugal.", set()),
        ("Their own actuarial experts had reviewed the contribution rates in 2022.", set()),
        ("The action follows on from action 2019-16, which mapped the services available to returnees.", set()),
        # ... but the action's own assessment stays
        ("The experts worked on the assessment of the fund's procedures.", {"assessment"}),
        ("The experts carried out a needs assessment of the regional offices.", {"assessment"}),
        # a body named "Conference", a social-work method, another body's ongoing courses
        ("A representative of the Inter-American Conference on Social Security (CISS) followed the workshop.",
         {"workshop"}),
        ("The experts organised online workshops on case conferences and referral.", {"workshop"}),
        ("The retraining courses themselves are provided by the Tobago Technology Centre.", set()),
        # the partner's programme that offers training among other things; a training ship
        ("The Ministry runs a programme that offers guidance, training and wage subsidies to jobseekers.", set()),
        ("The Institute's training ship and courses are funded by Australia.", set()),
        # workshops as workplaces listed with other workplaces, also after them
        ("Most accidents happen in small workshops, tanneries and brick kilns.", set()),
        ("Inspectors visit garages and small workshops every year.", set()),
        ("Experts ran two workshops and a seminar.", {"workshop", "seminar"}),  # not a workplace list
        # what a training is made of is its topic
        ("The experts prepared the curriculum for the pre-departure training of the Ministry.", set()),
        # assessments its own bodies carry out are the partner's procedure
        ("Pensions are granted on the basis of assessments carried out by medical commissions in Managua.", set()),
        # a medical evaluation of claims is the partner's procedure
        ("The Institute harmonises the medical evaluation of invalidity pension claims.", set()),
        ("A national conference on employment injury insurance was held in Dhaka.", {"conference"}),
        # the partner's own ongoing events, an expert's day job, another body's procedure
        ("The job-dating workshops that the branches already organise were left as they are.", set()),
        ("Mr Stoyanov, who also lectures in labour economics at Sofia University, compared the tools.", set()),
        ("Benefits are paid after their work capacity has been assessed by the medical commissions.", set()),
        ("The integration of the service was assessed by Belgian and Dutch experts.", {"assessment"}),
        # bodies named Congress or Conference, another body's instrument; a trade's workshops are workplaces
        ("The chairman of the Nigeria Labour Congress welcomed the experts.", set()),
        ("The convention adopted by the International Labour Conference in 2019 was discussed.", set()),
        ("A congress of the labour inspectors was held in Abuja.", {"conference"}),
        ("Many women work in small garment workshops and in home-based work.", set()),
        # a body's own courses in the present tense; training as where people are sent
        ("The territorial centres, which already run training courses for family carers, asked for support.", set()),
        ("The guide covers the referral of young people to training and apprenticeship programmes.", set()),
        ("The experts delivered a training for the counsellors.", {"training"}),
        # what participants practised in a training; a social-work method named "conference"
        ("During the course, the participants practised assessing the needs of households.", {"training"}),
        ("The experts introduced the family group conference model to the social workers.", set()),
        ("The experts assessed the needs of households in two districts.", {"assessment"}),
        # a hyphenated study visit
        ("The action ended with a Study-Visit to Tallinn.", {"study_visit"}),
        ("A study-visit to Lisbon is planned.", set()),
        # a topic: what recommendations are about, a scheme a law grants, a domain coordinated with assessment
        ("It delivered recommendations on the registration of job seekers and the pre-departure training of seasonal "
         "workers.", set()),
        ("The experts drafted guidelines for the training of labour inspectors and trained 20 inspectors.",
         {"training"}),
        ("The visit included a presentation of the Austrian training guarantee for young people.", set()),
        ("Experts from Germany and Slovenia presented the financing and assessment of care needs.", set()),
        ("The experts supported the design and assessment of the scheme.", {"assessment"}),
        # training as what experience or a system is about, or as what an action strengthens: its domain
        ("Experts from Spain shared experience on pre-departure training for seasonal workers.", set()),
        ("Strengthening occupational training in the province. Three workshops were held in 2018.", {"workshop"}),
        ("The experts strengthened capacities through training of 40 inspectors.", {"training"}),
        ("Improving the vocational training system was the aim; the experts trained 20 counsellors.", {"training"}),
        # the legislature and organisations named "Forum" are no events
        ("The experts reviewed the draft bill submitted to Congress in 2019.", {"assessment"}),
        ("Officials attended at the invitation of the Forum Secretariat.", set()),
        # the verb "lectured"; a training programme the experts deliver (not the partner's)
        ("The experts also lectured at the University of the Philippines.", {"lecture"}),
        ("Two experts are delivering a blended training programme for counsellors.", {"training"}),
        ("The ministry runs a national training programme for young people.", set()),
        # the work of a cited action this one follows; an id right after a format may be the record's own
        ("This activity follows the assessment of social protection financing carried out under action 2022-11.",
         set()),
        ("The study visit follows up on the labour market assessment carried out under action 2021-08.",
         {"study_visit"}),
        ("The workshop held under action 2023-05 gathered 40 counsellors.", {"workshop"}),
        ("A mission to Dili followed in July 2024 to train INSS outreach officers.", {"training"}),
        ("Two webinars helped the staff integrate gender analysis into the planning and budgeting.", {"webinar"}),
        ("The experts carried out a gender analysis of the budget.", {"assessment"}),
        # an assessment that names a kind of interview or an object of design is no assessment performed
        ("The experts took part in mock assessment interviews and trained 20 assessors.", {"training"}),
        ("The guide sets out an assessment scheme for the new enterprises.", set()),
        # the object assessed between a domain's word and "assessment"; an institution's assessment centres
        ("The action prepared a bio-psycho-social model of disability status assessment.", set()),
        ("The Institute presented its assessment centres to the delegation.", set()),
        # someone's own judgement; what a speaker speaks about; a consultation forum that was held is an event
        ("Counsellors combine the tool's score with their own assessment during the first interview.", set()),
        ("The Ministry invited the experts to speak on lifelong training at a national conference.",
         {"conference"}),
        ("A consultation forum with ship owners and unions was held in Suva.", {"conference"}),
        ("The tripartite forum meets every month.", set()),
        # an international organisation's own event; an exam closing a course; another body's review; a topic
        ("The Director attended the ETF conference on skills and migration held in Turin.", set()),
        ("The Fund later shared the findings at the ILO regional conference on social protection in Beirut.", set()),
        ("The course ended with a final assessment of the participants.", {"training"}),
        ("Following an actuarial review financed by the ILO, the DSS asked SOCIEUX+ for support.", set()),
        ("The expert presented instruments for the evaluation of work capacity.", set()),
        ("The workshop follows a review of the functioning of the NTC undertaken by the ILO in 2022.", {"workshop"}),
        ("A review of the procedures carried out by the experts was presented.", {"assessment"}),
        # a person's classification by the partner's procedure; a practice explained in the present tense
        ("Its recommendations highlighted the lack of support once a person is assessed as able to work.", set()),
        ("Experts explained how case managers assess the needs of families.", set()),
        ("The experts assessed the needs of 40 families.", {"assessment"}),
        # places to be trained in; how people were trained; the training a service gives its clients; a purpose
        ("A presentation showed how guidance can be linked to real training places.", set()),
        ("Our staff learned to map a process, which is not how we were trained.", set()),
        ("The delegation saw how the AMS organises the training of unemployed adults.", set()),
        ("The School launched a Master's programme in social protection to train the civil servants.", set()),
        ("The experts delivered a training of trainers.", {"training"}),
        # a conference whose resolution the action answers is another body's event
        ("The Academy answers a resolution of the Confederation's Biennial Conference of November 2022.", set()),
        ("The experts spoke at the national conference on youth employment.", {"conference"}),
        # what the participants of a course examined is a learning exercise
        ("Participants also examined the Rwandan experience with community-based health insurance.", set()),
        ("The experts examined the Rwandan health insurance scheme.", {"assessment"}),
        # knowing how to assess is a need, not an assessment carried out
        ("Labour inspectors lack guidance on how to assess employment relationships.", set()),
        # the partner's own legislative process that the action informs
        ("To inform the revision of the Employment Law, SOCIEUX+ organised a series of online lectures.",
         {"lecture"}),
        ("The experts carried out a revision of the labour legislation.", {"assessment"}),
        # a tool or a body named by its assessment, hyphenated too; the training a service gives workers
        ("The French expert presents the new risk-assessment checklist to participants.", set()),
        ("Social workers take part in the assessment commissions.", set()),
        ("The experts carried out an assessment of the commission's procedures.", {"assessment"}),
        ("They discussed how to link benefit payments to training for workers whose jobs are at risk.", set()),
        ("The experts delivered a training for workers' representatives.", {"training"}),
        # an international organisation's own study; a word of a body's name; another action's work by its id
        ("Following the ILO's assessment of labour inspection, DIFE requested SOCIEUX+ support.", set()),
        ("A Thai expert from the Health Intervention and Technology Assessment Program (HITAP) joined.", set()),
        ("The visit complemented the assessment of the youth services carried out under Action 2021-12.", set()),
        ("The experts completed the assessment of the youth services carried out under the action.", {"assessment"}),
        # assessments as a practice explained, what modules covered, what participants discussed; the training a
        # service gives young jobseekers
        ("Experts presented how impact evaluations guide the allocation of budgets.", set()),
        ("The modules covered the assessment of transferable skills.", set()),
        ("The webinars addressed the needs assessment of communities.", {"webinar"}),
        ("The participants discussed the assessment of the needs of families.", set()),
        ("The experts discussed the assessment of the needs of families with the Ministry.", {"assessment"}),
        ("The webinars looked at how forecasts can guide training for young jobseekers.", {"webinar"}),
        ("The webinars were led by experts of the National Institute for Public Policy Analysis (INAPP).",
         {"webinar"}),
        # the prior work of a named body that the action follows; not the experts' own
        ("Following a diagnosis of youth unemployment carried out by the Paraguayan MTESS itself in 2019, the "
         "Ministry requested support.", set()),
        ("Following the mapping of information sources carried out by the Ministry in 2019 with the ETF, the "
         "Ministry asked for help.", set()),
        ("Following the assessment carried out by the Spanish experts in March, a workshop was held.",
         {"assessment", "workshop"}),
        # the experts' gerund with the people they trained, also after another activity
        ("Experts worked remotely with the Fund, assessing the e-services portal and training staff on "
         "user-centred design.", {"assessment", "training"}),
        ("The Ministry is responsible for education and training.", set()),
        # tools for an assessment are a topic
        ("The action equipped the staff with tools for needs assessment and family case management.", set()),
        # training that providers deliver is the partner's system
        ("The Institute is revising the certification of the training courses delivered by public and private "
         "centres.", set()),
        ("The training was delivered by two experts from Spain.", {"training"}),
        ("Experts started with an analysis of practices in the certification of vocational courses.",
         {"assessment"}),
        ("The programme combines cash benefits with access to labour market information and skills training.", set()),
        ("Experts held workshops on outreach methods, SMS job alerts, webinars for jobseekers and mobile units.",
         {"workshop"}),
        ("Experts held two webinars for the counsellors of the agency.", {"webinar"}),
        ("Enbek.kz also hosts an e-learning platform offering short courses to jobseekers.", set()),
        ("Building on this mapping, a training programme for counsellors was delivered in Chisinau in 2022.",
         {"assessment", "training"}),
        ("A representative of the National Secretariat for Evaluation, Information Management and Single Registry "
         "spoke.", set()),
        # an international organisation's own event
        ("The cooperation builds on Action 2021-33 and on a webinar organised in 2022 by the ILO.", set()),
        ("The experts delivered a webinar organised by the Ministry.", {"webinar"}),
        ("INAM had discussed the schemes at a regional forum organised by the World Health Organization in 2021.",
         set()),
        # training a body finances or certifies is its offer; training the experts delivered is an activity
        ("In Montevideo, INEFOP presented how it finances training courses through a fund.", set()),
        ("The Fund finances training for jobseekers.", set()),
        ("The experts delivered training courses funded by the EU.", {"training"}),
    ],
)
def test_formats_in_description(nlp: Language, text: str, expected: set[str]) -> None:
    assert formats(annotate(nlp, {"description": text})) == expected


def test_title_counts_but_named_methodology_does_not(nlp: Language) -> None:
    assert formats(annotate(nlp, {"title": "Review of the legal framework supporting veterans"})) == {"assessment"}
    assert formats(annotate(nlp, {"title": "Job Impact Assessment of Public Investments"})) == set()


def test_institution_and_assistance_types_are_skipped(nlp: Language) -> None:
    doc = annotate(
        nlp,
        {
            "title": "Strengthening of staff capacities",
            "partner_institution": "Ministry of Youth, Vocational Training and Integration [Training Centre]",
            "assistance_types": "Individual capacity building (training)",
            "description": "Experts engaged the partner's key staff.",
        },
    )
    assert formats(doc) == set()


def test_facts_carry_evidence(nlp: Language) -> None:
    doc = annotate(nlp, {"title": "Training seminar on tools for social dialogue"})
    facts = [f for f in doc._.facts if f.field == "format"]
    assert [(f.value, f.text, f.rule, f.status) for f in facts] == [
        ("training", "Training", "training", "certain"),
        ("seminar", "seminar", "seminar", "certain"),
    ]
    assert all(doc.text[f.start : f.end] == f.text for f in facts)


def test_serialised_patterns_match_pattern_file(nlp: Language, tmp_path: Path) -> None:
    pipe = nlp.get_pipe(PIPE)
    assert pipe.patterns == list(srsly.read_jsonl(PATTERNS_DIR / "formats.jsonl"))
    pipe.to_disk(tmp_path)
    fresh = build_nlp([PIPE])
    fresh.get_pipe(PIPE).from_disk(tmp_path)
    text = {"description": "Experts delivered a training workshop after a diagnosis."}
    assert formats(annotate(fresh, text)) == formats(annotate(nlp, text)) == {"training", "workshop", "assessment"}


def test_pattern_ids_are_format_keys(nlp: Language) -> None:
    pipe = nlp.get_pipe(PIPE)
    with pytest.raises(ValueError, match="formats.jsonl"):
        type(pipe)(nlp, "x").initialize(patterns=[{"id": "coaching", "pattern": [{"LOWER": "coaching"}]}])
