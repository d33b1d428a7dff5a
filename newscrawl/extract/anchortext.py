"""What a link's text says: "next page" in many languages, a menu entry, or a headline.

:mod:`newscrawl.extract.urlclass` reads it to settle what a URL's shape leaves
open; :mod:`newscrawl.extract.links` to read the text of an anchor.
"""

from __future__ import annotations

import re


def _phrases(phrases: str) -> frozenset[str]:
    """A frozenset from ``|``-separated phrases that may span lines."""
    return frozenset(p.strip() for p in phrases.replace("\n", " ").split("|") if p.strip())


_WS = re.compile(r"\s+")

#: Anchor texts that mean "the next page of this listing", in many languages. Matched on the
#: whole text (arrows and punctuation removed), so "Read more" or "Читати далі" do not match.
NEXT_PHRASES = _phrases(
    """
    next|next page|next posts|next entries|next articles|next stories|older|older posts|
    older entries|older articles|older stories|older news|earlier|earlier articles|more|
    more news|more stories|more articles|more headlines|more posts|more results|load more|
    load more stories|load more articles|load more news|show more|show more news|view more|
    see more|see more news|see more stories|more latest news|more top stories|
    більше|більше новин|більше статей|наступна|наступна сторінка|далі|ще|ще новини|
    показати більше|показати ще|завантажити ще|завантажити більше|старіші|старіші новини|
    ещё|еще|больше|больше новостей|следующая|следующая страница|далее|показать ещё|
    показать еще|показать больше|загрузить ещё|загрузить еще|ещё новости|еще новости|
    mehr|mehr nachrichten|mehr artikel|mehr laden|mehr anzeigen|weiter|nächste|nächste seite|
    ältere beiträge|ältere artikel|weitere artikel|weitere nachrichten|
    plus|plus d'actualités|plus d'actualité|plus d'articles|plus d'infos|suivant|suivante|
    page suivante|voir plus|charger plus|afficher plus|articles plus anciens|
    ver más|ver mas|más|mas|más noticias|mas noticias|siguiente|página siguiente|
    pagina siguiente|cargar más|cargar mas|mostrar más|mostrar mas|entradas anteriores|
    ver mais|mais|mais notícias|mais noticias|próxima|próximo|proxima|proximo|
    próxima página|carregar mais|mostrar mais|
    successivo|successiva|pagina successiva|altre notizie|altri articoli|carica altri|
    mostra altri|vedi altri|
    volgende|volgende pagina|meer|meer nieuws|meer laden|meer artikelen|
    następna|następne|następna strona|więcej|więcej wiadomości|dalej|starsze wpisy|
    załaduj więcej|pokaż więcej|
    další|další strana|více|více zpráv|starší|načíst další|
    sonraki|sonraki sayfa|daha fazla|daha fazla haber|
    nästa|fler|fler nyheter|visa fler|næste|flere|flere nyheder|neste|flere nyheter|
    seuraava|lisää|lisää uutisia|
    következő|további|további hírek|több|
    următoarea|următorul|mai multe|mai multe știri|
    επόμενη|περισσότερα|
    التالي|المزيد|المزيد من الأخبار|הבא|עוד|
    次へ|次のページ|もっと見る|さらに表示|下一页|下一頁|更多|更多新闻|加载更多|
    다음|다음 페이지|더보기|더 보기
    """
)
# Not the triangles (\u25b6 \u25ba): menus use them as bullets.
_ARROWS = frozenset("\u203a\u00bb\u2192\u27e9\u276f>\u3009\u21d2\u27f6")
_TEXT_STRIP = re.compile(
    "[\\s\u203a\u00bb\u2192\u27e9\u25b6\u25b8\u25ba\u276f>\u3009\u21d2\u27f6"
    "<\u00ab\u2039\u2190.\u2026:!()\\[\\]|/\u00b7\u2022+\\-\u2013\u2014]+"
)
OTHER_TEXTS = _phrases(
    """
    subscribe|subscribe now|log in|login|sign in|sign up|register|donate|my account|account|
    contact|contact us|about|about us|privacy|privacy policy|terms|terms of use|
    terms of service|cookie settings|cookies|advertise|advertise with us|careers|jobs|
    newsletter|newsletters|share|tweet|print|reply|comments|search
    """
)
_SEE_ALL = re.compile(r"(?i)(?:see|view|show|browse|read)\s+(?:all|more)\b|all\s|more\s")


def collapse_space(text: str) -> str:
    """Runs of whitespace as single spaces, none at the ends."""
    # Most texts (anchor texts above all: ~150 a page) have nothing to collapse.
    # Every whitespace character but the plain space is unprintable, so this test
    # is exact, and it is 5-10 times cheaper than the substitution.
    if "  " not in text and text.isprintable():
        return text.strip()
    return _WS.sub(" ", text).strip()


def fold_text(text: str) -> str:
    """Lower-case and strip arrows and punctuation around and inside an anchor text."""
    folded = _TEXT_STRIP.sub(" ", text.casefold()).strip()
    if not folded and text.strip() and all(c in _ARROWS or c.isspace() for c in text):
        return "next"
    return folded.replace("\u2019", "'")


def looks_like_headline(text: str) -> bool:
    """A sentence-long anchor text is a headline, not a menu entry ("See all ..." is)."""
    if _SEE_ALL.match(text):
        return False
    if len(text) < 30:
        # CJK headlines have no spaces but are dense.
        return len(text) >= 15 and not any(c.isspace() for c in text) and not text.isascii()
    return len(text.split()) >= 6
