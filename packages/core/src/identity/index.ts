export * from './sso-errors';
export * from './sso-role';
export * from './api-token-scopes';
