import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorNotice, muted, row, useAsync } from '@c360/mfe-kit';
import type { Channel, ReplyAsset } from '../api/types';
import { useArea } from '../area/AreaContext';
import { fileSize } from './fileSize';

type Props = {
  channel: Channel;
  onChoose: (asset: ReplyAsset) => void;
};

/**
 * The tenant's assets to quick-send: pick one, or upload a new file (then it is picked). An asset
 * the conversation's channel cannot carry is listed but cannot be picked; its size is checked by
 * the API when the reply is sent.
 */
export const AssetPicker = ({ channel, onChoose }: Props) => {
  const { api } = useArea();
  const intl = useIntl();
  const assets = useAsync(() => api.listAssets(), [api]);
  const [error, setError] = useState<unknown>();
  const [uploading, setUploading] = useState(false);

  const uploadFile = async (file: File) => {
    setUploading(true);
    setError(undefined);
    try {
      const asset = await api.uploadAsset(file);
      assets.setData({ items: [asset, ...(assets.data?.items ?? [])] });
      onChoose(asset);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <details data-testid="asset-picker">
      <summary>
        <FormattedMessage id="inbox.assets.title" defaultMessage="📎 Assets" />
      </summary>
      <label style={{ ...row, margin: '6px 0' }}>
        <FormattedMessage id="inbox.assets.upload" defaultMessage="Upload a file" />
        <input
          type="file"
          data-testid="asset-upload"
          disabled={uploading}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void uploadFile(file);
          }}
        />
      </label>
      {assets.data && assets.data.items.length === 0 && (
        <p style={muted}>
          <FormattedMessage id="inbox.assets.none" defaultMessage="No assets yet." />
        </p>
      )}
      <ul style={{ listStyle: 'none', paddingInlineStart: 0, maxHeight: 180, overflow: 'auto' }}>
        {(assets.data?.items ?? []).map((a) => {
          const carried = a.channels.includes(channel);
          return (
            <li key={a.id} data-testid="asset-option" data-file-name={a.fileName} style={row}>
              <button type="button" disabled={!carried} onClick={() => onChoose(a)}>
                <FormattedMessage id="inbox.assets.choose" defaultMessage="Choose" />
              </button>
              <span>{a.fileName}</span>
              <span style={muted}>
                {a.contentType} · {fileSize(a.sizeBytes, intl.locale)}
              </span>
              {!carried && (
                <span style={muted}>
                  {intl.formatMessage(
                    {
                      id: 'inbox.assets.notOnChannel',
                      defaultMessage:
                        '{channel, select, whatsapp {WhatsApp} instagram {Instagram} email {E-mail} other {{channel}}} cannot carry this file',
                    },
                    { channel },
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorNotice error={error ?? assets.error} />
    </details>
  );
};
