import type { UnitDto } from '@shared/contracts/units';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { unitLabel } from './unit-text';
import { unitQueries } from './units-api';

interface UnitTreeProps {
  /** Validity date of the period shown; the tree is remounted when it changes. */
  at: string;
  selectedCode: string | undefined;
  onSelect: (code: string) => void;
}

/** Children already fetched, by parent code. Provinces come from their own query. */
type LoadedChildren = Record<string, UnitDto[]>;

function toNodes(units: UnitDto[], loaded: LoadedChildren, above: ReadonlySet<string> = new Set()): TreeDataNode[] {
  return units.map((unit) => {
    // A unit listed under itself (bad data) would recurse forever; show it as a leaf instead.
    const children = above.has(unit.code) ? undefined : loaded[unit.code];
    return {
      key: unit.code,
      title: <span data-unit-code={unit.code}>{unitLabel(unit)}</span>,
      isLeaf: unit.childCount === 0,
      children: children ? toNodes(children, loaded, new Set([...above, unit.code])) : undefined,
    };
  });
}

/**
 * Provinces first; districts and communes are fetched when a node is opened (Hà Nội alone has
 * 126 communes, the whole country over 10,000). The selected unit's branch is opened
 * automatically, so a bookmarked or searched unit is shown in its place.
 */
export function UnitTree({ at, selectedCode, onSelect }: UnitTreeProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const provinces = useQuery(unitQueries.children(null, at));
  // Shares the detail panel's cached request; only the path to the unit is used here.
  const selected = useQuery({ ...unitQueries.detail(selectedCode ?? '', at), enabled: selectedCode !== undefined });

  const [loaded, setLoaded] = useState<LoadedChildren>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);

  const selectedPath = selected.data?.unit.path;
  useEffect(() => {
    if (!selectedPath) return;
    const ancestors = selectedPath.slice(0, -1);
    setExpandedKeys((keys) => [...new Set([...keys, ...ancestors])]);
  }, [selectedPath]);

  const loadChildren = useCallback(
    async (parentCode: string) => {
      try {
        const response = await queryClient.fetchQuery(unitQueries.children(parentCode, at));
        setLoaded((current) => ({ ...current, [parentCode]: response.items }));
      } catch (error) {
        message.error(t('units.tree.loadChildrenFailed', { message: error instanceof ApiError ? error.message : String(error) }));
        throw error; // lets the tree offer the node again
      }
    },
    [queryClient, at, message, t],
  );

  const treeData = useMemo(() => toNodes(provinces.data?.items ?? [], loaded), [provinces.data, loaded]);

  // Scroll the selected unit into view once its node exists (after its branch has loaded).
  const container = useRef<HTMLElement>(null);
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!selectedCode || scrolledTo.current === selectedCode) return;
    const node = container.current?.querySelector(`[data-unit-code="${CSS.escape(selectedCode)}"]`);
    if (node) {
      node.scrollIntoView?.({ block: 'nearest' });
      scrolledTo.current = selectedCode;
    }
  });

  if (provinces.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (provinces.isError) return <ApiErrorAlert error={provinces.error} onRetry={() => void provinces.refetch()} />;
  if (treeData.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.tree.empty')} />;

  return (
    <section ref={container} className="pcmt-unit-tree" aria-label={t('units.tree.label')}>
      <Tree
        showLine
        blockNode
        treeData={treeData}
        loadData={(node) => loadChildren(String(node.key))}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(String))}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(keys, info) => {
          // Clicking the selected node again would deselect it; keep the detail on screen instead.
          if (info.selected && keys[0] !== undefined) onSelect(String(keys[0]));
        }}
      />
    </section>
  );
}
