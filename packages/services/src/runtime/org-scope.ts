/**
 * The org scope for the server and the CLI (which may not import @rightly/db): a request or a
 * command runs inside `withOrgScope({ orgId }, work)`, and every query in it is confined to that
 * org by row-level security on PostgreSQL. See docs/identity/rls.md.
 */
export { withOrgScope, runInOrgScope, currentOrgScope, type WithOrgScopeInput } from '@rightly/db';
