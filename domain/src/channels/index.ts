export * from './deliveryStatus';
export * from './serviceWindow';
export * from './emailSubject';
export * from './emailAddress';
export * from './whatsappTemplate';
