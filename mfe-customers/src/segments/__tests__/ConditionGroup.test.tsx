import { useState } from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { renderInArea } from '../../__tests__/support/renderInArea';
import { ConditionGroup } from '../ConditionGroup';
import { emptyGroup, toFilter, updateNode, type GroupNode, type TreeNode } from '../filterTree';

const Harness = ({ onFilter }: { onFilter: (f: unknown) => void }) => {
  const [tree, setTree] = useState<GroupNode>(() => emptyGroup());
  onFilter(toFilter(tree));
  return (
    <ConditionGroup
      group={tree}
      depth={0}
      onChange={(id: string, change: (n: TreeNode) => TreeNode | null) =>
        setTree((t) => updateNode(t, id, change))
      }
    />
  );
};

describe('ConditionGroup', () => {
  it('builds a nested filter from clicks: a condition, a group inside, a changed field and value', () => {
    let filter: unknown = null;
    renderInArea(<Harness onFilter={(f) => (filter = f)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    expect(filter).toEqual({ field: 'vip', op: 'isTrue' });

    fireEvent.click(screen.getByRole('button', { name: 'Add group' }));
    const addButtons = screen.getAllByRole('button', { name: 'Add condition' });
    fireEvent.click(addButtons[1]!);
    const fields = screen.getAllByRole('combobox', { name: 'Field' });
    fireEvent.change(fields[1]!, { target: { value: 'health.score' } });
    fireEvent.change(screen.getAllByRole('combobox', { name: 'Operator' })[1]!, { target: { value: 'lt' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value' }), { target: { value: '40' } });

    expect(filter).toEqual({
      and: [
        { field: 'vip', op: 'isTrue' },
        { field: 'health.score', op: 'lt', value: 40 },
      ],
    });
  });
});
