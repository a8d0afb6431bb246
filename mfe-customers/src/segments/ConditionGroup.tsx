import { FormattedMessage, useIntl } from 'react-intl';
import { BUILDER_FIELDS, fieldByName, NO_VALUE_OPS, OPERATORS } from './builderFields';
import { emptyGroup, newCondition, type CondNode, type GroupNode, type TreeNode } from './filterTree';

type Props = {
  group: GroupNode;
  depth: number;
  onChange: (id: string, change: (node: TreeNode) => TreeNode | null) => void;
};

/** One and/or group of the segment tree, with its conditions and nested groups. */
export const ConditionGroup = ({ group, depth, onChange }: Props) => {
  const intl = useIntl();
  const set = (patch: Partial<GroupNode>) => onChange(group.id, (n) => ({ ...(n as GroupNode), ...patch }));
  return (
    <fieldset
      data-testid="condition-group"
      style={{
        border: '1px solid #c5cbd6',
        borderRadius: 6,
        padding: 8,
        marginInlineStart: depth === 0 ? 0 : 16,
      }}
    >
      <legend style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        <select
          aria-label={intl.formatMessage({ id: 'customers.segments.join', defaultMessage: 'Match' })}
          value={group.join}
          onChange={(e) => set({ join: e.target.value as 'and' | 'or' })}
        >
          <option value="and">
            {intl.formatMessage({ id: 'customers.segments.all', defaultMessage: 'all of' })}
          </option>
          <option value="or">
            {intl.formatMessage({ id: 'customers.segments.any', defaultMessage: 'any of' })}
          </option>
        </select>
        <label>
          <input type="checkbox" checked={group.negate} onChange={(e) => set({ negate: e.target.checked })} />
          <FormattedMessage id="customers.segments.not" defaultMessage="none of these (NOT)" />
        </label>
        {depth > 0 && (
          <button type="button" onClick={() => onChange(group.id, () => null)}>
            <FormattedMessage id="customers.segments.removeGroup" defaultMessage="Remove group" />
          </button>
        )}
      </legend>
      {group.children.map((child) =>
        child.kind === 'group' ? (
          <ConditionGroup key={child.id} group={child} depth={depth + 1} onChange={onChange} />
        ) : child.kind === 'cond' ? (
          <ConditionRow key={child.id} cond={child} onChange={onChange} />
        ) : (
          <div key={child.id} style={{ display: 'flex', gap: 6 }}>
            <code>{JSON.stringify(child.filter)}</code>
            <button type="button" onClick={() => onChange(child.id, () => null)}>
              <FormattedMessage id="customers.segments.remove" defaultMessage="Remove" />
            </button>
          </div>
        ),
      )}
      <div style={{ display: 'flex', gap: 6, marginTop: 6 }}>
        <button type="button" onClick={() => set({ children: [...group.children, newCondition()] })}>
          <FormattedMessage id="customers.segments.addCondition" defaultMessage="Add condition" />
        </button>
        {depth < 3 && (
          <button
            type="button"
            onClick={() =>
              set({ children: [...group.children, emptyGroup(group.join === 'and' ? 'or' : 'and')] })
            }
          >
            <FormattedMessage id="customers.segments.addGroup" defaultMessage="Add group" />
          </button>
        )}
      </div>
    </fieldset>
  );
};

const ConditionRow = ({ cond, onChange }: { cond: CondNode; onChange: Props['onChange'] }) => {
  const intl = useIntl();
  const field = fieldByName(cond.field);
  const ops = field ? OPERATORS[field.type] : [];
  const set = (patch: Partial<CondNode>) => onChange(cond.id, (n) => ({ ...(n as CondNode), ...patch }));
  return (
    <div
      data-testid="condition"
      style={{ display: 'flex', gap: 6, alignItems: 'center', margin: '4px 0', flexWrap: 'wrap' }}
    >
      <select
        aria-label={intl.formatMessage({ id: 'customers.segments.field', defaultMessage: 'Field' })}
        value={cond.field}
        onChange={(e) => {
          const next = fieldByName(e.target.value);
          set({ field: e.target.value, op: next ? OPERATORS[next.type][0]! : 'eq', value: '' });
        }}
      >
        {BUILDER_FIELDS.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
      </select>
      <select
        aria-label={intl.formatMessage({ id: 'customers.segments.operator', defaultMessage: 'Operator' })}
        value={cond.op}
        onChange={(e) => set({ op: e.target.value })}
      >
        {ops.map((op) => (
          <option key={op} value={op}>
            {op}
          </option>
        ))}
      </select>
      {!NO_VALUE_OPS.includes(cond.op) &&
        (field?.values && (cond.op === 'eq' || cond.op === 'neq' || cond.op === 'has') ? (
          <select
            aria-label={intl.formatMessage({ id: 'customers.segments.value', defaultMessage: 'Value' })}
            value={cond.value}
            onChange={(e) => set({ value: e.target.value })}
          >
            <option value="" />
            {field.values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label={intl.formatMessage({ id: 'customers.segments.value', defaultMessage: 'Value' })}
            value={cond.value}
            onChange={(e) => set({ value: e.target.value })}
            placeholder={cond.op === 'between' ? 'from,to' : ''}
          />
        ))}
      <button type="button" onClick={() => onChange(cond.id, () => null)}>
        <FormattedMessage id="customers.segments.remove" defaultMessage="Remove" />
      </button>
    </div>
  );
};
