// The help router: /help/?method=PATCH&lang=sv-SE&section=success opens the
// page of that method, in the reader's language, at that section; status=415
// and header=If-Match open those entries. The rules are documented in
// INTEGRATING.md; the data comes from the page itself.
//
// Every lookup of a value from the query goes through a Map: a value such as
// "__proto__" or "constructor" must not find anything an object inherits.
(() => {
  const config = JSON.parse(document.getElementById("router").textContent);
  const byTag = new Map();
  for (const locale of config.locales) {
    byTag.set(locale.code.toLowerCase(), locale);
    for (const alias of locale.aliases) byTag.set(alias.toLowerCase(), locale);
  }
  const methods = new Map(Object.entries(config.methods));
  const pages = new Map(
    Object.entries(config.pages || {}).map(([name, page]) => [name, { ...page, ids: new Set(page.ids) }]),
  );
  const methodSections = new Set(config.sections.method);
  const overviewSections = new Set(config.sections.overview);

  // A language tag to a locale: the tag itself, then its language-script,
  // then its language; a language that only one locale has also counts.
  const negotiate = (tag) => {
    const parts = (tag || "").trim().replace(/_/g, "-").toLowerCase().split("-").filter(Boolean);
    if (!parts.length) return null;
    const candidates = [parts.join("-")];
    if (parts.length > 1 && parts[1].length === 4) candidates.push(`${parts[0]}-${parts[1]}`);
    candidates.push(parts[0]);
    for (const candidate of candidates) if (byTag.has(candidate)) return byTag.get(candidate);
    const same = config.locales.filter((locale) => locale.code.toLowerCase().split("-")[0] === parts[0]);
    return same.length === 1 ? same[0] : null;
  };

  const params = new URLSearchParams(location.search);
  const value = (key) => (params.get(key) || "").trim().slice(0, 64);
  const wanted = [params.get("lang"), ...(navigator.languages || [navigator.language])];
  const locale =
    wanted.map(negotiate).find(Boolean) || config.locales.find((item) => item.code === config.default);
  const name = value("method").toUpperCase().slice(0, 40);
  const status = value("status");
  const header = value("header");
  const section = value("section").toLowerCase();

  // An entry of the status or headers page: its id, or the page's top with
  // the value for the page's note.
  const entry = (pageName, id, given) => {
    const page = pages.get(pageName);
    const url = locale.home + page.path;
    if (page.ids.has(id)) return `${url}#${id}`;
    return page.unknown ? `${url}?${page.unknown}=${encodeURIComponent(given)}` : url;
  };

  // The first parameter given decides: method, then status, then header.
  let url = locale.home;
  if (name) {
    const registry = pages.get("registry");
    if (methods.has(name)) {
      url += `methods/${methods.get(name)}/`;
      if (methodSections.has(section)) url += `#${section}`;
    } else if (registry && registry.ids.has(name.toLowerCase())) {
      url += `${registry.path}#${name.toLowerCase()}`;
    } else {
      url += `?unknown-method=${encodeURIComponent(name)}#methods`;
    }
  } else if (status && pages.has("status")) {
    url = entry("status", status, status);
  } else if (header && pages.has("headers")) {
    url = entry("headers", header.toLowerCase(), header);
  } else if (overviewSections.has(section)) {
    url += `#${section}`;
  }
  location.replace(url);
})();
