// "Larger text": a class on <html>, remembered on this device (localStorage).
// Loaded in <head> without defer so the page is drawn at the chosen size at once.
(function () {
  "use strict";
  var KEY = "text-size";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (e) {
      return null; // storage refused (private mode): the setting lasts the page
    }
  }

  function remember(large) {
    try {
      if (large) {
        window.localStorage.setItem(KEY, "larger");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (e) {
      // nothing to do: the page still changes size
    }
  }

  root.classList.toggle("text-larger", stored() === "larger");
  // Before the first paint: the button shows only where it works, without a shift.
  root.classList.add("text-size-ready");

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-text-size]");
    function show() {
      var large = root.classList.contains("text-larger");
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", large ? "true" : "false");
      });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var large = !root.classList.contains("text-larger");
        root.classList.toggle("text-larger", large);
        remember(large);
        show();
      });
    });
    show();
  });
})();
