// Light pages: Broadcast, Contacts, Automation, and a generic placeholder.
import { createStyler, h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';

let css;
const styles = () => {
  css ??= createStyler({ scheme: 'emotion', salt: 'pages' });
  return {
    page: css`padding:28px 32px;max-width:1100px;`,
    head: css`display:flex;align-items:flex-end;justify-content:space-between;gap:16px;margin-bottom:20px;`,
    h1: css`font-size:22px;font-weight:700;letter-spacing:-.01em;`,
    sub: css`margin-top:4px;color:var(--ink-2);`,
    primary: css`display:inline-flex;align-items:center;gap:6px;height:36px;padding:0 14px;border:0;border-radius:8px;background:var(--brand);color:#fff;font-weight:600;
      &:hover{background:var(--brand-600)}`,
    card: css`background:#fff;border:1px solid var(--line);border-radius:var(--radius);box-shadow:var(--shadow-sm);overflow:hidden;`,
    table: css`width:100%;border-collapse:collapse;
      & th{font-size:12px;font-weight:600;color:var(--ink-3);text-align:left;padding:10px 16px;background:#fafbfc;border-bottom:1px solid var(--line)}
      & td{padding:12px 16px;border-bottom:1px solid var(--line-2)}& tr:last-child td{border-bottom:0}`,
    pill: css`display:inline-block;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:600;background:var(--brand-50);color:var(--brand-600);`,
    grid: css`display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:16px;`,
    tile: css`padding:18px;& h3{font-size:15px;margin:10px 0 4px}& p{color:var(--ink-2);font-size:13px}`,
    tileIcon: css`display:grid;place-items:center;width:36px;height:36px;border-radius:9px;background:var(--brand-50);color:var(--brand-600);`,
    empty: css`display:grid;place-items:center;gap:8px;padding:64px 24px;text-align:center;color:var(--ink-2);`,
  };
};

const DATA = {
  broadcast: {
    en: { title: 'Broadcast', sub: 'Send template messages to segments of your contacts.', action: 'New broadcast', cols: ['Name', 'Template', 'Recipients', 'Status', 'Scheduled'] },
    es: { title: 'Difusión', sub: 'Envíe mensajes de plantilla a segmentos de sus contactos.', action: 'Nueva difusión', cols: ['Nombre', 'Plantilla', 'Destinatarios', 'Estado', 'Programada'] },
    pt: { title: 'Transmissão', sub: 'Envie mensagens de modelo para segmentos dos seus contatos.', action: 'Nova transmissão', cols: ['Nome', 'Modelo', 'Destinatários', 'Status', 'Agendada'] },
    rows: [
      ['Black Friday early access', 'promo_bf_2026', '12,408', 'Sent', '21 Nov 2026'],
      ['Order delay apology', 'order_delay_v2', '318', 'Sent', '18 Nov 2026'],
      ['Winter collection', 'new_arrivals', '9,870', 'Scheduled', '1 Dec 2026'],
      ['Loyalty points reminder', 'loyalty_points', '4,112', 'Draft', '—'],
      ['Store opening – Pune', 'store_opening', '2,045', 'Sent', '2 Nov 2026'],
    ],
  },
  contacts: {
    en: { title: 'Contacts', sub: 'Everyone who has messaged your WhatsApp number.', action: 'Add contact', cols: ['Name', 'Phone', 'Tags', 'Opted in', 'Last seen'] },
    es: { title: 'Contactos', sub: 'Todas las personas que han escrito a su número de WhatsApp.', action: 'Añadir contacto', cols: ['Nombre', 'Teléfono', 'Etiquetas', 'Suscrito', 'Última vez'] },
    pt: { title: 'Contatos', sub: 'Todas as pessoas que enviaram mensagens para o seu número de WhatsApp.', action: 'Adicionar contato', cols: ['Nome', 'Telefone', 'Etiquetas', 'Inscrito', 'Visto por último'] },
    rows: [
      ['Ana Souza', '+55 11 98765-4321', 'vip', 'Yes', '2 min ago'],
      ['Rahul Mehta', '+91 98765 43210', 'wholesale', 'Yes', '14 min ago'],
      ['Li Wei', '+86 138 0013 8000', '—', 'No', '1 h ago'],
      ['Fatima Al-Sayed', '+971 50 123 4567', 'vip, returns', 'Yes', 'Yesterday'],
      ['John Carter', '+1 512 555 0134', '—', 'Yes', '3 days ago'],
      ['María García', '+34 612 34 56 78', 'newsletter', 'Yes', '5 days ago'],
    ],
  },
  automation: {
    en: { title: 'Automation', sub: 'Chatbots, keyword replies and workflows.', action: 'New workflow',
      tiles: [['Chatbots', 'Build conversational flows without code.'], ['Keyword actions', 'Reply automatically when a message matches.'],
        ['Default replies', 'Out-of-office and welcome messages.'], ['Routing rules', 'Assign chats to teams by topic or language.']] },
    es: { title: 'Automatización', sub: 'Chatbots, respuestas por palabra clave y flujos.', action: 'Nuevo flujo',
      tiles: [['Chatbots', 'Cree flujos conversacionales sin código.'], ['Acciones por palabra clave', 'Responda automáticamente cuando un mensaje coincide.'],
        ['Respuestas predeterminadas', 'Mensajes de bienvenida y fuera de horario.'], ['Reglas de asignación', 'Asigne chats a equipos por tema o idioma.']] },
    pt: { title: 'Automação', sub: 'Chatbots, respostas por palavra-chave e fluxos.', action: 'Novo fluxo',
      tiles: [['Chatbots', 'Crie fluxos de conversa sem código.'], ['Ações por palavra-chave', 'Responda automaticamente quando uma mensagem corresponder.'],
        ['Respostas padrão', 'Mensagens de boas-vindas e de fora do horário.'], ['Regras de atribuição', 'Atribua conversas a equipes por assunto ou idioma.']] },
  },
};

export function renderSimple(el, ctx, which) {
  const s = styles();
  const d = DATA[which];
  const l = d[ctx.locale];
  const head = h('div', { class: s.head },
    h('div', null, h('h1', { class: s.h1 }, l.title), h('p', { class: s.sub }, l.sub)),
    h('button', { class: s.primary, type: 'button' }, icon('plus', 16), l.action));
  let body;
  if (which === 'automation') {
    body = h('div', { class: s.grid }, l.tiles.map(([title, text], i) =>
      h('div', { class: `${s.card} ${s.tile}` }, h('span', { class: s.tileIcon }, icon(['automation', 'key', 'inbox', 'contacts'][i])), h('h3', null, title), h('p', null, text))));
  } else {
    body = h('div', { class: s.card }, h('table', { class: s.table },
      h('thead', null, h('tr', null, l.cols.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, d.rows.map((r) => h('tr', null, r.map((c, i) => h('td', null, i === 3 ? h('span', { class: s.pill }, c) : c)))))));
  }
  el.append(h('div', { class: s.page }, head, body));
}

export function renderPlaceholder(el, ctx, title, text) {
  const s = styles();
  el.append(h('div', { class: s.page },
    h('div', { class: s.head }, h('div', null, h('h1', { class: s.h1 }, title))),
    h('div', { class: `${s.card} ${s.empty}` }, icon('grid', 28), h('p', null, text ?? ({ es: 'Nada por aquí todavía.', pt: 'Nada por aqui ainda.' }[ctx.locale] ?? 'Nothing here yet.')))));
}
