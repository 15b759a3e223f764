// Every unit test runs with the clock's time zone pinned, so dates read the same everywhere.
process.env.TZ = 'Europe/Paris';
