-- 0014: recruitment costs get an identifier so CSV imports can upsert them. Forward-only.
ALTER TABLE recruitment_costs ADD COLUMN external_id text UNIQUE;
