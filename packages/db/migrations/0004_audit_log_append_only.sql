-- The audit log is append-only: rows are inserted, never changed or removed. The one exception
-- is removing a whole organization (deleteOrganization), which first sets the transaction-local
-- setting `rightly.deleting_org` to the org's id with set_config(..., true); only that org's rows
-- may then be deleted, and the setting ends with the transaction. A user of the application can
-- reach neither: the API has no statement that sets it.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('rightly.deleting_org', true) = OLD.org_id::text THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'raise_exception', HINT = 'Audit entries are never changed or removed.';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: TRUNCATE is not allowed';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();
