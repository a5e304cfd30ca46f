// The one 404.html that a static host such as GitHub Pages serves for every
// missing path is the default locale's. Where the path starts with another
// locale's folder (/ar/anything), this makes it that locale's 404 page: its
// language and direction, title, text, navigation, search box and links.
//
// The page carries, per locale, the texts and attribute values that differ
// from its own, numbered in document order as the build counted them
// (material_html.page_texts), and Material's configuration. It runs before
// Material's bundle, which then reads the locale's configuration: search
// uses the locale's index and speaks its language.
(() => {
  const source = document.getElementById("not-found-locales");
  const config = document.getElementById("__config");
  if (!source || !config) return;
  const data = JSON.parse(source.textContent);
  if (!location.pathname.startsWith(data.base)) return;
  // A Map: a path such as /__proto__/x or /constructor/ names no locale.
  const locales = new Map(data.locales.map((locale) => [locale.code.toLowerCase(), locale]));
  const first = location.pathname.slice(data.base.length).split("/")[0].toLowerCase();
  const locale = locales.get(first);
  if (!locale) return;

  const ATTRIBUTES = ["lang", "dir", "href", "title", "aria-label", "placeholder", "content"];
  const RAW_TEXT = new Set(["script", "style"]);
  const SPACE = /^([ \t\n\r\f]*)([^]*?)([ \t\n\r\f]*)$/;
  const slots = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      for (const name of ATTRIBUTES) if (node.hasAttribute(name)) slots.push([node, name]);
    } else if (node.data.match(SPACE)[2] && !RAW_TEXT.has(node.parentNode.localName)) {
      slots.push([node, null]);
    }
  }
  // Not the page the build counted: better English than texts in wrong places.
  if (slots.length !== data.count) return;
  for (const [index, value] of locale.texts) {
    const [node, name] = slots[index];
    if (name) {
      node.setAttribute(name, value);
    } else {
      const [, before, , after] = node.data.match(SPACE);
      node.data = before + value + after;
    }
  }
  config.textContent = JSON.stringify(locale.config);
})();
