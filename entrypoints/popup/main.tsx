performance.mark('main-top'); // PROFMARK
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { PopupApp } from './PopupApp';
import '@/components/pages.css';

z.config({ jitless: true });
performance.mark('main-eval'); // PROFMARK
createRoot(document.getElementById('root')!).render(<PopupApp />);
