"""Twenty Seventeen chrome, core widgets and plugin markup of the ``wpclassic`` zoo site.

Modelled on the Twenty Seventeen theme as shipped in WordPress/wordpress-develop
``src/wp-content/themes/twentyseventeen/`` (stored versions read through the search index:
``header.php`` 7ea5744c, ``single.php`` 7ea5744c, ``archive.php`` 7ea5744c, ``index.php``
7ea5744c, ``template-parts/post/content.php`` 8da2f896, ``inc/template-tags.php`` 1065c255
(``twentyseventeen_posted_on``, ``twentyseventeen_time_link``, ``twentyseventeen_entry_footer``),
``functions.php`` 067e4a6a (sidebars ``<section class="widget">`` / ``h2.widget-title``, html5
``navigation-widgets``, ``excerpt_more`` "Continue reading") and, for the parts the index
lacks (``footer.php``, ``sidebar.php``, ``site-branding``, ``navigation-top``,
``searchform.php``, ``content-excerpt.php``), the theme's own repository WordPress/twentyseventeen
at fa09211f54799dd03e8acda9d19108aafb1a8c77 (``components/...``), with the element names of the
released theme. A child theme swaps ``twentyseventeen_posted_on`` for Co-Authors Plus'
``coauthors_posts_links()``. Core: ``WP_Widget_Recent_Posts``, ``WP_Widget_Archives``,
``WP_Widget_Categories``, ``rel_canonical``, ``feed-rss2.php``, ``wp-sitemap*.xml``.
Plugins: Polylang (``/de/`` language directory, per-language locale), Mailchimp for WP
(``mc4wp-form``), a pasted Mailchimp embed (``#mc_embed_signup``) placed by Ad Inserter,
YARPP ("Related posts:"), Shariff Wrapper share buttons, Cookie Notice.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from common import ORIGIN, esc, rfc822

NAME = "The Ostermünde Courier"
TAGLINE = "The weekly for Ostermünde and the garrison"
TZ = ZoneInfo("Europe/Berlin")
WP_VERSION = "6.7.1"
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
}
COOKIE = "The Courier uses cookies to count visits and to remember your settings."
TIMES_NOTE = "All times are Central European Time (CET/CEST)."
MC_HEADING = "Get the Courier every Thursday"
MC_WIDGET_NOTE = "The week's news from Ostermünde in your inbox."

L10N = {
    "en": {
        "locale": "en-GB", "posted_on": "Posted on", "by": "by", "and": " and ",
        "categories": "Categories", "tags": "Tags", "more": "Continue reading",
        "prev_post": "Previous Post", "prev": "Previous", "next_post": "Next Post", "next": "Next",
        "reply": "Leave a Reply", "cancel": "Cancel reply", "posts": "Posts",
        "search_for": "Search for:", "search_ph": "Search &hellip;", "search": "Search",
        "skip": "Skip to content", "top_menu": "Top Menu", "menu": "Menu",
        "archives": "Archives", "cats_title": "Categories", "related": "Related posts:",
        "powered": "Proudly powered by WordPress", "category": "Category", "tag": "Tag",
        "author": "Author", "month": "Month", "page": "Page", "next_page": "Next page",
        "prev_page": "Previous page", "posts_by": "Posts by", "share": "Share on",
        "email_note": "Your email address will not be published.",
        "required": "Required fields are marked", "comment": "Comment", "post_comment": "Post Comment",
        "results": "Search Results for: %s", "name_l": "Name", "email_l": "Email",
        "website_l": "Website",
    },
    "de": {
        "locale": "de-DE", "posted_on": "Veröffentlicht am", "by": "von", "and": " und ",
        "categories": "Kategorien", "tags": "Schlagwörter", "more": "Weiterlesen",
        "prev_post": "Vorheriger Beitrag", "prev": "Zurück", "next_post": "Nächster Beitrag",
        "next": "Weiter", "reply": "Schreibe einen Kommentar", "cancel": "Antworten abbrechen",
        "posts": "Beiträge", "search_for": "Suche nach:", "search_ph": "Suche &hellip;",
        "search": "Suche", "skip": "Zum Inhalt springen", "top_menu": "Oberes Menü", "menu": "Menü",
        "archives": "Archive", "cats_title": "Kategorien", "related": "Ähnliche Beiträge:",
        "powered": "Stolz präsentiert von WordPress", "category": "Kategorie", "tag": "Schlagwort",
        "author": "Autor", "month": "Monat", "page": "Seite", "next_page": "Nächste Seite",
        "prev_page": "Vorherige Seite", "posts_by": "Beiträge von", "share": "Bei",
        "email_note": "Deine E-Mail-Adresse wird nicht veröffentlicht.",
        "required": "Erforderliche Felder sind mit", "comment": "Kommentar",
        "post_comment": "Kommentar abschicken", "results": "Suchergebnisse für: %s",
        "name_l": "Name", "email_l": "E-Mail", "website_l": "Website",
    },
}


def digest(text: str, n: int = 10) -> str:
    return hashlib.md5(text.encode()).hexdigest()[:n]


def w3c(moment: datetime) -> str:
    return moment.astimezone(TZ).isoformat()


def gmt(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def wp_date(moment: datetime, lang: str) -> str:
    """``get_the_date()``: en_GB ``j F Y``, de_DE ``j. F Y`` (local date, no time, no zone)."""
    local = moment.astimezone(TZ)
    month = MONTHS[lang][local.month - 1]
    return f"{local.day}. {month} {local.year}" if lang == "de" else f"{local.day} {month} {local.year}"


_ENTITIES = {"’": "&#8217;", "‘": "&#8216;", "“": "&#8220;", "”": "&#8221;", "–": "&#8211;",
             "—": "&#8212;", "…": "&#8230;", "„": "&#8222;"}


def texturize(text: str) -> str:
    """The plain-text result of core's ``wptexturize()`` (quotes, dashes, ellipses)."""
    t = text.replace("...", "…").replace(" -- ", " — ").replace(" - ", " – ")
    t = re.sub(r"(^|[\s(\[{\-—–])\"", r"\1“", t).replace('"', "”")
    t = re.sub(r"(?<=\w)'(?=\w)", "’", t)
    t = re.sub(r"(^|[\s(\[{\-—–“])'", r"\1‘", t).replace("'", "’")
    return t


def wptx(text: str) -> str:
    out = esc(texturize(text)).replace("&#x27;", "'").replace("&quot;", '"')
    for char, entity in _ENTITIES.items():
        out = out.replace(char, entity)
    return out


def svg(icon: str) -> str:
    return (f'<svg class="icon icon-{icon}" aria-hidden="true" role="img"> <use href="#icon-{icon}" '
            f'xlink:href="#icon-{icon}"></use> </svg>')


def search_form(lang: str, seed: str, query: str = "") -> str:
    t = L10N[lang]
    home = f"{ORIGIN}/de/" if lang == "de" else f"{ORIGIN}/"
    uid = f"search-form-{digest(seed, 13)}"
    return f"""

<form role="search" method="get" class="search-form" action="{home}">
	<label for="{uid}">
		<span class="screen-reader-text">
			{t["search_for"]}		</span>
	</label>
	<input type="search" id="{uid}" class="search-field" placeholder="{t["search_ph"]}" value="{esc(query)}" name="s" />
	<button type="submit" class="search-submit">{svg("search")}<span class="screen-reader-text">
		{t["search"]}	</span></button>
</form>
"""


def mc4wp_form(seed: str) -> str:
    """Mailchimp for WordPress form #123 as its widget prints it."""
    return f"""<script>(function() {{
	window.mc4wp = window.mc4wp || {{
		listeners: [],
		forms: {{
			on: function(evt, cb) {{
				window.mc4wp.listeners.push(
					{{
						event   : evt,
						callback: cb
					}}
				);
			}}
		}}
	}}
}})();
</script><!-- Mailchimp for WordPress v4.9.19 - https://wordpress.org/plugins/mailchimp-for-wp/ --><form id="mc4wp-form-{seed}" class="mc4wp-form mc4wp-form-123" method="post" data-id="123" data-name="Courier weekly" ><div class="mc4wp-form-fields"><p>{esc(MC_WIDGET_NOTE)}</p>
<p>
    <label>Email address: 
      <input type="email" name="EMAIL" placeholder="Your email address" required>
    </label>
</p>
<p>
    <input type="submit" value="Subscribe">
</p></div><label style="display: none !important;">Leave this field empty if you're human: <input type="text" name="_mc4wp_honeypot" value="" tabindex="-1" autocomplete="off" /></label><input type="hidden" name="_mc4wp_timestamp" value="1734012000" /><input type="hidden" name="_mc4wp_form_id" value="123" /><input type="hidden" name="_mc4wp_form_element_id" value="mc4wp-form-{seed}" /><div class="mc4wp-response"></div></form><!-- / Mailchimp for WordPress Plugin -->"""


def mailchimp_embed() -> str:
    """The Mailchimp embed code an editor pasted into an Ad Inserter block (after paragraph 2)."""
    return f"""<div class='code-block code-block-1' style='margin: 8px 0; clear: both;'>
<!-- Begin Mailchimp Signup Form -->
<div id="mc_embed_shell">
<div id="mc_embed_signup">
<form action="https://ostermuende-courier.us21.list-manage.com/subscribe/post?u=5f1c2a9e0d7b&amp;id=a3c9e1f2b4&amp;f_id=00b4c1e0f0" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_blank">
<div id="mc_embed_signup_scroll"><h2>{esc(MC_HEADING)}</h2>
<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
<div class="mc-field-group"><label for="mce-EMAIL">Email Address <span class="asterisk">*</span></label><input type="email" name="EMAIL" class="required email" id="mce-EMAIL" required="" value=""></div>
<div id="mce-responses" class="clear foot"><div class="response" id="mce-error-response" style="display: none;"></div><div class="response" id="mce-success-response" style="display: none;"></div></div>
<div aria-hidden="true" style="position: absolute; left: -5000px;"><input type="text" name="b_5f1c2a9e0d7b_a3c9e1f2b4" tabindex="-1" value=""></div>
<div class="optionalParent"><div class="clear foot"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="button" value="Subscribe"></div></div>
</div>
</form>
</div>
</div>
<!--End mc_embed_signup-->
</div>
"""


def shariff(url: str, title: str, lang: str) -> str:
    """Shariff Wrapper buttons (privacy-friendly share links), appended to the content."""
    from urllib.parse import quote

    enc = quote(url.replace(ORIGIN, "https://www.ostermuende-courier.de"), safe="")
    label = "Bei {0} teilen" if lang == "de" else "Share on {0}"
    text = "teilen" if lang == "de" else "share"
    rows = []
    for key, service, target in (
        ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={enc}"),
        ("whatsapp", "WhatsApp", f"https://api.whatsapp.com/send?text={enc}%20{quote(title)}"),
        ("mailto", "E-Mail", f"mailto:?body={enc}&amp;subject={quote(title)}"),
    ):
        name = label.format(service)
        rows.append(
            f'<li class="shariff-button {key}"><a href="{target}" title="{name}" aria-label="{name}" '
            f'role="button" rel="noopener nofollow" class="shariff-link" target="_blank">'
            f'<span class="shariff-icon"></span><span class="shariff-text">{text}</span>&nbsp;</a></li>'
        )
    return ('<div class="shariff shariff-align-flex-start shariff-widget-align-flex-start">'
            '<ul class="shariff-buttons theme-round orientation-horizontal buttonsize-medium">'
            + "".join(rows) + "</ul></div>")


def yarpp(items: list[tuple[str, str]], lang: str) -> str:
    """YARPP's default list template."""
    rows = "\n".join(f'<li><a href="{u}" rel="bookmark" title="{esc(texturize(t))}">{wptx(t)} </a></li>'
                     for u, t in items)
    return (f"<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'>\n"
            f"<!-- YARPP List -->\n<h3>{L10N[lang]['related']}</h3><ol>\n{rows}\n</ol>\n</div>\n")


def rss2(self_url: str, home: str, title: str, items: list[dict], lang: str, last: datetime) -> str:
    rows = []
    for it in items:
        cats = "".join(f"\n\t\t<category><![CDATA[{c}]]></category>" for c in it["categories"])
        rows.append(f"""	<item>
		<title>{wptx(it["title"])}</title>
		<link>{it["link"]}</link>
					<comments>{it["link"]}#respond</comments>
		
		<dc:creator><![CDATA[{it["creator"]}]]></dc:creator>
		<pubDate>{rfc822(it["published"])}</pubDate>{cats}
		<guid isPermaLink="false">{ORIGIN}/?p={it["id"]}</guid>

					<description><![CDATA[{it["description"]}]]></description>
										<content:encoded><![CDATA[{it["content"]}]]></content:encoded>
					
					<wfw:commentRss>{it["link"]}feed/</wfw:commentRss>
			<slash:comments>0</slash:comments>
		
		
			</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{esc(title)}</title>
	<atom:link href="{self_url}" rel="self" type="application/rss+xml" />
	<link>{home}</link>
	<description>{esc(TAGLINE)}</description>
	<lastBuildDate>{rfc822(last)}</lastBuildDate>
	<language>{L10N[lang]["locale"]}</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP_VERSION}</generator>
{chr(10).join(rows)}
	</channel>
</rss>
"""


def core_sitemap_index(children: list[str]) -> str:
    rows = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in children)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{ORIGIN}/wp-sitemap-index.xsl" ?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>\n')


def core_urlset(rows: list[tuple[str, datetime | None]]) -> str:
    out = "".join(
        f"<url><loc>{u}</loc>" + (f"<lastmod>{gmt(m)}</lastmod>" if m else "") + "</url>"
        for u, m in rows
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{ORIGIN}/wp-sitemap.xsl" ?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{out}</urlset>\n')


SITEMAP_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" encoding="UTF-8" indent="yes"/>
<xsl:template match="/"><html><head><title>XML Sitemap</title></head><body><h1>XML Sitemap</h1>
</body></html></xsl:template>
</xsl:stylesheet>
"""


def cookie_notice() -> str:
    return (
        '<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden '
        'cn-position-bottom" aria-label="Cookie Notice" style="background-color: rgba(50,50,58,1);">'
        '<div class="cookie-notice-container" style="color: #fff"><span id="cn-notice-text" '
        f'class="cn-text-container">{esc(COOKIE)}</span><span id="cn-notice-buttons" '
        'class="cn-buttons-container"><button id="cn-accept-cookie" data-cookie-set="accept" '
        'class="cn-set-cookie cn-button" aria-label="OK">OK</button></span><span id="cn-close-notice" '
        'data-cookie-set="accept" class="cn-close-icon" title="No"></span></div></div>'
    )
