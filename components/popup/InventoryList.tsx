import { useState } from 'react';
import type { InventoryView, WorkspaceGroupView } from '@/lib/ui/inventory-view';
import { TokenRow, type TokenRowActions } from './TokenRow';

export interface InventoryListProps {
  view: InventoryView;
  actions: TokenRowActions;
  /** "Create a token" for one workspace. */
  onCreateInWorkspace?(target: { host: string; tenantId?: string }): void;
}

/**
 * Up to this many tokens everything is shown at once. Beyond, only the first (most urgent)
 * workspaces start open and each shows its first rows, so the first render stays fast with
 * thousands of tokens; the rest is one click away.
 */
export const SHOW_ALL_UP_TO = 150;
export const OPEN_GROUPS = 2;
export const ROWS_PER_GROUP = 25;

export function InventoryList({ view, actions, onCreateInWorkspace }: InventoryListProps) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [full, setFull] = useState<Record<string, boolean>>({});
  const small = view.total <= SHOW_ALL_UP_TO;
  return (
    <div className="inventory" data-testid="inventory">
      {view.groups.map((g, i) => {
        const isOpen = open[g.key] ?? (small || i < OPEN_GROUPS);
        const limit = small || full[g.key] ? g.rows.length : ROWS_PER_GROUP;
        return (
          <WorkspaceGroup
            key={g.key}
            group={g}
            today={view.today}
            actions={actions}
            isOpen={isOpen}
            limit={limit}
            onToggle={() => setOpen((o) => ({ ...o, [g.key]: !isOpen }))}
            onShowAll={() => setFull((f) => ({ ...f, [g.key]: true }))}
            onCreate={onCreateInWorkspace && g.coachTarget ? () => onCreateInWorkspace(g.coachTarget!) : undefined}
          />
        );
      })}
    </div>
  );
}

function WorkspaceGroup(props: {
  group: WorkspaceGroupView;
  today: string;
  actions: TokenRowActions;
  isOpen: boolean;
  limit: number;
  onToggle(): void;
  onShowAll(): void;
  onCreate: (() => void) | undefined;
}) {
  const { group: g, isOpen, limit } = props;
  const hidden = g.rows.length - Math.min(limit, g.rows.length);
  const listId = `ws-${g.key.replace(/[^a-z0-9-]/gi, '_')}`;
  return (
    <section className={`workspace${g.severity ? ` sev-${g.severity}` : ''}`} data-testid="workspace-group" data-workspace={g.key}>
      <header className="workspace-head">
        <button type="button" className="toggle" data-testid="workspace-toggle" aria-expanded={isOpen} aria-controls={listId} onClick={props.onToggle}>
          <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>{' '}
          <span className="workspace-title" data-testid="workspace-label">
            {g.title}
          </span>
        </button>
        <span className="workspace-count">
          {g.rows.length} token{g.rows.length === 1 ? '' : 's'}
          {g.attentionCount > 0 && <strong data-testid="workspace-attention"> · {g.attentionCount} need attention</strong>}
        </span>
        {props.onCreate && (
          <button type="button" className="small" data-testid="create-token-workspace" title="Create a token in this workspace" onClick={props.onCreate}>
            + New
          </button>
        )}
      </header>
      {isOpen && (
        <ul className="rows" id={listId}>
          {g.rows.slice(0, limit).map((row) => (
            <TokenRow key={row.id} row={row} today={props.today} actions={props.actions} />
          ))}
        </ul>
      )}
      {isOpen && hidden > 0 && (
        <button type="button" className="show-more" data-testid="show-all-rows" onClick={props.onShowAll}>
          Show {hidden} more
        </button>
      )}
    </section>
  );
}
