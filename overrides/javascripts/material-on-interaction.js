/*
 * Material's scripts on the reader's first interaction, not on page load.
 *
 * Its bundle and the search worker it starts weigh about 46 KiB gzipped, and starting them is a long task on a
 * phone. Reading needs none of it: the drawer, the nav sections, the language switcher and the search overlay are
 * CSS, and palette-before-material.js sets the colour scheme. So overrides/main.html makes Material's
 * <script src> tags inert, and this loads them, in order, at the first pointer move or press, touch, key or wheel
 * (not scroll: opening a page at a heading scrolls it), or at once when the address has ?q= (a shared search) or
 * ?h= (a search result, whose terms Material highlights as it starts).
 *
 * Until Material has started, this does the little it would do at once: the search button puts the cursor in the
 * field, Escape closes search, and Enter does not submit the search form. A search key ("/", "s", "f") as the
 * first interaction opens search at once, so what the reader types next lands in the field; a page key
 * ("p", ",", "n", ".") is passed on to Material once it has started. Once it has started, all of this is
 * Material's again: these listeners are removed.
 *
 * Relies on Material for MkDocs (9.x):
 * - overrides/main.html turns its <script src="…"> tags (block scripts) into
 *   <script type="text/x-on-interaction" data-src="…">, in order;
 * - it starts on DOMContentLoaded (its document$ observable is made from that one event), which has passed by the
 *   time it loads, so the event is dispatched again;
 * - its keyboard shortcuts: "/", "s", "f" open search; "p", ",", "n", "." go to the previous or next page;
 * - search is the checkbox #__search, the field .md-search__input, the header button label[for="__search"];
 *   told the field has focus, it searches what the field holds;
 * - its "stay on page" code fetches sitemap.xml under every <link rel="alternate"> as it starts; ours point at the
 *   page's counterparts, so they are hidden from it (rel renamed) while it starts.
 *
 * Inlined at the end of <body> by overrides/main.html (block scripts).
 */
(() => {
  const inert = Array.from(document.querySelectorAll('script[type="text/x-on-interaction"]'));
  const triggers = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel"];
  const searchKeys = "/sf";
  const pageKeys = "pn,.";
  const search = document.getElementById("__search");
  const field = document.querySelector(".md-search__input");
  const searchButton = document.querySelector('label[for="__search"]');
  const untilStarted = new AbortController();
  let starting = false;

  function renameAlternates(from, to) {
    for (const link of document.querySelectorAll(`link[rel="${from}"][hreflang]`)) link.rel = to;
  }

  function isShortcut(event, keys) {
    return Boolean(event) && event.type === "keydown" && (event.key || "").length === 1 &&
      keys.includes(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey &&
      !(event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]"));
  }

  function started(trigger) {
    untilStarted.abort();
    renameAlternates("alternate", "alternate-hreflang");
    if (document.readyState === "loading") {
      // Started by ?q= or ?h= while the page is still loading: Material gets the real DOMContentLoaded.
      document.addEventListener("DOMContentLoaded", () => renameAlternates("alternate-hreflang", "alternate"), { once: true });
    } else {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      renameAlternates("alternate-hreflang", "alternate");
    }
    if (field && document.activeElement === field) field.dispatchEvent(new FocusEvent("focus"));
    if (isShortcut(trigger, pageKeys)) {
      const { key, code } = trigger;
      trigger.target.dispatchEvent(new KeyboardEvent("keydown", { key, code, bubbles: true, cancelable: true }));
    }
  }

  function start(trigger) {
    if (starting) return;
    starting = true;
    for (const type of triggers) removeEventListener(type, start, true);
    if (isShortcut(trigger, searchKeys) && search && field) {
      trigger.preventDefault();
      search.checked = true;
      field.focus();
    }
    let left = inert.length;
    for (const tag of inert) {
      const script = document.createElement("script");
      script.src = tag.getAttribute("data-src");
      script.async = false;
      script.onload = script.onerror = () => {
        left -= 1;
        if (left === 0) started(trigger);
      };
      document.body.appendChild(script);
    }
  }

  const { signal } = untilStarted;
  addEventListener("keydown", (event) => {
    if (event.key === "Escape" && search && search.checked) {
      search.checked = false;
      if (field) field.blur();
    }
  }, { capture: true, signal });
  if (searchButton && field) searchButton.addEventListener("click", () => field.focus(), { signal });
  if (field && field.form) field.form.addEventListener("submit", (event) => event.preventDefault(), { signal });

  for (const type of triggers) addEventListener(type, start, { capture: true, passive: type !== "keydown" });
  const query = new URLSearchParams(location.search);
  if (query.has("q") || query.has("h")) start();
})();
