// Picks the API Tokens page implementation for the current variant.
import { renderInline } from './inline.js';
import { renderModalEn } from './modal-en.js';
import { renderModalEs } from './modal-es.js';
import { renderUnrecognisable } from './unrecognisable.js';

export function renderTokens(el, ctx) {
  switch (ctx.variant) {
    case 'modal-en':
      return renderModalEn(el, ctx);
    case 'modal-es':
      return renderModalEs(el, ctx);
    case 'slow-en':
      return renderInline(el, ctx, { slow: true });
    case 'unrecognisable':
      return renderUnrecognisable(el, ctx);
    default:
      return renderInline(el, ctx, { slow: false });
  }
}
