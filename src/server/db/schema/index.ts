export * from './audit.js';
export * from './coordination.js';
export * from './events.js';
export * from './funds.js';
export * from './organisations.js';
export * from './reference.js';
export * from './search.js';
export * from './solutions.js';
