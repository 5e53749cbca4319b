/*
 * The site's service worker, served at /sw.js by pwa.views.service_worker, which
 * puts `CONFIG` (version, shell URLs, paths) before this text. Hand-written rather
 * than Workbox: this is all it needs, readable in one file, with no build step.
 *
 * Caches
 *   shell-<version>   offline page, saved-lessons page, CSS, JS, icons: at install
 *   pages             HTML pages opened (network first, this copy when offline)
 *   static            other static files (cache first when the name is hashed)
 *   images            images of the pages opened
 *   saved-lesson:<id> one lesson saved with "Lưu để học khi không có mạng"
 *                     (cms/static/cms/js/save-lesson.js): page, images, MP4/M4A
 *
 * Progress: the queue lives in IndexedDB (lms/js/progress-store.js); the worker
 * sends it on Background Sync, on every page visit, and when a page says who is
 * signed in.
 */
/* global CONFIG, lmsProgressStore */
importScripts(CONFIG.progressStore);

const SHELL = "shell-" + CONFIG.version;
const PAGES = "pages";
const STATIC = "static";
const IMAGES = "images";
const LIMITS = { [PAGES]: 60, [STATIC]: 80, [IMAGES]: 150 };
// Whitenoise's manifest storage names files like site.4f1c2b9e0a1d.css.
const HASHED = /\.[0-9a-f]{12}\.[A-Za-z0-9]+$/;
const MEDIA_DESTINATIONS = ["image", "video", "audio", "track"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(CONFIG.shell.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("shell-") && name !== SHELL)
            .map((name) => caches.delete(name))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const sameOrigin = url.origin === self.location.origin;
  if (request.method !== "GET") {
    // Signing in or out changes who is there: nobody's progress is sent until a
    // page says who it is now.
    if (sameOrigin && CONFIG.sessionPaths.includes(url.pathname)) {
      event.waitUntil(changeSession({ user: "", csrf: "" }));
    }
    return;
  }
  if (sameOrigin && CONFIG.noCachePrefixes.some((prefix) => url.pathname.startsWith(prefix))) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event));
    event.waitUntil(sendProgress().catch(() => {}));
  } else if (sameOrigin && url.pathname.startsWith(CONFIG.staticPrefix)) {
    event.respondWith(staticFile(event));
  } else if (MEDIA_DESTINATIONS.includes(request.destination)) {
    event.respondWith(mediaFile(event));
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === lmsProgressStore.SYNC_TAG) {
    event.waitUntil(sendProgress());
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "session") {
    event.waitUntil(changeSession(data).then(sendProgress).catch(() => {}));
  }
});

/* HTML: the network first, so pages stay current; the last copy when offline. */
async function page(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (worthKeeping(response)) {
      event.waitUntil(keep(PAGES, request, response.clone()));
    }
    return response;
  } catch (error) {
    const copy = await caches.match(request, { ignoreVary: true });
    return copy || (await caches.match(CONFIG.offline, { ignoreVary: true })) || Response.error();
  }
}

function worthKeeping(response) {
  return (
    response.ok &&
    response.type === "basic" &&
    !response.redirected &&
    (response.headers.get("Content-Type") || "").startsWith("text/html") &&
    !/no-store/.test(response.headers.get("Cache-Control") || "")
  );
}

/* Static files: a hashed name never changes, so the copy is good; others are
 * served from the copy and refreshed behind it. */
async function staticFile(event) {
  const request = event.request;
  const copy =
    (await caches.match(request, { cacheName: SHELL })) || (await caches.match(request));
  const fresh = fetch(request).then((response) => {
    if (response.ok) {
      event.waitUntil(keep(STATIC, request, response.clone()));
    }
    return response;
  });
  if (copy) {
    if (!HASHED.test(new URL(request.url).pathname)) {
      event.waitUntil(fresh.catch(() => {}));
    }
    return copy;
  }
  return fresh;
}

/* Images, video, audio, captions: a saved or kept copy first (no data spent),
 * answering the byte ranges media elements ask for. */
async function mediaFile(event) {
  const request = event.request;
  const copy = await caches.match(request.url, { ignoreVary: true });
  if (copy) {
    return partial(request, copy);
  }
  const response = await fetch(request);
  if (request.destination === "image" && response.ok && response.type === "basic") {
    event.waitUntil(keep(IMAGES, request.url, response.clone()));
  }
  return response;
}

async function partial(request, response) {
  const range = /^bytes=(\d*)-(\d*)$/.exec((request.headers.get("Range") || "").trim());
  if (!range || response.status !== 200) {
    return response;
  }
  const body = await response.blob();
  const size = body.size;
  let start = Number(range[1]);
  let end = range[2] === "" ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (range[1] === "") {
    start = Math.max(0, size - Number(range[2]));
    end = size - 1;
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  }
  const headers = new Headers(response.headers);
  headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  headers.set("Content-Length", String(end - start + 1));
  return new Response(body.slice(start, end + 1), { status: 206, headers });
}

async function keep(cacheName, request, response) {
  const cache = await caches.open(cacheName);
  await cache.put(request, response);
  const keys = await cache.keys();
  const excess = keys.length - LIMITS[cacheName];
  await Promise.all(keys.slice(0, Math.max(0, excess)).map((key) => cache.delete(key)));
}

/* A page said who is signed in: keep it for sending progress; if someone else was,
 * drop the pages kept for them (they show that person's name and progress). */
async function changeSession(data) {
  const previous = await lmsProgressStore.getSession();
  const user = String(data.user || "");
  if (previous.user && previous.user !== user) {
    await caches.delete(PAGES);
  }
  const csrf = data.csrf || (previous.user === user ? previous.csrf : "");
  await lmsProgressStore.setSession({ user, csrf });
}

async function sendProgress() {
  const session = await lmsProgressStore.getSession();
  if (!session.user) {
    return 0;
  }
  let csrf = session.csrf;
  if (self.cookieStore) {
    const cookie = await self.cookieStore.get("csrftoken").catch(() => null);
    csrf = (cookie && cookie.value) || csrf;
  }
  return lmsProgressStore.flush(session.user, csrf);
}
