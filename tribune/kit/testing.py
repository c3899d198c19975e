"""Hostile and ordinary Office files, built in memory for the tests and the bench: the Word file
of many tiny paragraphs, the zip bomb, a part with a DOCTYPE. Pure: no Django import."""

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')


def docx_of(body_xml: str, *, doctype: str = "") -> bytes:
    """A minimal .docx whose body is `body_xml` (w: elements)."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def paragraphs_docx(texts) -> bytes:
    return docx_of("".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts))


def many_paragraphs_docx(n: int = 600_000) -> bytes:
    """The file that held SQLite's write lock for half a minute: n one-character paragraphs
    (600,000 make a file of about 90 KB)."""
    return paragraphs_docx("字" for _ in range(n))


def zip_bomb_docx(megabytes: int = 1024) -> bytes:
    """A .docx whose document part expands to `megabytes` of XML (whitespace between two
    paragraphs), from a file of about 1 MB per GB. Written in chunks, so building it takes
    little memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
                       '<w:p><w:r><w:t>标题</w:t></w:r></w:p>'.encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"<w:p><w:r><w:t>end</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>')
