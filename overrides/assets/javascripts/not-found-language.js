/* The 404 page in the reader's language.

   GitHub Pages serves the site's one /404.html (English) for every missing address. For an address in another
   language's folder (/zh/…), this replaces the page with that language's own 404 page (/zh/404.html, with its
   header, menu, search and language switcher), keeping the address the reader asked for. Without scripts, or if
   that page cannot be fetched, the English page stays, with its links home and to the other language.

   Loaded only by the English 404 page (overrides/404.html), in the head, before anything is shown.
   Relies on nothing from Material: it runs before Material's scripts (which load on the first interaction) and
   replaces the whole document, which then runs its own inline scripts as any page does. Attributes on this
   <script>: data-site-root (the site's path, "/cmo-handbook/") and data-languages (space-separated folders). */
(function () {
  var script = document.currentScript;
  var root = script.getAttribute("data-site-root").replace(/\/*$/, "/");
  var languages = script.getAttribute("data-languages").split(" ");
  var path = location.pathname;
  if (path.indexOf(root) !== 0) return;
  var language = path.slice(root.length).split("/")[0];
  if (languages.indexOf(language) < 0) return;

  var html = document.documentElement;
  html.style.visibility = "hidden";
  function show() { html.style.visibility = ""; }
  function whenParsed(then) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then, { once: true });
    else then();
  }
  fetch(root + language + "/404.html", { credentials: "same-origin" })
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
