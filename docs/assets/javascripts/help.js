// The help router: /help/?method=PATCH&lang=sv-SE&section=success opens the
// page of that method, in the reader's language, at that section. The rules
// are documented in INTEGRATING.md; the data comes from the page itself.
(() => {
  const config = JSON.parse(document.getElementById("router").textContent);
  const byTag = new Map();
  for (const locale of config.locales) {
    byTag.set(locale.code.toLowerCase(), locale);
    for (const alias of locale.aliases) byTag.set(alias.toLowerCase(), locale);
  }

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
  const wanted = [params.get("lang"), ...(navigator.languages || [navigator.language])];
  const locale =
    wanted.map(negotiate).find(Boolean) || config.locales.find((item) => item.code === config.default);
  const name = (params.get("method") || "").trim().toUpperCase().slice(0, 40);
  const section = (params.get("section") || "").trim().toLowerCase();
  const slug = config.methods[name];

  let url = locale.home;
  if (slug) {
    url += `methods/${slug}/`;
    if (config.sections.method.includes(section)) url += `#${section}`;
  } else if (name) {
    url += `?unknown-method=${encodeURIComponent(name)}#methods`;
  } else if (config.sections.overview.includes(section)) {
    url += `#${section}`;
  }
  location.replace(url);
})();
