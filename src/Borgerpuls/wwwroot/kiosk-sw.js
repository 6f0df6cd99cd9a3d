// Keeps the kiosk page and its assets available offline; answers are never cached here (they live in IndexedDB).
"use strict";
const CACHE = "borgerpuls-kiosk-v1";
const ASSETS = ["/kiosk", "/css/citizen.css", "/kiosk/queue.js", "/kiosk/delivery.js", "/kiosk/kiosk.js",
  "/kiosk/face-1.svg", "/kiosk/face-2.svg", "/kiosk/face-3.svg", "/kiosk/face-4.svg"];

self.addEventListener("install", event => event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(ASSETS)).then(() => self.skipWaiting())));
self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.pathname.startsWith("/api/")) return;
  // Network first, so a new version reaches the kiosk; the cache when offline.
  event.respondWith(fetch(event.request).then(response => {
    const copy = response.clone();
    caches.open(CACHE).then(cache => cache.put(event.request, copy));
    return response;
  }).catch(() => caches.match(event.request, { ignoreSearch: true })));
});
