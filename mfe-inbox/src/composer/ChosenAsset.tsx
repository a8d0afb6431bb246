import { useIntl } from 'react-intl';
import { chip, row } from '@c360/mfe-kit';
import type { ReplyAsset } from '../api/types';
import { fileSize } from './fileSize';

/** The asset the reply will carry: its name, type and size, and a way to take it off. */
export const ChosenAsset = ({ asset, onClear }: { asset: ReplyAsset; onClear: () => void }) => {
  const intl = useIntl();
  return (
    <div style={{ ...row, margin: '6px 0' }} data-testid="chosen-asset">
      <span style={chip(true)}>
        📎 {asset.fileName} ({asset.contentType}, {fileSize(asset.sizeBytes, intl.locale)})
      </span>
      <button
        type="button"
        aria-label={intl.formatMessage({
          id: 'inbox.assets.clear',
          defaultMessage: 'Remove the attached file',
        })}
        onClick={onClear}
      >
        ×
      </button>
    </div>
  );
};
