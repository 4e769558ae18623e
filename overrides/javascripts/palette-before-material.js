/*
 * The colour scheme before Material's scripts start (they start on the first interaction:
 * material-on-interaction.js). Follows the reader's earlier choice or, on a first visit, the system preference;
 * shows the matching toggle; switches on a click or on Enter; remembers the choice where Material keeps it, so
 * Material carries on from the same state. Once Material has started, it does all of this itself and this stops.
 *
 * Relies on Material for MkDocs (9.x):
 * - the palette toggles are <input name="__palette"> with data-md-color-media/-scheme/-primary/-accent, each
 *   followed by its <label> (header.html, partials/palette.html);
 * - the scheme is applied as data-md-color-* attributes on <body>;
 * - __md_get/__md_set (defined by Material's inline head script) and the stored shape
 *   __palette = { index, color: { media, scheme, primary, accent } } that its bundle reads when it starts;
 * - window.document$, Material's documented observable, exists once its bundle has run.
 *
 * Inlined after the header by overrides/main.html (block header): it must run before the page is painted.
 */
(() => {
  const inputs = Array.from(document.querySelectorAll('input[name="__palette"]'));
  if (!inputs.length) return;
  const materialStarted = () => typeof window.document$ !== "undefined";

  function apply(input, remember) {
    const color = {};
    for (const key of ["media", "scheme", "primary", "accent"]) {
      color[key] = input.getAttribute(`data-md-color-${key}`);
      document.body.setAttribute(`data-md-color-${key}`, color[key]);
    }
    for (const other of inputs) {
      if (other.nextElementSibling) other.nextElementSibling.hidden = other !== input;
    }
    input.checked = true;
    if (remember) __md_set("__palette", { index: inputs.indexOf(input), color });
  }

  const stored = __md_get("__palette");
  const index = stored
    ? stored.index
    : inputs.findIndex((input) => matchMedia(input.getAttribute("data-md-color-media")).matches);
  apply(inputs[Math.max(0, Math.min(index, inputs.length - 1))], false);

  inputs.forEach((input, i) => {
    input.addEventListener("change", () => {
      if (!materialStarted()) apply(input, true);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || materialStarted()) return;
      const next = inputs[(i + 1) % inputs.length];
      next.click();
      next.focus();
    });
  });
})();
