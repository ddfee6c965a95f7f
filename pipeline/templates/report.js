/* The report's behaviour (inlined by pipeline/report.py after the Vega bundle): draw the charts,
   filter the actions. Plain JS, no network: every spec is a <script type="application/json"> of the page. */
(function () {
  "use strict";

  function drawCharts() {
    var boxes = document.querySelectorAll(".chart[data-spec]");
    boxes.forEach(function (el) {
      if (typeof window.vegaEmbed !== "function") {
        el.textContent = "The chart library did not load.";
        el.classList.add("chart-error");
        return;
      }
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      window.vegaEmbed(el, spec, { renderer: "svg", actions: false })
        .then(function () { el.setAttribute("data-rendered", "true"); })
        .catch(function (err) {
          el.textContent = "Chart failed: " + err;
          el.classList.add("chart-error");
        });
    });
  }

  function setupFilters() {
    var text = document.getElementById("f-text");
    var partner = document.getElementById("f-partner");
    var delivery = document.getElementById("f-delivery");
    var review = document.getElementById("f-review");
    var count = document.getElementById("f-count");
    var rows = Array.prototype.slice.call(document.querySelectorAll("#actions-table tbody tr[data-action]"));
    var articles = {};
    document.querySelectorAll("article.action[data-action]").forEach(function (a) {
      articles[a.getAttribute("data-action")] = a;
    });
    // what the search box looks in: the row (title, institution, codes) and the record text
    var haystack = rows.map(function (tr) {
      var art = articles[tr.getAttribute("data-action")];
      return (tr.textContent + " " + (art ? art.textContent : "")).toLowerCase();
    });

    function apply() {
      var q = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (tr, i) {
        var ok = (!q || haystack[i].indexOf(q) !== -1) &&
          (!partner.value || tr.getAttribute("data-partner") === partner.value) &&
          (!delivery.value || tr.getAttribute("data-delivery") === delivery.value) &&
          (!review.checked || tr.getAttribute("data-review") === "yes");
        tr.hidden = !ok;
        var art = articles[tr.getAttribute("data-action")];
        if (art) { art.hidden = !ok; }
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " actions";
    }

    // a link can carry the filters: report.html?q=training&partner=PE&delivery=remote&review=1
    var params = new URLSearchParams(window.location.search);
    if (params.has("q")) { text.value = params.get("q"); }
    if (params.has("partner")) { partner.value = params.get("partner"); }
    if (params.has("delivery")) { delivery.value = params.get("delivery"); }
    if (params.has("review")) { review.checked = params.get("review") !== "0"; }

    [text, partner, delivery, review].forEach(function (el) {
      el.addEventListener("input", apply);
      el.addEventListener("change", apply);
    });
    apply();
  }

  drawCharts();
  setupFilters();
})();
