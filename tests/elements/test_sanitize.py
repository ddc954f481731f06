"""Markdown escaping and sanitizing, checked against a CommonMark/GFM renderer.

What matters is what a markdown renderer makes of the kernel's output: markdown-it-py
(CommonMark, and its GFM-like preset with tables) renders it, and the rendered HTML
must hold no event handler, script or script URL, for hostile inputs that are known to
slip past escaping that pairs code spans or fences differently from a renderer.
"""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from jupyter_fragments._output.sanitize import (
    escape_markdown_html,
    sanitize_html,
    sanitize_markdown,
)

X = "<img src=x onerror=alert(1)>"

HOSTILE = [
    "a ` b\n`" + X + "`",  # a code span pairing across lines
    "\\`" + X + "`",  # an escaped backtick is no code span
    " - a\n   ```\n" + X + "\n   ```\n" + X,  # a fence in a list item ends with the item
    "```x`\n" + X + "\n```",  # a backtick fence's info string has no backtick
    "```\n``` x\n" + X + "\n```\n" + X + "\n```",  # a closing fence has no info string
    "```\n```~\n" + X + "\n```\n" + X,  # closes in one dialect, not in the other
    "x\u2028```\n" + X,  # U+2028 is no line break to markdown
    "| a | b |\n|---|---|\n| `x | " + X + "` |",  # GFM splits cells before spans
    "# a `\n" + X + "`",
    "[x](&lt;`)` " + X + "`",  # a link destination is read before spans
    '[a](/u "`") ' + X + '`")',  # and so is its title
    "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x]: javascript:alert(1)\n\n[x]",
    "![i](javascript:alert(1))",
    "[a]([b](javascript:alert(1))",
    "[x](\rjavascript:alert(1))",
    "<pre>\n```\n" + X + "\n```\n</pre>",
    "<div>`" + X + "`</div>",
    "`|<pre><style><]: </b>" + X + "\r]:     <style>`\n\n-->- " + X,
    "<style>a{}</style>`<style>` " + X,
    "<a href='javascript:alert(1)'>x</a>",
    "<svg><a href='javascript:x'><circle onload=1 /></a></svg>",
]


class _Live(HTMLParser):
    """What a browser would run: scripts, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[object] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            url = (value or "").strip().lower()
            if name.startswith("on") or (
                name in ("href", "src") and url.startswith(("javascript:", "data:text"))
            ):
                self.found.append((tag, name, value))


def _renderers() -> list[MarkdownIt]:
    gfm = MarkdownIt("gfm-like", {"html": True, "linkify": False}).disable("linkify")
    found = [MarkdownIt("commonmark", {"html": True}), gfm]
    for renderer in found:
        renderer.validateLink = lambda url: True  # as marked: every URL is kept
    return found


RENDERERS = _renderers()


def live(markdown: str) -> list[object]:
    found: list[object] = []
    for renderer in RENDERERS:
        parser = _Live()
        parser.feed(renderer.render(markdown))
        parser.close()
        found += parser.found
    return found


def test_the_renderers_show_live_html_as_given() -> None:
    assert live(X) and live("[x](javascript:alert(1))") and live("a ` b\n`" + X + "`")


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_markdown_renders_nothing_live(source: str) -> None:
    assert live(sanitize_markdown(escape_markdown_html(source))) == []  # st.markdown(x)
    assert live(sanitize_markdown(source)) == []  # st.markdown(x, unsafe_allow_html=True)


def test_random_markdown_renders_nothing_live() -> None:
    atoms = [
        *("`", "``", "```", "~~~", "\n", "\n\n", " ", "    ", "- ", "> ", "1. ", "|", "\\"),
        *(X, "<b>", "</b>", "<div>", "<pre>", "</pre>", "<style>", "</style>", "<!--"),
        *("[x](", "](", "javascript:alert(1)", ")", "]: ", "[x]", "a", "<", "&", "\r", "\t"),
        *("&#106;", "&colon;", "<javascript:alert(1)>", "$"),
    ]
    pick = random.Random(14)
    for _ in range(1500):
        source = "".join(pick.choice(atoms) for _ in range(pick.randint(2, 16)))
        assert live(sanitize_markdown(escape_markdown_html(source))) == [], source
        assert live(sanitize_markdown(source)) == [], source


def test_escaping_keeps_code_and_markdown_as_written() -> None:
    source = "**bold** `a < b` & <b>x</b>\n\n> quote\n\n```html\n<p>code</p>\n```\n"
    escaped = escape_markdown_html(source)
    assert escaped == (
        "**bold** `a < b` &amp; &lt;b>x&lt;/b>\n\n> quote\n\n```html\n<p>code</p>\n```\n"
    )
    assert sanitize_markdown(escaped) == escaped  # nothing left to sanitize
    assert escape_markdown_html("`` a ` b ``  <i>") == "`` a ` b ``  &lt;i>"


def test_html_in_markdown_is_sanitized_and_code_stays_code() -> None:
    source = "> q <b onclick=x>b</b> `<i>` [go](javascript:x) [ok](https://a.b/c_(d))"
    assert sanitize_markdown(source) == (
        "> q <b>b</b> <code>&#60;i&#62;</code> [go](#) [ok](https://a.b/c_(d))"
    )
    fenced = sanitize_markdown("<br>\n\n```py\nif a < b: print('<x>')\n```\n")
    assert fenced == (
        "<br>\n\n<pre><code>if a &#60; b&#58; print&#40;&#39;&#60;x&#62;&#39;&#41;\n</code></pre>\n"
    )


def test_style_sheets_stay_but_cannot_start_tags() -> None:
    assert sanitize_html("<style>p > b { color: red }</style><p>x</p>") == (
        "<style>p > b { color: red }</style><p>x</p>"
    )
    assert sanitize_markdown("<style>a::after { content: '<b>' }</style>") == (
        "<style>a::after { content: '\\3c b>' }</style>"
    )


def test_sanitize_html_keeps_what_pages_use() -> None:
    markup = (
        '<div class="card" id="c1" data-x="1" aria-label="A card"><img src="data:image/png;'
        'base64,AAAA" alt="a"><a href="https://example.com" target="_blank">e</a>'
        '<audio controls="" src="data:audio/wav;base64,AAAA"></audio></div>'
    )
    assert sanitize_html(markup) == markup.replace(
        'target="_blank">', 'target="_blank" rel="noopener noreferrer">'
    )
    assert sanitize_html('<a href="data:text/html,x">x</a><img src="javascript:x">') == (
        '<a rel="noopener noreferrer">x</a><img>'
    )
