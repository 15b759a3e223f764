// Every unit test runs with the clock's time zone pinned, so dates read the same everywhere.
process.env.TZ = 'Europe/Paris';
// IndexedDB (fake-indexeddb) before any module loads Dexie, which takes it when it loads: a test
// that imports a store module before test/helpers/fake-db.ts would otherwise get a Dexie without it.
import 'fake-indexeddb/auto';
