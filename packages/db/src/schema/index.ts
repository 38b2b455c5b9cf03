export * from './enums';
export * from './organizations';
export * from './users';
export * from './teams';
export * from './crm';
export * from './pipeline';
export * from './rollups';
export * from './sessions';
