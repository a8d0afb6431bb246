export * from './segmentPercolatorIndex';
export * from './segmentQueries';
export * from './segmentMembership';
export * from './relativeBoundaryQuery';
