export * from './reporting-settings';
export * from './cadences';
export * from './self-reports';
export * from './notifications';
export * from './deliveries';
export * from './preferences';
