/*
 * The progress queue's storage and sender, shared by lesson pages and the service
 * worker (which loads it with importScripts), so queued events are sent even when
 * no page of the site is open.
 *
 * IndexedDB database "lms-progress":
 *   events  one queued event: {seq, id, user, endpoint, event}; index "user"
 *   meta    "session": {user, csrf}, the person signed in on the last page seen
 *
 * Events are kept per person: a phone shared by a family never sends one person's
 * progress with another's session. An event leaves the queue only once the server
 * answered for it (accepted, duplicate or rejected); the server counts an id once,
 * so resending after an unclear failure is safe. Senders take a Web Lock, so a page
 * and the worker do not send the same batch at once.
 */
(function (scope) {
  "use strict";

  if (scope.lmsProgressStore) {
    return;
  }
  var DB_NAME = "lms-progress";
  var BATCH = 50;
  var opening = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = scope.indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          var events = db.createObjectStore("events", { keyPath: "seq", autoIncrement: true });
          events.createIndex("user", "user");
          db.createObjectStore("meta");
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          opening = null;
          reject(request.error);
        };
      });
    }
    return opening;
  }

  /* Run ``work(store)`` in one transaction; resolves with its result once committed. */
  function transact(storeName, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(storeName, mode);
        var result;
        tx.oncomplete = function () {
          resolve(result);
        };
        tx.onerror = tx.onabort = function () {
          reject(tx.error);
        };
        var request = work(tx.objectStore(storeName));
        if (request) {
          request.onsuccess = function () {
            result = request.result;
          };
        }
      });
    });
  }

  function userKey(user) {
    return String(user || "");
  }

  function add(user, endpoint, event) {
    return transact("events", "readwrite", function (store) {
      return store.add({ id: event.id, user: userKey(user), endpoint: endpoint, event: event });
    });
  }

  function list(user, limit) {
    return transact("events", "readonly", function (store) {
      return store.index("user").getAll(userKey(user), limit);
    });
  }

  function count(user) {
    return transact("events", "readonly", function (store) {
      return store.index("user").count(userKey(user));
    });
  }

  function remove(seqs) {
    return transact("events", "readwrite", function (store) {
      seqs.forEach(function (seq) {
        store.delete(seq);
      });
    });
  }

  function getSession() {
    return transact("meta", "readonly", function (store) {
      return store.get("session");
    }).then(function (session) {
      return session || { user: "", csrf: "" };
    });
  }

  function setSession(session) {
    return transact("meta", "readwrite", function (store) {
      return store.put({ user: userKey(session.user), csrf: session.csrf || "" }, "session");
    });
  }

  function withLock(work) {
    var locks = scope.navigator && scope.navigator.locks;
    return locks ? locks.request("lms-progress-send", work) : work();
  }

  /*
   * Send ``user``'s queued events, a batch at a time, until the queue is empty.
   * ``onResult(result)`` sees each answer (pages show "done" from it). Rejects when
   * a request fails; what was not answered stays queued.
   */
  function flush(user, csrf, onResult) {
    if (!userKey(user)) {
      return Promise.resolve(0);
    }
    var sent = 0;
    function next() {
      return list(user, BATCH).then(function (records) {
        if (!records.length) {
          return sent;
        }
        var endpoint = records[0].endpoint;
        records = records.filter(function (record) {
          return record.endpoint === endpoint;
        });
        return scope.fetch(endpoint, {
          method: "POST",
          credentials: "same-origin",
          keepalive: true,
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrf || "" },
          body: JSON.stringify({ events: records.map(function (r) { return r.event; }) })
        }).then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        }).then(function (data) {
          var answered = {};
          (data.results || []).forEach(function (result) {
            answered[result.id] = true;
            if (onResult) {
              onResult(result);
            }
          });
          var done = records.filter(function (r) { return answered[r.id]; });
          if (!done.length) {
            throw new Error("no event answered");
          }
          sent += done.length;
          return remove(done.map(function (r) { return r.seq; })).then(next);
        });
      });
    }
    return withLock(next);
  }

  scope.lmsProgressStore = {
    add: add,
    list: list,
    count: count,
    flush: flush,
    getSession: getSession,
    setSession: setSession,
    SYNC_TAG: "lms-progress"
  };
})(self);
