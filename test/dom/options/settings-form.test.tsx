import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SettingsForm } from '@/components/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';

afterEach(cleanup);

const settings = (): Settings => structuredClone(DEFAULT_SETTINGS);

function renderForm(s = settings(), onRequestExactCheck?: (on: boolean) => void, exactCheckMessage?: string) {
  const onChange = vi.fn();
  const r = render(<SettingsForm settings={s} onChange={onChange} onRequestExactCheck={onRequestExactCheck} exactCheckMessage={exactCheckMessage} />);
  return { onChange, ...r };
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('SettingsForm', () => {
  it('offers 10/20/30/60/120 s or off for the clipboard, 30 by default', () => {
    const { onChange } = renderForm();
    const select = screen.getByTestId('clipboard-clear-seconds') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['10', '20', '30', '60', '120', '0']);
    expect(select.value).toBe('30');
    fireEvent.change(select, { target: { value: '0' } });
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, clipboardClearSeconds: 0 });
  });

  it('saves milestones on blur only when valid, normalised; shows why otherwise', () => {
    const { onChange } = renderForm();
    const field = input('milestones');
    expect(field.value).toBe('30, 14, 7, 3, 1');
    fireEvent.change(field, { target: { value: '7, 60, x' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(field);
    expect(screen.getByTestId('milestones-error').textContent).toBe('"x" is not a whole number of days from 1 to 366.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: '7, 60 7 2' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.queryByTestId('milestones-error')).toBeNull();
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, milestonesDays: [60, 7, 2] } });
    expect(field.value).toBe('60, 7, 2');
  });

  it('never saves a half-typed rotation interval; Escape restores the saved value', () => {
    const { onChange } = renderForm();
    const field = input('rotation-days');
    fireEvent.change(field, { target: { value: '1' } });
    fireEvent.change(field, { target: { value: '18' } });
    fireEvent.change(field, { target: { value: '90' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(field);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0].reminders.rotationIntervalDays).toBe(90);
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.blur(field);
    expect(screen.getByTestId('rotation-days-error').textContent).toBe('Enter a number of days from 1 to 3650.');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.value).toBe('180');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('has a dormancy field, validated the same way', () => {
    const { onChange } = renderForm();
    const field = input('dormancy-days');
    expect(field.value).toBe('45');
    fireEvent.change(field, { target: { value: '4.5' } });
    fireEvent.blur(field);
    expect(screen.getByTestId('dormancy-days-error').textContent).toBe('"4.5" is not a whole number of days.');
    fireEvent.change(field, { target: { value: '60' } });
    fireEvent.blur(field);
    expect(onChange.mock.calls.at(-1)![0].reminders.dormancyDays).toBe(60);
  });

  it('shows a value saved elsewhere (another tab, an import)', () => {
    const { rerender } = renderForm();
    const next = settings();
    next.reminders.rotationIntervalDays = 365;
    next.reminders.milestonesDays = [10];
    rerender(<SettingsForm settings={next} onChange={() => undefined} />);
    expect(input('rotation-days').value).toBe('365');
    expect(input('milestones').value).toBe('10');
  });

  it('hands the exact clipboard check to the page (which asks for the permission) and shows the outcome', () => {
    const onRequest = vi.fn();
    const { onChange } = renderForm(settings(), onRequest, 'Permission granted.');
    fireEvent.click(screen.getByTestId('exact-clipboard-check'));
    expect(onRequest).toHaveBeenCalledWith(true);
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe('Permission granted.');
  });

  it('keeps the other toggles', () => {
    const { onChange } = renderForm();
    fireEvent.click(screen.getByTestId('coach-auto-open'));
    expect(onChange.mock.calls.at(-1)![0].coachAutoOpen).toBe(false);
    fireEvent.click(screen.getByTestId('notifications-enabled'));
    expect(onChange.mock.calls.at(-1)![0].reminders.notificationsEnabled).toBe(false);
  });
});
