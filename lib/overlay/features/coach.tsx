import { createRoot } from 'react-dom/client';
import type { Feature } from '../feature';
import { isDashboardUrl } from '@/lib/wati-page/url';
import { onTabMessage } from '@/lib/platform/messages';
import { createCoachController } from './coach/controller';
import { CoachContainer } from './coach/CoachContainer';
import { createCapture } from './coach/capture';

/** The coach: guided token generation on the API Tokens page (or any page, when sent from the popup). */
export const coachFeature: Feature = {
  id: 'coach',
  runsOn: (page) => isDashboardUrl(page.url),
  init(ctx) {
    const controller = createCoachController(ctx);
    const capture = createCapture(controller, ctx);
    const root = createRoot(ctx.mountPoint());
    root.render(<CoachContainer controller={controller} capture={capture} layout={ctx.layout} />);
    ctx.observer.subscribe(ctx.guard.wrap('coach', controller.refresh), ctx.signal);
    onTabMessage((msg) => {
      if ((msg as { type?: string })?.type === 'coach:show') {
        controller.store.set({ requested: true });
        controller.updateSession({ dismissed: false, minimised: false });
        controller.refresh();
      }
    }, ctx.signal);
    ctx.signal.addEventListener('abort', () => root.unmount(), { once: true });
  },
};
