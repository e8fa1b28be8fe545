/**
 * A plan as an expandable tree (nested lists; each toggle is a button with aria-expanded),
 * each node with its level, code, title (linking to the element) and rolled-up status.
 */
import { Button, Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { TreeNode } from '../../api/types.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ChevronIcon } from '../../components/Icons.tsx';
import { StatusSummaryView } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/context.tsx';

interface Props {
  nodes: readonly TreeNode[];
  label: string;
  levelLabel: (key: string) => string;
  /** Nodes shallower than this depth start expanded. */
  openDepth?: number;
}

function depthsOf(nodes: readonly TreeNode[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const node of nodes) {
    const parentDepth = node.parentId === null ? -1 : (depth.get(node.parentId) ?? -1);
    depth.set(node.id, parentDepth + 1);
  }
  return depth;
}

/** The tree with "expand all" / "collapse all". */
export function PlanTreeView({ nodes, label, levelLabel, openDepth = 1 }: Props) {
  const { t } = useI18n();
  const children = useMemo(() => {
    const map = new Map<string | null, TreeNode[]>();
    const ids = new Set(nodes.map((n) => n.id));
    for (const node of nodes) {
      const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
      const list = map.get(parent) ?? [];
      list.push(node);
      map.set(parent, list);
    }
    return map;
  }, [nodes]);
  const parents = useMemo(
    () => nodes.filter((n) => (children.get(n.id)?.length ?? 0) > 0).map((n) => n.id),
    [nodes, children],
  );
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const depth = depthsOf(nodes);
    return new Set(nodes.filter((n) => (depth.get(n.id) ?? 0) < openDepth).map((n) => n.id));
  });
  const toggle = (id: string) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const renderList = (parentId: string | null, id?: string) => {
    const list = children.get(parentId) ?? [];
    if (list.length === 0) return null;
    return (
      <ul
        id={id}
        className={parentId === null ? 'st-tree' : undefined}
        aria-label={parentId === null ? label : undefined}
      >
        {list.map((node) => {
          const hasChildren = (children.get(node.id)?.length ?? 0) > 0;
          const open = expanded.has(node.id);
          const groupId = `tree-${node.id}`;
          return (
            <li key={node.id} data-node={node.code}>
              <div className="st-tree-row">
                {hasChildren ? (
                  <button
                    type="button"
                    className="st-tree-toggle"
                    aria-expanded={open}
                    aria-controls={groupId}
                    aria-label={open ? t.plan.collapse(node.code) : t.plan.expand(node.code)}
                    onClick={() => {
                      toggle(node.id);
                    }}
                  >
                    <ChevronIcon open={open} />
                  </button>
                ) : (
                  <span className="st-tree-spacer" />
                )}
                <div className="st-tree-body">
                  <Text component="span" size="xs" fw={600} c="#495057" tt="uppercase">
                    {levelLabel(node.level)}
                  </Text>
                  <div className="st-tree-main">
                    <AppLink to={`/elements/${node.id}`}>
                      <span className="st-code">{node.code}</span> <TitleText node={node} />
                    </AppLink>
                    <StatusSummaryView summary={node.status} />
                  </div>
                </div>
              </div>
              {hasChildren && open ? renderList(node.id, groupId) : null}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <div>
      {parents.length > 0 ? (
        <Group gap="xs" mb="sm">
          <Button
            size="xs"
            variant="outline"
            onClick={() => {
              setExpanded(new Set(parents));
            }}
          >
            {t.plan.expandAll}
          </Button>
          <Button
            size="xs"
            variant="outline"
            onClick={() => {
              setExpanded(new Set());
            }}
          >
            {t.plan.collapseAll}
          </Button>
        </Group>
      ) : null}
      {nodes.length === 0 ? <Text>{t.plan.empty}</Text> : renderList(null)}
    </div>
  );
}

function TitleText({ node }: { node: TreeNode }) {
  const { tx } = useI18n();
  return <>{tx(node.title)}</>;
}
