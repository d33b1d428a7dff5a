"""Machine-readable data of the ``arcnext`` zoo site: JSON-LD and the Fusion ANS story.

Arc XP core emits no JSON-LD; this publisher's output type writes a ``NewsArticle`` (and no
OpenGraph). Its dates come in three shapes, chosen per page: ANS style ``...000Z``, a
``-05:00`` offset, or (a bug of this output type) a naive local time. ``Fusion.globalContent``
holds the ANS story as Arc's content API returns it (ANS 0.10.9: ``headlines``,
``credits.by``, ``display_date``, ``content_elements`` of type ``text`` and ``header``,
``promo_items``, ``taxonomy``, ``websites``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from arcnext_article import (
    DEPLOY,
    NAME,
    ORGS,
    PEOPLE,
    SITE,
    article_path,
    image_id,
    image_src,
    local,
    person_slug,
    person_url,
)
from common import ORIGIN, Story, esc, slugify, utc_z


def machine_date(moment: datetime, form: int) -> str:
    """JSON-LD dates: ANS ``.000Z``, an offset, or (a bug of this output type) naive local."""
    if form == 0:
        return utc_z(moment)
    if form == 1:
        return local(moment).isoformat()
    return local(moment).replace(tzinfo=None).isoformat()


def person_json(name: str) -> dict[str, Any]:
    if name in ORGS:
        return {"@type": "Organization", "name": name}
    return {
        "@type": "Person",
        "name": name,
        "url": f"{ORIGIN}{person_url(name)}",
        "jobTitle": PEOPLE[name][0],
    }


def json_ld(story: Story, index: int, standfirst: str) -> str:
    url = f"{ORIGIN}{article_path(story)}"
    form = index % 3
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": story.title,
        "description": standfirst,
        "url": url,
        "image": [
            {
                "@type": "ImageObject",
                "url": f"{ORIGIN}{image_src(story, 1200, 675)}".replace("&amp;", "&"),
                "width": 1200,
                "height": 675,
            }
        ],
        "datePublished": machine_date(story.published, form),
    }
    if story.modified:
        data["dateModified"] = machine_date(story.modified, form)
    data |= {
        "author": [person_json(a) for a in story.authors],
        "publisher": {
            "@type": "Organization",
            "name": NAME,
            "logo": {
                "@type": "ImageObject",
                "url": f"{ORIGIN}/pf/resources/images/logo.png?d={DEPLOY}",
            },
        },
        "articleSection": story.section,
        "keywords": list(story.tags),
        "isAccessibleForFree": True,
        "inLanguage": "en-US",
    }
    return script_json(data)


def script_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def ans(story: Story, standfirst: str) -> dict[str, Any]:
    """The ANS story Fusion puts in ``Fusion.globalContent``."""
    section = {"_id": f"/{slugify(story.section or '')}", "name": story.section}
    elements = []
    for n, block in enumerate(story.blocks):
        eid = base64.b32encode(hashlib.sha1(f"{story.slug}{n}".encode()).digest()).decode()[:26]
        if block.kind == "h2":
            elements.append({"_id": eid, "type": "header", "level": 2, "content": block.text})
        else:
            elements.append({"_id": eid, "type": "text", "content": esc(block.text)})
    updated = story.modified or story.published
    return {
        "_id": image_id(story)[::-1],
        "type": "story",
        "version": "0.10.9",
        "canonical_url": article_path(story),
        "canonical_website": SITE,
        "headlines": {"basic": story.title},
        "subheadlines": {"basic": standfirst},
        "description": {"basic": standfirst},
        "credits": {
            "by": [
                {
                    "_id": person_slug(a),
                    "type": "author",
                    "name": a,
                    "url": person_url(a) or "",
                    "additional_properties": {"original": {"byline": a}},
                }
                for a in story.authors
            ]
        },
        "display_date": utc_z(story.published),
        "first_publish_date": utc_z(story.published),
        "publish_date": utc_z(updated),
        "last_updated_date": utc_z(updated),
        "content_elements": elements,
        "promo_items": {
            "basic": {
                "_id": image_id(story),
                "type": "image",
                "url": f"https://cloudfront-us-east-1.images.arcpublishing.com/"
                f"caldercourier/{image_id(story)}.jpg",
                "caption": story.caption,
                "credits": {"by": [{"name": story.credit}]},
            }
        },
        "taxonomy": {
            "primary_section": section,
            "tags": [{"slug": slugify(t), "text": t} for t in story.tags],
        },
        "websites": {SITE: {"website_url": article_path(story), "website_section": section}},
    }


def last_modified_ms(story: Story) -> int:
    return int((story.modified or story.published).astimezone(UTC).timestamp() * 1000)
