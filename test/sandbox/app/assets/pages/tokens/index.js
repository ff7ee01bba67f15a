// Picks the API Tokens page implementation for the current variant.
import { renderInline } from './inline.js';
import { renderModalEn } from './modal-en.js';
import { renderModalEs } from './modal-es.js';
import { renderUnrecognisable } from './unrecognisable.js';
import { renderNativePt } from './native-pt.js';
import { renderTrapEs } from './trap-es.js';
import { renderDrawerEn } from './drawer-en.js';

export function renderTokens(el, ctx) {
  switch (ctx.variant) {
    case 'modal-en':
      return renderModalEn(el, ctx);
    case 'modal-es':
      return renderModalEs(el, ctx);
    case 'slow-en':
      return renderInline(el, ctx, { slow: true });
    case 'native-pt':
      return renderNativePt(el, ctx);
    case 'trap-es':
      return renderTrapEs(el, ctx);
    case 'drawer-en':
      return renderDrawerEn(el, ctx);
    case 'unrecognisable':
      return renderUnrecognisable(el, ctx);
    default:
      return renderInline(el, ctx, { slow: false });
  }
}
