import type { SegmentFilter } from '../api/types';
import { fieldByName, LIST_OPS, NO_VALUE_OPS, OPERATORS } from './builderFields';

/** A condition as the builder edits it: the value is what the user typed. */
export type CondNode = { kind: 'cond'; id: string; field: string; op: string; value: string };
/** A part of a saved filter the builder does not edit (a behaviour, a custom field): kept as it is. */
export type RawNode = { kind: 'raw'; id: string; filter: SegmentFilter };
export type GroupNode = {
  kind: 'group';
  id: string;
  join: 'and' | 'or';
  negate: boolean;
  children: TreeNode[];
};
export type TreeNode = CondNode | RawNode | GroupNode;

let counter = 0;
export const nextId = (): string => `n${++counter}`;

export const emptyGroup = (join: 'and' | 'or' = 'and'): GroupNode => ({
  kind: 'group',
  id: nextId(),
  join,
  negate: false,
  children: [],
});

export const newCondition = (): CondNode => ({
  kind: 'cond',
  id: nextId(),
  field: 'vip',
  op: 'isTrue',
  value: '',
});

const parseValue = (cond: CondNode): unknown => {
  if (NO_VALUE_OPS.includes(cond.op)) return undefined;
  const type = fieldByName(cond.field)?.type ?? 'text';
  const numeric = type === 'number' || cond.op === 'withinLastDays' || cond.op === 'olderThanDays';
  const one = (s: string): unknown => {
    const t = s.trim();
    return numeric && t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t;
  };
  if (cond.op === 'between') return cond.value.split(',').map(one);
  if (LIST_OPS.includes(cond.op))
    return cond.value
      .split(',')
      .map(one)
      .filter((v) => v !== '');
  return one(cond.value);
};

/** The filter-language tree for a builder tree; null when it holds no condition yet. */
export const toFilter = (node: TreeNode): SegmentFilter | null => {
  if (node.kind === 'raw') return node.filter;
  if (node.kind === 'cond') {
    const value = parseValue(node);
    return value === undefined
      ? { field: node.field, op: node.op }
      : { field: node.field, op: node.op, value };
  }
  const children = node.children.map(toFilter).filter((f): f is SegmentFilter => f !== null);
  if (children.length === 0) return null;
  const inner: SegmentFilter =
    children.length === 1 ? children[0]! : node.join === 'and' ? { and: children } : { or: children };
  return node.negate ? { not: inner } : inner;
};

const isGroupFilter = (f: SegmentFilter): f is { and: SegmentFilter[] } | { or: SegmentFilter[] } =>
  'and' in f || 'or' in f;

/** The builder tree for a saved filter; parts it cannot edit stay as raw nodes. */
export const fromFilter = (filter: SegmentFilter): GroupNode => {
  const toNode = (f: SegmentFilter): TreeNode => {
    if (isGroupFilter(f)) {
      const join = 'and' in f ? 'and' : 'or';
      const list = 'and' in f ? f.and : f.or;
      return { kind: 'group', id: nextId(), join, negate: false, children: list.map(toNode) };
    }
    if ('not' in f) {
      const inner = toNode((f as { not: SegmentFilter }).not);
      return inner.kind === 'group' && !inner.negate
        ? { ...inner, negate: true }
        : { kind: 'group', id: nextId(), join: 'and', negate: true, children: [inner] };
    }
    if ('field' in f && typeof f.field === 'string' && fieldByName(f.field)) {
      const op = String(f.op);
      const value = f.value === undefined ? '' : Array.isArray(f.value) ? f.value.join(',') : String(f.value);
      if (
        OPERATORS[fieldByName(f.field)!.type].includes(op) &&
        (typeof f.value !== 'object' || Array.isArray(f.value))
      )
        return { kind: 'cond', id: nextId(), field: f.field, op, value };
    }
    return { kind: 'raw', id: nextId(), filter: f };
  };
  const root = toNode(filter);
  return root.kind === 'group'
    ? root
    : { kind: 'group', id: nextId(), join: 'and', negate: false, children: [root] };
};

/** Applies `change` to the node with `id` anywhere in the tree (a new tree; the old one is kept). */
export const updateNode = (
  root: GroupNode,
  id: string,
  change: (node: TreeNode) => TreeNode | null,
): GroupNode => {
  const visit = (node: TreeNode): TreeNode | null => {
    if (node.id === id) return change(node);
    if (node.kind !== 'group') return node;
    return { ...node, children: node.children.map(visit).filter((n): n is TreeNode => n !== null) };
  };
  return visit(root) as GroupNode;
};

/** Every part must hold together: quick filters and the tree are all required. */
export const combineFilters = (parts: SegmentFilter[]): SegmentFilter | null =>
  parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { and: parts };
