export * from './playbookSettings';
