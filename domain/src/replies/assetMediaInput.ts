import type { FieldProblem } from '../errors/AppError';
import { assetKindOf, CHANNELS_BY_ASSET_KIND, type AssetChannel } from './assetChannels';

export type AssetForSend = { fileName: string; contentType: string };

/** The adapters' media inputs (the shapes of the workflows' channel activity types). */
export type AssetMediaInput =
  | {
      channel: 'whatsapp';
      content: { type: 'media'; mediaType: 'image' | 'video' | 'document'; link: string; filename?: string };
    }
  | {
      channel: 'instagram';
      content: { type: 'media'; mediaType: 'image' | 'video' | 'audio' | 'file'; url: string };
    }
  | { channel: 'email'; attachment: { filename: string; contentType: string; contentBase64: string } };

/**
 * An asset as the adapter of `channel` takes it: a link the provider fetches (WhatsApp,
 * Instagram: a signed public URL the caller makes) or the bytes as an attachment (email).
 * A channel that cannot carry the asset's type is a problem, never a silent drop.
 */
export const assetMediaInput = (
  asset: AssetForSend,
  channel: AssetChannel,
  source: { url: string; contentBase64?: string },
): { ok: true; input: AssetMediaInput } | { ok: false; problem: FieldProblem } => {
  const kind = assetKindOf(asset.contentType);
  if (!kind || !CHANNELS_BY_ASSET_KIND[kind].includes(channel))
    return {
      ok: false,
      problem: { path: 'assetId', message: `${channel} cannot carry ${asset.contentType}` },
    };
  if (channel === 'email') {
    if (source.contentBase64 === undefined)
      return { ok: false, problem: { path: 'assetId', message: 'an email attachment needs the bytes' } };
    return {
      ok: true,
      input: {
        channel,
        attachment: {
          filename: asset.fileName,
          contentType: asset.contentType,
          contentBase64: source.contentBase64,
        },
      },
    };
  }
  if (channel === 'instagram')
    return {
      ok: true,
      input: {
        channel,
        content: { type: 'media', mediaType: kind === 'document' ? 'file' : kind, url: source.url },
      },
    };
  // WhatsApp: audio was refused above.
  const mediaType = kind as 'image' | 'video' | 'document';
  return {
    ok: true,
    input: {
      channel,
      content: {
        type: 'media',
        mediaType,
        link: source.url,
        ...(mediaType === 'document' ? { filename: asset.fileName } : {}),
      },
    },
  };
};
