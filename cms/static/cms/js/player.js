/*
 * Lesson audio and video player (cms/video). Included by the video and audio block
 * templates, so it loads only on pages that have one.
 *
 * - Without JavaScript the <video> plays its MP4 <source>; this script replaces it
 *   with the chosen rendition's HLS playlist.
 * - A visible choice of rendition (240p / 360p / 720p / "Chỉ nghe"), each with its
 *   size; switching keeps the position, on native HLS (new src, then seek) and on
 *   hls.js (new source, started at the position).
 * - HLS natively where the browser can (Safari, iOS, Android Chrome); elsewhere the
 *   vendored hls.js, inserted only when the person first presses play.
 * - A data saver remembered on the device (default: the browser's Save-Data): the
 *   smallest picture. Nothing is preloaded for anyone (preload="none" stays):
 *   Chromium's native HLS fetched about 1 MB for preload="metadata".
 * - Languages (cms/video/languages.py): with dubbed tracks, a choice of the
 *   language heard. hls.js (full build) plays the master playlist and switches
 *   its audio rendition (hls.audioTrack) with the picture size locked to the
 *   choice (hls.currentLevel); native HLS plays a per-language playlist and the
 *   MP4 fallback that language's download, both switched keeping the position.
 *   Subtitles are the <track> elements in every mode (hls.js is told not to add
 *   a second copy), so the choice survives "Chỉ nghe" and the MP4 fallback. The
 *   defaults come from the server (the page's language on a translated page,
 *   else the visitor's preference); both are read again here because the page
 *   may come from the page cache.
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
  var SAVER_KEY = "lesson-data-saver";
  var PREFERENCE_COOKIE = "ngon_ngu"; /* cms/content_languages.py */
  var hlsScript = null;
  var players = [];

  function loadHls(src) {
    if (window.Hls) return Promise.resolve(window.Hls);
    if (!hlsScript) {
      hlsScript = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Hls); };
        script.onerror = function (error) {
          hlsScript = null;
          reject(error);
        };
        document.head.appendChild(script);
      });
    }
    return hlsScript;
  }

  function readStored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      /* private mode or full storage: remembering is a convenience */
    }
  }

  function positionKey(mediaId) {
    return "lesson-media-position:" + mediaId;
  }

  /* The person's own choice on this device first, then the browser's wish. */
  function dataSaverWanted(root) {
    var stored = readStored(SAVER_KEY);
    if (stored === "on" || stored === "off") return stored === "on";
    if (root.dataset.saveData === "on") return true;
    var connection = navigator.connection;
    return Boolean(connection && connection.saveData);
  }

  function preferredLanguage(root) {
    /* a translated page (<article lang="hmn">) speaks its own language */
    var article = root.closest("article[lang]");
    var onPage = article ? article.getAttribute("lang").toLowerCase() : "";
    if (onPage && onPage !== "vi") return onPage;
    var match = document.cookie.match(
      new RegExp("(?:^|;\\s*)" + PREFERENCE_COOKIE + "=([^;]*)")
    );
    return match ? decodeURIComponent(match[1]).toLowerCase() : "";
  }

  function radiosOf(fieldset) {
    return fieldset
      ? Array.prototype.slice.call(fieldset.querySelectorAll("input[type=radio]"))
      : [];
  }

  function checkedOf(fieldset) {
    return radiosOf(fieldset).filter(function (radio) { return radio.checked; })[0];
  }

  function playQuietly(media) {
    var promise = media.play();
    if (promise && promise.catch) promise.catch(function () {});
  }

  function Player(root) {
    this.root = root;
    this.media = root.querySelector("[data-player-media]");
    this.lesson = root.dataset.lesson ? Number(root.dataset.lesson) : null;
    this.mediaId = Number(root.dataset.media);
    this.masterUrl = root.dataset.master || "";
    /* alternative audio needs hls.js's full build; the light one lacks it */
    this.hlsScript = (this.masterUrl && root.dataset.hlsFullScript) ||
      root.dataset.hlsScript || "";
    this.languages = root.querySelector("[data-audio-choices]");
    this.subtitles = root.querySelector("[data-subtitle-choices]");
    this.fallbackUrl = "";
    var source = this.media.querySelector("source");
    if (source) this.fallbackUrl = source.src;
    this.choices = root.querySelector("[data-quality-choices]");
    this.saver = root.querySelector("[data-data-saver]");
    this.startButton = root.querySelector("[data-start]");
    this.native = Boolean(this.choices && this.media.canPlayType(HLS_TYPE));
    this.hls = null;
    this.attached = "";
    this.audioOnly = false;
    this.from = null;
    this.lastSaved = 0;
    this.lastTime = 0;
    this.resumeAt = parseFloat(readStored(positionKey(this.mediaId))) || 0;
    this.bind();
    this.setUpLanguages();
    if (this.choices) {
      this.setUpChoices();
    } else {
      root.dataset.engine = "file";
    }
    root.dataset.playerReady = "true";
  }

  Player.prototype.radios = function () {
    return Array.prototype.slice.call(
      this.choices.querySelectorAll("input[type=radio]")
    );
  };

  Player.prototype.checked = function () {
    return this.radios().filter(function (radio) { return radio.checked; })[0];
  };

  Player.prototype.language = function () {
    return checkedOf(this.languages);
  };

  Player.prototype.setUpLanguages = function () {
    var self = this;
    var wanted = preferredLanguage(this.root);
    var spoken = radiosOf(this.languages).filter(function (r) { return r.value === wanted; });
    if (spoken.length) spoken[0].checked = true;
    var written = radiosOf(this.subtitles).filter(function (r) { return r.value === wanted; });
    if (wanted && written.length && !spoken.length) written[0].checked = true;
    if (this.languages) {
      this.languages.hidden = false;
      radiosOf(this.languages).forEach(function (radio) {
        radio.addEventListener("change", function () {
          if (radio.checked) self.chooseLanguage(radio);
        });
      });
      this.root.dataset.audio = this.language().value;
    }
    if (this.subtitles) {
      this.subtitles.hidden = false;
      radiosOf(this.subtitles).forEach(function (radio) {
        radio.addEventListener("change", function () {
          if (radio.checked) self.showSubtitles();
        });
      });
      this.showSubtitles();
    }
  };

  /* The <track> of the chosen language showing, the others off. */
  Player.prototype.showSubtitles = function () {
    var chosen = checkedOf(this.subtitles);
    var code = chosen ? chosen.value : "";
    Array.prototype.forEach.call(this.media.textTracks, function (track) {
      track.mode = code && track.language === code ? "showing" : "disabled";
    });
    this.root.dataset.subtitles = code;
  };

  /* The URL that plays the chosen picture size (``quality``) in the chosen language. */
  Player.prototype.sourceFor = function (quality) {
    var language = this.language();
    var dubbed = language && !language.hasAttribute("data-original");
    if (quality.hasAttribute("data-audio-only")) {
      return dubbed ? language.dataset.audioUrl : quality.dataset.url;
    }
    if (!dubbed) {
      return this.masterUrl && !this.native ? this.masterUrl : quality.dataset.url;
    }
    if (this.native) return language.getAttribute("data-native-" + quality.value);
    return this.masterUrl;
  };

  Player.prototype.onMaster = function () {
    return Boolean(this.hls && this.masterUrl && this.attached === this.masterUrl);
  };

  /* On the master playlist: lock the picture size and pick the audio rendition. */
  Player.prototype.applyHlsChoices = function () {
    var hls = this.hls;
    var quality = this.checked();
    var language = this.language();
    if (!hls) return;
    var side = Number(quality && quality.dataset.shortSide) || 0;
    hls.levels.forEach(function (level, index) {
      if (side && Math.min(level.width, level.height) === side &&
          hls.currentLevel !== index) {
        hls.currentLevel = index;
      }
    });
    if (language) {
      hls.audioTracks.forEach(function (track, index) {
        if (track.lang === language.value && hls.audioTrack !== index) {
          hls.audioTrack = index;
        }
      });
      this.root.dataset.audio = language.value;
    }
  };

  /* Another language heard: hls.js switches rendition; other modes reload. */
  Player.prototype.chooseLanguage = function (radio) {
    this.root.dataset.audio = radio.value;
    if (!this.attached && this.root.dataset.engine !== "file") return;
    if (this.root.dataset.engine === "file") {
      this.switchTo(this.useFile.bind(this));
      return;
    }
    var url = this.sourceFor(this.checked());
    if (this.onMaster() && url === this.masterUrl) {
      this.applyHlsChoices(); /* hls.js keeps the position itself */
      return;
    }
    var self = this;
    this.switchTo(function (position) {
      return self.attach(url, position);
    });
  };

  /* Replace the source keeping position and playing state. */
  Player.prototype.switchTo = function (attachAt) {
    var media = this.media;
    var position = media.readyState >= 1 ? media.currentTime : this.resumeAt;
    var wasPlaying = !media.paused;
    this.flush(position);
    store(positionKey(this.mediaId), String(Math.floor(position)));
    if (wasPlaying) media.pause();
    Promise.resolve(attachAt(position)).then(function () {
      if (wasPlaying) playQuietly(media);
    });
  };

  Player.prototype.setUpChoices = function () {
    var self = this;
    this.choices.hidden = false;
    this.radios().forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) self.choose(radio);
      });
    });
    if (this.saver) {
      this.saver.addEventListener("change", function () {
        var on = self.saver.checked;
        store(SAVER_KEY, on ? "on" : "off");
        players.forEach(function (player) { player.applySaver(on); });
      });
    }
    var saving = dataSaverWanted(this.root);
    var radios = this.radios();
    var start = saving
      ? radios[0]
      : radios.filter(function (r) { return r.hasAttribute("data-standard"); })[0];
    start = start || this.checked() || radios[0];
    start.checked = true;
    if (this.saver) this.saver.checked = saving;
    this.audioOnly = start.hasAttribute("data-audio-only");
    this.root.classList.toggle("lesson-media--audio-only", this.audioOnly);
    if (this.native) {
      this.attach(this.sourceFor(start), this.resumeAt);
    } else {
      /* hls.js is fetched only once the person presses play */
      this.media.addEventListener("play", this.startStream.bind(this));
    }
    if (this.startButton) {
      this.startButton.hidden = false;
      this.startButton.addEventListener("click", this.start.bind(this));
      this.media.addEventListener("play", function () {
        self.startButton.hidden = true;
      });
    }
  };

  /* The start button: uncover the video's own controls and play. */
  Player.prototype.start = function () {
    var media = this.media;
    this.startButton.hidden = true;
    media.focus();
    if (this.attached) {
      playQuietly(media);
    } else {
      this.startStream();
    }
  };

  Player.prototype.applySaver = function (on) {
    if (!this.choices) return;
    if (this.saver) this.saver.checked = on;
    var lowest = this.radios()[0];
    if (on && lowest && !lowest.checked) {
      lowest.checked = true;
      this.choose(lowest);
    }
  };

  /* First play without native HLS: drop the MP4 and stream the chosen rendition. */
  Player.prototype.startStream = function () {
    if (this.attached) return;
    var media = this.media;
    var radio = this.checked();
    if (!radio) return;
    if (!media.paused) media.pause(); /* nothing played yet: no position, no interval */
    Array.prototype.forEach.call(media.querySelectorAll("source"), function (s) {
      s.remove();
    });
    media.removeAttribute("src");
    media.load(); /* stops the MP4 download the browser may have begun */
    this.attach(this.sourceFor(radio), this.resumeAt).then(function () {
      playQuietly(media);
    });
  };

  /* Switch to the rendition of ``radio``, keeping the position and playing state. */
  Player.prototype.choose = function (radio) {
    var media = this.media;
    var audioOnly = radio.hasAttribute("data-audio-only");
    if (!this.attached) {
      this.audioOnly = audioOnly;
      this.root.classList.toggle("lesson-media--audio-only", audioOnly);
      return; /* the stream starts with this choice on play */
    }
    var url = this.sourceFor(radio);
    if (this.onMaster() && url === this.masterUrl) {
      this.applyHlsChoices(); /* another picture size of the same master */
      return;
    }
    var position = media.readyState >= 1 ? media.currentTime : this.resumeAt;
    var wasPlaying = !media.paused;
    /* The pause event comes after the new source has reset the position, so the
       interval watched in the old mode is sent now. */
    this.flush(position);
    store(positionKey(this.mediaId), String(Math.floor(position)));
    if (wasPlaying) media.pause();
    this.audioOnly = audioOnly;
    this.root.classList.toggle("lesson-media--audio-only", audioOnly);
    this.attach(url, position).then(function () {
      if (wasPlaying) playQuietly(media);
    });
  };

  /* Attach ``url`` to the media element; resolves once the source is set. */
  Player.prototype.attach = function (url, startAt) {
    var media = this.media;
    var self = this;
    this.resumeAt = startAt || 0;
    this.attached = url;
    if (this.root.dataset.savedSrc) {
      /* saved for offline use (cms/js/save-lesson.js): the copy on the phone plays */
      media.src = this.root.dataset.savedSrc;
      this.root.dataset.engine = "saved";
      return Promise.resolve();
    }
    if (this.native) {
      media.src = url; /* the src attribute wins over the MP4 <source> */
      this.root.dataset.engine = "native";
      return Promise.resolve();
    }
    return loadHls(this.hlsScript).then(function (Hls) {
      if (self.attached !== url) return; /* another choice came meanwhile */
      if (!Hls || !Hls.isSupported()) {
        self.useFile();
        return;
      }
      if (self.hls) self.hls.destroy();
      var hls = new Hls({
        startPosition: self.resumeAt > 0 ? self.resumeAt : -1,
        enableWebVTT: false, /* subtitles are the <track> elements */
      });
      if (url === self.masterUrl) {
        var apply = self.applyHlsChoices.bind(self);
        hls.on(Hls.Events.MANIFEST_PARSED, apply);
        hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, apply);
      }
      hls.attachMedia(media);
      hls.loadSource(url);
      self.hls = hls;
      self.root.dataset.engine = "hls.js";
    }, function () {
      self.useFile();
    });
  };

  /* No HLS at all: the MP4 download plays as it would without JavaScript. */
  Player.prototype.useFile = function (position) {
    if (this.hls) this.hls.destroy();
    this.hls = null;
    var language = this.language();
    var url = (language && language.dataset.download) || this.fallbackUrl;
    if (typeof position === "number") this.resumeAt = position;
    if (url) this.media.src = url;
    this.root.dataset.engine = "file";
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
      if (!media.seeking) self.lastTime = now;
      if (Math.abs(now - self.lastSaved) >= SAVE_SECONDS) {
        store(positionKey(self.mediaId), String(Math.floor(now)));
        self.lastSaved = now;
      }
      if (self.from !== null && now - self.from >= FLUSH_SECONDS) {
        self.flush(now);
        self.from = now;
      }
    });
    media.addEventListener("pause", function () {
      if (media.readyState >= 1) {
        store(positionKey(self.mediaId), String(Math.floor(media.currentTime)));
      }
      self.flush(media.currentTime);
    });
    media.addEventListener("seeking", function () {
      /* the interval ends where the person was before jumping */
      self.flush(self.lastTime);
      self.from = media.paused ? null : media.currentTime;
    });
    media.addEventListener("ended", function () {
      store(positionKey(self.mediaId), "0");
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

  function scan() {
    var roots = document.querySelectorAll("[data-lesson-player]:not([data-player-ready])");
    Array.prototype.forEach.call(roots, function (root) {
      root.player = new Player(root);
      players.push(root.player);
    });
  }

  window.lessonPlayer = { scan: scan, version: 2 };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
