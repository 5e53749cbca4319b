/*
 * "Bài đã lưu": the lessons kept in Cache Storage by cms/js/save-lesson.js, one
 * cache "saved-lesson:<id>" each, described by its "?offline-copy=meta" entry.
 * Removing a lesson deletes its cache.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-saved-lessons]");
  if (!root) {
    return;
  }
  var PREFIX = "saved-lesson:";
  var list = root.querySelector("[data-saved-list]");
  var empty = root.querySelector("[data-saved-empty]");
  var total = root.querySelector("[data-saved-total]");

  if (!window.caches) {
    root.querySelector("[data-saved-unsupported]").hidden = false;
    return;
  }

  function formatBytes(bytes) {
    var mb = bytes / (1024 * 1024);
    var text = mb >= 0.1 ? mb.toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
    return text.replace(".", ",");
  }

  function describe(name) {
    return caches.open(name).then(function (cache) {
      return cache.keys().then(function (requests) {
        var meta = requests.filter(function (request) {
          return request.url.indexOf("?offline-copy=meta") > 0;
        })[0];
        return meta ? cache.match(meta).then(function (response) { return response.json(); }) : null;
      });
    }).then(function (meta) {
      return meta && { cache: name, title: meta.title, url: meta.url, bytes: meta.bytes || 0 };
    });
  }

  function item(lesson) {
    var li = document.createElement("li");
    li.className = "saved-lesson";
    li.dataset.savedLesson = lesson.cache;
    var link = document.createElement("a");
    link.href = lesson.url;
    link.textContent = lesson.title;
    var size = document.createElement("span");
    size.className = "saved-lesson__size";
    size.textContent = " · " + root.dataset.textSize.replace("{size}", formatBytes(lesson.bytes));
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button-secondary";
    remove.textContent = root.dataset.textRemove;
    remove.setAttribute("aria-label", root.dataset.textRemove + ": " + lesson.title);
    remove.addEventListener("click", function () {
      caches.delete(lesson.cache).then(function () {
        li.remove();
        total.textContent = root.dataset.textRemoved;
        render();
      });
    });
    li.append(link, size, " ", remove);
    return li;
  }

  function render() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0;
      }).map(describe));
    }).then(function (lessons) {
      lessons = lessons.filter(Boolean).sort(function (a, b) {
        return a.title.localeCompare(b.title, "vi");
      });
      list.replaceChildren.apply(list, lessons.map(item));
      empty.hidden = lessons.length > 0;
      if (lessons.length) {
        var bytes = lessons.reduce(function (sum, lesson) { return sum + lesson.bytes; }, 0);
        total.textContent = root.dataset.textTotal.replace("{size}", formatBytes(bytes));
      }
    });
  }

  render();
})();
