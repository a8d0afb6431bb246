/** How each channel can carry a file, by the file's kind. */
export type AssetKind = 'image' | 'video' | 'audio' | 'document';
export type AssetChannel = 'whatsapp' | 'instagram' | 'email';

/**
 * Accepted upload types and their kind. WhatsApp (through our adapter): JPEG/PNG images, MP4
 * video, PDF and Office documents; Instagram messaging: images, video, audio,
 * no documents; email: any of them as an attachment.
 */
export const ASSET_CONTENT_TYPES: Record<string, AssetKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'video/mp4': 'video',
  'audio/aac': 'audio',
  'audio/mpeg': 'audio',
  'audio/ogg': 'audio',
  'application/pdf': 'document',
  'text/plain': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
};

export const CHANNELS_BY_ASSET_KIND: Record<AssetKind, AssetChannel[]> = {
  image: ['whatsapp', 'instagram', 'email'],
  video: ['whatsapp', 'instagram', 'email'],
  // The WhatsApp adapter sends image, video and document media, not audio.
  audio: ['instagram', 'email'],
  document: ['whatsapp', 'email'],
};

export const assetKindOf = (contentType: string): AssetKind | null =>
  ASSET_CONTENT_TYPES[contentType.toLowerCase()] ?? null;

export const channelsForContentType = (contentType: string): AssetChannel[] => {
  const kind = assetKindOf(contentType);
  return kind ? CHANNELS_BY_ASSET_KIND[kind] : [];
};
