// Presses waiting to be delivered, in IndexedDB so they survive reloads, power cuts and an hour offline.
"use strict";
const KioskQueue = (() => {
  const open = () => new Promise((resolve, reject) => {
    const request = indexedDB.open("borgerpuls-kiosk", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("presses", { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = async (mode, action) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction("presses", mode);
      const result = action(tx.objectStore("presses"));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
    });
  };
  return {
    add: press => run("readwrite", store => store.put(press)),
    all: () => run("readonly", store => store.getAll()),
    remove: ids => run("readwrite", store => { ids.forEach(id => store.delete(id)); }),
    count: () => run("readonly", store => store.count()),
  };
})();
