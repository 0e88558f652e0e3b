/**
 * The HTML report's inline style and script. Both are constant: nothing from the audited sources
 * is ever interpolated here (the script reads the findings from data attributes the writer escaped),
 * and the page's Content-Security-Policy allows inline style and script and nothing else.
 */

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export const STYLE = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --bg: #fafafa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; word-break: break-all; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.muted { color: var(--muted); }
.counts { display: flex; gap: .75rem; list-style: none; padding: 0; flex-wrap: wrap; }
.counts li { border: 1px solid var(--line); border-left: 6px solid; border-radius: 6px; padding: .4rem .9rem; background: #fff; min-width: 8rem; }
.counts .count { font-size: 1.6rem; font-weight: 600; display: block; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .45rem; color: #fff; font-size: .8rem; font-weight: 600; vertical-align: middle; }
.badge.sev-high { background: #c62828; } .badge.sev-medium { background: #ef6c00; }
.badge.sev-low { background: #f9a825; color: #222; } .badge.sev-informational { background: #1565c0; }
.badge.confirmed { background: #2e7d32; }
svg { background: #fff; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .value { font-weight: 600; }
#filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; padding: .6rem .8rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
#filters input[type=search] { min-width: 16rem; padding: .25rem .4rem; }
.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid; border-radius: 6px; padding: .2rem 1rem .8rem; margin: 1rem 0; }
.finding h3 { margin: .6rem 0; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; word-break: break-all; }
pre { background: #f3f3f6; border-radius: 4px; padding: .6rem; overflow-x: auto; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
/* After the rules that set the border shorthand, and as specific, so the colour wins. */
.counts li.sev-high, .finding.sev-high { border-left-color: #c62828; }
.counts li.sev-medium, .finding.sev-medium { border-left-color: #ef6c00; }
.counts li.sev-low, .finding.sev-low { border-left-color: #f9a825; }
.counts li.sev-informational, .finding.sev-informational { border-left-color: #1565c0; }
[hidden] { display: none !important; }
`;

/** Shows the findings whose severity is ticked, confirmed ones only when asked, and those matching the search text. */
export const SCRIPT = `
(function () {
  var form = document.getElementById("filters");
  var count = document.getElementById("shown-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  function apply() {
    var ticked = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=severity]"), function (box) { ticked[box.value] = box.checked; });
    var confirmedOnly = document.getElementById("confirmed-only").checked;
    var query = document.getElementById("search").value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var visible = ticked[item.dataset.severity] === true
        && (!confirmedOnly || item.dataset.confirmed === "true")
        && (query === "" || item.dataset.search.indexOf(query) !== -1);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = "Showing " + shown + " of " + items.length + " findings";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
`;
