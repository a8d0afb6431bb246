import type { EntryMessage, SegmentAttachment } from '../../api/types';
import { attachmentOf, withEntryMessage, withoutEntryMessage } from '../entry/entryAttachment';

const A = '3f7c3c1e-0000-4000-8000-00000000000a';
const B = '3f7c3c1e-0000-4000-8000-00000000000b';
const message: EntryMessage = {
  channel: 'email',
  content: { type: 'email', subject: 'Welcome', text: 'Hello' },
  purpose: 'marketing',
};
const playbookOnA: SegmentAttachment = { segmentId: A, playbook: 'vip', reentry: { kind: 'never' } };
const messageOnB: SegmentAttachment = { segmentId: B, message, reentry: { kind: 'never' } };

describe('a segment card’s entry message in the segmentEntered attachments', () => {
  it('is added beside the other segments’ attachments, and replaces only its own message', () => {
    const added = withEntryMessage([playbookOnA], B, message, { kind: 'afterDays', days: 7 });
    expect(added).toEqual({
      ok: true,
      attachments: [playbookOnA, { segmentId: B, message, reentry: { kind: 'afterDays', days: 7 } }],
    });
    const text: EntryMessage = {
      channel: 'whatsapp',
      content: { type: 'text', text: 'Hi' },
      purpose: 'service',
    };
    const replaced = withEntryMessage([playbookOnA, messageOnB], B, text, { kind: 'never' });
    expect(replaced.ok && replaced.attachments).toEqual([
      playbookOnA,
      { segmentId: B, message: text, reentry: { kind: 'never' } },
    ]);
  });

  it('never overwrites a playbook attached to the same segment', () => {
    expect(withEntryMessage([playbookOnA, messageOnB], A, message, { kind: 'never' })).toEqual({
      ok: false,
      playbook: 'vip',
    });
    expect(withoutEntryMessage([playbookOnA, messageOnB], A)).toEqual([playbookOnA, messageOnB]);
  });

  it('is removed alone', () => {
    expect(withoutEntryMessage([playbookOnA, messageOnB], B)).toEqual([playbookOnA]);
    expect(attachmentOf([playbookOnA, messageOnB], B)).toBe(messageOnB);
    expect(attachmentOf([playbookOnA], B)).toBeUndefined();
  });
});
