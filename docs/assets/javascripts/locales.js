// Two behaviours that Material lacks on a site of many locales. A file of
// its own, not inline, so a strict Content-Security-Policy can allow it.
(() => {
  // The language switcher keeps the reader on the same section: section ids
  // are the same in every locale. The URL's #section, or else the last
  // section heading above the top of the viewport (below Material's header).
  const sectionRead = () => {
    if (location.hash) return location.hash;
    const header = document.querySelector(".md-header");
    const top = (header ? header.getBoundingClientRect().bottom : 0) + 8;
    let read = "";
    for (const heading of document.querySelectorAll("article :is(h2, h3)[id]")) {
      if (heading.getBoundingClientRect().top > top) break;
      read = `#${heading.id}`;
    }
    return read;
  };
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element && event.target.closest(".md-select a[hreflang]");
      const section = link && !link.hash && sectionRead();
      if (section) link.hash = section;
    },
    true,
  );

  // Material's language menu does not say which language is the page's.
  const markCurrentLanguage = () => {
    const lang = document.documentElement.lang.toLowerCase();
    for (const link of document.querySelectorAll(".md-select a[hreflang]")) {
      if (link.hreflang.toLowerCase() === lang) link.setAttribute("aria-current", "page");
    }
  };

  // Material's language menu opens while the pointer is over it or focus is
  // in it (CSS alone). From the keyboard: Escape closes it and puts focus
  // back on its button, after which Tab passes the languages by; Enter or
  // Space on the button closes or opens it again, ArrowDown opens it at the
  // current language; arrow keys, Home and End move between the languages.
  // The button says whether the menu is open (aria-expanded).
  const languageMenuKeys = () => {
    const select = document.querySelector(".md-header .md-select");
    const button = select && select.querySelector("button");
    if (!button) return;
    const links = [...select.querySelectorAll("a[hreflang]")];
    if (!links.length) return;
    button.setAttribute("aria-expanded", "false");
    const show = (open) => {
      select.toggleAttribute("data-closed", !open);
      button.setAttribute("aria-expanded", String(open));
    };
    select.addEventListener("focusin", () => {
      if (!select.hasAttribute("data-closed")) button.setAttribute("aria-expanded", "true");
    });
    select.addEventListener("focusout", (event) => {
      if (select.contains(event.relatedTarget)) return;
      select.removeAttribute("data-closed");
      button.setAttribute("aria-expanded", "false");
    });
    select.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const at = links.indexOf(document.activeElement);
      let target = null;
      if (event.key === "Escape") {
        show(false);
        target = button;
      } else if (event.target === button && (event.key === "Enter" || event.key === " ")) {
        show(select.hasAttribute("data-closed"));
      } else if (event.key === "ArrowDown" && at < 0) {
        show(true);
        target = links.find((link) => link.hasAttribute("aria-current")) || links[0];
      } else if (at >= 0 && ["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) {
        const step = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
        target = links[(step + links.length) % links.length];
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation(); // Material's own keys (search, pages) do not apply here
      if (target) target.focus();
    });
  };

  // Method pages have lower-case addresses, but a reader or a help link may
  // write /methods/PATCH/. A 404 page sends such an address, once, to its
  // lower-case form (the locale's code keeps its case: /pt-BR/).
  const lowerCaseMethodAddress = () => {
    if (!document.getElementById("not-found")) return false;
    const match = location.pathname.match(/^(.*\/methods\/)([^/]+\/?)$/);
    if (!match || match[2] === match[2].toLowerCase()) return false;
    location.replace(match[1] + match[2].toLowerCase() + location.search + location.hash);
    return true;
  };

  // The help router sends a link that names an unknown method to the
  // overview, an unknown status or header field to the status or headers
  // page, with the value; the page's note, in its language, says so. The
  // value goes in as text, isolated in a <bdi> (the note's own, or one in its
  // <code>), so that direction controls in it cannot reorder the sentence.
  const showUnknown = () => {
    const params = new URLSearchParams(location.search);
    for (const id of ["unknown-method", "unknown-status", "unknown-header"]) {
      const value = params.get(id);
      const note = document.getElementById(id);
      const slot = note && note.querySelector("bdi, code");
      if (!value || !slot) continue;
      const isolated = slot.localName === "bdi" ? slot : slot.appendChild(document.createElement("bdi"));
      isolated.textContent = value;
      note.hidden = false;
    }
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
    if (lowerCaseMethodAddress()) return;
    showUnknown();
    markCurrentLanguage();
    languageMenuKeys();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
