import { useEffect, useMemo, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Segment, SegmentPreview } from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, card, chip, muted, row } from '@c360/mfe-kit';
import { ConditionGroup } from './ConditionGroup';
import {
  combineFilters,
  emptyGroup,
  fromFilter,
  toFilter,
  updateNode,
  type GroupNode,
  type TreeNode,
} from './filterTree';
import { DEFAULT_HIGH_CLV, QUICK_FILTER_NAMES, quickFilterNodes, type QuickFilterName } from './quickChips';
import { SegmentCards } from './SegmentCards';

const quick = defineMessages({
  vip: { id: 'customers.segments.quick.vip', defaultMessage: 'VIP' },
  atRiskOfChurn: { id: 'customers.segments.quick.atRiskOfChurn', defaultMessage: 'High churn risk' },
  detractors: { id: 'customers.segments.quick.detractors', defaultMessage: 'NPS detractors' },
  optedInWhatsapp: { id: 'customers.segments.quick.optedInWhatsapp', defaultMessage: 'WhatsApp opt-in' },
  noPurchase90Days: {
    id: 'customers.segments.quick.noPurchase90Days',
    defaultMessage: 'No purchase in 90 days',
  },
  newThisMonth: { id: 'customers.segments.quick.newThisMonth', defaultMessage: 'New this month' },
  highClv: { id: 'customers.segments.quick.highClv', defaultMessage: 'High CLV' },
});

/** Quick filters and a nested condition tree with a live member count; saved segments below. */
export const SegmentBuilder = () => {
  const { api } = useArea();
  const intl = useIntl();
  const [chips, setChips] = useState<QuickFilterName[]>([]);
  const [highClv, setHighClv] = useState(DEFAULT_HIGH_CLV);
  const [tree, setTree] = useState<GroupNode>(() => emptyGroup());
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<Segment | null>(null);
  const [preview, setPreview] = useState<SegmentPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>();
  const [saveError, setSaveError] = useState<unknown>();
  const segments = useAsync(() => api.listSegments(), [api]);

  const filter = useMemo(() => {
    const treeFilter = toFilter(tree);
    return combineFilters([...quickFilterNodes(chips, highClv), ...(treeFilter ? [treeFilter] : [])]);
  }, [chips, highClv, tree]);
  const filterKey = JSON.stringify(filter);

  // The count follows every edit, once the edits pause for a moment.
  useEffect(() => {
    if (!filter) {
      setPreview(null);
      setPreviewError(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.previewSegment(filter).then(
        (p) => current && (setPreview(p), setPreviewError(undefined)),
        (e: unknown) => current && (setPreview(null), setPreviewError(e)),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // filterKey stands for filter: a new object with the same content must not ask again.
  }, [api, filterKey]);

  const onTreeChange = (id: string, change: (node: TreeNode) => TreeNode | null) =>
    setTree((t) => updateNode(t, id, change));

  const save = async () => {
    if (!filter) return;
    setSaveError(undefined);
    try {
      if (editing) await api.updateSegment(editing.id, { name: name.trim(), filter });
      else await api.createSegment({ name: name.trim(), description: null, filter });
      setEditing(null);
      setName('');
      setChips([]);
      setTree(emptyGroup());
      segments.reload();
    } catch (e) {
      setSaveError(e);
    }
  };

  const edit = (segment: Segment) => {
    setEditing(segment);
    setName(segment.name);
    setChips([]);
    setTree(fromFilter(segment.filter));
  };

  return (
    <section aria-labelledby="segments-title" style={{ display: 'grid', gap: 12 }}>
      <h2 id="segments-title" style={{ margin: 0 }}>
        <FormattedMessage id="customers.segments.title" defaultMessage="Segment builder" />
      </h2>
      <div style={card}>
        <div
          role="group"
          aria-label={intl.formatMessage({
            id: 'customers.segments.quickFilters',
            defaultMessage: 'Quick filters',
          })}
          style={row}
        >
          {QUICK_FILTER_NAMES.map((q) => (
            <button
              key={q}
              type="button"
              aria-pressed={chips.includes(q)}
              style={chip(chips.includes(q))}
              onClick={() => setChips((c) => (c.includes(q) ? c.filter((x) => x !== q) : [...c, q]))}
            >
              {intl.formatMessage(quick[q])}
            </button>
          ))}
          {chips.includes('highClv') && (
            <label style={muted}>
              <FormattedMessage id="customers.segments.highClvMin" defaultMessage="CLV at least" />{' '}
              <input
                type="number"
                min={0}
                value={highClv}
                onChange={(e) => setHighClv(Number(e.target.value))}
                style={{ width: 90 }}
              />
            </label>
          )}
        </div>
        <div style={{ marginTop: 8 }}>
          <ConditionGroup group={tree} depth={0} onChange={onTreeChange} />
        </div>
        <p aria-live="polite" data-testid="live-count">
          {filter === null ? (
            <span style={muted}>
              <FormattedMessage
                id="customers.segments.pick"
                defaultMessage="Pick a quick filter or add a condition."
              />
            </span>
          ) : preview ? (
            <FormattedMessage
              id="customers.segments.count"
              defaultMessage="{count, plural, =0 {No customer matches} one {# customer matches} other {# customers match}}"
              values={{ count: preview.count }}
            />
          ) : null}
        </p>
        <ErrorNotice error={previewError} />
        {preview && preview.sample.length > 0 && (
          <p style={muted}>{preview.sample.map((s) => `${s.firstName} ${s.lastName}`.trim()).join(', ')}</p>
        )}
        <div style={row}>
          <input
            aria-label={intl.formatMessage({ id: 'customers.segments.name', defaultMessage: 'Segment name' })}
            placeholder={intl.formatMessage({
              id: 'customers.segments.name',
              defaultMessage: 'Segment name',
            })}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="button" disabled={!filter || !name.trim()} onClick={() => void save()}>
            {editing ? (
              <FormattedMessage id="customers.segments.update" defaultMessage="Update segment" />
            ) : (
              <FormattedMessage id="customers.segments.save" defaultMessage="Save segment" />
            )}
          </button>
          {editing && (
            <button type="button" onClick={() => (setEditing(null), setName(''), setTree(emptyGroup()))}>
              <FormattedMessage id="customers.segments.cancelEdit" defaultMessage="Cancel" />
            </button>
          )}
        </div>
        <ErrorNotice error={saveError} />
      </div>
      <ErrorNotice error={segments.error} />
      {segments.data && (
        <>
          <p style={muted}>
            <FormattedMessage
              id="customers.segments.saved"
              defaultMessage="{count, plural, =0 {No saved segment} one {# saved segment} other {# saved segments}}"
              values={{ count: segments.data.total }}
            />
          </p>
          <SegmentCards segments={segments.data.items} onEdit={edit} onChanged={segments.reload} />
        </>
      )}
    </section>
  );
};
