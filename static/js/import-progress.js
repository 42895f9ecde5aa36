/* Follows an import while it runs: asks the job's JSON progress endpoint every two seconds, updates the bar and the
   counts, and reloads the page once the job moves on. The endpoint and the status come from the data attributes of
   the progress block (a static file, not inline: the Content-Security-Policy allows no inline script). */
(function () {
  var box = document.querySelector("[data-progress-url]");
  if (!box) { return; }
  var url = box.getAttribute("data-progress-url");
  var running = box.getAttribute("data-status");
  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!data.running || data.status !== running) { window.location.reload(); return; }
        document.getElementById("job-progress").value = data.percent;
        document.getElementById("job-percent").textContent = data.percent;
        document.getElementById("job-count").textContent = data.done.toLocaleString("vi-VN") + " / " + data.total.toLocaleString("vi-VN");
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
