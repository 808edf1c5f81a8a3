from __future__ import annotations

from pathlib import Path

import pytest

from dealqa.corpus import load
from dealqa.errors import LoadError
from tests.conftest import CORPUS, SEEDS

# A one-page PDF whose page says "Colossus PDF text", written out by hand (no PDF library needed).
_PDF_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    None,  # the content stream, below
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]


def tiny_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 10 50 Td ({text}) Tj ET".encode()
    objects = list(_PDF_OBJECTS)
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_corpus_markdown_has_ids_titles_and_verbatim_text() -> None:
    center = load(CORPUS / "colossus-center-of-gravity.md")
    lease = load(CORPUS / "spacex-leases-colossus-1.md")
    assert (center.id, lease.id) == ("colossus-center-of-gravity", "spacex-leases-colossus-1")
    assert center.title.startswith("SpaceX's Colossus Cluster")
    assert center.metadata["origin"] == "000_8996da50bdf8c38a.txt"
    if SEEDS.is_dir():  # the seeds sit beside the repository in the workspace and in CI
        assert (SEEDS / "000_8996da50bdf8c38a.txt").read_text().strip() == center.text.strip()
        assert (SEEDS / "003_6ca9bd3f6ca8ab8f.txt").read_text().strip() == lease.text.strip()


def test_html_keeps_main_text_and_drops_scripts_and_navigation(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Deal page</title><script>alert('x')</script></head><body>"
        "<nav>Home | News</nav><article><h1>Colossus</h1><p onclick='evil()'>Memphis hosts it.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    article = load(page)
    assert article.title == "Deal page"
    assert "Memphis hosts it." in article.text
    assert "alert" not in article.text and "Home" not in article.text and "Copyright" not in article.text


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(tiny_pdf("Colossus PDF text"))
    assert "Colossus PDF text" in load(pdf).text


def test_latin1_and_utf16_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Café in Memphis, Tennessee.".encode("latin-1"))
    (tmp_path / "wide.txt").write_bytes("Colossus 1 in Memphis.".encode("utf-16"))
    assert load(tmp_path / "latin.txt").text == "Café in Memphis, Tennessee."
    assert load(tmp_path / "wide.txt").text == "Colossus 1 in Memphis."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "no text"),
        ("junk.txt", bytes(range(256)) * 8, "binary content"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
        ("broken.pdf", b"%PDF-1.4 garbage", "corrupt PDF"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nBody text.", "front matter"),
        ("blank.md", b"---\ntitle: Only a title\n---\n   \n", "no text"),
    ],
)
def test_unreadable_files_raise_a_named_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load(path)


def test_size_limit_is_enforced(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    with pytest.raises(LoadError, match="over the 100-byte limit"):
        load(big, max_bytes=100)


def test_html_blocks_stay_paragraphs_and_nested_ones_count_once(tmp_path: Path) -> None:
    # A headline and a byline end with no full stop: they must not run into the first paragraph,
    # and a pull quote's paragraph is read once, with its attribution.
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><h1>Vantor wins Harwick port concession</h1>"
        "<p class='byline'>By Ana Ruiz | Published 3 May 2031</p>"
        "<p>Vantor will invest\n$1.2 billion in the terminal.</p>"
        '<blockquote><p>"A gateway for the coast."</p><cite>Ben Ode, Vantor</cite></blockquote>'
        "<ul><li><p>Berths: two</p></li></ul></article></body></html>"
    )
    paragraphs = load(page).text.split("\n\n")
    assert paragraphs == [
        "Vantor wins Harwick port concession",
        "By Ana Ruiz | Published 3 May 2031",
        "Vantor will invest\n$1.2 billion in the terminal.",
        '"A gateway for the coast." Ben Ode, Vantor',
        "Berths: two",
    ]


def test_html_table_rows_are_read_as_lines_and_layout_tables_as_their_blocks(tmp_path: Path) -> None:
    # Terms often sit only in a table: each row is a line of its cells, as a Markdown table's; a
    # table that lays out a page is read by the paragraphs it holds.
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>Vantor pays Quarry over three years.</p>"
        "<table><caption>Payments by year</caption><tr><th>Year</th><th>Payment</th></tr>"
        "<tr><td>2032</td><td>&euro;160m</td></tr></table>"
        "<table><tr><td><p>Quarry makes pumps.</p><p>It has 40 staff.</p></td></tr></table>"
        "</article></body></html>"
    )
    assert load(page).text.split("\n\n") == [
        "Vantor pays Quarry over three years.",
        "Payments by year",
        "| Year | Payment |",
        "| 2032 | €160m |",
        "Quarry makes pumps.",
        "It has 40 staff.",
    ]


def test_a_wire_dateline_names_the_outlet_when_no_metadata_does(tmp_path: Path) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text("Vantor buys Quarry\n\nSAN ANTONIO, May 4 (Capstan Wire) - Vantor Systems agreed to buy Quarry.\n")
    assert load(wire).metadata["outlet"] == "Capstan Wire"
    # front matter wins; a bracket later in the text is no dateline
    page = tmp_path / "page.md"
    page.write_text("---\noutlet: Orwin Courier\n---\nSAN ANTONIO, May 4 (Capstan Wire) - Vantor agreed.\n")
    assert load(page).metadata["outlet"] == "Orwin Courier"
    plain = tmp_path / "plain.txt"
    plain.write_text("Vantor buys Quarry\n\nVantor Systems (the buyer) - a freight firm - agreed on May 4.\n")
    assert "outlet" not in load(plain).metadata


def test_an_html_title_names_the_site_after_a_bar(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Vantor buys Quarry | Orwin Courier</title></head><body><p>Hi.</p></body>")
    article = load(page)
    assert (article.title, article.metadata["outlet"]) == ("Vantor buys Quarry", "Orwin Courier")
    # a site named by a tag wins
    page.write_text(
        "<html><head><title>Vantor buys Quarry | OC</title><meta property='og:site_name' content='The Orwin Courier'>"
        "</head><body><p>Text.</p></body></html>"
    )
    assert load(page).metadata["outlet"] == "The Orwin Courier"
