(function () {
  "use strict";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text) node.textContent = text;
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  function card(item) {
    const li = el("li", {class: "story-card"});
    const h3 = el("h3");
    h3.appendChild(el("a", {href: item.url}, item.title));
    li.appendChild(h3);
    const meta = el("p", {class: "card-meta"}, item.section + " | ");
    meta.appendChild(el("time", {datetime: item.published}, item.published.slice(0, 10)));
    li.appendChild(meta);
    return li;
  }

  function pager(list) {
    let next = list.dataset.source;
    let loading = false;
    return async function loadPage() {
      if (!next || loading) return false;
      loading = true;
      try {
        const page = await getJSON(next);
        page.items.forEach((item) => list.appendChild(card(item)));
        next = page.next;
      } finally {
        loading = false;
      }
      return Boolean(next);
    };
  }

  async function feedWithButton(list) {
    const button = document.getElementById("load-more");
    const loadPage = pager(list);
    button.addEventListener("click", async () => {
      button.disabled = true;
      const more = await loadPage();
      button.disabled = false;
      button.hidden = !more;
    });
    button.hidden = !(await loadPage());
  }

  async function infiniteFeed(list) {
    const loadPage = pager(list);
    let more = await loadPage();
    window.addEventListener("scroll", async () => {
      const bottom = window.innerHeight + window.scrollY;
      if (more && bottom >= document.documentElement.scrollHeight - 200) {
        more = await loadPage();
      }
    });
  }

  function jsonLd(story) {
    const data = {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: story.title,
      datePublished: story.published,
      author: story.authors.map((name) => ({"@type": "Person", name: name})),
      articleSection: story.section,
      keywords: story.tags.join(", "),
      image: story.image,
      publisher: {"@type": "Organization", name: story.site},
    };
    if (story.modified) data.dateModified = story.modified;
    const script = el("script", {type: "application/ld+json"});
    script.textContent = JSON.stringify(data);
    return script;
  }

  async function article(root) {
    const story = await getJSON("/api/articles/" + root.dataset.slug + ".json");
    document.title = story.title + " - " + story.site;
    document.head.appendChild(el("meta", {property: "og:type", content: "article"}));
    document.head.appendChild(el("meta", {property: "og:title", content: story.title}));
    document.head.appendChild(jsonLd(story));
    root.appendChild(el("h1", {class: "headline"}, story.title));
    const byline = el("p", {class: "byline"});
    story.authors.forEach((name, index) => {
      if (index) byline.appendChild(document.createTextNode(" and "));
      byline.appendChild(el("a", {rel: "author", href: "#"}, name));
    });
    root.appendChild(byline);
    root.appendChild(el("time", {datetime: story.published, class: "published"}, story.date));
    const figure = el("figure");
    figure.appendChild(el("img", {src: story.image, alt: story.caption, width: "800"}));
    figure.appendChild(el("figcaption", {}, story.caption));
    root.appendChild(figure);
    const body = el("div", {class: "story-body"});
    story.blocks.forEach((block) => body.appendChild(el(block.kind, {}, block.text)));
    root.appendChild(body);
    const aside = document.getElementById("most-read");
    const popular = await getJSON("/api/most-read.json");
    aside.appendChild(el("h2", {}, "Most read"));
    const list = el("ol");
    popular.items.forEach((item) => {
      const li = el("li");
      li.appendChild(el("a", {href: item.url}, item.title));
      list.appendChild(li);
    });
    aside.appendChild(list);
  }

  const feed = document.getElementById("feed");
  if (feed) feedWithButton(feed);
  const archive = document.getElementById("archive-feed");
  if (archive) infiniteFeed(archive);
  const story = document.getElementById("story");
  if (story) article(story);
})();
