import { z } from 'zod';
import { ASSET_CONTENT_TYPES } from '@c360/domain';

export const ASSET_MAX_BYTES = 10 * 1024 * 1024;

const channel = z.enum(['whatsapp', 'instagram', 'email']);

export const assetSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    channels: z.array(channel).meta({ description: 'the channels that can carry this file' }),
    uploadedBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReplyAsset' });
export const assetListSchema = z.object({ items: z.array(assetSchema) });

export const assetChannelsSchema = z.object({
  maxBytes: z.number().int(),
  types: z.array(
    z.object({
      contentType: z.enum(Object.keys(ASSET_CONTENT_TYPES) as [string, ...string[]]),
      kind: z.enum(['image', 'video', 'audio', 'document']),
      channels: z.array(channel),
    }),
  ),
});
