/*
 * The 404 page in the reader's language. GitHub Pages serves the site's one /404.html (the default language's) for
 * every missing address. For an address under another language's root (/zh/…), this replaces the page with that
 * language's own 404 page (/zh/404.html, with its header, menu, search and language switcher), keeping the
 * address the reader asked for. Without scripts, or if that page cannot be fetched, the default language's page
 * stays, with its links home and to the other language.
 *
 * Relies on Material for MkDocs: nothing. It runs before Material's scripts (which load on the first interaction)
 * and replaces the whole document, which then runs its own inline scripts as any page does.
 *
 * Inlined by overrides/404.html into the default language's 404 page, in the head, before anything is shown, in a
 * <script data-site-root="/cmo-handbook/" data-language-roots="zh/"> whose attributes give the site's path and the
 * other languages' roots (space-separated, from mkdocs.yml's i18n block).
 */
(function () {
  const script = document.currentScript;
  const siteRoot = script.getAttribute("data-site-root").replace(/\/*$/, "/");
  const roots = script.getAttribute("data-language-roots").split(" ");
  const path = location.pathname;
  if (path.indexOf(siteRoot) !== 0) return;
  const rest = path.slice(siteRoot.length);
  let language = null;
  for (let i = 0; i < roots.length; i++) {
    if (roots[i] && rest.indexOf(roots[i]) === 0) language = roots[i];
  }
  if (language === null) return;

  const html = document.documentElement;
  html.style.visibility = "hidden";
  function show() { html.style.visibility = ""; }
  function whenParsed(then) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then, { once: true });
    else then();
  }
  fetch(siteRoot + language + "404.html", { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.text();
    })
    .then(function (page) {
      whenParsed(function () {
        document.open();
        document.write(page);
        document.close();
      });
    })
    .catch(function () { whenParsed(show); });
})();
