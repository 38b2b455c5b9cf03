-- Tenant isolation in depth: row-level security on every tenant table (see docs/identity/rls.md).
-- Queries already filter by org_id; these policies check it again in the database, against the
-- connection's `rightly.org_id` setting, which the data layer sets from the caller's org scope
-- (packages/db/src/org-scope.ts). No setting (or an empty one) means no rows: a query that runs
-- outside any org scope sees nothing and can write nothing. FORCE makes the policies bind the
-- tables' owner too, so an app role that owns the database (and migrates it) is confined as well.
-- Superusers and BYPASSRLS roles skip every policy: the server refuses to start as one.
-- Everything here is idempotent, so it can be re-run after tables are added.

-- The org of the current scope, or NULL (no rows) when none is set.
CREATE OR REPLACE FUNCTION rightly_current_org() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('rightly.org_id', true), '')::uuid $$;
--> statement-breakpoint

-- True only while one of the few lookup functions below runs: each turns it on for its one query
-- and off again before it returns (transaction-local, so an error rolls it back too).
CREATE OR REPLACE FUNCTION rightly_cross_org_lookup() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('rightly.cross_org_lookup', true), '') = 'on' $$;
--> statement-breakpoint

-- Puts one tenant table under row-level security; a migration adding a tenant table calls it:
--   SELECT rightly_protect_tenant_table('my_table');
CREATE OR REPLACE FUNCTION rightly_protect_tenant_table(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (org_id = rightly_current_org()) WITH CHECK (org_id = rightly_current_org())',
    target);
END;
$$;
--> statement-breakpoint

-- Every table of the schema that has an org_id column is a tenant table.
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    PERFORM rightly_protect_tenant_table(t);
  END LOOP;
END;
$$;
--> statement-breakpoint

-- The tenant itself: an org sees and changes only its own row.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON organizations;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations
  USING (id = rightly_current_org()) WITH CHECK (id = rightly_current_org());
--> statement-breakpoint

-- Read-only passes for the cross-org lookups below, and only while one of them runs.
DROP POLICY IF EXISTS cross_org_lookup ON organizations;
--> statement-breakpoint
CREATE POLICY cross_org_lookup ON organizations FOR SELECT USING (rightly_cross_org_lookup());
--> statement-breakpoint
DROP POLICY IF EXISTS cross_org_lookup ON users;
--> statement-breakpoint
CREATE POLICY cross_org_lookup ON users FOR SELECT USING (rightly_cross_org_lookup());
--> statement-breakpoint

-- The only reads that cross orgs, each answering one narrow question. Called from one query
-- function each (listOrganizations, findUserByEmail, findEmailsOfOtherOrgs). The search path is
-- pinned so a table of the same name elsewhere cannot stand in. (A function-level
-- `SET rightly.cross_org_lookup` would be neater, but PostgreSQL lets only superusers put a custom
-- setting there, and the app role that migrates is not one.)
CREATE OR REPLACE FUNCTION rightly_list_organizations() RETURNS SETOF organizations
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM set_config('rightly.cross_org_lookup', 'on', true);
  RETURN QUERY SELECT * FROM organizations ORDER BY created_at, id;
  PERFORM set_config('rightly.cross_org_lookup', '', true);
END;
$$;
--> statement-breakpoint

-- Sign-in (and password reset): which user signs in with this e-mail, in whichever org.
CREATE OR REPLACE FUNCTION rightly_find_user_by_email(p_email text) RETURNS SETOF users
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM set_config('rightly.cross_org_lookup', 'on', true);
  RETURN QUERY SELECT * FROM users WHERE email = lower(p_email);
  PERFORM set_config('rightly.cross_org_lookup', '', true);
END;
$$;
--> statement-breakpoint

-- Imports: which of these e-mails another org's user already signs in with (e-mails are unique).
CREATE OR REPLACE FUNCTION rightly_emails_of_other_orgs(p_org uuid, p_emails text[]) RETURNS SETOF text
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM set_config('rightly.cross_org_lookup', 'on', true);
  RETURN QUERY SELECT u.email FROM users u WHERE u.email = ANY (p_emails) AND u.org_id <> p_org;
  PERFORM set_config('rightly.cross_org_lookup', '', true);
END;
$$;
--> statement-breakpoint

-- SSO sign-in: the orgs whose enabled SSO applies to an e-mail. The user's own org when the e-mail
-- has an account (an e-mail belongs to one org); otherwise every org that allows its domain.
DROP POLICY IF EXISTS cross_org_lookup ON sso_settings;
--> statement-breakpoint
CREATE POLICY cross_org_lookup ON sso_settings FOR SELECT USING (rightly_cross_org_lookup());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rightly_sso_orgs_for_email(p_email text, p_domain text) RETURNS SETOF uuid
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  PERFORM set_config('rightly.cross_org_lookup', 'on', true);
  RETURN QUERY
    SELECT s.org_id FROM sso_settings s
     WHERE s.enabled
       AND CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.email = lower(p_email))
                THEN s.org_id IN (SELECT u.org_id FROM users u WHERE u.email = lower(p_email))
                ELSE lower(p_domain) = ANY (s.allowed_domains) END;
  PERFORM set_config('rightly.cross_org_lookup', '', true);
END;
$$;
