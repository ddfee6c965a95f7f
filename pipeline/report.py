"""One self-contained HTML report of the database: charts, a filterable table, highlighted evidence.

`build_report(db, out)` reads the active actions, their sources and evidence,
and writes ONE HTML file that needs no network: the Vega, Vega-Lite and
Vega-Embed libraries are inlined (the bundle `vl-convert-python` ships), and
the chart specs (Vega-Lite JSON), the page template, its CSS and JS are data
files under `pipeline/templates/`: Python only computes the datasets. The
page shows

- charts: actions per partner country; experts' country -> partner country
  (heatmap); the EU share of the experts mobilised; delivery and formats per year
  (year as in `v_actions_per_country_year`: period_start, else the first date);
- a table of the actions, filtered in the page by plain JS;
- each record's text with its extracted values marked where their evidence is
  (displaCy-style marks). Evidence offsets are in the source document; the
  record starts at `sources.offset_start`, so a mark's record-relative offset is
  `evidence.start - offset_start`. Values with status 'inferred' or 'ambiguous'
  are marked for review, and a record's review notes are listed under it.

All text from the database is escaped: by Jinja's autoescaping in the template,
by `html.escape` in `highlight()`, and chart specs are JSON with `<`, `>`, `&`
written as \\u escapes.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import jinja2
from babel import Locale
from markupsafe import Markup

from pipeline.paths import DB_PATH, OUTPUTS_DIR

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
CHARTS_DIR = TEMPLATES_DIR / "charts"  # Vega-Lite specs as data; each names its dataset in "data"
REPORT_PATH = OUTPUTS_DIR / "report.html"
REVIEW_STATUSES = frozenset({"inferred", "ambiguous"})
DELIVERY_ORDER = ("remote", "mixed", "onsite", "not stated")
_YEAR = "CAST(left(coalesce(period_start, dates[1].start), 4) AS INTEGER)"  # as v_actions_per_country_year


@dataclass(frozen=True)
class Mark:
    """Evidence placed in a record's text: record-relative [start, end) and what was extracted there."""

    start: int
    end: int
    field: str
    value: str | None
    rule: str
    status: str


@dataclass
class _Group:
    """The marks sharing one span, rendered as one <mark> element."""

    start: int
    end: int
    marks: list[Mark] = field(default_factory=list)

    @property
    def review(self) -> bool:
        return any(m.status in REVIEW_STATUSES for m in self.marks)

    def open_tag(self, continued: bool = False) -> str:
        fields = list(dict.fromkeys(m.field for m in self.marks))
        labels = list(dict.fromkeys(f"{m.field.replace('_', ' ')} {m.value or 'open'}" for m in self.marks))
        tip = "\n".join(f"{m.field} = {m.value} ({m.status}, rule {m.rule})" for m in self.marks)
        classes = ["ev", f"f-{fields[0]}"] + (["review"] if self.review else []) + (["cont"] if continued else [])
        attrs = {"class": " ".join(classes), "data-fields": " ".join(fields), "title": tip}
        if continued:  # the rest of a span cut by a crossing one: no offsets, no label
            attrs["data-cont"] = ""
        else:
            attrs |= {"data-start": str(self.start), "data-end": str(self.end), "data-label": " · ".join(labels),
                      "data-status": " ".join(sorted({m.status for m in self.marks}))}
        return "<mark " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">"


def highlight(text: str, marks: list[Mark]) -> str:
    """`text` as escaped HTML with one <mark> per distinct span, nested where spans nest.

    Marks outside the text or empty are left out. A span crossing the end of an
    enclosing one is closed there and continued in a second <mark data-cont>, so
    the HTML stays well formed; the text content of the result is `text` itself.
    """
    groups: dict[tuple[int, int], _Group] = {}
    for m in marks:
        if 0 <= m.start < m.end <= len(text):
            groups.setdefault((m.start, m.end), _Group(m.start, m.end)).marks.append(m)
    starts: dict[int, list[_Group]] = defaultdict(list)
    for g in sorted(groups.values(), key=lambda g: (g.start, -g.end)):
        starts[g.start].append(g)
    bounds = sorted({0, len(text)} | {g.start for g in groups.values()} | {g.end for g in groups.values()})
    out: list[str] = []
    stack: list[_Group] = []
    for i, pos in enumerate(bounds):
        if any(g.end == pos for g in stack):
            reopen = []
            while any(g.end == pos for g in stack):
                g = stack.pop()
                out.append("</mark>")
                if g.end != pos:
                    reopen.append(g)
            for g in reversed(reopen):
                out.append(g.open_tag(continued=True))
                stack.append(g)
        for g in starts.get(pos, []):
            out.append(g.open_tag())
            stack.append(g)
        if i + 1 < len(bounds):
            out.append(html.escape(text[pos:bounds[i + 1]]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def country_name(code: str | None) -> str:
    """English name of an ISO alpha-2 code (CLDR via babel, which knows XK); 'not said' for None."""
    if not code:
        return "not said"
    return Locale("en").territories.get(code, code)


def _year_labels(years: list[int | None]) -> dict[int | None, tuple[str, int]]:
    """Per year: the axis label with its number of actions, and a sort key (unknown last)."""
    counts: dict[int | None, int] = defaultdict(int)
    for y in years:
        counts[y] += 1
    return {y: (f"{y if y is not None else 'unknown'} ({n})", y if y is not None else 9999)
            for y, n in counts.items()}


def datasets(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The named datasets the chart specs under templates/charts/ read."""
    actions = data["actions"]
    per_country: dict[str | None, int] = defaultdict(int)
    for a in actions:
        per_country[a["partner_country"]] += 1
    years = _year_labels([a["year"] for a in actions])
    delivery, formats = [], []
    for a in actions:
        label, key = years[a["year"]]
        d = a["delivery"] or "not stated"
        delivery.append({"year_label": label, "year_sort": key, "delivery": d,
                         "delivery_order": DELIVERY_ORDER.index(d) if d in DELIVERY_ORDER else len(DELIVERY_ORDER)})
        formats += [{"year_label": label, "year_sort": key, "format": f} for f in (a["formats"] or ["none stated"])]
    return {
        "per_country": [{"code": c or "?", "name": country_name(c), "label": f"{c or '?'} {country_name(c)}", "n": n}
                        for c, n in per_country.items()],
        "flows": [{"expert": f["expert_country"], "expert_label": f["expert_country"] + ("" if f["expert_is_eu"] else "*"),
                   "expert_name": country_name(f["expert_country"]) + ("" if f["expert_is_eu"] else " (non-EU)"),
                   "partner": f["partner_country"] or "?", "partner_name": country_name(f["partner_country"]),
                   "n": f["n_actions"]} for f in data["flows"]],
        "experts": [{"country": e["country"], "name": country_name(e["country"]),
                     "label": f"{e['country']} {country_name(e['country'])}",
                     "group": "EU member" if e["is_eu"] else "non-EU", "n": e["n"]} for e in data["experts"]],
        "delivery": delivery,
        "formats": formats,
    }


def chart_specs(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each Vega-Lite spec of templates/charts/ (by file stem, in page order) with its dataset inlined."""
    values = datasets(data)
    specs = {}
    paths = sorted(CHARTS_DIR.glob("*.vl.json"))
    loaded = [(path, json.loads(path.read_text(encoding="utf-8"))) for path in paths]
    # page order: each spec's usermeta.order, then file name
    for path, spec in sorted(loaded, key=lambda ps: (ps[1].get("usermeta", {}).get("order", 99), ps[0].name)):
        name = spec["data"]["name"]
        if name not in values:
            raise KeyError(f"chart {path.name} reads dataset {name!r}; report.datasets() has {sorted(values)}")
        spec["datasets"] = {name: values[name]}
        specs[path.name.removesuffix(".vl.json")] = spec
    return specs


def vega_bundle_js() -> str:
    """Vega, Vega-Lite and Vega-Embed in one script (shipped by vl-convert-python: nothing is downloaded)."""
    import vl_convert

    return vl_convert.javascript_bundle()


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _sources(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """Per action: its source records with their highlighted text, counts of placed/review marks, notes."""
    evidence: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in _rows(con, 'SELECT action_id, doc, field, value, text, start, "end", rule, status FROM evidence'):
        evidence[(e["action_id"], e["doc"])].append(e)
    notes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for n in _rows(con, "SELECT doc, idx, note FROM notes ORDER BY doc, idx, note"):
        notes[(n["doc"], n["idx"])].append(n["note"])
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in _rows(con, """SELECT s.action_id, s.doc, s.idx, s.offset_start, s.text FROM sources s
                           JOIN actions a ON a.action_id = s.action_id AND a.status = 'active'
                           ORDER BY s.doc, s.idx"""):
        text, offset = s["text"], s["offset_start"]
        marks = [Mark(e["start"] - offset, e["end"] - offset, e["field"], e["value"], e["rule"], e["status"])
                 for e in evidence[(s["action_id"], s["doc"])]]
        # one action listed twice in a document shares the document's evidence: keep what matches this text
        placed = [m for m, e in zip(marks, evidence[(s["action_id"], s["doc"])])
                  if 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == e["text"]]
        out[s["action_id"]].append({
            "doc": s["doc"], "idx": s["idx"], "offset": offset, "html": Markup(highlight(text, placed)),
            "n_marks": len(placed), "n_review": sum(m.status in REVIEW_STATUSES for m in placed),
            "notes": notes[(s["doc"], s["idx"])],
        })
    return out


def collect(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Everything the template and the charts show, read from the database."""
    actions = _rows(con, f"""
        SELECT v.*, {_YEAR} AS year,
               EXISTS (SELECT 1 FROM evidence e WHERE e.action_id = v.action_id
                       AND e.status IN ('inferred', 'ambiguous'))
               OR EXISTS (SELECT 1 FROM notes n WHERE n.action_id = v.action_id) AS review,
               (SELECT min(doc || ':' || lpad(CAST(idx AS VARCHAR), 6, '0')) FROM sources s
                WHERE s.action_id = v.action_id) AS first_source
        FROM v_actions v ORDER BY first_source, action_id""")
    sources = _sources(con)
    for a in actions:
        a["sources"] = sources.get(a["action_id"], [])
        a["partner_name"] = country_name(a["partner_country"])
    experts = _rows(con, """SELECT x.country, x.is_eu, count(*) AS n FROM experts x
                            JOIN actions a ON a.action_id = x.action_id AND a.status = 'active'
                            GROUP BY ALL ORDER BY n DESC, x.country""")
    n_experts = sum(r["n"] for r in experts)
    run = _rows(con, "SELECT * FROM runs WHERE status = 'completed' ORDER BY run_id DESC LIMIT 1")
    rejects = _rows(con, "SELECT doc, idx, reason, left(text, 300) AS text FROM rejects ORDER BY doc, idx")
    return {
        "actions": actions,
        "flows": _rows(con, "SELECT * FROM v_expert_flows"),
        "experts": experts,
        "rejects": rejects,
        "run": run[0] if run else None,
        "stats": {
            "actions": len(actions),
            "partner_countries": len({a["partner_country"] for a in actions if a["partner_country"]}),
            "expert_countries": len({r["country"] for r in experts}),
            "eu_share": (sum(r["n"] for r in experts if r["is_eu"]) / n_experts) if n_experts else None,
            "review": sum(1 for a in actions if a["review"]),
            "rejects": len(rejects),
        },
    }


def _json_for_html(value: Any) -> Markup:
    """JSON safe inside a <script> element: no `<`, `>` or `&` survives as such."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _script(text: str) -> Markup:
    """Trusted JS for an inline <script>; a literal `</script` would end the element early."""
    return Markup(text.replace("</script", "<\\/script"))


def render(data: dict[str, Any], *, db_name: str = "", vega_bundle: str | None = None) -> str:
    """The report's HTML for `data` (from `collect`); `vega_bundle` defaults to the one vl-convert ships."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    specs = chart_specs(data)
    return env.get_template("report.html.j2").render(
        data=data,
        stats=data["stats"],
        db_name=db_name,
        generated=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        specs={name: _json_for_html(spec) for name, spec in specs.items()},
        css=Markup((TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")),
        js=_script((TEMPLATES_DIR / "report.js").read_text(encoding="utf-8")),
        vega=_script(vega_bundle if vega_bundle is not None else vega_bundle_js()),
        country_name=country_name,
        review_statuses=sorted(REVIEW_STATUSES),
    )


def _file_mode() -> int:
    """The mode a new file gets under the current umask (mkstemp's files are 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def build_report(db_path: Path = DB_PATH, out: Path = REPORT_PATH) -> dict[str, Any]:
    """Write the report of `db_path` to `out` atomically (temp file, then rename); return its stats."""
    from pipeline import store

    con = store.connect(Path(db_path))
    try:
        data = collect(con)
    finally:
        con.close()
    page = render(data, db_name=Path(db_path).name)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return data["stats"] | {"bytes": len(page.encode("utf-8"))}
