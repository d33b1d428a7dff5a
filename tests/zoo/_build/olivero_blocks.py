"""Blocks and furniture of the ``olivero`` zoo site: pager, feed icon, sign-up forms, footer.

Modelled on drupal/drupal core/themes/olivero/templates/: navigation/pager.html.twig
(01de0a8421; query-only ``?page=N`` hrefs, zero-based), misc/feed-icon.html.twig (5deb8d7ce5),
block--system-powered-by-block (c5da01d35c), region--footer-top (1e79f5be4d), the syndicate
block and drupal-settings-json script as a rendered Drupal 10 Olivero page prints them; the
Simplenews subscription block (the CMS's own sign-up form); a Mailchimp embed pasted into a
Full HTML body; core/assets/scaffold/files/robots.txt (577ba8b5d5) plus a Sitemap line.
"""

# Long lines are the theme's markup, kept as Drupal prints it.
# ruff: noqa: E501

from __future__ import annotations

from olivero_page import (
    FEED_TITLE,
    INCLUDE,
    JS,
    MC_TITLE,
    NAME,
    NEWSLETTER,
    NEWSLETTER_PITCH,
    PAGER_FIRST,
    PAGER_PREVIOUS,
    RSS_ICON,
    TZ_NOTE,
    block,
    digest,
    esc,
)


def pager(current: int, total: int) -> str:
    """Olivero's full pager; Drupal writes query-only hrefs (``?page=1``), zero-based."""
    if total < 2:
        return ""
    items = []

    def control(kind: str, page: int, title: str, label: str, icon: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return (
            f'<li class="pager__item pager__item--control pager__item--{kind}">'
            f'<a href="?page={page}" class="pager__link" title="{title}"{rel_attr}>'
            f'<span class="visually-hidden">{label}</span>{icon}</a></li>'
        )

    if current > 0:
        items.append(control("first", 0, "Go to first page", "First page", PAGER_FIRST))
        items.append(
            control(
                "previous",
                current - 1,
                "Go to previous page",
                "Previous page",
                PAGER_PREVIOUS,
                "prev",
            )
        )
    for key in range(total):
        if key == current:
            items.append(
                '<li class="pager__item pager__item--active pager__item--number">'
                f'<span class="visually-hidden">Current page</span>{key + 1}</li>'
            )
        else:
            items.append(
                '<li class="pager__item pager__item--number">'
                f'<a href="?page={key}" class="pager__link" title="Go to page {key + 1}">'
                f'<span class="visually-hidden">Page</span>{key + 1}</a></li>'
            )
    if current < total - 1:
        items.append(
            control("next", current + 1, "Go to next page", "Next page", PAGER_PREVIOUS, "next")
        )
        items.append(control("last", total - 1, "Go to last page", "Last page", PAGER_FIRST))
    rows = "\n      ".join(items)
    return f"""  <nav class="pager" role="navigation" aria-label="Pagination">
    <ul class="pager__items js-pager__items">
      {rows}
    </ul>
  </nav>
"""


def feed_icon(href: str, title: str = FEED_TITLE) -> str:
    """Olivero's ``feed-icon.html.twig``."""
    return f"""<a href="{href}" class="feed-icon">
  <span class="feed-icon__label">
    {esc(title)}
  </span>
  <span class="feed-icon__icon" aria-hidden="true">
    {RSS_ICON}
  </span>
</a>
"""


def simplenews_block(form_id: str) -> str:
    """The Simplenews subscription block, the CMS's own sign-up form (content-below)."""
    form = f"""<form class="simplenews-subscriptions-block-courier-daily simplenews-subscriber-form" data-drupal-selector="{form_id}" action="/newsletter" method="post" id="{form_id}" accept-charset="UTF-8">
  <div class="simplenews-block-description"><p>{NEWSLETTER_PITCH}</p></div>
  <div class="field--type-email field--name-mail field--widget-email-default js-form-wrapper form-wrapper" data-drupal-selector="edit-mail-wrapper" id="edit-mail-wrapper">
      <div class="js-form-item form-item js-form-type-email form-item-mail-0-value js-form-item-mail-0-value">
      <label for="edit-mail-0-value" class="form-item__label js-form-required form-required">Email</label>
        <input data-drupal-selector="edit-mail-0-value" type="email" id="edit-mail-0-value" name="mail[0][value]" value="" size="60" maxlength="254" placeholder="" class="form-email required form-element form-element--type-email form-element--api-email" required="required" aria-required="true" />
        </div>
  </div>
<input autocomplete="off" data-drupal-selector="form-{digest(form_id, 43)}" type="hidden" name="form_build_id" value="form-{digest(form_id, 43)}" />
<input data-drupal-selector="edit-{form_id}" type="hidden" name="form_id" value="{form_id.replace("-", "_")}" />
<div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions"><input data-drupal-selector="edit-submit" type="submit" id="edit-submit" name="op" value="Subscribe" class="button js-form-submit form-submit button--primary" />
</div>
</form>"""
    return block(
        "simplenewssubscription",
        "block-simplenews block-simplenews-subscription-block",
        NEWSLETTER,
        form,
        "simplenews-subscriptions-block-courier-daily",
    )


def mailchimp(list_id: str) -> str:
    """A Mailchimp embed as editors paste it into a Full HTML body."""
    return f"""<!-- Begin Mailchimp Signup Form -->
<div id="mc_embed_shell">
<div id="mc_embed_signup">
<form action="https://tamarackcourier.us21.list-manage.com/subscribe/post?u=6f2c81d0a9e3b47c15e8d2a64&amp;id={list_id}&amp;f_id=00a4b2e1f0" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_blank">
<div id="mc_embed_signup_scroll"><h2>{MC_TITLE}</h2>
<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
<div class="mc-field-group"><label for="mce-EMAIL">Email Address <span class="asterisk">*</span></label><input type="email" name="EMAIL" class="required email" id="mce-EMAIL" required="" value=""></div>
<div id="mce-responses" class="clear foot"><div class="response" id="mce-error-response" style="display: none;"></div><div class="response" id="mce-success-response" style="display: none;"></div></div>
<div aria-hidden="true" style="position: absolute; left: -5000px;"><input type="text" name="b_6f2c81d0a9e3b47c15e8d2a64_{list_id}" tabindex="-1" value=""></div>
<div class="clear foot"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="button" value="Subscribe"></div>
</div>
</form>
</div>
<script type="text/javascript" src="//s3.amazonaws.com/downloads.mailchimp.com/js/mc-validate.js"></script>
</div>
<!--End mc_embed_signup-->"""


def footer(utm_href: str, utm_title: str) -> str:
    """Social bar (syndicate block), footer-top custom blocks, footer-bottom powered-by."""
    return f"""        <div class="social-bar">
<div class="social-bar__inner fixable">
  <div class="rotate">
<div id="block-olivero-syndicate" role="complementary" class="block block-node block-node-syndicate-block">
      <div class="block__content">
      {feed_icon("/rss.xml")}
    </div>
  </div>
  </div>
</div>
        </div>
      </div>
    </div>
    <footer class="site-footer">
      <div class="site-footer__inner container">
  <div class="region region--footer-top grid-full layout--pass--content-medium">
    <div class="region--footer_top__inner">
<nav  id="block-olivero-footer" class="block block-menu navigation menu--footer" aria-labelledby="block-olivero-footer-menu" role="navigation">
  <h2 class="block__title" id="block-olivero-footer-menu">{NAME}</h2>
          <ul class="menu">
              <li class="menu-item"><a href="/about" data-drupal-link-system-path="node/14">About us</a></li>
              <li class="menu-item"><a href="/newsletter" data-drupal-link-system-path="node/13">Newsletter</a></li>
              <li class="menu-item"><a href="/rss.xml" data-drupal-link-system-path="rss.xml">RSS</a></li>
          </ul>
  </nav>
<div id="block-olivero-timezonenote" class="block block-block-content block-block-content{digest("tz", 8)}">
      <div class="block__content">
      <div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>{TZ_NOTE} &copy; 2024 {NAME}, 210 Front Street, Quillan Springs.</p>
<p>In today's newsletter: <a href="{utm_href}">{esc(utm_title)}</a></p></div>
    </div>
  </div>
    </div>
  </div>
  <div class="region region--footer-bottom grid-full layout--pass--content-medium">
<div id="block-olivero-powered" class="block block-system block-system-powered-by-block">
  <span>
    Powered by    <a href="https://www.drupal.org">Drupal</a>
    <span class="drupal-logo" role="img" aria-label="Drupal Logo"></span>
  </span>
</div>
  </div>
      </div>
    </footer>
    <div class="overlay" data-drupal-selector="overlay"></div>
  </div>
</div>
  </div>
"""


def body_close(current_path: str, is_front: bool = False) -> str:
    settings = (
        '{"path":{"baseUrl":"\\/","pathPrefix":"","currentPath":"'
        + current_path.replace("/", "\\/")
        + '","currentPathIsAdmin":false,"isFront":'
        + ("true" if is_front else "false")
        + ',"currentLanguage":"en"},"pluralDelimiter":"\\u0003","suppressDeprecationErrors":true,'
        '"ajaxTrustedUrl":{"\\/search\\/node":true},"user":{"uid":0,"permissionsHash":"'
        + digest("anonymous")
        + '"}}'
    )
    return f"""    <script type="application/json" data-drupal-selector="drupal-settings-json">{settings}</script>
<script src="{JS}?scope=footer&amp;delta=0&amp;language=en&amp;theme=olivero&amp;include={INCLUDE}"></script>
  </body>
</html>
"""


ROBOTS = """#
# robots.txt
#
# This file is to prevent the crawling and indexing of certain parts
# of your site by web crawlers and spiders run by sites like Yahoo!
# and Google. By telling these "robots" where not to go on your site,
# you save bandwidth and server resources.
#
# This file will be ignored unless it is at the root of your host:
# Used:    http://example.com/robots.txt
# Ignored: http://example.com/site/robots.txt
#
# For more information about the robots.txt standard, see:
# http://www.robotstxt.org/robotstxt.html

User-agent: *
# CSS, JS, Images
Allow: /core/*.css$
Allow: /core/*.css?
Allow: /core/*.js$
Allow: /core/*.js?
Allow: /core/*.gif
Allow: /core/*.jpg
Allow: /core/*.jpeg
Allow: /core/*.png
Allow: /core/*.svg
Allow: /profiles/*.css$
Allow: /profiles/*.css?
Allow: /profiles/*.js$
Allow: /profiles/*.js?
Allow: /profiles/*.gif
Allow: /profiles/*.jpg
Allow: /profiles/*.jpeg
Allow: /profiles/*.png
Allow: /profiles/*.svg
# Directories
Disallow: /core/
Disallow: /profiles/
# Files
Disallow: /README.txt
Disallow: /web.config
# Paths (clean URLs)
Disallow: /admin/
Disallow: /comment/reply/
Disallow: /filter/tips
Disallow: /node/add/
Disallow: /search/
Disallow: /user/register/
Disallow: /user/password/
Disallow: /user/login/
Disallow: /user/logout/
# Paths (no clean URLs)
Disallow: /index.php/admin/
Disallow: /index.php/comment/reply/
Disallow: /index.php/filter/tips
Disallow: /index.php/node/add/
Disallow: /index.php/search/
Disallow: /index.php/user/password/
Disallow: /index.php/user/register/
Disallow: /index.php/user/login/
Disallow: /index.php/user/logout/

Sitemap: {{ORIGIN}}/sitemap.xml
"""
