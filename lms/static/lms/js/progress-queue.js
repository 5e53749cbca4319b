/*
 * Progress queue for lesson pages: events survive weak connections and closed tabs.
 *
 * Every event gets a UUID when it happens and is written at once to IndexedDB
 * (progress-store.js, loaded before this file), so closing the tab loses nothing.
 * Batches of up to 50 go to /api/lms/events/; an event leaves the queue only when
 * the server has answered for it (accepted, duplicate or rejected). A failed send is
 * retried with exponential back-off, at once when the browser comes back online, by
 * the service worker's Background Sync where the browser has it, and otherwise on
 * the next visit of any page of the site (pwa.js). The server counts an id once, so
 * resending after an unclear failure is safe.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-lms-tracking]");
  var store = window.lmsProgressStore;
  if (!root || !store || window.lmsProgressQueue) {
    return;
  }
  var MAX_DELAY = 5 * 60 * 1000;
  var lessonId = parseInt(root.dataset.lesson, 10);
  var endpoint = root.dataset.endpoint;
  var user = root.dataset.user || "";
  var legacyKey = "lms-progress-queue:" + (user || "anon");
  var baseDelay = parseInt(root.dataset.retryBaseMs || "2000", 10);
  var timeEvery = parseInt(root.dataset.timeEverySeconds || "30", 10) * 1000;
  var statusEl = root.querySelector("[data-queue-status]");
  var failures = 0;
  var sending = null;
  var retryTimer = null;

  function uuid4() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) {
      return (x + 0x100).toString(16).slice(1);
    }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" +
      h.slice(16, 20) + "-" + h.slice(20);
  }

  // Queues written by the earlier localStorage version move into IndexedDB once.
  function adoptLegacyQueue() {
    var legacy;
    try {
      legacy = JSON.parse(localStorage.getItem(legacyKey) || "[]");
    } catch (e) {
      legacy = [];
    }
    if (!legacy.length) {
      return Promise.resolve();
    }
    return Promise.all(legacy.map(function (event) {
      return store.add(user, endpoint, event);
    })).then(function () {
      localStorage.removeItem(legacyKey);
    });
  }

  function pending() {
    return store.count(user);
  }

  function showStatus() {
    if (!statusEl) {
      return Promise.resolve();
    }
    return pending().then(function (count) {
      var text = count ? (root.dataset.textPending || "") : "";
      statusEl.textContent = text.replace("{count}", String(count));
    });
  }

  function enqueue(type, fields) {
    var event = { id: uuid4(), type: type, lesson: lessonId, at: new Date().toISOString() };
    Object.keys(fields || {}).forEach(function (key) {
      event[key] = fields[key];
    });
    queued = queued.then(function () {
      return store.add(user, endpoint, event);
    }).then(showStatus).then(flush, flush);
    return event.id;
  }

  // Writes one after another, so events keep the order they happened in.
  var queued = Promise.resolve();

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : root.dataset.csrf || "";
  }

  function scheduleRetry() {
    failures += 1;
    var delay = Math.min(MAX_DELAY, baseDelay * Math.pow(2, failures - 1));
    delay = delay / 2 + Math.random() * delay / 2;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, delay);
    // The service worker sends the queue when the connection returns, even once
    // this tab is closed.
    if (navigator.serviceWorker) {
      navigator.serviceWorker.ready.then(function (registration) {
        return registration.sync && registration.sync.register(store.SYNC_TAG);
      }).catch(function () {});
    }
  }

  function onResult(result) {
    if (result.status === "accepted" && result.passed) {
      markedDone();
    }
    if (result.id === doneEventId) {
      doneAnswered(result);
    }
  }

  function flush() {
    if (sending) {
      return sending;
    }
    sending = store.flush(user, csrfToken(), onResult).then(function () {
      failures = 0;
    }, function () {
      scheduleRetry();
    }).then(function () {
      sending = null;
      return showStatus();
    });
    return sending;
  }

  // Time on the page, counted only while it is visible.
  var visibleSince = document.visibilityState === "visible" ? Date.now() : null;
  var pendingMs = 0;

  function recordTime() {
    if (visibleSince !== null) {
      pendingMs += Date.now() - visibleSince;
      visibleSince = document.visibilityState === "visible" ? Date.now() : null;
    }
    var seconds = Math.floor(pendingMs / 1000);
    if (seconds >= 1) {
      pendingMs -= seconds * 1000;
      enqueue("lesson.time", { seconds: seconds });
      countReading(seconds);
    }
  }

  // A text lesson completes after its reading time: count it down on the page and
  // enable "I have finished this lesson" when it is reached (the server decides).
  var readingLeft = root.dataset.readingLeft ? parseInt(root.dataset.readingLeft, 10) : null;
  var missingEl = root.querySelector("[data-rule-missing]");

  function countReading(seconds) {
    if (readingLeft === null) {
      return;
    }
    readingLeft = Math.max(0, readingLeft - seconds);
    var button = root.querySelector("[data-mark-done]");
    if (button) {
      button.disabled = readingLeft > 0;
    }
    if (missingEl) {
      missingEl.textContent = readingLeft > 0
        ? (root.dataset.textReadingLeft || "").replace("{minutes}", String(Math.ceil(readingLeft / 60)))
        : "";
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      visibleSince = Date.now();
    } else {
      recordTime();
      visibleSince = null;
    }
  });
  window.addEventListener("pagehide", recordTime);
  setInterval(recordTime, timeEvery);

  // The media player reports what was played as DOM events on the document.
  document.addEventListener("lesson:media-progress", function (e) {
    var d = e.detail || {};
    if (parseInt(d.lesson, 10) !== lessonId || !(d.to > d.from)) {
      return;
    }
    enqueue("media.watched", { media: d.media, from: d.from, to: d.to });
  });

  function markedDone() {
    var button = root.querySelector("[data-mark-done]");
    if (button) {
      button.hidden = true;
    }
    var rule = root.querySelector("[data-rule]");
    if (rule) {
      rule.hidden = true;
    }
    var done = root.querySelector("[data-lesson-done]");
    if (done) {
      done.hidden = false;
    }
  }

  // The lesson is shown as done only when the server accepted it; a refusal says
  // what is still missing.
  var doneEventId = null;

  function doneAnswered(result) {
    if (result.status === "rejected") {
      if (missingEl) {
        missingEl.textContent = result.reason || "";
      }
      var button = root.querySelector("[data-mark-done]");
      if (button) {
        button.disabled = false;
      }
    } else {
      markedDone();
    }
  }

  var doneButton = root.querySelector("[data-mark-done]");
  if (doneButton) {
    doneButton.addEventListener("click", function () {
      recordTime();
      doneButton.disabled = true;
      doneEventId = enqueue("lesson.completed", {});
    });
  }

  window.addEventListener("online", function () {
    failures = 0;
    clearTimeout(retryTimer);
    flush();
  });

  window.lmsProgressQueue = {
    enqueue: enqueue,
    flush: flush,
    recordTime: recordTime,
    pending: pending,
    // Resolves once every event enqueued so far is written to IndexedDB.
    stored: function () {
      return queued;
    }
  };
  store.setSession({ user: user, csrf: csrfToken() }).catch(function () {});
  queued = adoptLegacyQueue().then(showStatus).then(flush, flush);
})();
