import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from './OptionsApp';
import '@/components/pages.css';

z.config({ jitless: true });
createRoot(document.getElementById('root')!).render(<OptionsApp />);
