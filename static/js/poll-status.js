/* Follows the generation without blocking the page: asks the JSON status endpoint of each pending row every
   two seconds and reloads the page once they are all done (or failed). Without JavaScript, <noscript> refreshes.
   A static file, not inline: the Content-Security-Policy allows no inline script. */
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-status-url]"));
  if (!rows.length) { return; }
  function poll() {
    Promise.all(rows.map(function (row) {
      return fetch(row.getAttribute("data-status-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { return true; }
          var pill = row.querySelector("[data-role=status]");
          if (pill) { pill.textContent = data.status_label; }
          return !data.pending;
        })
        .catch(function () { return false; });
    })).then(function (finished) {
      if (finished.every(Boolean)) { window.location.reload(); } else { window.setTimeout(poll, 2000); }
    });
  }
  window.setTimeout(poll, 1500);
})();
