// A busy Team Inbox: ~600 conversations, ~400 messages in the open chat, and a new message every ~150 ms
// (append a message, update the conversation's preview/unread badge and move it to the top, drop the oldest
// message). `?quiet=1` on page load stops the arrivals (for screenshots).
import { createStyler, escapeHTML, h, rng } from '../lib/dom.js';
import { icon, iconMarkup } from '../lib/icons.js';

const CONVERSATIONS = 600;
const MESSAGES = 400;
const ARRIVAL_MS = 150;

const FIRST = ['Ana', 'Rahul', 'Li', 'Fatima', 'John', 'María', 'Arjun', 'Chloe', 'Omar', 'Priya', 'Lucas', 'Aisha', 'Kenji', 'Sofia', 'Daniel', 'Mei', 'Youssef', 'Emma', 'Ravi', 'Isabela', 'Noah', 'Zara', 'Mateo', 'Hana'];
const LAST = ['Souza', 'Mehta', 'Wei', 'Al-Sayed', 'Carter', 'García', 'Nair', 'Dubois', 'Haddad', 'Iyer', 'Oliveira', 'Khan', 'Tanaka', 'Rossi', 'Kim', 'Chen', 'Benali', 'Müller', 'Pillai', 'Santos'];
const PHRASES = [
  'Hi, is my order shipped yet?', 'Thanks a lot!', 'Can I change the delivery address?', 'What are your store hours today?',
  'I received the wrong size 😕', 'Do you have this in blue?', 'Payment went through, please confirm.', 'Where can I track my parcel?',
  'Is the discount code still valid?', 'Great, see you tomorrow 👍', 'Can someone call me back?', 'The link is not opening for me.',
  'I want to return item #A-2291', 'Please cancel my subscription', 'How long does shipping to Dubai take?', 'Ok perfect',
  'Sure, the invoice number is INV-88213', 'Could you share the catalogue?', 'Is COD available?', 'Thank you for the quick reply!',
];
const REPLIES = [
  'Hi! Let me check that for you.', 'Your order #48213 is out for delivery today.', 'Sure, I have updated the address.',
  'We are open 10am–9pm every day.', 'Sorry about that! I will arrange an exchange.', 'Here is your tracking link: https://trk.example/48213',
  'Yes, the code WINTER15 is valid until Sunday.', 'You are welcome! Anything else I can help with?',
];
const COLORS = ['#e3f2fd', '#fce4ec', '#e8f5e9', '#fff3e0', '#ede7f6', '#e0f7fa', '#f3e5f5', '#f1f8e9'];
const INK = ['#1565c0', '#ad1457', '#2e7d32', '#e65100', '#4527a0', '#00838f', '#6a1b9a', '#558b2f'];

let css;
function styles() {
  css ??= createStyler({ scheme: 'emotion', salt: 'inbox' });
  return {
    wrap: css`display:grid;grid-template-columns:340px minmax(0,1fr) 280px;height:100%;min-height:0;background:#fff;`,
    list: css`display:flex;flex-direction:column;min-height:0;border-right:1px solid var(--line);`,
    listHead: css`padding:14px 14px 10px;border-bottom:1px solid var(--line-2);& h2{font-size:16px;font-weight:700;margin-bottom:10px}`,
    searchBox: css`position:relative;& svg{position:absolute;left:9px;top:50%;transform:translateY(-50%);color:var(--ink-3)}
      & input{width:100%;height:34px;padding:0 10px 0 30px;border:1px solid var(--line);border-radius:8px;background:var(--bg)}`,
    tabs: css`display:flex;gap:6px;margin-top:10px;& button{padding:4px 10px;border:1px solid var(--line);border-radius:999px;background:#fff;font-size:12.5px;color:var(--ink-2)}
      & button[aria-pressed="true"]{background:var(--ink);border-color:var(--ink);color:#fff}`,
    convs: css`flex:1;overflow:auto;`,
    conv: css`display:grid;grid-template-columns:40px minmax(0,1fr);gap:10px;padding:10px 14px;border-bottom:1px solid var(--line-2);cursor:pointer;
      &:hover{background:#fafbfc}&[aria-selected="true"]{background:var(--brand-50)}`,
    av: css`display:grid;place-items:center;width:40px;height:40px;border-radius:50%;font-weight:700;font-size:13px;`,
    row: css`display:flex;align-items:center;gap:8px;min-width:0;`,
    name: css`flex:1;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;`,
    time: css`font-size:11.5px;color:var(--ink-3);flex:none;`,
    preview: css`flex:1;color:var(--ink-2);font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;`,
    badge: css`flex:none;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:var(--brand);color:#fff;font-size:11px;font-weight:700;display:grid;place-items:center;`,
    chat: css`display:flex;flex-direction:column;min-height:0;background:#efeae2;`,
    chatHead: css`display:flex;align-items:center;gap:12px;padding:10px 16px;background:#fff;border-bottom:1px solid var(--line);
      & h2{font-size:15px;font-weight:700}& small{color:var(--brand-600);font-size:12px}`,
    headBtns: css`margin-left:auto;display:flex;gap:8px;& button{height:32px;padding:0 12px;border:1px solid var(--line);border-radius:8px;background:#fff;font-weight:500}`,
    msgs: css`flex:1;overflow:auto;padding:16px 7%;display:flex;flex-direction:column;gap:6px;`,
    msg: css`display:flex;&[data-dir="out"]{justify-content:flex-end}`,
    bubble: css`max-width:62%;padding:7px 10px 5px;border-radius:9px;background:#fff;box-shadow:0 1px 1px rgba(0,0,0,.06);
      [data-dir="out"] > &{background:#d9fdd3}& p{white-space:pre-wrap;word-break:break-word}`,
    meta: css`display:flex;align-items:center;justify-content:flex-end;gap:4px;margin-top:2px;font-size:11px;color:var(--ink-3);& svg{color:#53bdeb}`,
    composer: css`display:flex;align-items:center;gap:8px;padding:10px 14px;background:#fff;border-top:1px solid var(--line);
      & textarea{flex:1;height:40px;padding:10px 12px;border:1px solid var(--line);border-radius:10px;resize:none;background:var(--bg)}`,
    iconBtn: css`display:grid;place-items:center;width:36px;height:36px;border:0;border-radius:8px;background:none;color:var(--ink-2);&:hover{background:var(--line-2)}`,
    sendBtn: css`display:inline-flex;align-items:center;gap:6px;height:38px;padding:0 14px;border:0;border-radius:10px;background:var(--brand);color:#fff;font-weight:600;`,
    info: css`border-left:1px solid var(--line);padding:20px;overflow:auto;& h3{font-size:13px;color:var(--ink-3);text-transform:uppercase;letter-spacing:.05em;margin:18px 0 8px}
      & dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:0;font-size:13px}& dt{color:var(--ink-3)}& dd{margin:0}`,
    bigAv: css`display:grid;place-items:center;width:64px;height:64px;border-radius:50%;font-size:22px;font-weight:700;margin-bottom:10px;`,
    tag: css`display:inline-block;margin:0 6px 6px 0;padding:2px 8px;border-radius:999px;background:var(--line-2);font-size:12px;`,
  };
}

export function renderInbox(el, ctx) {
  const s = styles();
  const t = ctx.t.inbox;
  const rand = rng(Number(ctx.tenantId) || 7);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];

  // --- conversations ---
  const convData = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    return {
      name,
      initials: name.split(' ').map((p) => p[0]).join(''),
      color: i % COLORS.length,
      preview: pick(PHRASES),
      time: i < 20 ? `${9 + Math.floor(i / 3)}:${String((i * 7) % 60).padStart(2, '0')}` : i < 200 ? 'Yesterday' : `${1 + (i % 28)}/10/2026`,
      unread: rand() < 0.25 ? 1 + Math.floor(rand() * 9) : 0,
    };
  });
  const open = 0; // the first conversation is the open chat
  convData[open].unread = 0;
  const convMarkup = convData.map((c, i) => `
    <li class="${s.conv}" role="option" aria-selected="${i === open}" data-index="${i}">
      <span class="${s.av}" style="background:${COLORS[c.color]};color:${INK[c.color]}" aria-hidden="true">${escapeHTML(c.initials)}</span>
      <div><div class="${s.row}"><span class="${s.name}">${escapeHTML(c.name)}</span><span class="${s.time}">${c.time}</span></div>
      <div class="${s.row}"><span class="${s.preview}">${escapeHTML(c.preview)}</span>${c.unread ? `<span class="${s.badge}" aria-label="${c.unread} unread">${c.unread}</span>` : ''}</div></div>
    </li>`).join('');
  const convs = h('ul', { class: s.convs, role: 'listbox', 'aria-label': t.conversations });
  convs.innerHTML = convMarkup;
  const convNodes = [...convs.children];

  // --- messages of the open chat ---
  const msgs = h('div', { class: s.msgs, role: 'log', 'aria-label': t.messages });
  let clock = 8 * 60;
  const msgMarkup = (text, out) => {
    clock = (clock + 1) % (24 * 60);
    const time = `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`;
    return `<div class="${s.msg}" data-dir="${out ? 'out' : 'in'}"><div class="${s.bubble}"><p>${escapeHTML(text)}</p><span class="${s.meta}">${time}${out ? iconMarkup('checks', 14) : ''}</span></div></div>`;
  };
  msgs.innerHTML = Array.from({ length: MESSAGES }, () => {
    const out = rand() < 0.45;
    return msgMarkup(out ? pick(REPLIES) : pick(PHRASES), out);
  }).join('');

  const c0 = convData[open];
  const chat = h('section', { class: s.chat, 'aria-label': c0.name },
    h('header', { class: s.chatHead },
      h('span', { class: s.av, style: { background: COLORS[c0.color], color: INK[c0.color] }, 'aria-hidden': 'true' }, c0.initials),
      h('div', null, h('h2', null, c0.name), h('small', null, t.online)),
      h('div', { class: s.headBtns }, h('button', { type: 'button' }, t.assign), h('button', { type: 'button' }, t.resolve))),
    msgs,
    h('div', { class: s.composer },
      h('button', { class: s.iconBtn, type: 'button', 'aria-label': t.emoji }, icon('smile')),
      h('button', { class: s.iconBtn, type: 'button', 'aria-label': t.attach }, icon('clip')),
      h('textarea', { 'aria-label': t.typeMessage, placeholder: t.typeMessage, rows: '1' }),
      h('button', { class: s.sendBtn, type: 'button' }, icon('send', 16), t.send)));

  const info = h('aside', { class: s.info, 'aria-label': 'Contact details' },
    h('span', { class: s.bigAv, style: { background: COLORS[c0.color], color: INK[c0.color] } }, c0.initials),
    h('div', { style: { fontWeight: '700', fontSize: '16px' } }, c0.name),
    h('div', { style: { color: 'var(--ink-3)' } }, '+91 98765 43210'),
    h('h3', null, 'Attributes'),
    h('dl', null, h('dt', null, 'City'), h('dd', null, 'Mumbai'), h('dt', null, 'Orders'), h('dd', null, '7'), h('dt', null, 'Opted in'), h('dd', null, 'Yes'), h('dt', null, 'Assignee'), h('dd', null, 'Jordan D.')),
    h('h3', null, 'Tags'),
    h('div', null, ['vip', 'repeat-buyer', 'returns'].map((x) => h('span', { class: s.tag }, x))));

  const list = h('section', { class: s.list, 'aria-label': t.conversations },
    h('div', { class: s.listHead }, h('h2', null, t.conversations),
      h('div', { class: s.searchBox }, icon('search', 15), h('input', { type: 'search', 'aria-label': t.searchConversations, placeholder: t.searchConversations })),
      h('div', { class: s.tabs }, [t.all, t.unread, t.mine].map((x, i) => h('button', { type: 'button', 'aria-pressed': String(i === 0) }, x)))),
    convs);

  el.style.overflow = 'hidden';
  el.append(h('div', { class: s.wrap }, list, chat, info));
  msgs.scrollTop = msgs.scrollHeight;

  // --- live arrivals ---
  const moveToTop = (node) => { if (convs.firstElementChild !== node) convs.prepend(node); };
  const setPreview = (node, text, unreadDelta) => {
    node.querySelector(`.${s.preview}`).textContent = text;
    node.querySelector(`.${s.time}`).textContent = 'now';
    if (unreadDelta) {
      let badge = node.querySelector(`.${s.badge}`);
      if (!badge) {
        badge = h('span', { class: s.badge });
        node.querySelector(`.${s.preview}`).after(badge);
      }
      const n = Number(badge.textContent || 0) + unreadDelta;
      badge.textContent = String(n);
      badge.setAttribute('aria-label', `${n} unread`);
    }
    moveToTop(node);
  };
  let timer = null;
  if (!ctx.quiet) {
    timer = setInterval(() => {
      const out = rand() < 0.3;
      const text = out ? pick(REPLIES) : pick(PHRASES);
      const nearBottom = msgs.scrollHeight - msgs.scrollTop - msgs.clientHeight < 80;
      msgs.insertAdjacentHTML('beforeend', msgMarkup(text, out));
      while (msgs.childElementCount > MESSAGES) msgs.firstElementChild.remove();
      if (nearBottom) msgs.scrollTop = msgs.scrollHeight;
      setPreview(convNodes[open], text, 0);
      // another customer writes in
      const other = convNodes[1 + Math.floor(rand() * (CONVERSATIONS - 1))];
      setPreview(other, pick(PHRASES), 1);
    }, ARRIVAL_MS);
  }
  return () => {
    if (timer) clearInterval(timer);
    el.style.overflow = '';
  };
}
