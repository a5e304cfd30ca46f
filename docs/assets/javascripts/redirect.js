// /en/... pages of the default locale: go on to the page itself, keeping the
// reader's #section (a meta refresh alone would drop it).
(() => {
  const canonical = document.querySelector('link[rel="canonical"]');
  if (!canonical) return;
  const target = new URL(canonical.getAttribute("href"), location.href);
  location.replace(target.pathname + location.search + location.hash);
})();
