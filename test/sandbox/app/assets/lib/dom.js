// Tiny DOM helpers for the sandbox dashboard: element builder, CSS-in-JS class generator, generated ids.
// Class names and ids are deliberately meaningless (hashes / counters), like a real bundled app's.

/**
 * h('button', { class, onClick, 'aria-label': ... }, ...children)
 * - on<Event> props become listeners; boolean true → empty attribute; false/null/undefined → skipped
 * - `prop:name` sets a DOM property instead of an attribute (e.g. 'prop:value')
 * - children: strings, nodes, arrays, null/false (skipped)
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
      else if (k.startsWith('prop:')) el[k.slice(5)] = v;
      else if (/^on[A-Z]/.test(k) && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false || c === true) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

/** Builds nodes from trusted markup (our own SVG icons). */
export function fromHTML(markup) {
  const t = document.createElement('template');
  t.innerHTML = markup.trim();
  return t.content.firstElementChild;
}

export function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** FNV-1a, 32 bit, as base36. */
export function hash(str) {
  let x = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    x ^= str.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(36);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function letters(str, n) {
  let x = parseInt(hash(str), 36);
  let out = '';
  for (let i = 0; i < n; i++) {
    out += LETTERS[x % 52];
    x = Math.floor(x / 52) || parseInt(hash(out + str), 36);
  }
  return out;
}

/**
 * A CSS-in-JS "styler": css`...` returns a generated class name and inserts the rule once.
 * Rules may use native CSS nesting (`&:hover { }`).
 * Naming conventions imitate real libraries so that variants differ:
 *   'emotion'   → "css-1k9x2q"
 *   'styled'    → "sc-kZtxLm hFqWcP" (styled-components: component id + rule hash)
 *   'modules'   → "_a1b2c_7" (CSS modules)
 *   'atomic'    → "x1a2b3c" (obfuscated)
 */
export function createStyler({ scheme = 'emotion', salt = '' } = {}) {
  const style = document.createElement('style');
  style.setAttribute(scheme === 'emotion' ? 'data-emotion' : scheme === 'styled' ? 'data-styled' : 'data-s', hash(salt));
  document.head.append(style);
  const cache = new Map();
  let count = 0;
  function css(strings, ...vals) {
    const body = typeof strings === 'string' ? strings : String.raw({ raw: strings }, ...vals);
    const cached = cache.get(body);
    if (cached) return cached;
    const key = hash(salt + body);
    let selectorClass;
    let className;
    switch (scheme) {
      case 'styled':
        selectorClass = letters(key, 6);
        className = `sc-${letters(salt + key, 6)} ${selectorClass}`;
        break;
      case 'modules':
        selectorClass = `_${key.slice(0, 5)}_${(count++ % 97) + 1}`;
        className = selectorClass;
        break;
      case 'atomic':
        selectorClass = `x${key}`;
        className = selectorClass;
        break;
      default:
        selectorClass = `css-${key}`;
        className = selectorClass;
    }
    style.append(`.${selectorClass}{${body}}\n`);
    cache.set(body, className);
    return className;
  }
  css.global = (text) => style.append(text + '\n');
  css.dispose = () => style.remove();
  return css;
}

/**
 * Generated ids, in the style of a framework: 'react' → ":r1a:", 'radix' → "radix-:r7:", 'element' → "el-id-1024-12",
 * 'random' → 8 random letters.
 */
let idCounter = 0; // one counter per document, like one React root: ids never collide across components
const idBase = 1000 + Math.floor(Math.random() * 9000);
export function createIds(style) {
  return () => {
    const n = ++idCounter;
    switch (style) {
      case 'radix':
        return `radix-:r${n.toString(36)}:`;
      case 'element':
        return `el-id-${idBase}-${n}`;
      case 'random':
        return Array.from({ length: 8 }, () => LETTERS[Math.floor(Math.random() * 52)]).join('');
      default:
        return `:r${n.toString(36)}:`;
    }
  };
}

/** Visually hidden but readable by assistive technology. */
export const srOnly = {
  position: 'absolute', width: '1px', height: '1px', padding: '0', margin: '-1px', overflow: 'hidden',
  clip: 'rect(0,0,0,0)', whiteSpace: 'nowrap', border: '0',
};

/** Deterministic PRNG (mulberry32), for stable fake data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * React-like value tracking for a text field: the app only accepts an `input` event as a change when the field's
 * value differs from the last value *set through the element's own `value` property* (as React's inputValueTracking
 * does). Real typing and the prototype's native setter count; `el.value = x` in the page's own JS world followed
 * by an input event does not. (Content scripts live in an isolated world and see the native setter.)
 */
export function trackValue(input) {
  const proto = Object.getPrototypeOf(input);
  const desc = Object.getOwnPropertyDescriptor(proto, 'value');
  let tracked = input.value;
  Object.defineProperty(input, 'value', {
    configurable: true,
    enumerable: desc.enumerable,
    get() { return desc.get.call(this); },
    set(v) { tracked = String(v); desc.set.call(this, v); },
  });
  return {
    /** true when the DOM value changed since the app last saw it */
    changed() {
      const cur = desc.get.call(input);
      if (cur === tracked) return false;
      tracked = cur;
      return true;
    },
    /** controlled-component sync: put the state's value back into the DOM when they differ */
    sync(value) {
      if (desc.get.call(input) !== value) {
        desc.set.call(input, value);
        tracked = value;
      }
    },
  };
}

/** Draws text into a canvas (for the "unrecognisable" variant): no text node, no accessible name. */
export function textCanvas(text, { font = '500 13px system-ui, sans-serif', color = '#17202a', width, lineHeight = 18, pad = 0 } = {}) {
  const ratio = Math.max(2, Math.ceil(window.devicePixelRatio || 1));
  const c = document.createElement('canvas');
  const ctx = c.getContext('2d');
  ctx.font = font;
  // wrap by characters when a width is given (tokens have no spaces)
  const lines = [];
  if (width) {
    let line = '';
    for (const ch of text) {
      if (ctx.measureText(line + ch).width > width - pad * 2 && line) { lines.push(line); line = ch; } else line += ch;
    }
    if (line) lines.push(line);
  } else lines.push(text);
  const w = width ?? Math.ceil(ctx.measureText(text).width) + pad * 2 + 1;
  const hgt = lines.length * lineHeight + pad * 2;
  c.width = w * ratio;
  c.height = hgt * ratio;
  c.style.width = `${w}px`;
  c.style.height = `${hgt}px`;
  const g = c.getContext('2d');
  g.scale(ratio, ratio);
  g.font = font;
  g.fillStyle = color;
  g.textBaseline = 'middle';
  lines.forEach((l, i) => g.fillText(l, pad, pad + i * lineHeight + lineHeight / 2));
  return c;
}
