export * from './resolveChannelAccount';
export * from './findCustomerForContact';
export * from './recordInboundMessage';
export * from './applyDeliveryStatus';
export * from './outboundMessages';
export * from './findEmailConversation';
export * from './emailHtml';
