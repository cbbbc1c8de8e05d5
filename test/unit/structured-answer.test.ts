import { CLOUD_FORTIFIED } from '../../src/domain/cloud-fortified';
import { FORM_LABELS } from '../../src/domain/messages/significant-change-form';
import { answerFromForm } from '../../src/domain/structured-answer';

const program = CLOUD_FORTIFIED;
const at = '2027-03-20T10:00:00.000Z';
const category = program.changeCategories[2]!;

describe("the JSM form's answers", () => {
  test('YES with a category described under its title: the category and its details, whatever the case and punctuation of the labels', () => {
    const answer = answerFromForm(
      program,
      {
        [FORM_LABELS.question.toUpperCase()]: { text: 'yes' },
        [`${category.title} - what changed`]: 'Removed the built-in document editor',
        [`${category.title}: ${FORM_LABELS.effect}`]: ['Less attack surface'],
        [`${category.title}: ${FORM_LABELS.listingUpdated}`]: 'No',
      },
      at,
    );
    expect(answer).toMatchObject({ value: 'YES', source: 'form', categories: [category.id] });
    expect(answer?.details).toEqual([
      {
        categoryId: category.id,
        whatChanged: 'Removed the built-in document editor',
        effect: 'Less attack surface',
        listingUpdated: false,
      },
    ]);
    expect(answer?.text).toContain('Removed the built-in document editor');
  });

  test('a "Changed" question listing categories by title ticks them', () => {
    const answer = answerFromForm(
      program,
      { [FORM_LABELS.answer]: 'YES', [FORM_LABELS.changed]: [category.title] },
      at,
    );
    expect(answer?.categories).toEqual([category.id]);
    expect(answer?.details?.[0]).toMatchObject({ categoryId: category.id, whatChanged: '' });
  });

  test('NO keeps no categories; a blank or unreadable answer is no answer at all', () => {
    expect(
      answerFromForm(
        program,
        { [FORM_LABELS.question]: 'No', [`${category.title}: ${FORM_LABELS.whatChanged}`]: 'x' },
        at,
      ),
    ).toMatchObject({ value: 'NO', categories: [] });
    expect(answerFromForm(program, { [FORM_LABELS.question]: '' }, at)).toBeNull();
    expect(answerFromForm(program, { [FORM_LABELS.question]: 'we will see' }, at)).toBeNull();
    expect(answerFromForm(program, {}, at)).toBeNull();
  });
});
