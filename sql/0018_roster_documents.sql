-- One copy of each generate run's documents. A run over a group of hubs used to store the same
-- carehub.problem/1 and carehub.roster/1 text once per hub (the 15-hub sample county's largest
-- group wrote about 9.7 MB nine times, most of `roster generate`'s store time). Documents now
-- live once, addressed by the server-computed SHA-256 of their text; each hub's roster_files row
-- names them. Rows written before this migration keep their text inline, and readers take
-- whichever is present.
CREATE TABLE roster_documents (
    digest text PRIMARY KEY,  -- lower-case hex SHA-256 of body, computed by the server
    body   text NOT NULL
);

-- A document is content-addressed: it never changes, and stays while any roster names it.
CREATE FUNCTION carehub_roster_documents_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a roster document cannot change' USING ERRCODE = '55000';
END $$;
CREATE TRIGGER roster_documents_immutable BEFORE UPDATE ON roster_documents
    FOR EACH ROW EXECUTE FUNCTION carehub_roster_documents_immutable();

ALTER TABLE roster_files
    ADD COLUMN problem_digest text REFERENCES roster_documents (digest),
    ADD COLUMN roster_digest text REFERENCES roster_documents (digest),
    ALTER COLUMN problem DROP NOT NULL,
    ALTER COLUMN roster DROP NOT NULL,
    ADD CONSTRAINT roster_files_problem_once CHECK ((problem IS NULL) <> (problem_digest IS NULL)),
    ADD CONSTRAINT roster_files_roster_once CHECK ((roster IS NULL) <> (roster_digest IS NULL));
