/* Project Nexus service worker: the source that tools/service_worker.mjs turns into sw.js.
 *
 * Workbox's injectManifest writes the precache list (the shell) into precacheAndRoute()
 * below; the script fills in the build's id, the revision (SHA-256) of every other file
 * and the folder of the local Workbox copy. Nothing here is loaded from another host.
 *
 * One rule keeps versions apart: each build has its own caches, named with its id, and a
 * worker stores only bytes that belong to its own build (their SHA-256 is the one the build
 * listed). A reader offline therefore always reads one complete version of the hub, never
 * old pages with new styles or the reverse.
 *
 * - Shell (Material's CSS and JavaScript, the search index, icons, home and 404 pages):
 *   precached on the first visit, served from the cache.
 * - Pages: network first with a short timeout, then the copy on this device.
 * - Other files (drawings, images, scripts): stale-while-revalidate.
 * - "Save the whole hub" (assets/javascripts/offline-app.js) fills the same caches from
 *   the page, marking its requests with X-Nexus-Save so the routes below leave them alone.
 * - A new version waits (no skipWaiting) until the reader accepts the reload prompt; while
 *   it waits, this worker serves everything from the network, falling back to its own
 *   caches only when offline. When the new worker installs it copies every unchanged file
 *   of the old caches into its own; when it activates it deletes the old caches.
 */
importScripts("__WORKBOX_DIR__/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "__WORKBOX_DIR__/", debug: false });

const BUILD = "__NEXUS_BUILD__";
const FILES = __NEXUS_FILES__; // path below the scope ("" for the home page) -> SHA-256
const SCOPE = self.registration.scope;
// Cache storage belongs to the whole origin, not to a scope: the scope's path in the names
// keeps two sites on one origin (user.github.io/a/ and /b/) from deleting each other's.
const OWN = `nexus[${new URL(SCOPE).pathname}]-`;
const PAGES = `${OWN}pages-${BUILD}`;
const ASSETS = `${OWN}assets-${BUILD}`;
const SAVE_HEADER = "x-nexus-save";

// Modules are loaded now, while the worker script runs for the first time.
const { precacheAndRoute, cleanupOutdatedCaches, matchPrecache } = workbox.precaching;
const { registerRoute } = workbox.routing;
const { NetworkFirst, StaleWhileRevalidate } = workbox.strategies;

function pathOf(url) {
  const href = new URL(url).href.split("#")[0].split("?")[0];
  return href.startsWith(SCOPE) ? href.slice(SCOPE.length) : null;
}

function isPage(path) {
  return path === "" || path.endsWith("/") || path.endsWith(".html");
}

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function belongsToThisBuild(path, response) {
  // "basic" from the network, "default" for what the page stored ("Save the whole hub").
  if (!response || response.status !== 200 || !["basic", "default"].includes(response.type)) {
    return false;
  }
  if (!(path in FILES)) return false;
  return (await sha256(await response.clone().arrayBuffer())) === FILES[path];
}

// The plugin on both runtime routes: one cache entry per file (without ?h= search
// highlights or ?q= queries), and only this build's bytes are stored.
const thisBuildOnly = {
  cacheKeyWillBeUsed: async ({ request }) => request.url.split("#")[0].split("?")[0],
  cacheWillUpdate: async ({ request, response }) => {
    const path = pathOf(request.url);
    if (await belongsToThisBuild(path, response)) return response;
    if (response && response.status === 200 && path in FILES) {
      self.registration.update().catch(() => {}); // a newer build is on the server
    }
    return null;
  },
};

function offlinePage() {
  const home = SCOPE;
  const guide = new URL("program/read-offline/", SCOPE).href;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Not saved on this device - Project Nexus</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1e2029;background:#fff}
a{color:#3f51b5}@media (prefers-color-scheme:dark){body{color:#e3e5ee;background:#1e2029}a{color:#9db4ff}}</style>
</head><body><main><h1>This page is not saved on this device</h1>
<p>You are offline, and this page was neither read nor saved while you were online.</p>
<p>The <a href="${home}">home page</a>, search and every page you have read still open.
Next time you are online, <a href="${guide}">save the whole hub</a> to read every page offline.</p>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    statusText: "Offline",
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

const offlineFallback = {
  handlerDidError: async ({ request }) => (request.mode === "navigate" ? offlinePage() : undefined),
};

function ours(request, url) {
  return (
    request.method === "GET" &&
    url.href.startsWith(SCOPE) &&
    !request.headers.has(SAVE_HEADER)
  );
}

// 1. A newer version is installed and waiting: until the reader reloads, online pages come
//    whole from the network (the new version), offline ones whole from this worker's caches.
async function fromOwnCaches(request) {
  const path = pathOf(request.url);
  const precached = await matchPrecache(path === "" || path.endsWith("/") ? `${path}index.html` : path);
  if (precached) return precached;
  const cache = await caches.open(isPage(path) ? PAGES : ASSETS);
  return cache.match(request.url.split("#")[0].split("?")[0]);
}

registerRoute(
  ({ request, url }) => ours(request, url) && self.registration.waiting !== null,
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      const cached = await fromOwnCaches(request);
      if (cached) return cached;
      if (request.mode === "navigate") return offlinePage();
      throw error;
    }
  },
);

// 2. The shell. ?q= and ?h= (search) still find the precached home page.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// 3. Pages as they are read.
registerRoute(
  ({ request, url }) =>
    ours(request, url) && (request.mode === "navigate" || isPage(pathOf(url.href))),
  new NetworkFirst({
    cacheName: PAGES,
    networkTimeoutSeconds: 3,
    plugins: [thisBuildOnly, offlineFallback],
  }),
);

// 4. Everything else of the site: drawings, images, scripts, styles.
registerRoute(
  ({ request, url }) => ours(request, url),
  new StaleWhileRevalidate({ cacheName: ASSETS, plugins: [thisBuildOnly] }),
);

// Install: keep what the reader already has. Every file of an older build's caches whose
// bytes are unchanged in this build is copied into this build's caches, so an update
// downloads only what changed. Failing to copy (no room) never stops the install.
async function carryOver() {
  const names = (await caches.keys()).filter(
    (name) => name.startsWith(OWN) && !name.endsWith(`-${BUILD}`),
  );
  for (const name of names) {
    const old = await caches.open(name);
    const target = await caches.open(name.startsWith(`${OWN}pages-`) ? PAGES : ASSETS);
    for (const request of await old.keys()) {
      const path = pathOf(request.url);
      if (path === null || !(path in FILES) || (await target.match(request))) continue;
      const response = await old.match(request);
      if (await belongsToThisBuild(path, response)) await target.put(request, response);
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(carryOver().catch(() => {}));
});

// Activate (the reader accepted the reload, or every tab of the old version closed): the old
// caches go, and the first worker takes over the tab that installed it.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(OWN) && !name.endsWith(`-${BUILD}`))
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "NEXUS_BUILD" && event.ports[0]) {
    event.ports[0].postMessage({ build: BUILD, pages: PAGES, assets: ASSETS });
  }
});
