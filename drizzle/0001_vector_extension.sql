-- pgvector where the server has it (PGlite always does; Debian's PostgreSQL 15 does not).
-- Without it, vector search falls back to exact cosine over real[] (see workspace/knowledge).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgvector is available but this role may not create it; using the exact fallback';
END $$;
