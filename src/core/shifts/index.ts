export * from './denominations';
export * from './server-shift-totals';
export * from './shift-entries';
export * from './shift-report';
export * from './shift-totals';
