/*
 * Mark the page "js" at once, although Material's scripts start only on the first interaction
 * (material-on-interaction.js): its CSS hides search under "no-js", and search works from that first interaction,
 * so the layout must not change when the scripts arrive.
 *
 * Relies on Material for MkDocs (9.x):
 * - base.html puts class="no-js" on <html>, and its bundle would replace it with "js" as it starts.
 *
 * Inlined in <head> by overrides/main.html (block extrahead): the first view loads no script file.
 */
document.documentElement.classList.replace("no-js", "js");
