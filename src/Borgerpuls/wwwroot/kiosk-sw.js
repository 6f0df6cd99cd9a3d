// Keeps the kiosk and tablet pages and their assets available offline; answers are never cached here (they live in
// IndexedDB). Registered twice, with the scopes /kiosk and /tablet, so staff pages are never cached.
"use strict";
const CACHE = "borgerpuls-devices-v3";
const ASSETS = ["/kiosk", "/tablet", "/css/citizen.css", "/kiosk/queue.js", "/kiosk/delivery.js", "/kiosk/language.js", "/kiosk/setup.js",
  "/kiosk/kiosk.js", "/tablet/follow-up.js", "/tablet/tablet.js", "/kiosk/face-1.svg", "/kiosk/face-2.svg", "/kiosk/face-3.svg", "/kiosk/face-4.svg"];

self.addEventListener("install", event => event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(ASSETS)).then(() => self.skipWaiting())));
self.addEventListener("activate", event => event.waitUntil(
  caches.keys().then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k)))).then(() => self.clients.claim())));
self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.pathname.startsWith("/api/")) return;
  // Network first, so a new version reaches the device; the cache when offline: the exact address first (a tablet's
  // ?site=…), then the same path.
  event.respondWith(fetch(event.request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(event.request, copy));
    }
    return response;
  }).catch(async () => (await caches.match(event.request)) || (await caches.match(event.request, { ignoreSearch: true })) || Response.error()));
});
