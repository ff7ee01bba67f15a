import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PopupView } from '@/components/popup/PopupView';
import { CapturePanel } from '@/components/coach/CapturePanel';
import { captureSaveError } from '@/lib/overlay/features/coach/capture';

afterEach(cleanup);

/** Security review, issue 10 finding 6: a failed write is shown, in the popup and in the overlay. */
describe('failed writes are visible', () => {
  it('the popup shows the last failed write until dismissed', () => {
    const onDismissSaveError = vi.fn();
    render(
      <PopupView
        view={undefined}
        quarantined={0}
        repaired={0}
        clipboardClearSeconds={30}
        saveError="Could not save: QUOTA_BYTES quota exceeded"
        onDismissSaveError={onDismissSaveError}
        actions={{ onRotate: vi.fn(), onMarkRevoked: vi.fn(), onSaveEdit: vi.fn(), onDelete: vi.fn() } as never}
        onCreateToken={vi.fn()}
        onOpenSettings={vi.fn()}
      />,
    );
    const box = screen.getByTestId('save-error');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain('Could not save: QUOTA_BYTES quota exceeded');
    fireEvent.click(screen.getByTestId('save-error-dismiss'));
    expect(onDismissSaveError).toHaveBeenCalledTimes(1);
  });

  it('the capture panel says when the token could not be filed', () => {
    const message = captureSaveError('Could not save: QUOTA_BYTES quota exceeded');
    expect(captureSaveError(undefined)).toMatch(/^Could not save: the extension did not answer\. This token is not in your inventory/);
    render(
      <CapturePanel
        anchors={[]}
        tokenName="crm"
        credentialId="wati:x:crm"
        clipboard={{ state: 'idle' }}
        canStoreCredential={false}
        stored={false}
        hidden={false}
        mismatches={[]}
        saveError={message}
        onCopy={vi.fn()}
        onStoreCredential={vi.fn()}
        onFormSaved={vi.fn()}
        readToken={() => undefined}
        onConfirm={vi.fn()}
        onToggleHidden={vi.fn()}
      />,
    );
    const expand = screen.queryByTestId('capture-expand');
    if (expand) fireEvent.click(expand);
    expect(screen.getByTestId('capture-save-error').textContent).toBe(message);
  });
});
