/*
 * Lesson audio and video player (cms/video). Included by the video and audio block
 * templates, so it loads only on pages that have one.
 *
 * - HLS natively where the browser can (Safari, iOS, Android Chrome), otherwise with
 *   the vendored hls.js, loaded on demand; starts on the lowest rendition.
 * - "Chỉ nghe" (listen only) switches to the audio-only variant and back, keeping
 *   the position.
 * - Remembers the position per media item in localStorage.
 * - Emits `lesson:media-progress` CustomEvents with watched intervals
 *   (documented in docs/player-events.md) for the LMS progress script.
 */
(function () {
  "use strict";

  if (window.lessonPlayer) {
    window.lessonPlayer.scan();
    return;
  }

  var HLS_TYPE = "application/vnd.apple.mpegurl";
  var FLUSH_SECONDS = 15;
  var SAVE_SECONDS = 5;
  var hlsScript = null;

  function loadHls(src) {
    if (window.Hls) return Promise.resolve(window.Hls);
    if (!hlsScript) {
      hlsScript = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Hls); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return hlsScript;
  }

  function storageKey(mediaId) {
    return "lesson-media-position:" + mediaId;
  }

  function readPosition(mediaId) {
    try {
      return parseFloat(window.localStorage.getItem(storageKey(mediaId))) || 0;
    } catch (error) {
      return 0;
    }
  }

  function savePosition(mediaId, seconds) {
    try {
      window.localStorage.setItem(storageKey(mediaId), String(Math.floor(seconds)));
    } catch (error) {
      /* private mode or full storage: remembering is a convenience */
    }
  }

  function Player(root) {
    this.root = root;
    this.media = root.querySelector("[data-player-media]");
    this.lesson = root.dataset.lesson ? Number(root.dataset.lesson) : null;
    this.mediaId = Number(root.dataset.media);
    this.hlsUrl = root.dataset.hls || "";
    this.audioUrl = root.dataset.audioOnly || "";
    this.fallbackUrl = root.dataset.fallback || "";
    this.hlsScript = root.dataset.hlsScript || "";
    this.hls = null;
    this.audioOnly = false;
    this.from = null;
    this.lastSaved = 0;
    this.resumeAt = readPosition(this.mediaId);
    this.bind();
    this.load(this.hlsUrl, this.resumeAt);
    var toggle = root.querySelector("[data-audio-only-toggle]");
    if (toggle && this.audioUrl) {
      toggle.hidden = false;
      toggle.addEventListener("click", this.toggleAudioOnly.bind(this, toggle));
    }
    root.dataset.playerReady = "true";
  }

  /* Attach ``url`` to the media element; resolves once the source is set. */
  Player.prototype.load = function (url, startAt) {
    var media = this.media;
    var self = this;
    this.resumeAt = startAt || 0;
    if (!url) return Promise.resolve(); /* plain source set in the template */
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    if (media.canPlayType(HLS_TYPE)) {
      media.src = url;
      this.root.dataset.engine = "native";
      return Promise.resolve();
    }
    return loadHls(this.hlsScript).then(function (Hls) {
      if (!Hls || !Hls.isSupported()) {
        if (self.fallbackUrl) media.src = self.fallbackUrl;
        self.root.dataset.engine = "file";
        return;
      }
      var hls = new Hls({ startLevel: 0, capLevelToPlayerSize: true });
      hls.loadSource(url);
      hls.attachMedia(media);
      self.hls = hls;
      self.root.dataset.engine = "hls.js";
    }, function () {
      if (self.fallbackUrl) media.src = self.fallbackUrl;
      self.root.dataset.engine = "file";
    });
  };

  Player.prototype.bind = function () {
    var self = this;
    var media = this.media;
    media.addEventListener("loadedmetadata", function () {
      var duration = media.duration || 0;
      if (self.resumeAt > 0 && (!duration || self.resumeAt < duration - 1)) {
        media.currentTime = self.resumeAt;
      }
      self.resumeAt = 0;
    });
    media.addEventListener("playing", function () {
      if (self.from === null) self.from = media.currentTime;
    });
    media.addEventListener("timeupdate", function () {
      var now = media.currentTime;
      if (Math.abs(now - self.lastSaved) >= SAVE_SECONDS) {
        savePosition(self.mediaId, now);
        self.lastSaved = now;
      }
      if (self.from !== null && now - self.from >= FLUSH_SECONDS) {
        self.flush(now);
        self.from = now;
      }
    });
    media.addEventListener("pause", function () {
      savePosition(self.mediaId, media.currentTime);
      self.flush(media.currentTime);
    });
    media.addEventListener("seeking", function () {
      /* the interval ends where the person was before jumping */
      self.flush(self.lastTime);
      self.from = media.paused ? null : media.currentTime;
    });
    media.addEventListener("timeupdate", function () {
      if (!media.seeking) self.lastTime = media.currentTime;
    });
    media.addEventListener("ended", function () {
      savePosition(self.mediaId, 0);
      self.flush(media.duration || media.currentTime);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && !media.paused) {
        self.flush(media.currentTime);
        self.from = media.currentTime;
      }
    });
  };

  Player.prototype.flush = function (to) {
    if (this.from === null || typeof to !== "number" || isNaN(to)) return;
    var from = this.from;
    this.from = null;
    if (to - from < 0.5) return;
    this.root.dispatchEvent(
      new CustomEvent("lesson:media-progress", {
        bubbles: true,
        detail: {
          lesson: this.lesson,
          media: this.mediaId,
          from: Math.round(from * 10) / 10,
          to: Math.round(to * 10) / 10,
          duration: this.media.duration || null,
          audioOnly: this.audioOnly,
        },
      })
    );
  };

  Player.prototype.toggleAudioOnly = function (button) {
    var media = this.media;
    var position = media.currentTime;
    var wasPlaying = !media.paused;
    if (wasPlaying) media.pause(); /* flushes the interval watched so far */
    this.audioOnly = !this.audioOnly;
    button.setAttribute("aria-pressed", this.audioOnly ? "true" : "false");
    this.root.classList.toggle("lesson-media--audio-only", this.audioOnly);
    /* After a choice, fetch at least the metadata so the position can be set. */
    media.preload = "metadata";
    this.load(this.audioOnly ? this.audioUrl : this.hlsUrl, position).then(function () {
      if (wasPlaying) media.play().catch(function () {});
    });
  };

  function scan() {
    var roots = document.querySelectorAll("[data-lesson-player]:not([data-player-ready])");
    Array.prototype.forEach.call(roots, function (root) {
      root.player = new Player(root);
    });
  }

  window.lessonPlayer = { scan: scan, version: 1 };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
