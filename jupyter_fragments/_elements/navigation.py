"""Multipage apps in one ``%%app``: ``st.Page``, ``st.navigation``, ``st.page_link`` and
``st.switch_page``.

The app's script is the frame around its pages: ``st.navigation`` draws the menu and
returns the page to show, whose ``run()`` draws it. Opening another page (the menu, a page
link, ``st.switch_page``) is a full rerun with that page. Each app keeps its pages and the
page it shows across runs (per kernel, on the shell); ``st.session_state`` is shared.
"""

from __future__ import annotations

import re
import sys
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import ipywidgets as widgets

from jupyter_fragments._elements._core import add_layout, add_static, render_input, require_context
from jupyter_fragments._elements.appinfo import get_option, kept_on_shell, replace_query_params
from jupyter_fragments._elements.layout import Container, sidebar
from jupyter_fragments._elements.params import common_params
from jupyter_fragments._elements.scripts import page_script
from jupyter_fragments._elements.streamlit_errors import StreamlitPageNotFoundError
from jupyter_fragments._elements.text import caption
from jupyter_fragments._output.bundles import display_output, escape_html
from jupyter_fragments._output.urls import safe_url
from jupyter_fragments._page.blocks import Block
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.fragment import rerun, stop
from jupyter_fragments._runtime.session import current_context
from jupyter_fragments._widgets.navigation import NAVIGATION_ITEM, PAGE_LINK, PageButtonKind
from jupyter_fragments.errors import FragmentsAPIError

_STORE = "_jupyter_fragments_navigation"
_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


class NavState:
    """What one multipage app keeps across its runs."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}  # url path -> the page, as the last menu had it
        self.current: str | None = None  # the url path of the page shown
        self.main_dir = Path.cwd()  # where page paths start (the script's folder)
        self.scripts: dict[Path, Any] = {}  # page files, compiled
        self.show_all = False


def _nav_state(ctx: RunContext) -> NavState:
    store: weakref.WeakKeyDictionary[Any, NavState]
    store = kept_on_shell(_STORE, weakref.WeakKeyDictionary)
    if ctx.app not in store:
        store[ctx.app] = NavState()
    return store[ctx.app]


def _script_dir() -> Path:
    """The folder of the script calling in: its ``__file__``'s, else the working directory."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith("jupyter_fragments"):
        frame = frame.f_back  # type: ignore[assignment]
    found = frame.f_globals.get("__file__") if frame is not None else None
    return Path(found).resolve().parent if isinstance(found, str) else Path.cwd()


def _icon_and_name(path: Path) -> tuple[str, str]:
    """A page file's icon and name, as Streamlit reads them (``1_📈_Plots.py``)."""
    match = _FILENAME.search(path.name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    lead = re.match(r"([^\w\s]+)_*(.*)", name)
    if lead and all(ord(ch) > 0x2000 for ch in lead.group(1)) and lead.group(2):
        return lead.group(1), lead.group(2)
    return "", name


class Page:
    """A page of a multipage app, for ``st.navigation`` (Streamlit's ``StreamlitPage``).

    Parameters
    ----------
    page : callable, str or Path
        A function without arguments, a ``.py`` file (relative to the app script's folder,
        or to the working directory for a ``%%app`` cell), or an ``http(s)`` URL.
    title, icon : str, optional
        Shown in the menu; by default from the function's or file's name.
    url_path : str, optional
        The page's name in links; by default from the function's or file's name.
    default : bool
        The page shown first (else the first page).
    visibility : {"visible", "hidden"}
        A hidden page is not in the menu, but ``st.page_link``/``st.switch_page`` open it.

    Examples
    --------
    >>> home = st.Page(home_page, title="Home", icon="🏠", default=True)
    >>> st.navigation([home, st.Page("reports.py")]).run()
    """

    def __init__(
        self,
        page: str | Path | Callable[[], Any],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: str = "visible",
        help: str | None = None,
        _base: Path | None = None,
    ) -> None:
        if visibility not in ("visible", "hidden"):
            raise FragmentsAPIError(
                f"st.Page(visibility={visibility!r}) is not valid. Fix: use 'visible' or 'hidden'."
            )
        self._default = default
        self._visibility = visibility
        self._help = (help or "").strip()
        self._external_url: str | None = None
        self._path: Path | None = None
        self._func: Callable[[], Any] | None = None
        self._can_be_called = False
        self._state: NavState | None = None
        name, inferred_icon = "", ""
        if isinstance(page, str) and re.match(r"https?://", page):
            if not title or not title.strip():
                raise FragmentsAPIError(
                    f"st.Page({page!r}) is an external URL page, which needs a title. "
                    "Fix: pass title='...'."
                )
            if default:
                raise FragmentsAPIError(
                    "An external URL page cannot be the default page. Fix: drop default=True."
                )
            self._external_url = page
            name = re.sub(r"[^a-z0-9_]+", "", re.sub(r"\s+", "_", title.lower())).strip("_")
        elif isinstance(page, (str, Path)):
            path = ((_base or _script_dir()) / page).resolve()
            if not path.is_file():
                raise StreamlitPageNotFoundError(
                    f"Unable to create Page. The file `{Path(page).name}` could not be found. "
                    f"Fix: give the path of a .py file relative to {_base or _script_dir()}."
                )
            self._path = path
            inferred_icon, name = _icon_and_name(path)
        elif callable(page):
            self._func = page
            name = getattr(page, "__name__", "")
            if not name and title is None:
                raise FragmentsAPIError(
                    "st.Page cannot infer a title from this callable. Fix: pass title='...'."
                )
        else:
            raise FragmentsAPIError(
                f"st.Page got {type(page).__name__}. Fix: pass a function, a .py file path "
                "or an http(s) URL."
            )
        self._title = title or name.replace("_", " ")
        if not self._title.strip():
            raise FragmentsAPIError(
                "st.Page got an empty title. Fix: pass a title that is not only spaces or "
                "underscores."
            )
        self._icon = inferred_icon if icon is None else icon
        self._url_path = name if url_path is None else url_path.strip().strip("/")
        if "/" in self._url_path:
            raise FragmentsAPIError(
                f"The `url_path` `{self._url_path}` cannot include `/`. Fix: use a single "
                "path segment (e.g. `foo_bar`)."
            )
        if not self._url_path and not default:
            raise FragmentsAPIError(
                "st.Page got an empty url_path, which only the default page may have. Fix: "
                "pass url_path='...'."
            )

    title = property(lambda self: self._title, doc="The page's title in the menu.")
    icon = property(lambda self: self._icon, doc="The page's icon ('' for none).")
    url_path = property(lambda self: self._url_path, doc="The page's name in links.")
    visibility = property(lambda self: self._visibility, doc="'visible' or 'hidden'.")
    help = property(lambda self: self._help, doc="The page's summary ('' for none).")
    is_external = property(lambda self: self._external_url is not None, doc="A URL page.")
    external_url = property(lambda self: self._external_url, doc="The URL of a URL page.")

    def run(self) -> None:
        """Draw the page: only the page ``st.navigation`` returned, once per run."""
        if not self._can_be_called:
            raise FragmentsAPIError(
                "This page cannot be called directly. Only the page returned from "
                "st.navigation can be called once. Fix: call .run() on what st.navigation "
                "returns."
            )
        self._can_be_called = False
        if self._func is not None:
            self._func()
        elif self._path is not None:
            cache = self._state.scripts if self._state is not None else {}
            page_script(self._path, cache).run()

    def _describe(self, main_dir: Path) -> str:
        if self._path is not None:
            try:
                return str(self._path.relative_to(main_dir))
            except ValueError:
                return str(self._path)
        if self._func is not None:
            return f"st.Page({getattr(self._func, '__name__', self._title)})"
        return str(self._external_url)

    def __repr__(self) -> str:
        return f"Page(title={self._title!r}, url_path={self._url_path!r})"


#: Streamlit's name for the class of ``st.Page``.
StreamlitPage = Page


def _as_page(item: Any, base: Path) -> Page:
    return item if isinstance(item, Page) else Page(item, _base=base)


def _check_menu(position: Any, expanded: Any) -> None:
    if position not in ("sidebar", "top", "hidden"):
        raise FragmentsAPIError(
            f"st.navigation(position={position!r}) is not valid. Fix: use 'sidebar', 'top' "
            "or 'hidden'."
        )
    if not isinstance(expanded, (bool, int)) or (not isinstance(expanded, bool) and expanded < 0):
        raise FragmentsAPIError(
            f"st.navigation(expanded={expanded!r}) is not valid. Fix: pass True, False or a "
            "number of pages to show (0 or more)."
        )


def _sections(pages: Any, base: Path) -> dict[str, list[Page]]:
    if isinstance(pages, Mapping):
        return {str(h): [_as_page(p, base) for p in group] for h, group in pages.items()}
    if isinstance(pages, Sequence) and not isinstance(pages, str):
        return {"": [_as_page(p, base) for p in pages]}
    raise FragmentsAPIError(
        f"st.navigation got {type(pages).__name__}. Fix: pass a list of pages, or a dict of "
        "section names to lists of pages."
    )


def _default_page(every: list[Page]) -> Page:
    if not every:
        raise FragmentsAPIError("st.navigation got no pages. Fix: provide at least one st.Page.")
    defaults = [p for p in every if p._default]
    if len(defaults) > 1:
        raise FragmentsAPIError(
            "Multiple Pages specified with `default=True`. Fix: set default=True on at most "
            "one page."
        )
    internal = [p for p in every if not p.is_external]
    if not internal:
        raise FragmentsAPIError(
            "At least one non-external page is required. Fix: add a page that is a function "
            "or a .py file."
        )
    return defaults[0] if defaults else internal[0]


def navigation(
    pages: Sequence[Any] | Mapping[str, Sequence[Any]],
    *,
    position: str = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """Draw the menu of a multipage app and return the page to show; call ``.run()`` on it.

    Parameters
    ----------
    pages : list or dict
        The pages (``st.Page``, functions or ``.py`` files), or ``{section: [pages]}``.
    position : {"sidebar", "top", "hidden"}
        Where the menu is drawn: at this point of the sidebar, as a row where it is called,
        or nowhere (open pages with ``st.page_link``/``st.switch_page``). One page alone
        has no menu.
    expanded : bool or int
        ``False`` shows 10 of more than 12 pages with a "View more" button; ``True`` all of
        them; a number that many.

    Examples
    --------
    >>> def home():
    ...     st.title("Home")
    >>> pg = st.navigation([st.Page(home), st.Page("settings.py")])
    >>> pg.run()
    """
    return show_pages(pages, position=position, expanded=expanded, base=_script_dir())


def show_pages(pages: Any, *, position: str, expanded: Any, base: Path) -> Page:
    """`navigation`, with page paths starting at ``base`` (the app script's folder)."""
    ctx = require_context("st.navigation()")
    _check_menu(position, expanded)
    sections = _sections(pages, base)
    every = [page for group in sections.values() for page in group]
    default = _default_page(every)
    seen: dict[str, Page] = {}
    for page in every:
        if page.url_path in seen and not page.is_external:
            raise FragmentsAPIError(
                f"Two pages resolve to the URL pathname `/{page.url_path}`: "
                f"{seen[page.url_path]!r} and {page!r}. Fix: set a unique url_path in st.Page."
            )
        seen[page.url_path] = page
    state = _nav_state(ctx)
    state.main_dir = base
    state.pages = {p.url_path: p for p in every if not p.is_external}
    shown = state.pages.get(state.current or "", default)
    state.current = shown.url_path
    for page in every:
        page._can_be_called, page._state = page is shown, state
    if position == "sidebar" and get_option("client.showSidebarNavigation") is False:
        position = "hidden"
    menu = {h: [p for p in group if p.visibility == "visible"] for h, group in sections.items()}
    if position != "hidden" and sum(len(group) for group in menu.values()) > 1:
        _draw_menu(ctx, state, menu, position, expanded)
    return shown


def _draw_menu(
    ctx: RunContext, state: NavState, menu: dict[str, list[Page]], position: str, expanded: Any
) -> None:
    count = sum(len(group) for group in menu.values())
    limit = None
    if expanded is False and count > 12:
        limit = 10
    elif not isinstance(expanded, bool) and 0 < expanded < count:
        limit = expanded
    place: Container = sidebar
    if position == "top":

        def make() -> tuple[Any, list[Block]]:
            box = widgets.HBox(layout=ctx.app.page.pool.layout(flex_flow="row wrap"),
                               _dom_classes=("jf-nav-top",))  # fmt: skip
            return box, [Block(ctx.app.page, box, ctx.scope)]

        place = Container(add_layout("navigation", (), make, "st.navigation()").blocks[0])
    drawn = 0
    with place:
        for header, group in menu.items():
            if header and position == "sidebar":
                caption(header)
            for page in group:
                if limit is not None and drawn >= limit and not state.show_all:
                    break
                drawn += 1
                _page_item(NAVIGATION_ITEM, page, f"{page.icon} {page.title}".strip(), state)
        if limit is not None:
            more = "View less" if state.show_all else f"View {count - limit} more"
            params = {**common_params(None, False, "visible"), "url_path": "", "occurrence": 0}
            render_input(NAVIGATION_ITEM, more, params, callback=_toggle_more, args=(state,),
                         call="st.navigation()")  # fmt: skip


def _toggle_more(state: NavState) -> None:
    state.show_all = not state.show_all


def _page_item(
    kind: PageButtonKind,
    page: Page,
    label: str,
    state: NavState,
    *,
    query_params: Any = None,
    help: str | None = None,
    disabled: bool = False,
    call: str = "st.navigation()",
) -> None:
    """A page button; its click opens ``page`` (the menu's items, ``st.page_link``)."""
    if page.is_external:
        link = (f'<a class="jf-page-link" href="{escape_html(safe_url(str(page.external_url)))}" '
                f'target="_blank" rel="noopener noreferrer">{escape_html(label)}</a>')  # fmt: skip
        add_static([display_output({"text/html": link, "text/plain": label})])
        return
    ctx = require_context(call)
    occurrence = 0
    while True:  # the same page linked twice in one run: two buttons
        drawn = ctx.app.widgets.get((kind.name, label, page.url_path, occurrence))
        if drawn is None or drawn.serial != ctx.serial:
            break
        occurrence += 1
    params = {
        **common_params(help if help is not None else page.help or None, disabled, "visible"),
        "url_path": page.url_path,
        "occurrence": occurrence,
        "current": page.url_path == state.current,
    }
    render_input(kind, label, params, callback=_open_page,
                 args=(state, page.url_path, query_params), call=call)  # fmt: skip


def _open_page(state: NavState, url_path: str, query_params: Any) -> None:
    """A page button was clicked: the rerun it causes shows that page."""
    state.current = url_path
    replace_query_params(query_params)
    ctx = current_context()
    if ctx is not None and ctx.is_fragment_rerun:
        ctx.app.rerun()  # a link inside a fragment still opens the page in a full rerun


def _find_page(ctx: RunContext, page: Any, call: str) -> Page:
    state = _nav_state(ctx)
    if isinstance(page, Page):
        found = state.pages.get(page.url_path)
        if found is not None:
            return found
    elif isinstance(page, (str, Path)):
        wanted = (state.main_dir / page).resolve()
        for known in state.pages.values():
            if known._path == wanted:
                return known
    known_pages = ", ".join(p._describe(state.main_dir) for p in state.pages.values())
    shown = page._describe(state.main_dir) if isinstance(page, Page) else str(page)
    raise StreamlitPageNotFoundError(
        f"{call}: could not find page: `{shown}`. You must provide a `Page` object or file "
        "path relative to the entrypoint file. Only pages previously defined by `st.Page` "
        f"and passed to `st.navigation` are allowed. Known pages: {known_pages or 'none'}. "
        "Fix: pass one of those (a function's page goes by its st.Page)."
    )


def page_link(
    page: str | Path | Page,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: str = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    query_params: Any = None,
) -> None:
    """A link to a page of this app (a button that opens it) or to a URL (a new tab).

    Examples
    --------
    >>> st.page_link(settings_page, label="Settings", icon="⚙️")
    >>> st.page_link("https://docs.streamlit.io", label="Docs")
    """
    call = f"st.page_link({page!r})"
    ctx = require_context(call)
    if isinstance(page, str) and re.match(r"https?://", page):
        if not label:
            raise FragmentsAPIError(
                f"{call} links to a URL, which needs a label. Fix: pass label=."
            )
        target = Page(page, title=label)
    else:
        target = _find_page(ctx, page, "st.page_link()")
    icon = target.icon if icon is None else icon
    text = label or target.title
    shown = f"{text} {icon}" if icon and icon_position == "right" else f"{icon} {text}"
    _page_item(PAGE_LINK, target, shown.strip(), _nav_state(ctx), query_params=query_params,
               help=help, disabled=disabled, call=call)  # fmt: skip


def switch_page(page: str | Path | Page, *, query_params: Any = None) -> NoReturn:
    """Stop this run and run the app again with ``page`` (as its menu item would).

    Examples
    --------
    >>> if st.button("Settings"):
    ...     st.switch_page("settings.py")
    """
    ctx = require_context("st.switch_page()")
    if isinstance(page, Page) and page.is_external:
        raise FragmentsAPIError(
            "Cannot use st.switch_page with external URL pages. Fix: use st.page_link to "
            "link to external pages."
        )
    target = _find_page(ctx, page, "st.switch_page()")
    state = _nav_state(ctx)
    state.current = target.url_path
    replace_query_params(query_params)
    if ctx.is_fragment_rerun:
        ctx.app.rerun()  # from a fragment's own rerun: end it, then rerun the whole app
        stop()
    rerun()
    raise AssertionError("unreachable")  # pragma: no cover - rerun() raises
