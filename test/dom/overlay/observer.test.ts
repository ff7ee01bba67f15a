import { afterEach, describe, expect, it } from 'vitest';
import { createSharedObserver, type SharedObserver } from '@/lib/overlay/observer';

/** happy-dom has no trusted events; the browser sets isTrusted only for what the user did. */
function userEvent(type: string, init: EventInit = { bubbles: true }): Event {
  const e = new Event(type, init);
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the shared observer follows the user, not only mutations', () => {
  let observer: SharedObserver | undefined;
  const controller = new AbortController();
  afterEach(() => {
    observer?.disconnect();
    document.body.innerHTML = '';
  });

  function setup() {
    document.body.innerHTML = '<form><input id="name" type="text"><input id="box" type="checkbox"></form><wati-token-guard></wati-token-guard>';
    const host = document.querySelector('wati-token-guard')!;
    observer = createSharedObserver(document.documentElement, {
      throttleMs: 60,
      eventThrottleMs: 40,
      ignore: (n) => n === host || host.contains(n),
      events: window,
    });
    const seen: number[] = [];
    observer.subscribe(() => seen.push(Date.now()), controller.signal);
    return { seen, host, input: document.querySelector<HTMLInputElement>('#name')!, box: document.querySelector<HTMLInputElement>('#box')! };
  }

  it('re-reads after typing into a native input, although nothing in the DOM changed', async () => {
    const { seen, input } = setup();
    input.value = 'crm-sync-prod'; // a property: no attribute, no mutation
    await sleep(100);
    expect(seen).toHaveLength(0);
    input.dispatchEvent(userEvent('input'));
    await sleep(10); // leading edge: answered at once after a quiet period
    expect(seen).toHaveLength(1);
  });

  it('re-reads after a native checkbox is ticked (change and click)', async () => {
    const { seen, box } = setup();
    box.checked = true;
    box.dispatchEvent(userEvent('click'));
    box.dispatchEvent(userEvent('change'));
    await sleep(100);
    expect(seen.length).toBeGreaterThanOrEqual(1);
  });

  it('ignores events a page script forged (not trusted)', async () => {
    const { seen, input } = setup();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await sleep(100);
    expect(seen).toHaveLength(0);
  });

  it('ignores events in its own panel', async () => {
    const { seen, host } = setup();
    host.dispatchEvent(userEvent('click'));
    await sleep(100);
    expect(seen).toHaveLength(0);
  });

  it('coalesces a burst of keystrokes into a few reads, and catches the last one', async () => {
    const { seen, input } = setup();
    for (let i = 0; i < 20; i++) {
      input.value += 'x';
      input.dispatchEvent(userEvent('input'));
      input.dispatchEvent(userEvent('keyup'));
      await sleep(5);
    }
    await sleep(150);
    expect(seen.length).toBeGreaterThanOrEqual(2); // the first keystroke, and one after the burst
    expect(seen.length).toBeLessThanOrEqual(6); // not one per event (40 events)
  });

  it('still reads a value a script set without an event, at the next mutation', async () => {
    const { seen, input } = setup();
    input.value = 'set-by-script';
    document.body.append(document.createElement('div'));
    await sleep(120);
    expect(seen).toHaveLength(1);
  });

  it('a keystroke pulls a pending mutation read forward instead of waiting for it', async () => {
    const { seen, input } = setup();
    await sleep(70);
    document.body.append(document.createElement('div')); // a read is due in 60 ms
    await sleep(5);
    input.dispatchEvent(userEvent('input'));
    await sleep(15);
    expect(seen).toHaveLength(1);
    await sleep(100);
    expect(seen).toHaveLength(1); // the mutation's read was the same read
  });

  it('stops listening when disconnected', async () => {
    const { seen, input } = setup();
    observer!.disconnect();
    input.dispatchEvent(userEvent('input'));
    await sleep(100);
    expect(seen).toHaveLength(0);
  });
});
