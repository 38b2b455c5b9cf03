export * from './status';
export * from './types';
export * from './format';
export * from './judge-expectation';
export * from './assess-expectation';
export * from './team-matrix';
export * from './needs-help';
