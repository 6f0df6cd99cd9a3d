// Answers waiting to be delivered, in IndexedDB so they survive reloads, power cuts and an hour offline. Shared by the kiosk
// and the tablet. Three stores: "presses" (the queue), "rejected" (items the server refused individually, kept for staff with
// the status and the problem detail instead of blocking the queue) and "meta" (the kiosk's last press time, for
// previousPressAt).
"use strict";
const KioskQueue = (() => {
  let connection = null;
  const open = () => connection || (connection = new Promise((resolve, reject) => {
    const request = indexedDB.open("borgerpuls-kiosk", 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains("presses")) db.createObjectStore("presses", { keyPath: "id" });
      if (!db.objectStoreNames.contains("rejected")) db.createObjectStore("rejected", { keyPath: "id" });
      if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
    };
    request.onsuccess = () => {
      // Another tab upgrading the database must not be blocked by this one: close and reopen on next use.
      request.result.onversionchange = () => { request.result.close(); connection = null; };
      resolve(request.result);
    };
    request.onerror = () => { connection = null; reject(request.error); };
  }));
  const run = async (stores, mode, action) => {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(stores, mode);
      let result;
      Promise.resolve(action(tx)).then(r => { result = r; });
      tx.oncomplete = () => resolve(result && typeof result === "object" && "readyState" in result ? result.result : result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  const request = r => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

  return {
    add: item => run(["presses"], "readwrite", tx => tx.objectStore("presses").put(item)),

    // A kiosk press: previousPressAt is the kiosk's own previous press time, read and replaced in the same transaction as
    // the press is queued, so the press sequence on the device is exact whatever happens to delivery later.
    addPress: press => run(["presses", "meta"], "readwrite", async tx => {
      const meta = tx.objectStore("meta");
      const previous = await request(meta.get("lastPressAt"));
      if (previous) press.previousPressAt = previous;
      tx.objectStore("presses").put(press);
      meta.put(press.answeredAt, "lastPressAt");
      return press;
    }),

    // Changes a queued item in place (the kiosk's follow-up answer); returns false when it is no longer queued.
    update: (id, change) => run(["presses"], "readwrite", async tx => {
      const store = tx.objectStore("presses");
      const item = await request(store.get(id));
      if (!item) return false;
      change(item);
      store.put(item);
      return true;
    }),

    // Items held back for a follow-up answer on a page that has since been reloaded or closed: nobody can answer that
    // follow-up any more, so they become deliverable as they are.
    releaseHeld: () => run(["presses"], "readwrite", async tx => {
      const store = tx.objectStore("presses");
      for (const item of await request(store.getAll())) {
        if (item.held) { delete item.held; store.put(item); }
      }
    }),

    all: () => run(["presses"], "readonly", tx => tx.objectStore("presses").getAll()),
    remove: ids => run(["presses"], "readwrite", tx => { ids.forEach(id => tx.objectStore("presses").delete(id)); }),
    count: () => run(["presses"], "readonly", tx => tx.objectStore("presses").count()),

    // Moves an item the server refused on its own (not a batch, not a temporary failure) out of the queue.
    reject: (item, status, detail) => run(["presses", "rejected"], "readwrite", tx => {
      tx.objectStore("presses").delete(item.id);
      tx.objectStore("rejected").put({ id: item.id, item, status, detail, rejectedAt: new Date().toISOString() });
    }),
    rejectedCount: () => run(["rejected"], "readonly", tx => tx.objectStore("rejected").count()),
  };
})();
