import { splitQuotedHistory } from '../quotedHistory';

describe('splitQuotedHistory', () => {
  it('keeps the reply and folds the quoted history from the attribution line', () => {
    const body =
      'Thanks, that works.\n\nOn Mon, 2 Mar 2026 at 10:00, Support <help@acme.test> wrote:\n> Could you try again?\n> Best';
    expect(splitQuotedHistory(body)).toEqual({
      reply: 'Thanks, that works.',
      quoted: 'On Mon, 2 Mar 2026 at 10:00, Support <help@acme.test> wrote:\n> Could you try again?\n> Best',
    });
  });

  it('folds trailing > lines and French attributions', () => {
    expect(splitQuotedHistory('Oui.\n> avant\n> encore').quoted).toBe('> avant\n> encore');
    expect(splitQuotedHistory('Merci\nLe lun. 2 mars 2026, Support a écrit :\n> x').reply).toBe('Merci');
  });

  it('leaves a message without history whole', () => {
    expect(splitQuotedHistory('Just text\nover lines')).toEqual({
      reply: 'Just text\nover lines',
      quoted: null,
    });
    expect(splitQuotedHistory('a > b in the middle\nmore')).toEqual({
      reply: 'a > b in the middle\nmore',
      quoted: null,
    });
  });
});
