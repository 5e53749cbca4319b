/* Commune picker for sign-up: suggestions from /api/units/ fill the hidden code. */
(function () {
  "use strict";
  var input = document.querySelector("input[name=commune_query]");
  var code = document.querySelector("input[name=commune_code]");
  var list = document.querySelector("[data-commune-suggestions]");
  if (!input || !code || !list) {
    return;
  }
  var timer = null;
  input.setAttribute("autocomplete", "off");
  input.addEventListener("input", function () {
    code.value = "";
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) {
      list.hidden = true;
      return;
    }
    timer = setTimeout(function () {
      fetch("/api/units/?q=" + encodeURIComponent(q))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          list.innerHTML = "";
          (data.results || []).slice(0, 8).forEach(function (unit) {
            var li = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = unit.label || (unit.name + ", " + (unit.province_name || ""));
            button.addEventListener("click", function () {
              input.value = button.textContent;
              code.value = unit.code;
              list.hidden = true;
            });
            li.appendChild(button);
            list.appendChild(li);
          });
          list.hidden = !list.children.length;
        })
        .catch(function () { list.hidden = true; });
    }, 250);
  });
})();
