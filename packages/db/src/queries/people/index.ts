export * from './invitations';
export * from './user-admin';
export * from './team-admin';
