import type { Sandbox } from '../../sandbox';
import { forgePorts } from '../../src/adapters/forge-ports';
import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { FORM_LABELS } from '../../src/domain/messages/significant-change-form';
import { ADMIN, marks, runDays, withApps } from './review-world';

const PARTNER = 'partner-0';
const TEMPLATE = 'tpl-significant-change';
const [first, second] = CLOUD_FORTIFIED.changeCategories;
if (!first || !second) throw new Error('the program needs two change categories');

/** A JSM form template built with the form's own labels: the question, and each category's questions under its title. */
function addTemplate(sandbox: Sandbox): void {
  const questions: { id: string; label: string }[] = [{ id: 'answer', label: FORM_LABELS.question }];
  for (const c of [first!, second!]) {
    questions.push({ id: `${c.id}-changed`, label: `${c.title}: ${FORM_LABELS.changed}` });
    questions.push({ id: `${c.id}-what`, label: `${c.title}: ${FORM_LABELS.whatChanged}` });
    questions.push({ id: `${c.id}-effect`, label: `${c.title}: ${FORM_LABELS.effect}` });
    questions.push({ id: `${c.id}-listing`, label: `${c.title}: ${FORM_LABELS.listingUpdated}` });
  }
  sandbox.jira.addFormTemplate({ id: TEMPLATE, name: 'Significant change form', questions });
}

async function withForm() {
  const { sandbox, keys } = await withApps(1, { seed: 5 });
  addTemplate(sandbox);
  const saved = (await sandbox.invokeResolver(
    'saveSettings',
    { settings: { ...CLOUD_FORTIFIED, formTemplateId: TEMPLATE } },
    { accountId: ADMIN, moduleKey: 'cf-tracker-settings' },
  )) as { ok: boolean };
  expect(saved.ok).toBe(true);
  return { sandbox, key: keys[0] ?? '' };
}

describe("the partner's answer in the JSM form", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    expect(sandbox?.stats().contractViolations).toEqual([]);
    await sandbox?.close();
    sandbox = undefined;
  });

  it('is read back before the reminder and recorded with its details: no reminder is posted', async () => {
    const made = await withForm();
    sandbox = made.sandbox;
    const { key } = made;
    await runDays(sandbox, '2027-03-11', '2027-03-14');
    const [form] = sandbox.jira.forms(key);
    expect(form).toMatchObject({ templateId: TEMPLATE, visibility: 'external', status: 'open' });

    sandbox.clock.set('2027-03-15T10:00:00Z');
    sandbox.jira.submitForm(
      key,
      form!.id,
      {
        answer: 'Yes',
        [`${first.id}-changed`]: 'Yes',
        [`${first.id}-what`]: 'Moved from OpenSSL 1.1 to 3.0',
        [`${first.id}-effect`]: 'Stronger defaults, no change to data flows',
        [`${first.id}-listing`]: 'yes',
        // Not ticked and not described: not a change.
        [`${second.id}-changed`]: '',
      },
      PARTNER,
    );

    await runDays(sandbox, '2027-03-15', '2027-03-31');
    expect(marks(sandbox, key)).toEqual(['2027:notice', '2027:window-note']);
    const cycle = (await forgePorts().apps.get(key))?.reviews.find((c) => c.id === '2027');
    expect(cycle?.answer).toMatchObject({
      value: 'YES',
      source: 'form',
      categories: [first.id],
      details: [
        {
          categoryId: first.id,
          whatChanged: 'Moved from OpenSSL 1.1 to 3.0',
          effect: 'Stronger defaults, no change to data flows',
          listingUpdated: true,
        },
      ],
    });
    const history = await forgePorts().audit.forIssue(key, 100);
    expect(history.filter((e) => e.kind === 'answer-recorded')).toHaveLength(1);
  });

  it('a form not yet submitted is no answer: the partner is reminded once', async () => {
    const made = await withForm();
    sandbox = made.sandbox;
    const { key } = made;
    await runDays(sandbox, '2027-03-11', '2027-03-31');
    expect(marks(sandbox, key)).toEqual(['2027:notice', '2027:window-note', '2027:answer-reminder']);
    const cycle = (await forgePorts().apps.get(key))?.reviews.find((c) => c.id === '2027');
    expect(cycle?.answer).toBeUndefined();
  });

  it('a form is read only on the ticket it was added to', async () => {
    const made = await withForm();
    sandbox = made.sandbox;
    const { key } = made;
    await runDays(sandbox, '2027-03-11', '2027-03-14');
    const other = sandbox.jira.addIssue({
      summary: 'Another',
      status: 'Approved',
      reporter: PARTNER,
      requestType: 'App submission',
    });
    const [form] = sandbox.jira.forms(key);
    expect(await forgePorts().jira.readFormAnswers(other, form!.id)).toBeNull();
  });
});
