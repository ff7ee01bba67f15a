import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { ui, useExtension, waitFor } from './harness/setup';
import { choosePreset, finishWithCoach, waitFindings, VARIANT_TEXT, button, checkedScopes, click, clickUi, openTokenPage, typeInto, waitStep } from './harness/flows';
import { callApi } from './harness/api';

const INTENT = `# what our CRM sync does
curl -H "Authorization: Bearer $WATI_TOKEN" https://live-mt-server.wati.io/10001/api/v1/getMessageTemplates
await fetch(\`\${base}/api/ext/v3/conversations/messages/text\`, { method: 'POST', body })`;
const canon = (s: string) => s.replace(/^wati_(?!integration)/, '');

describe.each(E2E_BROWSERS)('%s: least privilege in the form', (name) => {
  const t = useExtension(name);

  it.each(['inline-en', 'modal-en', 'modal-es'] as const)('on %s: Select all is flagged; Apply recommended ticks exactly the minimal set, which works and nothing more', async (variant) => {
    const v = VARIANT_TEXT[variant];
    const page = await openTokenPage(t.open, variant);
    await click(page, button(v.open));
    await waitStep(page, 'name');
    await clickUi(page, 'name-suggest');

    // The user says what the integration does by pasting what they have.
    await typeInto(page, ui('intent-paste'), INTENT);
    const recommended = await waitFor(
      () => page.$$eval(ui('recommended-scopes') + ' [data-scope]', (els) => els.map((e) => e.getAttribute('data-scope')!)).catch(() => [] as string[]),
      (s) => s.length === 2,
      10_000,
      'recommendation',
    );
    expect(recommended.map(canon).sort()).toEqual(['conversationsv3:write', 'messagetemplate:read']);

    // "Select all": high risk and excess, each naming the scope as the form names it.
    await click(page, `::-p-aria([name="${v.selectAll}"])`);
    const findings = await waitFindings(page, (f) => f.some((x) => x.startsWith('excess:')), 'findings');
    expect(findings).toContain('high-risk:select-all');
    expect(findings).toContain('high-risk:api');
    expect(findings.some((f) => /^excess:(wati_)?contacts:read$/.test(f))).toBe(true);

    // Apply recommended: the form then holds exactly the minimal set, and the findings clear.
    await clickUi(page, 'apply-recommended');
    await waitFor(() => checkedScopes(page), (s) => s.length === 2, 10_000, 'form ticked');
    expect((await checkedScopes(page)).map(canon).sort()).toEqual(['conversationsv3:write', 'messagetemplate:read']);
    await waitFindings(page, (f) => f.length === 0, 'no findings');

    await finishWithCoach(page, variant);

    const token = t.sandbox.tokens().at(-1)!.token;
    expect((await callApi(t.sandbox, 'GET', '/10001/api/v1/getMessageTemplates', token)).status).toBe(200);
    expect((await callApi(t.sandbox, 'POST', '/api/ext/v3/conversations/messages/text', token)).status).toBe(200);
    expect((await callApi(t.sandbox, 'GET', '/10001/api/v1/getContacts', token)).status).toBe(403);
    await page.close();
  });

  it('asks for a reason before generating with more than the intent needs', async () => {
    const page = await openTokenPage(t.open, 'inline-en');
    await click(page, button('Generate new token'));
    await waitStep(page, 'name');
    await clickUi(page, 'name-suggest');
    await choosePreset(page, 'read-templates-v1');
    await click(page, '::-p-aria([name="Select all"])');
    await clickUi(page, 'expiry-fill');
    await waitStep(page, 'review');
    await page.waitForSelector(ui('review-risks'));
    expect(await page.$eval(ui('review-confirm'), (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await typeInto(page, ui('risk-reason'), 'temporary migration of every integration');
    await clickUi(page, 'review-confirm');
    await waitStep(page, 'generate');
    await page.close();
  });
});
