export * from './replyVariablesFor';
export * from './loadReplyParts';
export * from './renderReplyForSend';
export * from './macroEvents';
export * from './runMacro';
export * from './assetStore';
export * from './assetLink';
