/*
 * Search in the page's language: point Material's search at the index of this page's language root, which
 * hooks/search.py writes (search/search_index.json under each root). Material fetches the index from the base of
 * its configuration, which is the site's root on every page.
 *
 * Relies on Material for MkDocs (9.x):
 * - its configuration is the JSON in <script id="__config">, with "base", read by its bundle when it starts
 *   (base.html, block config), so this must run before the bundle (it starts on the first interaction).
 *
 * Inlined after that JSON by overrides/main.html (block config), on pages of a language that is not the default
 * one, in a <script data-language-root="zh/"> whose attribute names the language's root.
 */
(() => {
  const root = document.currentScript.dataset.languageRoot;
  const holder = document.getElementById("__config");
  const config = JSON.parse(holder.textContent);
  config.base = config.base.replace(/\/?$/, `/${root}`);
  holder.textContent = JSON.stringify(config);
})();
