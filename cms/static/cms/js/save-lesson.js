/*
 * "Lưu để học khi không có mạng" on a lesson page (templates/cms/includes/
 * save_offline.html): keeps the page, its images as this phone shows them, and
 * each video's MP4 (or recording's M4A) in the Cache Storage cache
 * "saved-lesson:<id>", which the service worker (/sw.js) answers from without a
 * connection. A saved lesson plays its saved file, online too: no data spent twice.
 * The list of saved lessons is /bai-da-luu/ (pwa/js/saved-lessons.js).
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-save-lesson]");
  if (!root || !window.caches || !("serviceWorker" in navigator)) {
    return;
  }
  var CACHE = "saved-lesson:" + root.dataset.lesson;
  var pageUrl = new URL(root.dataset.url, location.href).href;
  var META = pageUrl + "?offline-copy=meta";
  var mediaUrls = (root.dataset.files || "").split(" ").filter(Boolean).map(function (url) {
    return new URL(url, location.href).href;
  });
  var button = root.querySelector("[data-save-button]");
  var statusEl = root.querySelector("[data-save-status]");
  var IMAGE_WAIT_MS = 15000;

  function say(name, size) {
    statusEl.textContent = (root.dataset[name] || "").replace("{size}", size || "");
  }

  function formatBytes(bytes) {
    var mb = bytes / (1024 * 1024);
    var text = mb >= 0.1 ? mb.toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
    return text.replace(".", ",");
  }

  /* The images as this phone shows them: lazy ones are loaded first. */
  function pageAssets() {
    var images = Array.prototype.slice.call(document.querySelectorAll("main img"));
    var loads = images.map(function (img) {
      if (img.complete && img.currentSrc) {
        return Promise.resolve();
      }
      img.loading = "eager";
      return new Promise(function (resolve) {
        img.addEventListener("load", resolve, { once: true });
        img.addEventListener("error", resolve, { once: true });
        setTimeout(resolve, IMAGE_WAIT_MS);
      });
    });
    return Promise.all(loads).then(function () {
      var urls = images.map(function (img) { return img.currentSrc || img.src; });
      document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach(function (el) {
        urls.push(el.href || el.src);
      });
      document.querySelectorAll("video[poster]").forEach(function (video) {
        urls.push(video.poster);
      });
      document.querySelectorAll("main track[src]").forEach(function (track) {
        urls.push(track.src);
      });
      return urls.filter(function (url, i) {
        return url && urls.indexOf(url) === i && mediaUrls.indexOf(url) < 0;
      });
    });
  }

  /* Fetch ``url`` into ``cache``; resolves with its size in bytes. */
  function keep(cache, url, required) {
    var sameOrigin = new URL(url).origin === location.origin;
    return fetch(url, { credentials: "same-origin", mode: sameOrigin ? "same-origin" : "cors" })
      .catch(function (error) {
        // An image from a bucket that sends no CORS headers still shows from an
        // opaque copy; a video needs CORS to be played in parts from the copy.
        if (required) {
          throw error;
        }
        return fetch(url, { mode: "no-cors" });
      })
      .then(function (response) {
        if (!response.ok && response.type !== "opaque") {
          throw new Error(url + ": HTTP " + response.status);
        }
        return response.clone().blob().then(function (blob) {
          return cache.put(url, response).then(function () {
            return blob.size;
          });
        });
      })
      .catch(function (error) {
        if (required) {
          throw error;
        }
        return 0;
      });
  }

  function enoughRoom(needed) {
    if (!navigator.storage || !navigator.storage.estimate) {
      return Promise.resolve(true);
    }
    return navigator.storage.estimate().then(function (estimate) {
      return !estimate.quota || estimate.quota - estimate.usage > needed * 1.1;
    });
  }

  function save() {
    button.disabled = true;
    say("textSaving");
    enoughRoom(Number(root.dataset.bytes) || 0).then(function (room) {
      if (!room) {
        throw new Error("no room");
      }
      if (navigator.storage && navigator.storage.persist) {
        // Asks the browser not to evict saved lessons when space runs low.
        navigator.storage.persist().catch(function () {});
      }
      return Promise.all([pageAssets(), caches.delete(CACHE).then(function () {
        return caches.open(CACHE);
      })]);
    }).then(function (ready) {
      var assets = ready[0];
      var cache = ready[1];
      var jobs = [keep(cache, pageUrl, true)]
        .concat(mediaUrls.map(function (url) { return keep(cache, url, true); }))
        .concat(assets.map(function (url) { return keep(cache, url, false); }));
      return Promise.all(jobs).then(function (sizes) {
        var meta = {
          title: root.dataset.title,
          url: pageUrl,
          bytes: sizes.reduce(function (a, b) { return a + b; }, 0),
          savedAt: new Date().toISOString()
        };
        var body = new Response(JSON.stringify(meta), {
          headers: { "Content-Type": "application/json" }
        });
        return cache.put(META, body).then(function () {
          return meta;
        });
      });
    }).then(function (meta) {
      saved(meta);
      playSavedCopies();
    }, function (error) {
      caches.delete(CACHE);
      say(error.message === "no room" ? "textNoRoom" : "textFailed");
    }).then(function () {
      button.disabled = false;
    });
  }

  function saved(meta) {
    root.dataset.saved = "true";
    say("textSaved", formatBytes(meta.bytes));
  }

  /*
   * A saved lesson's players play the saved file. The seam with cms/js/player.js:
   * a player root gets data-saved-src and engine "saved"; its stream is detached,
   * also when the player attaches it after this ran (it then changes data-engine).
   */
  function useSavedCopy(player, url) {
    var engine = player.player;
    if (engine) {
      if (engine.hls) {
        engine.hls.destroy();
        engine.hls = null;
      }
      engine.hlsUrl = engine.audioUrl = "";
    }
    var toggle = player.querySelector("[data-audio-only-toggle]");
    if (toggle) {
      toggle.hidden = true;
    }
    player.dataset.savedSrc = url;
    player.dataset.engine = "saved";
    var media = player.querySelector("[data-player-media]");
    if (media.src !== url) {
      media.src = url;
    }
  }

  function playSavedCopies() {
    var roots = document.querySelectorAll("[data-lesson-player][data-fallback]");
    Array.prototype.forEach.call(roots, function (player) {
      var url = new URL(player.dataset.fallback, location.href).href;
      caches.match(url, { cacheName: CACHE }).then(function (copy) {
        if (!copy || player.dataset.savedSrc) {
          return;
        }
        useSavedCopy(player, url);
        new MutationObserver(function () {
          if (player.dataset.engine !== "saved") {
            useSavedCopy(player, url);
          }
        }).observe(player, { attributes: true, attributeFilter: ["data-engine"] });
      });
    });
  }

  root.hidden = false;
  button.addEventListener("click", save);
  // CacheStorage.match: opening the cache would create an empty one.
  caches.match(META, { cacheName: CACHE }).then(function (copy) {
    if (copy) {
      copy.json().then(saved);
      playSavedCopies();
    }
  });
})();
