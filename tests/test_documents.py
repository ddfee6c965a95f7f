"""pipeline.documents: discovery, decoding, newline normalisation, kind, and the errors.

Errors must name the file and say what to do (STYLE.md): every DocumentError
case asserts the file name is in the message. Kinds are checked on the two real
corpus documents and on files that are no documents at all.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.documents import (
    Document,
    DocumentError,
    content_hash,
    decode,
    FieldLabel,
    detect_kind,
    discover,
    has_dash_records,
    labels,
    normalise_newlines,
    read_corpus,
    read_document,
)
from pipeline.paths import CORPUS_DIR

LISTING = "000_3a8d02358315f3d7.txt"
NEWS = "004_a00941e2d125b2e4.txt"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- discover ------------------------------------------------------------------
def test_discover_real_corpus_skips_gold() -> None:
    assert [p.name for p in discover(CORPUS_DIR)] == [LISTING, NEWS]


def test_discover_skips_gold_hidden_and_other_suffixes_sorted(tmp_path: Path) -> None:
    for rel in ("b.txt", "a.md", "sub/c.text", "gold/seed_gold.jsonl", "gold/note.txt", ".hidden.txt",
                ".cache/x.txt", "sub/.y.txt", "data.json", "z.TXT"):
        write(tmp_path / rel, "text")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/c.text", "z.TXT"]
    assert found == sorted(found)


def test_discover_missing_directory_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist; pass --corpus DIR"):
        discover(tmp_path / "nope")


def test_symlink_outside_corpus_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "  • Support to ANPE\n")
    secret = write(tmp_path / "outside" / "secret.txt", "  • A listing outside the corpus\n")
    link = corpus / "link.txt"
    link.symlink_to(secret)
    with pytest.raises(DocumentError, match=r"link\.txt resolves outside the corpus directory"):
        read_document(link, corpus)
    got = list(read_corpus(corpus))
    assert isinstance(got[0], Document) and got[0].name == "a.txt"
    assert isinstance(got[1], DocumentError) and "link.txt" in str(got[1])
    assert len(got) == 2


def test_discover_never_reads_through_symlinked_directory(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "inside")
    write(tmp_path / "outside" / "secret.txt", "outside the corpus")
    (corpus / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    got = list(read_corpus(corpus))  # skipped or refused, never read
    assert [g.name for g in got if isinstance(g, Document)] == ["a.txt"]
    assert all("secret.txt" in str(g) for g in got if isinstance(g, DocumentError))


def test_discover_accepts_symlink_inside_corpus(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "inside")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert [p.name for p in discover(tmp_path)] == ["a.txt", "b.txt"]
    assert read_document(tmp_path / "b.txt", tmp_path).text == "inside"


# -- kind ----------------------------------------------------------------------
@pytest.mark.parametrize(("name", "kind"), [(LISTING, "listing"), (NEWS, "news")])
def test_kind_of_corpus_documents(name: str, kind: str) -> None:
    doc = read_document(CORPUS_DIR / name)
    assert doc.kind == kind
    assert doc.name == name and doc.encoding == "utf-8"
    assert doc.content_hash == content_hash(doc.text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n   \n",
        "hello world",
        "doc,index,title\n000.txt,0,Support\n000.txt,1,Training\n",
        '{"doc": "000.txt", "index": 0, "title": "Support to the Ministry"}\n',
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore. "
        "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo. "
        "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla.",
    ],
    ids=["empty", "blank", "two-words", "csv", "jsonl", "non-english-prose"],
)
def test_non_documents_are_unknown(text: str) -> None:
    assert detect_kind(text) == "unknown"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("• Support to ANPE\n    Ministry of Labour\n", "listing"),  # first bullet without leading spaces
        ("  • Support to ANPE\n", "listing"),
        ("-\nSupport to ANPE\n- Partner Institution\n- ANPE\n", "listing"),  # dash list
        # blocks of "Label: value" lines, the title a labelled field (labelled.split_labelled)
        ("Actions\n\nAction title: Support to ANPE\nCountry: Niger\nBeneficiary institution: ANPE\n\n"
         "Action title: Pension reform\nCountry: Togo\nSummary: Experts advised the fund. They met the board.\n",
         "listing"),
        # headings over bold labels (a Markdown page as converted)
        ("Actions\n\nSupport to ANPE\n- Partner: ANPE\n- Country: Niger\n\nPension reform\n- Partner: CRT\n"
         "- Description: Experts advised the fund. They met the board of the fund twice in 2022.\n", "listing"),
    ],
)
def test_listing_layouts_are_listings(text: str, kind: str) -> None:
    assert detect_kind(text) == kind


def test_a_news_page_with_a_menu_list_is_news() -> None:
    """Bullets that follow one another (a site menu, related stories) open no record."""
    text = ("KUNA – Kuwait News Agency\n  • Main\n  • Kuwait\n  • Photos\n"
            "PAM, EU experts look at faster ways to settle labour disputes\n19/02/2020 12:41 PM\n"
            "KUWAIT, Feb 19 (KUNA) -- The Public Authority for Manpower (PAM) on Wednesday wrapped up a two-day "
            "seminar on the settlement of labour disputes, organised with experts of the SOCIEUX+ facility.\n"
            "The two experts were in Kuwait from February 15 to 20 and analysed some 300 complaint files.\n"
            "More from Kuwait\n  • Amir receives credentials of new ambassadors\n"
            "  • Kuwait Fund signs road loan agreement\nCopyright © Kuwait News Agency\n")
    assert detect_kind(text) == "news"
    # the same bullets with records' lines under them are a listing, indented or not
    assert detect_kind("  • Support to the Ministry of Labour\n    Ministry of Labour\n    Training\n" + text) == "listing"
    unindented = ("• Support to the Ministry of Labour\nMinistry of Labour (MoL)\nTraining\n"
                  "• Review of the pension scheme of the institute\nNational Social Security Institute\nAssessment\n")
    assert detect_kind(unindented + text) == "listing"


@pytest.mark.parametrize(
    "text",
    [
        "Experts support Angola\nIn October 2022, SOCIEUX+ mobilised Spanish and Portuguese experts to support "
        "the Ministry of Public Administration, Labour and Social Security of Angola (MAPTSS). The experts "
        "delivered a training of trainers for 30 officials of the National Institute of Social Security (INSS).\n",
        "Counsellors trained\nIn March 2023, experts from Czechia delivered a course for the counsellors of the "
        "agency of the Republic of Moldova in the spring of 2023. It contributes to the recovery from COVID-19.\n",
    ],
    ids=["ends-in-acronym", "ends-in-year-and-number"],
)
def test_prose_whose_sentences_end_in_acronyms_or_numbers_is_news(text: str) -> None:
    assert detect_kind(text) == "news"


# -- decoding ------------------------------------------------------------------
FRENCH = ("Le Ministère de l’Emploi et de la Formation professionnelle du Sénégal a reçu l’appui d’experts "
          "français – une coopération menée à distance.\n")


def test_utf8_with_bom() -> None:
    text, encoding = decode("\ufeff  • Ministère de l'Emploi\n".encode("utf-8"))
    assert text == "  • Ministère de l'Emploi\n"
    assert encoding == "utf-8"


def test_utf8_without_bom() -> None:
    assert decode("Ministère de l’Emploi".encode("utf-8")) == ("Ministère de l’Emploi", "utf-8")


def test_cp1252_prose_decoded() -> None:
    text, encoding = decode(FRENCH.encode("cp1252"))
    assert text == FRENCH
    assert encoding == "cp1252"


@pytest.mark.parametrize(
    "text",
    [
        "Ministère de l'Emploi",
        "  • Support to the Ministère de l'Emploi of Senegal\n    Ministère de l'Emploi\n    Policy development\n"
        "    French experts trained the staff of the ministry on job counselling.\n",
    ],
    ids=["phrase", "english-listing"],
)
def test_cp1252_short_text_decoded(text: str) -> None:
    assert decode(text.encode("cp1252"))[0] == text


def test_cp1252_file_read(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "fr.txt", FRENCH.encode("cp1252")))
    assert doc.text == FRENCH
    assert doc.content_hash == content_hash(FRENCH)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\r\nb\r\nc", "a\nb\nc"),
        (b"a\rb\rc\r", "a\nb\nc\n"),
        (b"a\r\n\r\nb\rc\n", "a\n\nb\nc\n"),
        (b"a\r\r\nb", "a\n\nb"),
    ],
    ids=["crlf", "cr", "mixed", "cr-then-crlf"],
)
def test_newlines_normalised_to_lf(tmp_path: Path, raw: bytes, expected: str) -> None:
    assert normalise_newlines(raw.decode()) == expected
    assert read_document(write(tmp_path / "nl.txt", raw)).text == expected


def test_no_break_spaces_become_spaces_keeping_offsets() -> None:
    text = "Ministry\u00a0of Labour\r\n"
    assert normalise_newlines(text) == "Ministry of Labour\n"


def test_mojibake_repaired(tmp_path: Path) -> None:
    # UTF-8 once decoded as cp1252 and saved again as UTF-8 ("MinistÃ¨re")
    broken = "  • Support to the Ministère de l’Emploi\n".encode("utf-8").decode("cp1252")
    assert "Ã¨" in broken
    doc = read_document(write(tmp_path / "moji.txt", broken))
    assert doc.text == "  • Support to the Ministère de l’Emploi\n"


def test_crlf_offsets_match_lf_text(tmp_path: Path) -> None:
    # the same document with CRLF and LF endings gives the same text and hash (offsets refer to LF text)
    text = read_document(CORPUS_DIR / NEWS).text
    crlf = read_document(write(tmp_path / NEWS, text.replace("\n", "\r\n").encode("utf-8")))
    assert crlf.text == text
    assert crlf.content_hash == content_hash(text)


# -- errors --------------------------------------------------------------------
def test_nul_bytes_rejected_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.txt", b"  \xe2\x80\xa2 Title\x00\x00\x01\x02")
    with pytest.raises(DocumentError, match=r"scan\.txt looks binary \(NUL bytes\)"):
        read_document(path)
    with pytest.raises(DocumentError, match="scan.txt"):
        decode(path.read_bytes(), path.name)


@pytest.mark.parametrize("data", [b"", b"\n\r\n  \t\n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom-only"])
def test_empty_file_rejected_naming_the_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DocumentError, match=r"empty\.txt is empty; nothing to extract"):
        read_document(write(tmp_path / "empty.txt", data))


def test_unreadable_path_rejected_naming_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(DocumentError, match=r"cannot read .*folder\.txt: .*; check it exists and is readable"):
        read_document(folder)
    with pytest.raises(DocumentError, match=r"cannot read .*missing\.txt"):
        read_document(tmp_path / "missing.txt")


def test_permission_denied_rejected_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", "  • Title\n")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: simulate the OS refusing the read

        def refuse(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", refuse)
    try:
        with pytest.raises(DocumentError, match=r"cannot read .*locked\.txt: Permission denied"):
            read_document(path)
    finally:
        path.chmod(0o644)


def test_read_corpus_reports_bad_files_and_reads_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "  • Support to ANPE\n")
    write(tmp_path / "b.txt", b"\x00\x01binary")
    got = list(read_corpus(tmp_path))
    assert [type(g).__name__ for g in got] == ["Document", "DocumentError"]
    assert got[0].kind == "listing"
    assert "b.txt" in str(got[1])


@pytest.mark.parametrize("text", [
    "Plain ASCII listing\n  • Title\n    Ministry of Labour\n",
    "Ministère du Travail\nMinistÃ¨re du Travail\n",  # one clean line, one mojibake line
    "ASCII line\n" * 50 + "Ã©tude â€“ a mojibake line\n" + "ASCII again\n" * 50,
    "Côte d’Ivoire – Ministério do Trabalho\nno problem here\n",
    "ï»¿ BOM read as cp1252\n",
    # ftfy's patterns that do not need two adjacent non-ASCII characters
    "Ã tiny\n", "costa Ã rica\n", "a Â ‘x\n", "x Â \n", "ľœ.\n", "В•С\n", "Β•Γ\n", "price . Â – x\n",
    # lines with single non-ASCII characters only (skipped without running ftfy)
    "Minister’s • visit – São Tomé, Côte d’Ivoire\n",
])
def test_mojibake_check_only_reads_non_ascii_lines_and_agrees_with_ftfy(text: str) -> None:
    import ftfy

    from pipeline.documents import has_mojibake

    assert has_mojibake(text) == ftfy.is_bad(text)


def test_a_news_item_with_a_few_labelled_lines_is_news() -> None:
    text = ("Ghana trains its labour inspectors\nPublished: 12 March 2024\nCountry: Ghana\nPartner: Ministry of Labour\n\n"
            "The Ministry of Labour asked SOCIEUX+ for support with the reform of its inspection services. Two experts "
            "came to Accra in May and trained forty inspectors of the regional offices.\n\nTags: Labour inspection\n")
    assert detect_kind(text) == "news"


@pytest.mark.parametrize(("line", "dash"), [
    ("- Partner Institution", True),  # the spec's label, alone on its line
    ("- Beneficiary institution", True),  # a multi-word synonym may stand alone
    ("- Summary", False),  # a one-word label only before a colon: alone, a heading or a list item
    ("- To", False),
    ("- Partner: Ministry of Labour", False),  # a label with its value is no dash list's label line
])
def test_only_labels_that_may_stand_alone_make_a_dash_list(line: str, dash: bool) -> None:
    assert has_dash_records("Actions\n" + line + "\n") is dash


def test_record_labels_carry_field_form_and_own_line() -> None:
    assert labels()["partner institution"] == FieldLabel("partner_institution", "any", True)
    assert labels()["action id"].form == "code" and labels()["period"] == FieldLabel("period", "range", False)
    assert labels()["country"].field == "country"
