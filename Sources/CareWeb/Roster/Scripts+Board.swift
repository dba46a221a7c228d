extension Scripts {
    /// The generate progress page follows its run through server-sent events; on the board,
    /// focusing or pointing at one half of a double-up lights its partner block.
    static let board = """
        (function () {
          var box = document.getElementById("progress");
          if (box && window.EventSource) {
            var source = new EventSource(box.getAttribute("data-events"));
            var set = function (id, text) { var el = document.getElementById(id); if (el) { el.textContent = text; } };
            var show = function (e) {
              var s = JSON.parse(e.data);
              set("elapsed", s.elapsed.toFixed(1) + " s");
              if (s.objective !== undefined) { set("objective", s.objective.toFixed(1)); }
              set("assigned", s.assigned + " of " + s.visits);
              set("iterations", String(s.iterations));
              var bar = document.getElementById("bar");
              if (bar) { bar.max = Math.max(1, s.visits); bar.value = s.assigned; }
              return s;
            };
            source.addEventListener("progress", show);
            source.addEventListener("done", function (e) {
              var s = show(e);
              source.close();
              var outcome = document.getElementById("outcome");
              outcome.textContent = "";
              if (s.state === "finished" && s.version !== undefined) {
                var a = document.createElement("a");
                a.id = "draft-link";
                a.href = box.getAttribute("data-week") + "?v=" + s.version;
                a.textContent = "draft version " + s.version;
                outcome.appendChild(document.createTextNode("Done: "));
                outcome.appendChild(a);
                outcome.appendChild(document.createTextNode("."));
                if (s.message) {
                  var notice = document.createElement("span");
                  notice.className = "notice";
                  notice.textContent = " " + s.message;
                  outcome.appendChild(notice);
                }
              } else {
                outcome.textContent = s.message || "The run failed.";
                outcome.className = "error";
              }
            });
          }
          var light = function (on) {
            return function (e) {
              var v = e.target.closest && e.target.closest("a.visit.double");
              if (!v) { return; }
              var id = v.getAttribute("data-visit");
              document.querySelectorAll('a.visit[data-visit="' + id + '"]').forEach(function (b) {
                b.classList.toggle("partner-lit", on);
              });
            };
          };
          document.addEventListener("focusin", light(true));
          document.addEventListener("focusout", light(false));
          document.addEventListener("mouseover", light(true));
          document.addEventListener("mouseout", light(false));
        })();

        """
}
