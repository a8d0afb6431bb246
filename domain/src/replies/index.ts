export * from './replyVariables';
export * from './escapeHtml';
export * from './renderReply';
export * from './composeReply';
export * from './whatsappTemplateMapping';
export * from './macroActions';
export * from './assetChannels';
