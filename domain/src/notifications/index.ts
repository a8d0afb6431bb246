export * from './notificationPreferences';
export * from './notificationDigest';
