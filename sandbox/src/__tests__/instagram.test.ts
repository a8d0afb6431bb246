import { eventually, startTestSandbox, type TestSandbox } from './support/testSandbox';

const IG = '17841400000000001';
const payloads = (t: TestSandbox) =>
  t.receiver.posts('/webhooks/instagram').map((p) => JSON.parse(p.raw.toString()));

describe('Instagram messaging and comments', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.receiver.received.length = 0;
  });

  it('delivers a customer DM and lets the business answer it and look the customer up', async () => {
    const inbound = await t.call('POST', '/_control/instagram/inbound', {
      from: { username: 'ana.b', name: 'Ana B' },
      text: 'Hi!',
    });
    expect(inbound.status).toBe(202);
    const [event] = await eventually(() => payloads(t).length === 1 && payloads(t), 'the DM webhook');
    expect(event.object).toBe('instagram');
    expect(event.entry[0].messaging[0]).toMatchObject({
      sender: { id: inbound.json.senderId },
      recipient: { id: IG },
      message: { mid: inbound.json.messageId, text: 'Hi!' },
    });

    const reply = await t.call('POST', `/v21.0/${IG}/messages`, {
      recipient: { id: inbound.json.senderId },
      message: { text: 'Hello Ana' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ recipient_id: inbound.json.senderId, message_id: expect.any(String) });

    const profile = await t.call('GET', `/v21.0/${inbound.json.senderId}?fields=username,name,profile_pic`);
    expect(profile.json).toEqual({
      id: inbound.json.senderId,
      username: 'ana.b',
      name: 'Ana B',
      profile_pic: expect.stringContaining(inbound.json.senderId),
    });
    const unknownField = await t.call('GET', `/v21.0/${inbound.json.senderId}?fields=email`);
    expect(unknownField.json.error.code).toBe(100);
  });

  it('refuses a DM to a user who never wrote', async () => {
    const res = await t.call('POST', `/v21.0/${IG}/messages`, {
      recipient: { id: '1234567890123456' },
      message: { text: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 100, error_subcode: 2534014 });
  });

  it('delivers a comment, takes a public reply and exactly one private reply', async () => {
    const comment = await t.call('POST', '/_control/instagram/comments', {
      from: { username: 'bo.c' },
      text: 'Price?',
      mediaId: '17900000000000042',
    });
    const [event] = await eventually(() => payloads(t).length === 1 && payloads(t), 'the comment webhook');
    expect(event.entry[0].changes[0]).toEqual({
      field: 'comments',
      value: {
        from: { id: comment.json.senderId, username: 'bo.c' },
        media: { id: '17900000000000042', media_product_type: 'FEED' },
        id: comment.json.commentId,
        text: 'Price?',
      },
    });

    const pub = await t.call('POST', `/v21.0/${comment.json.commentId}/replies`, {
      message: 'Sent you a DM!',
    });
    expect(pub.json).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const priv = await t.call('POST', `/v21.0/${IG}/messages`, {
      recipient: { comment_id: comment.json.commentId },
      message: { text: '49 EUR' },
    });
    expect(priv.json.recipient_id).toBe(comment.json.senderId);
    const again = await t.call('POST', `/v21.0/${IG}/messages`, {
      recipient: { comment_id: comment.json.commentId },
      message: { text: 'again' },
    });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe(10);

    const replies = await t.call(
      'GET',
      `/_control/instagram/comment-replies?commentId=${comment.json.commentId}`,
    );
    expect(replies.json.data.map((r: { message: string }) => r.message)).toEqual(['Sent you a DM!']);
    expect((await t.call('POST', '/v21.0/123/replies', { message: 'x' })).json.error.error_subcode).toBe(33);
  });

  it('delivers story replies and story mentions', async () => {
    await t.call('POST', '/_control/instagram/story-replies', {
      from: { username: 'cy.d' },
      text: 'Love it',
      storyId: '18000000000000001',
    });
    await t.call('POST', '/_control/instagram/story-mentions', { from: { username: 'cy.d' } });
    const events = await eventually(() => payloads(t).length === 2 && payloads(t), 'two story webhooks');
    const messages = events.map((e) => e.entry[0].messaging[0].message);
    const reply = messages.find((m) => m.reply_to);
    const mention = messages.find((m) => m.attachments);
    expect(reply.reply_to.story).toMatchObject({ id: '18000000000000001', url: expect.any(String) });
    expect(mention.attachments[0]).toMatchObject({
      type: 'story_mention',
      payload: { url: expect.any(String) },
    });
    expect(new Set(events.map((e) => e.entry[0].messaging[0].sender.id)).size).toBe(1);
  });

  it('refuses a bad control request naming the field', async () => {
    const res = await t.call('POST', '/_control/instagram/comments', { from: { username: 'NOT VALID' } });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.from.username',
      'body.text',
    ]);
  });

  it('delivers an @mention in a comment as a mentions change that can be answered', async () => {
    const mention = await t.call('POST', '/_control/instagram/mentions', {
      from: { username: 'di.e' },
      text: 'look at this',
    });
    expect(mention.status).toBe(202);
    const [event] = await eventually(() => payloads(t).length === 1 && payloads(t), 'the mention webhook');
    expect(event.entry[0].changes[0]).toEqual({
      field: 'mentions',
      value: { media_id: expect.stringMatching(/^\d+$/), comment_id: mention.json.commentId },
    });
    const reply = await t.call('POST', `/v21.0/${mention.json.commentId}/replies`, { message: 'Thanks!' });
    expect(reply.status).toBe(200);
  });
});
