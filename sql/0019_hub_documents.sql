-- Each hub's own slice of a run over several hubs. `roster generate --all` solves hubs that
-- lend carers to each other as one problem; their versions all named that one document, so
-- exporting, showing or measuring one hub of the 15-hub sample county decoded the 9.7 MB
-- problem of its nine-hub group (about half of `roster export`'s second). A hub's slice holds
-- its clients, their visits and the carers who may work there (Problem.slice(hub:working:)),
-- and its part of the roster with the run's objective. Content-addressed like the whole
-- documents. Null for a run of one hub (its documents are already its own) and for rows
-- written before this migration: readers then take the whole documents.
ALTER TABLE roster_files
    ADD COLUMN hub_problem_digest text REFERENCES roster_documents (digest),
    ADD COLUMN hub_roster_digest text REFERENCES roster_documents (digest),
    ADD CONSTRAINT roster_files_hub_slice_pair CHECK ((hub_problem_digest IS NULL) = (hub_roster_digest IS NULL));

-- Documents are compressed with lz4 rather than the default pglz: on the 15-hub county,
-- reading back the nine-hub group's 9.7 MB problem spent about 0.3 s of server time in pglz
-- decompression alone (lz4: under 0.05 s), on every publish, show and export; compressing is
-- about three times faster too. Applies to documents written from now on; older ones stay
-- readable as they are. (Debian's and the PostgreSQL project's packages are built with lz4.)
ALTER TABLE roster_documents ALTER COLUMN body SET COMPRESSION lz4;

-- A generate run inserts every assignment of every hub (about 43,000 rows a week on the 15-hub
-- county), and the row trigger of 0002 looked up its roster's status once per row. Inserts are
-- now checked once per statement, over the statement's new rows; updates and deletes keep the
-- row trigger (they are rare, and a row trigger still sees the roster when a delete cascades).
CREATE FUNCTION carehub_roster_rows_insert_checked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    state text;
BEGIN
    SELECT r.status INTO state FROM inserted i JOIN rosters r ON r.id = i.roster_id WHERE r.status <> 'draft' LIMIT 1;
    IF state IS NOT NULL THEN
        RAISE EXCEPTION 'the rows of a % roster cannot change', state USING ERRCODE = '55000';
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER roster_assignments_immutable ON roster_assignments;
CREATE TRIGGER roster_assignments_immutable BEFORE UPDATE OR DELETE ON roster_assignments
    FOR EACH ROW EXECUTE FUNCTION carehub_roster_rows_immutable();
CREATE TRIGGER roster_assignments_insert_checked AFTER INSERT ON roster_assignments
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION carehub_roster_rows_insert_checked();

DROP TRIGGER roster_unassigned_immutable ON roster_unassigned;
CREATE TRIGGER roster_unassigned_immutable BEFORE UPDATE OR DELETE ON roster_unassigned
    FOR EACH ROW EXECUTE FUNCTION carehub_roster_rows_immutable();
CREATE TRIGGER roster_unassigned_insert_checked AFTER INSERT ON roster_unassigned
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION carehub_roster_rows_insert_checked();
