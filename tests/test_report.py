"""The HTML report: evidence marks at their offsets, escaping, self-containment, and (with Debian's
chromium) charts that really render, marks in the live DOM and the table filter."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import report, store
from pipeline.cli import app
from pipeline.report import Mark, highlight

CHROMIUM = Path("/usr/bin/chromium")
CHART_NAMES = ("actions_per_country", "expert_flows", "eu_share", "delivery_by_year", "formats_by_year")


def plain(output: str) -> str:
    """CLI output without rich's error box and line wrapping."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", output).split())


@pytest.fixture(scope="module")
def report_html(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-out") / "report.html"
    stats = report.build_report(corpus_db, out)
    assert stats["actions"] > 50
    return out


class Records(HTMLParser):
    """Each `div.source` of the page: its data attributes, its record's text, and the marks in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.records: list[dict] = []
        self._source: dict | None = None
        self._in_record = 0  # div depth inside div.record
        self._open: list[tuple[dict, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "div" and "source" in a.get("class", "").split():
            self._source = {"attrs": a, "text": "", "marks": []}
            self.records.append(self._source)
        elif tag == "div" and self._source is not None and "record" in a.get("class", "").split():
            self._in_record = 1
        elif tag == "div" and self._in_record:
            self._in_record += 1
        elif tag == "mark" and self._in_record:
            self._open.append((a, len(self._source["text"])))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._in_record:
            assert self._open, "unbalanced </mark>"
            attrs, at = self._open.pop()
            end = len(self._source["text"])
            self._source["marks"].append({"attrs": attrs, "at": at, "text": self._source["text"][at:end]})
        elif tag == "div" and self._in_record:
            self._in_record -= 1
            assert self._in_record or not self._open, "a <mark> is left open at the end of a record"

    def handle_data(self, data: str) -> None:
        if self._in_record:
            self._source["text"] += data


def parse_records(page: str) -> list[dict]:
    parser = Records()
    parser.feed(page)
    parser.close()
    return parser.records


# --- highlight(): pure function, table-driven -------------------------------------------------------

TEXT = "Experts from France & Spain trained <staff> online in 2021."


def _m(start: int, end: int, field: str = "expert_country", value: str = "FR", status: str = "certain") -> Mark:
    return Mark(start, end, field, value, "rule:x", status)


@pytest.mark.parametrize(
    ("marks", "expected_spans"),
    [
        ([], []),
        ([_m(13, 19)], [(13, 19)]),  # France
        ([_m(13, 19), _m(22, 27, value="ES")], [(13, 19), (22, 27)]),
        # identical spans become one mark listing both fields
        ([_m(43, 49, "delivery", "remote"), _m(43, 49, "delivery_cue", "remote")], [(43, 49)]),
        # nested: the cue "Experts from France" holds the country
        ([_m(0, 19, "delivery_cue", "onsite"), _m(13, 19)], [(0, 19), (13, 19)]),
        # out of the text or empty: left out
        ([_m(50, 80), _m(5, 5), _m(-2, 3)], []),
    ],
)
def test_highlight_places_marks_and_keeps_the_text(marks: list[Mark], expected_spans: list[tuple[int, int]]) -> None:
    page = highlight(TEXT, marks)
    (record,) = parse_records(f'<div class="source"><div class="record">{page}</div></div>')
    assert record["text"] == TEXT  # marks add no text: labels are CSS ::after content
    placed = sorted((int(m["attrs"]["data-start"]), int(m["attrs"]["data-end"])) for m in record["marks"])
    assert placed == sorted(expected_spans)
    for m in record["marks"]:
        start, end = int(m["attrs"]["data-start"]), int(m["attrs"]["data-end"])
        assert m["at"] == start and m["text"] == TEXT[start:end]


def test_highlight_escapes_text_and_attributes() -> None:
    page = highlight(TEXT, [_m(36, 43, "partner_country", '"><script>x</script>')])
    assert "<staff>" not in page and "&lt;staff&gt;" in page and "&amp;" in page
    assert "<script>" not in page
    (record,) = parse_records(f'<div class="source"><div class="record">{page}</div></div>')
    assert record["text"] == TEXT
    assert record["marks"][0]["attrs"]["data-label"] == 'partner country "><script>x</script>'


def test_highlight_review_status_and_crossing_spans() -> None:
    page = highlight(TEXT, [_m(0, 19, "delivery_cue", "onsite", "inferred"), _m(13, 27, value="FR", status="certain")])
    (record,) = parse_records(f'<div class="source"><div class="record">{page}</div></div>')
    assert record["text"] == TEXT
    first = [m for m in record["marks"] if "data-start" in m["attrs"]]
    assert {(m["attrs"]["data-start"], m["attrs"]["data-end"]) for m in first} == {("0", "19"), ("13", "27")}
    review = [m for m in first if "review" in m["attrs"]["class"].split()]
    assert [(m["attrs"]["data-start"], m["attrs"]["data-status"]) for m in review] == [("0", "inferred")]
    # the crossing span is cut at 19 and continued up to 27
    cont = [m for m in record["marks"] if "data-cont" in m["attrs"]]
    assert [(m["at"], m["text"]) for m in cont] == [(19, TEXT[19:27])]


# --- the report of the corpus database ------------------------------------------------------------

def test_report_lists_every_action_title(corpus_db: Path, report_html: Path) -> None:
    page = report_html.read_text(encoding="utf-8")
    con = duckdb.connect(str(corpus_db), read_only=True)
    titles = [t for (t,) in con.execute("SELECT title FROM v_actions").fetchall()]
    con.close()
    assert titles
    for title in titles:
        assert report.html.escape(title) in page, title
    assert page.count('<tr data-action="') == len(titles)
    assert page.count('<article class="action"') == len(titles)


def test_report_marks_every_evidence_at_its_offset(corpus_db: Path, report_html: Path) -> None:
    records = {(r["attrs"]["data-doc"], int(r["attrs"]["data-idx"])): r
               for r in parse_records(report_html.read_text(encoding="utf-8"))}
    con = duckdb.connect(str(corpus_db), read_only=True)
    sources = con.execute("SELECT doc, idx, offset_start, text FROM sources").fetchall()
    evidence = con.execute(
        """SELECT s.doc, s.idx, e.field, e.value, e.text, e.start - s.offset_start, e."end" - s.offset_start, e.status
           FROM evidence e JOIN sources s ON s.action_id = e.action_id AND s.doc = e.doc"""
    ).fetchall()
    con.close()
    assert len(records) == len(sources)
    for doc, idx, offset, text in sources:
        assert records[(doc, idx)]["text"] == text, (doc, idx)
        assert int(records[(doc, idx)]["attrs"]["data-offset"]) == offset
    assert len(evidence) > 100
    n_review = 0
    for doc, idx, fld, value, ev_text, start, end, status in evidence:
        marks = [m for m in records[(doc, idx)]["marks"]
                 if m["attrs"].get("data-start") == str(start) and m["attrs"].get("data-end") == str(end)]
        assert len(marks) == 1, (doc, idx, fld, ev_text, start)
        mark = marks[0]
        assert mark["at"] == start and mark["text"] == ev_text
        assert fld in mark["attrs"]["data-fields"].split()
        assert f"{fld} = {value} ({status}" in mark["attrs"]["title"]
        if status in ("inferred", "ambiguous"):
            assert "review" in mark["attrs"]["class"].split()
            n_review += 1
    assert n_review > 0
    certain_only = [m for r in records.values() for m in r["marks"] if m["attrs"].get("data-status") == "certain"]
    assert certain_only and all("review" not in m["attrs"]["class"].split() for m in certain_only)


def test_report_is_self_contained(report_html: Path) -> None:
    page = report_html.read_text(encoding="utf-8")
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "default-src 'none'" in page  # the CSP forbids any request the page could try
    assert "vegaEmbed" in page  # the libraries are inlined
    for name in CHART_NAMES:
        assert f'id="chart-{name}"' in page and f'id="spec-{name}"' in page
    assert 'class="legend"' in page and "to review" in page
    assert report_html.stat().st_mode & 0o044  # readable by others, like any new file (not mkstemp's 0600)


def test_report_escapes_database_text(corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus_db, db)
    evil_title = '<script>alert("t")</script> & co'
    evil_inst = '"><img src=x onerror=alert(1)>'
    con = store.connect(db)
    (aid,) = con.execute("SELECT action_id FROM actions WHERE status = 'active' ORDER BY action_id LIMIT 1").fetchone()
    con.execute("UPDATE actions SET title = ?, partner_institution = ? WHERE action_id = ?", [evil_title, evil_inst, aid])
    doc, idx = con.execute("SELECT doc, idx FROM sources WHERE action_id = ?", [aid]).fetchone()
    con.execute("INSERT INTO notes VALUES (?, ?, ?, ?)", [aid, doc, idx, "title cut at <b>"])
    con.close()
    out = tmp_path / "r.html"
    report.build_report(db, out)
    page = out.read_text(encoding="utf-8")
    assert evil_title not in page and evil_inst not in page
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; &amp; co" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # a record's review notes are listed under it, and its action is flagged for review
    assert '<ul class="notes"><li>title cut at &lt;b&gt;</li></ul>' in page
    assert re.search(rf'<tr data-action="{aid}"[^>]*data-review="yes"', page)


def test_report_of_an_empty_database(tmp_path: Path) -> None:
    store.connect(tmp_path / "empty.duckdb").close()
    stats = report.build_report(tmp_path / "empty.duckdb", tmp_path / "empty.html")
    assert stats["actions"] == 0 and stats["eu_share"] is None
    assert "0 of 0 actions" in (tmp_path / "empty.html").read_text(encoding="utf-8")


def test_chart_specs_read_datasets_the_report_computes(corpus_db: Path) -> None:
    con = duckdb.connect(str(corpus_db), read_only=True)
    data = report.collect(con)
    con.close()
    specs = report.chart_specs(data)
    assert tuple(specs) == CHART_NAMES  # page order: usermeta.order
    per_country = {r["code"]: r["n"] for r in specs["actions_per_country"]["datasets"]["per_country"]}
    assert max(per_country, key=per_country.get) == "PE"
    flows = specs["expert_flows"]["datasets"]["flows"]
    assert {"expert": "ES", "partner": "PE"}.items() <= max(flows, key=lambda f: f["n"]).items()
    assert {r["group"] for r in specs["eu_share"]["datasets"]["experts"]} == {"EU member", "non-EU"}


def test_report_command(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(corpus_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and f"wrote {out}" in result.output
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code != 0 and "does not exist" in plain(missing.output)
    foreign = tmp_path / "foreign.duckdb"
    foreign.write_text("not a database", encoding="utf-8")
    refused = CliRunner().invoke(app, ["report", "--db", str(foreign), "--out", str(tmp_path / "f.html")])
    assert refused.exit_code == 2 and "not a usable DuckDB database" in plain(refused.output)
    assert not (tmp_path / "f.html").exists()


# --- a real browser: Debian's chromium, headless -------------------------------------------------

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install -y chromium")


def chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
           *extra, url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _console_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line
            and re.search(r"error|uncaught|content security policy|failed", line, re.I)]


@needs_chromium
def test_charts_render_in_chromium(report_html: Path, tmp_path: Path) -> None:
    proc = chromium(report_html.as_uri(), tmp_path / "profile", "--dump-dom")
    dom = proc.stdout
    assert _console_problems(proc.stderr) == []
    for name in CHART_NAMES:
        start = dom.index(f'id="chart-{name}"')
        box = dom[start:dom.index("</figure>", start)]
        assert 'data-rendered="true"' in box.split(">", 1)[0], name
        assert "<svg" in box and "role-mark" in box, name
        assert re.search(r'class="mark-(?:rect|arc)[^"]*role-mark[^"]*"[^>]*>\s*<path', box), name
    assert not re.search(r'class="[^"]*\bchart-error', dom)
    static = report_html.read_text(encoding="utf-8")
    live = parse_records(dom)
    assert live and live == parse_records(static)  # every highlight mark is in the rendered DOM
    assert sum(len(r["marks"]) for r in live) > 100


@needs_chromium
def test_table_filter_in_chromium(corpus_db: Path, report_html: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(corpus_db), read_only=True)
    total, peru = con.execute("SELECT count(*), count(*) FILTER (WHERE partner_country = 'PE') FROM v_actions").fetchone()
    con.close()
    dom = chromium(report_html.as_uri() + "?partner=PE", tmp_path / "profile", "--dump-dom").stdout
    assert re.search(rf'<output id="f-count"[^>]*>{peru} of {total} actions</output>', dom)
    rows = re.findall(r'<tr data-action="[^"]+" data-partner="([^"]+)"[^>]*?( hidden(?:="")?)?>', dom)
    assert len(rows) == total
    assert all((partner == "PE") == (not hidden) for partner, hidden in rows)


@needs_chromium
def test_screenshot_in_chromium(report_html: Path, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    chromium(report_html.as_uri(), tmp_path / "profile", "--hide-scrollbars", "--window-size=1400,1800",
             f"--screenshot={png}")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
