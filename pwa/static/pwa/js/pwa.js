/*
 * On every page: install the service worker and tell it who is signed in, so it
 * sends that person's queued progress now (the "next visit" path for browsers
 * without Background Sync) and drops the pages cached for someone else.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) {
    return;
  }
  var worker = script.dataset.worker;
  var user = script.dataset.user;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  navigator.serviceWorker.register(worker, { scope: "/" }).catch(function () {});
  if (user === undefined) {
    return; /* a page cached for everyone (offline, saved lessons): says nothing */
  }
  navigator.serviceWorker.ready.then(function (registration) {
    if (registration.active) {
      registration.active.postMessage({ type: "session", user: user, csrf: csrfToken() });
    }
  });
})();
