"""User markdown and HTML made safe for the page: escaping, sanitizing, link destinations.

Markdown is cut into text, code spans and fenced code the way a CommonMark or GFM
renderer will read it, erring on the side of text wherever a renderer could read it
otherwise (text is escaped, code is shown as written). HTML that is meant to render
(``st.html``, ``unsafe_allow_html=True``, an element's own markup) goes through nh3, the
Python binding of the maintained ammonia sanitizer: no scripts, event handlers or
``javascript:`` URLs survive it.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable

import nh3

from jupyter_fragments._output.urls import is_safe_link

Segment = tuple[str, str]  # (kind, source): kind is "text", "code" (a span) or "fence"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_OPEN_FENCE = re.compile(r"(`{3,})[^`]*|(~{3,}).*")  # at column 0 only: see _segments
_TICKS = re.compile(r"`+")
_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(?=</style>)", flags=re.DOTALL | re.IGNORECASE)
_DESTINATION = re.compile(r"[ \t]*(?:\r\n|\r|\n)?[ \t]*(<[^<>\r\n]*>|(?:[^\s()]|\([^\s()]*\))+)")
_LINK_DEFINITION = re.compile(
    r"^( {0,3}\[[^\]]+\]:[ \t]*(?:\r\n|\r|\n)?[ \t]*)(<[^<>\r\n]*>|\S+)", flags=re.MULTILINE
)

# What st.html and unsafe markdown may keep: DOMPurify's idea of harmless HTML, in nh3's terms.
_TAGS = set(nh3.ALLOWED_TAGS) | {
    *("style", "font", "section", "main", "tfoot", "caption", "label", "progress", "meter"),
    *("audio", "video", "source", "track", "picture", "svg", "g", "path", "circle", "rect"),
    *("line", "polyline", "polygon", "ellipse", "text", "tspan", "defs", "linearGradient"),
    *("radialGradient", "stop"),
}
_SVG_ATTRIBUTES = {
    *("viewBox", "xmlns", "fill", "stroke", "stroke-width", "stroke-linecap", "d", "cx", "cy"),
    *("r", "rx", "ry", "x", "y", "x1", "x2", "y1", "y2", "points", "transform", "offset"),
    *("stop-color", "stop-opacity", "opacity", "fill-opacity", "font-size", "font-family"),
    *("text-anchor", "dominant-baseline", "gradientUnits", "preserveAspectRatio"),
}
_MEDIA_ATTRIBUTES = {"src", "controls", "loop", "muted", "autoplay", "preload", "poster", "type"}
_GENERIC = {"class", "style", "id", "title", "lang", "dir", "role", "align", "width", "height"}


def _attributes() -> dict[str, set[str]]:
    allowed = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    allowed["*"] = set(_GENERIC)
    for tag in ("svg", "g", "path", "circle", "rect", "line", "polyline", "polygon"):
        allowed.setdefault(tag, set()).update(_SVG_ATTRIBUTES)
    for tag in ("ellipse", "text", "tspan", "linearGradient", "radialGradient", "stop"):
        allowed.setdefault(tag, set()).update(_SVG_ATTRIBUTES)
    for tag in ("audio", "video", "source"):
        allowed.setdefault(tag, set()).update(_MEDIA_ATTRIBUTES)
    allowed["track"] = {"src", "kind", "label", "srclang", "default"}
    allowed["font"] = {"color", "face", "size"}
    allowed["a"] = {*allowed.get("a", set()), "target"}
    allowed["progress"] = allowed["meter"] = {"value", "max", "min"}
    return allowed


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """URLs in ``href``/``src``: ``data:`` only for images and media sources."""
    if name not in ("href", "src", "poster", "cite"):
        return value
    lowered = value.strip().lower()
    if not lowered.startswith("data:"):
        return value if is_safe_link(value) else None
    media = ("data:image/",) if tag == "img" else ("data:audio/", "data:video/")
    if name == "src" and lowered.startswith(media) and tag in ("img", "audio", "video", "source"):
        return value
    return None


@functools.lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=_TAGS,
        clean_content_tags={"script"},
        attributes=_attributes(),
        attribute_filter=_keep_attribute,
        url_schemes={"http", "https", "mailto", "tel", "data"},
        link_rel="noopener noreferrer",
        generic_attribute_prefixes={"data-", "aria-"},
        strip_comments=True,
    )


def sanitize_html(markup: str) -> str:
    """``markup`` with scripts, event handlers and script URLs removed (styles stay)."""
    return _cleaner().clean(markup)


# ------------------------------------------------------------------ markdown structure
def _segments(text: str) -> list[Segment]:
    """``text`` as text, code spans and fenced code; the sources add up to ``text``.

    Only fences that open at column 0 are code: an indented fence may belong to a list
    item that ends before it does. After a closing line that one dialect accepts and
    another does not (a closing fence followed by more fence characters), no later fence
    is trusted.
    """
    segments: list[Segment] = []
    region: list[str] = []
    fence: list[str] = []
    closes: Callable[[str], str | None] | None = None
    trusted = True
    for line in _LINE.findall(text):
        body = line.rstrip("\r\n")
        if closes is not None:
            fence.append(line)
            verdict = closes(body)
            if verdict is not None:
                segments.append(("fence", "".join(fence)))
                fence, closes = [], None
                trusted = trusted and verdict == "clean"
            continue
        opening = _OPEN_FENCE.fullmatch(body) if trusted else None
        if opening is not None:
            segments.extend(_region(region))
            region, fence = [], [line]
            closes = _closer(opening.group(1) or opening.group(2))
        elif not body.strip(" \t"):
            segments.extend(_region(region))
            region = []
            segments.append(("text", line))
        else:
            region.append(line)
    segments.extend(_region(region))
    if fence:  # an unclosed fence runs to the end of the document
        segments.append(("fence", "".join(fence)))
    return segments


def _closer(opening: str) -> Callable[[str], str | None]:
    pattern = re.compile(rf" {{0,3}}{re.escape(opening[0])}{{{len(opening)},}}(.*)")

    def closes(body: str) -> str | None:
        match = pattern.fullmatch(body)
        if match is None:
            return None
        rest = match.group(1)
        if not rest.strip(" \t"):
            return "clean"
        return "ambiguous" if not rest.strip(" \t`~") else None

    return closes


def _region(lines: list[str]) -> list[Segment]:
    """A paragraph-like run of lines: its code spans, when no renderer can pair them otherwise.

    Spans are matched within a line. A backtick run left unmatched (it could pair with
    one on another line), or escaped by a backslash, makes the whole region text; so
    does a ``|`` inside a span (GFM splits table cells before it finds spans), and so
    is every span after a ``](`` or ``]:`` (a link's destination and title are read
    before spans, and may run over lines).
    """
    source = "".join(lines)
    if "`" not in source:
        return [("text", source)] if source else []
    links = [at for at in (source.find("]("), source.find("]:")) if at >= 0]
    link_at = min(links, default=len(source))
    segments: list[Segment] = []
    offset = 0
    for line in lines:
        pos = 0
        while (tick := _TICKS.search(line, pos)) is not None:
            length = len(tick.group())
            closing = next(
                (t for t in _TICKS.finditer(line, tick.end()) if t.end() - t.start() == length),
                None,
            )
            if closing is None or line[tick.start() - 1 : tick.start()] == "\\":
                return [("text", source)]
            span = line[tick.start() : closing.end()]
            code = "|" not in span and offset + tick.start() < link_at
            segments.append(("text", line[pos : tick.start()]))
            segments.append(("code" if code else "text", span))
            pos = closing.end()
        segments.append(("text", line[pos:]))
        offset += len(line)
    return [s for s in segments if s[1]]


# ------------------------------------------------------------------ escaping, sanitizing
def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def escape_markdown_html(text: str) -> str:
    """Neutralize raw HTML in markdown, leaving code spans and fenced code as written.

    Only ``<`` and ``&`` need escaping to stop tags and entities; ``>`` stays so that
    blockquotes keep working. Inside code the renderer shows characters literally.
    """
    if "<" not in text and "&" not in text:
        return text
    return "".join(part if kind != "text" else _escape(part) for kind, part in _segments(text))


def _neutralize_links(text: str) -> str:
    """``text`` with every link destination that could run script replaced by ``#``.

    Every ``](`` is looked at, overlapping ones too: ``[a]([b](javascript:...)``.
    """
    if "](" not in text and "]:" not in text:
        return text
    at = text.find("](")
    while at >= 0:
        found = _DESTINATION.match(text, at + 2)
        if found is not None and not is_safe_link(found.group(1)):
            text = f"{text[: found.start(1)]}#{text[found.end(1) :]}"
        at = text.find("](", at + 1)

    def fix(match: re.Match[str]) -> str:
        return match.group(0) if is_safe_link(match.group(2)) else f"{match.group(1)}#"

    return _LINK_DEFINITION.sub(fix, text)


def _code_html(kind: str, source: str) -> str:
    """Code as HTML that neither HTML nor markdown reads into: every sign an entity."""
    if kind == "code":
        ticks = len(source) - len(source.lstrip("`"))
        content = source[ticks:-ticks]
        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
            content = content[1:-1]
        return f"<code>{_entities(content)}</code>"
    lines = _LINE.findall(source)
    opening = _OPEN_FENCE.fullmatch(lines[0].rstrip("\r\n"))
    closes = _closer(opening.group(1) or opening.group(2)) if opening else None
    closed = closes is not None and len(lines) > 1 and closes(lines[-1].rstrip("\r\n")) is not None
    body = "".join(lines[1:-1] if closed else lines[1:])
    return f"<pre><code>{_entities(body)}</code></pre>\n"


def _entities(text: str) -> str:
    return "".join(c if c.isalnum() or c in " \n\t" else f"&#{ord(c)};" for c in text)


def sanitize_markdown(text: str) -> str:
    """Markdown whose HTML outside code is sanitized by nh3, and whose links are safe.

    Markdown without raw HTML keeps its code as written. With HTML, code spans and
    fences become ``<code>``/``<pre>`` elements (with their text as entities), so that
    nothing in them is read as HTML or markdown wherever the renderer puts them.
    """
    if "<" not in text and "](" not in text and "]:" not in text:
        return text
    segments = _segments(text)
    if not any(kind == "text" and "<" in part for kind, part in segments):
        return "".join(
            _neutralize_links(part) if kind == "text" else part for kind, part in segments
        )
    nonce = secrets.token_hex(8)
    codes: dict[str, str] = {}
    parts: list[str] = []
    for kind, part in segments:
        if kind == "text":
            parts.append(part)
        else:
            token = f"jfcode{nonce}n{len(codes)}x"
            codes[token] = _code_html(kind, part)
            parts.append(token)
    # ``>`` in text must stay a blockquote marker for the markdown renderer
    clean = sanitize_html("".join(parts)).replace("&gt;", ">")
    # a style sheet is raw text to HTML but not to a markdown renderer that reads the
    # ``<style>`` as code: no ``<`` in it may start a tag there (CSS reads ``\3c`` as ``<``)
    clean = _STYLE.sub(lambda m: m.group(1) + m.group(2).replace("<", "\\3c "), clean)
    clean = _neutralize_links(clean)
    for token, markup in codes.items():
        clean = clean.replace(token, markup)
    return clean
