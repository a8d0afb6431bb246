import {
  digestDedupeKey,
  digestRuleFor,
  digestWindowAt,
  foldsIntoDigest,
  readNotificationSettings,
  resolveNotificationPreferences,
} from '..';

describe('notification settings and digests', () => {
  it('fills defaults and lets a category override the tenant rule', () => {
    const settings = readNotificationSettings({ categories: { sla: { maxItemsPerWindow: 2 } } });
    expect(digestRuleFor(settings, 'customer')).toEqual({ maxItemsPerWindow: 5, windowMinutes: 15 });
    expect(digestRuleFor(settings, 'sla')).toEqual({ maxItemsPerWindow: 2, windowMinutes: 15 });
  });

  it('falls back to the defaults when the stored setting no longer parses', () => {
    expect(readNotificationSettings({ digest: { maxItemsPerWindow: -1 } }).digest).toEqual({
      maxItemsPerWindow: 5,
      windowMinutes: 15,
    });
  });

  it('aligns windows to the epoch so every process agrees on them', () => {
    const rule = { maxItemsPerWindow: 3, windowMinutes: 10 };
    const w = digestWindowAt(new Date('2026-11-29T10:09:59.999Z'), rule);
    expect(w).toEqual({ start: new Date('2026-11-29T10:00:00Z'), end: new Date('2026-11-29T10:10:00Z') });
    expect(digestWindowAt(new Date('2026-11-29T10:10:00Z'), rule).start).toEqual(w.end);
    expect(digestDedupeKey('sla', w)).toBe('digest:sla:2026-11-29T10:00:00.000Z');
  });

  it('folds from the item after the limit on', () => {
    const rule = { maxItemsPerWindow: 3, windowMinutes: 10 };
    expect([0, 1, 2, 3, 4].map((n) => foldsIntoDigest(n, rule))).toEqual([false, false, false, true, true]);
  });

  it('lists every category with the user choice or its default', () => {
    const prefs = resolveNotificationPreferences({ sla: 'email' });
    expect(prefs).toHaveLength(6);
    expect(prefs.find((p) => p.category === 'sla')).toEqual({
      category: 'sla',
      delivery: 'email',
      isDefault: false,
    });
    expect(prefs.find((p) => p.category === 'vip')).toEqual({
      category: 'vip',
      delivery: 'toast',
      isDefault: true,
    });
  });
});
