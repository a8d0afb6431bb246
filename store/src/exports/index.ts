export * from './writeSegmentExport';
export * from './segmentExportSource';
export * from './exportFiles';
