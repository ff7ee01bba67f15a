import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import type { Prefetch } from '@/lib/platform/prefetch';
import { PopupApp } from './PopupApp';
// Here, not in the entry: a stylesheet in the HTML would hold the entry script (and the storage read) until it loads.
import '@/components/pages.css';

z.config({ jitless: true });

export function boot(reads: { inventory: Prefetch; settings: Prefetch }) {
  createRoot(document.getElementById('root')!).render(<PopupApp prefetch={reads} />);
}
