import type { ExportFileFormat } from './exportEncoder';

/**
 * The file name an export is downloaded as: `<segment-name>-<UTC stamp>.<format>`, reduced to
 * characters every file system and the Content-Disposition header take as they are.
 */
export const exportFileName = (segmentName: string, format: ExportFileFormat, at: Date): string => {
  const slug =
    segmentName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'segment';
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${slug}-${stamp}.${format}`;
};
