/** How each channel can carry a file, by the file's content type and size. */
export type AssetKind = 'image' | 'video' | 'audio' | 'document';
export type AssetChannel = 'whatsapp' | 'instagram' | 'email';

const MB = 1024 * 1024;

/** The types an agent may upload as a reply asset, and their kind. */
export const ASSET_CONTENT_TYPES: Record<string, AssetKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'video/mp4': 'video',
  'audio/aac': 'audio',
  'audio/mp4': 'audio',
  'audio/mpeg': 'audio',
  'audio/ogg': 'audio',
  'application/pdf': 'document',
  'text/plain': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
};

/** One kind of media a provider accepts: its content types and its size limit. */
export type MediaRule = { contentTypes: readonly string[]; maxBytes: number };

/**
 * WhatsApp Cloud API, "Supported media types" (media reference): images JPEG/PNG up to 5 MB;
 * video MP4/3GPP up to 16 MB; audio AAC/AMR/MP3/M4A/OGG (Opus) up to 16 MB; documents (text,
 * PDF, Word, Excel, PowerPoint) up to 100 MB.
 */
export const WHATSAPP_MEDIA: Record<AssetKind, MediaRule> = {
  image: { contentTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
  video: { contentTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
  audio: {
    contentTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
    maxBytes: 16 * MB,
  },
  document: {
    contentTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: 100 * MB,
  },
};

/**
 * Instagram Messaging (Messenger Platform "Send a Message" and "Attachment Upload"): image PNG/JPEG
 * up to 8 MB; video MP4/OGG/AVI/MOV/WebM up to 25 MB; audio AAC/M4A/WAV/MP4 up to 25 MB; file PDF
 * up to 25 MB. The attachment types are image, video, audio and file.
 */
export const INSTAGRAM_MEDIA: Record<AssetKind, MediaRule> = {
  image: { contentTypes: ['image/png', 'image/jpeg'], maxBytes: 8 * MB },
  video: {
    contentTypes: ['video/mp4', 'video/ogg', 'video/x-msvideo', 'video/quicktime', 'video/webm'],
    maxBytes: 25 * MB,
  },
  audio: { contentTypes: ['audio/aac', 'audio/mp4', 'audio/wav', 'audio/x-wav'], maxBytes: 25 * MB },
  document: { contentTypes: ['application/pdf'], maxBytes: 25 * MB },
};

export const assetKindOf = (contentType: string): AssetKind | null =>
  ASSET_CONTENT_TYPES[contentType.toLowerCase()] ?? null;

/** What a channel accepts beyond the providers' fixed rules: the e-mail attachment cap is the deployment's. */
export type AssetLimits = { emailMaxBytes: number };

export type AssetAcceptance = { ok: true; kind: AssetKind } | { ok: false; reason: string };

const sizeText = (bytes: number): string =>
  bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;

/** Whether `channel` can carry this file, and if not, why (for a 400 that names the asset). */
export const assetAcceptedOn = (
  channel: AssetChannel,
  asset: { contentType: string; sizeBytes: number },
  limits: AssetLimits,
): AssetAcceptance => {
  const contentType = asset.contentType.toLowerCase();
  const kind = assetKindOf(contentType);
  if (!kind) return { ok: false, reason: `${contentType} is not a type reply assets can have` };
  if (channel === 'email') {
    if (asset.sizeBytes > limits.emailMaxBytes)
      return {
        ok: false,
        reason: `is ${asset.sizeBytes} bytes: e-mail attachments are limited to ${sizeText(limits.emailMaxBytes)}`,
      };
    return { ok: true, kind };
  }
  const rule = (channel === 'whatsapp' ? WHATSAPP_MEDIA : INSTAGRAM_MEDIA)[kind];
  const name = channel === 'whatsapp' ? 'WhatsApp' : 'Instagram';
  if (!rule.contentTypes.includes(contentType))
    return { ok: false, reason: `${name} cannot carry ${contentType}` };
  if (asset.sizeBytes > rule.maxBytes)
    return {
      ok: false,
      reason: `is ${asset.sizeBytes} bytes: ${name} takes ${kind} files up to ${sizeText(rule.maxBytes)}`,
    };
  return { ok: true, kind };
};

/** The channels whose providers take this content type (sizes aside). */
export const channelsForContentType = (contentType: string): AssetChannel[] => {
  const type = contentType.toLowerCase();
  const kind = assetKindOf(type);
  if (!kind) return [];
  const channels: AssetChannel[] = [];
  if (WHATSAPP_MEDIA[kind].contentTypes.includes(type)) channels.push('whatsapp');
  if (INSTAGRAM_MEDIA[kind].contentTypes.includes(type)) channels.push('instagram');
  channels.push('email');
  return channels;
};

/** The Instagram Send API's attachment type for a kind. */
export const instagramAttachmentType = (kind: AssetKind): 'image' | 'video' | 'audio' | 'file' =>
  kind === 'document' ? 'file' : kind;
