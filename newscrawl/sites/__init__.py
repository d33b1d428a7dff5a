"""Site profiles: optional per-site settings shipped as TOML files.

A profile names a site's start URLs and may override what generic discovery
and extraction would find. Example (``newscrawl/sites/example.toml``)::

    name = "example"
    start_urls = ["https://example.com/"]
    allowed_domains = ["example.com"]
    timezone = "Europe/Kyiv"          # for dates printed without an offset
    render = "auto"                   # never | always | auto (default: NEWSCRAWL_RENDER)

    [selectors]                       # CSS, or XPath when it starts with "/" or "("
    title = "h1.headline"
    authors = ".byline a"
    body = "article .content p"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Fields a profile's ``[selectors]`` table may override.
SELECTOR_FIELDS = frozenset(
    {
        "title",
        "authors",
        "published",
        "modified",
        "body",
        "description",
        "lead_image_url",
        "lead_image_caption",
        "tags",
        "section",
        "article_links",
        "listing_links",
    }
)
RENDER_MODES = frozenset({"never", "always", "auto"})


class ProfileError(ValueError):
    """A site profile is missing or malformed."""


@dataclass(frozen=True)
class SiteProfile:
    name: str
    start_urls: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    timezone: str | None = None  # None: learned from the site's own pages
    render: str | None = None  # None: NEWSCRAWL_RENDER decides (default auto)
    selectors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, object], *, source: str = "<dict>") -> SiteProfile:
        unknown = set(data) - {
            "name",
            "start_urls",
            "allowed_domains",
            "timezone",
            "render",
            "selectors",
        }
        if unknown:
            raise ProfileError(f"{source}: unknown keys {sorted(unknown)}")
        name = data.get("name")
        if not isinstance(name, str) or not name:
            raise ProfileError(f"{source}: 'name' must be a non-empty string")
        start_urls = _str_list(data.get("start_urls", []), "start_urls", source)
        allowed = _str_list(data.get("allowed_domains", []), "allowed_domains", source)
        timezone = data.get("timezone")
        if timezone is not None:
            if not isinstance(timezone, str):
                raise ProfileError(f"{source}: 'timezone' must be a string")
            try:
                ZoneInfo(timezone)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ProfileError(f"{source}: unknown timezone {timezone!r}") from exc
        render = data.get("render")
        if render is not None and render not in RENDER_MODES:
            raise ProfileError(f"{source}: 'render' must be one of {sorted(RENDER_MODES)}")
        selectors = data.get("selectors", {})
        if not isinstance(selectors, dict) or not all(
            isinstance(v, str) for v in selectors.values()
        ):
            raise ProfileError(f"{source}: 'selectors' must be a table of strings")
        bad = set(selectors) - SELECTOR_FIELDS
        if bad:
            raise ProfileError(f"{source}: unknown selector fields {sorted(bad)}")
        return cls(
            name=name,
            start_urls=tuple(start_urls),
            allowed_domains=tuple(allowed),
            timezone=timezone,
            render=None if render is None else str(render),
            selectors=dict(selectors),
        )


def _str_list(value: object, key: str, source: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{source}: {key!r} must be a list of strings")
    return list(value)


def available_profiles() -> list[str]:
    """Names of the profiles shipped in the package."""
    return sorted(
        p.name.removesuffix(".toml")
        for p in resources.files(__name__).iterdir()
        if p.name.endswith(".toml")
    )


def load_profile(name_or_path: str) -> SiteProfile:
    """Load a shipped profile by name, or a profile file by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.is_file():
        text, source = path.read_text(encoding="utf-8"), str(path)
    else:
        res = resources.files(__name__).joinpath(f"{name_or_path}.toml")
        if not res.is_file():
            raise ProfileError(
                f"no site profile {name_or_path!r}; shipped profiles: "
                f"{', '.join(available_profiles()) or 'none'}"
            )
        text, source = res.read_text(encoding="utf-8"), f"{name_or_path}.toml"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: {exc}") from exc
    return SiteProfile.from_dict(data, source=source)
