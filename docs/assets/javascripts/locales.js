// Two behaviours that Material lacks on a site of many locales. A file of
// its own, not inline, so a strict Content-Security-Policy can allow it.
(() => {
  // The language switcher keeps the reader on the same section: section ids
  // are the same in every locale.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element && event.target.closest("a[hreflang]");
      if (link && location.hash && !link.hash) link.hash = location.hash;
    },
    true,
  );

  // A host that serves one 404.html for every path (GitHub Pages) shows the
  // root one; it carries every locale's text, so show the path's locale.
  const showNotFoundInPathLocale = () => {
    const source = document.getElementById("not-found-locales");
    if (!source) return;
    const locales = JSON.parse(source.textContent);
    const base = source.dataset.base;
    const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : "";
    const text = locales[path.split("/")[0]];
    if (!text) return;
    document.documentElement.lang = text.code;
    document.documentElement.dir = text.dir;
    document.title = `${text.title} - ${text.site}`;
    document.getElementById("not-found").textContent = text.title;
    document.getElementById("not-found-text").textContent = text.text;
    const link = document.getElementById("not-found-link");
    link.textContent = text.link;
    link.href = text.href;
  };

  // The help router sends a link that names an unknown method to the
  // overview, with the name; the note in the page's language says so.
  const showUnknownMethod = () => {
    const name = new URLSearchParams(location.search).get("unknown-method");
    const note = document.getElementById("unknown-method");
    if (!name || !note) return;
    note.querySelector("code").textContent = name;
    note.hidden = false;
  };

  // Material wraps each code block's copy button in a <nav>: many unnamed
  // navigation landmarks. The button needs no landmark.
  const unlandmark = (root) => {
    for (const nav of root.querySelectorAll("nav.md-code__nav")) nav.setAttribute("role", "none");
  };
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node instanceof Element) unlandmark(node.parentElement || node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  const ready = () => {
    showNotFoundInPathLocale();
    showUnknownMethod();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
