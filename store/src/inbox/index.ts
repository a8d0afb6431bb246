export * from './inboxQuery';
export * from './listInboxConversations';
export * from './loadConversationThread';
