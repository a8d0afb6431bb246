import { conversationIdOf, conversationPath } from '../routes';

describe('inbox routes', () => {
  it('reads the open conversation from the path', () => {
    expect(conversationIdOf('/inbox')).toBeNull();
    expect(conversationIdOf('/inbox/')).toBeNull();
    expect(conversationIdOf('/customers/abc')).toBeNull();
    expect(conversationIdOf(conversationPath('abc'))).toBe('abc');
  });
});
