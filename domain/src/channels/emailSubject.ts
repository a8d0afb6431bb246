/**
 * Reply and forward prefixes mail clients put before a subject, in the languages our tenants'
 * customers write in: English (Re, Fw, Fwd), German (AW, WG), French (TR, RE, Réf), Spanish and
 * Portuguese (RV, RES, ENC), Italian (R, I), Dutch (Antw, Doorst), Nordic (SV, VS, VB), Polish (Odp,
 * PD), Turkish (YNT, İLT), Arabic (رد, إعادة توجيه, توجيه), Chinese (回复, 回覆, 答复, 转发, 轉寄), Japanese (返信, 転送).
 * Each may carry a counter (`Re[2]:`, `RE(3):`) and be repeated (`Re: Fwd: RE:`).
 */
const PREFIXES = [
  're',
  'fw',
  'fwd',
  'aw',
  'wg',
  'tr',
  'réf',
  'ref',
  'rv',
  'res',
  'enc',
  'r',
  'i',
  'antw',
  'doorst',
  'sv',
  'vs',
  'vb',
  'odp',
  'pd',
  'ynt',
  'i̇lt',
  'ilt',
  'رد',
  'إعادة توجيه',
  'توجيه',
  '回复',
  '回覆',
  '答复',
  '转发',
  '轉寄',
  '返信',
  '転送',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PREFIX = new RegExp(
  `^\\s*(?:\\[[^\\]]{1,40}\\]\\s*)?(?:${PREFIXES.map(escape).join('|')})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*`,
  'iu',
);

/**
 * The subject with every reply/forward prefix removed, whitespace collapsed and case folded: two
 * mails of one thread normalise to the same string whatever client answered. A leading list tag
 * such as `[EXT]` before a prefix is dropped with it.
 */
export const normalizeSubject = (subject: string | null | undefined): string => {
  let s = (subject ?? '').normalize('NFC');
  for (;;) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-US');
};
