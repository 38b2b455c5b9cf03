/**
 * What an API token may do. Scopes are independent: `write` does not include `read`, so an
 * integration gets exactly what it asks for.
 * - `read`: GET requests;
 * - `write`: changes other than imports (POST, PUT, PATCH, DELETE);
 * - `import`: uploading and starting CRM imports.
 */
export const API_TOKEN_SCOPES = ['read', 'write', 'import'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
