export * from './metric-definition';
export * from './catalogue';
export * from './facts';
export * from './evaluate-metric';
export * from './registry';
