#!/usr/bin/env bash
# Until the first release lands, the schema is one init migration regenerated from all module schemas
# (plus the hand-written pgvector step). Serialised with flock: several people may run it at once.
# After the first landing, migrations are append-only: use `npm run db:generate` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/leitplanke-migrations.lock
flock 9
vector="$(cat drizzle/0001_vector_extension.sql)"
rm -rf drizzle
npx drizzle-kit generate --name init >/dev/null
npx drizzle-kit generate --custom --name vector_extension >/dev/null
printf '%s\n' "$vector" > drizzle/0001_vector_extension.sql
echo "migrations regenerated: $(ls drizzle | tr '\n' ' ')"
