/** A reply's own text and the quoted history below it (`On … wrote:` or `>` lines), kept apart. */
export const splitQuotedHistory = (body: string): { reply: string; quoted: string | null } => {
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex(
    (line, i) =>
      /^(On|Le) .+(wrote|a écrit)\s*:\s*$/.test(line.trim()) ||
      /^-{2,}\s*(Original Message|Message d'origine)\s*-{2,}$/i.test(line.trim()) ||
      (line.startsWith('>') && lines.slice(i).every((l) => l.startsWith('>') || l.trim() === '')),
  );
  if (start <= 0) return { reply: body, quoted: null };
  return { reply: lines.slice(0, start).join('\n').trimEnd(), quoted: lines.slice(start).join('\n') };
};
