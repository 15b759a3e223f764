/**
 * Issue 3: "adding a version 2 of a form never changes interviews of version 1". An interview
 * keeps the form id and version it was started with; version 2 (tiny-v2 adds a required
 * question, legal_form) is another form, installed next to version 1, never over it.
 */
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../core/forms/answers';
import { evaluateForm } from '../../../core/forms/engine';
import { createFormRepository } from '../../../renderer/src/data/forms';
import type { StoredForm } from '../../../renderer/src/data';
import { getForm } from '../../../renderer/src/features/forms/registry';
import { openTestStore } from '../../helpers/fake-db';
import { loadFixtureForm, readFixture } from '../../helpers/forms';

const v1Path = 'test/fixtures/forms/tiny-v1.json';
const v2Path = 'test/fixtures/forms/tiny-v2.json';
const today = '2026-11-28';

/** An interview of version 1, as stored: the form it was started with, and its answers. */
const interview = {
  formId: 'tiny',
  formVersion: 1,
  answers: { agree: 'yes', firm_name: 'Moules Perrin', top: ['training', 'purchasing'] } satisfies Answers,
};

const stored = (path: string, version: number): StoredForm => ({
  key: `tiny@${version}`, id: 'tiny', version, source: readFixture(path), fileName: path.split('/').pop() ?? path, installedAt: '2026-11-28T10:00:00.000Z',
});

describe('form versions', () => {
  it('evaluates a version 1 interview with version 1’s rules, whatever version 2 adds', () => {
    const v1 = loadFixtureForm(v1Path);
    const before = evaluateForm(v1, interview.answers, today);
    const v2 = loadFixtureForm(v2Path);
    const after = evaluateForm(v1, interview.answers, today);

    expect(v2.nodes.get('legal_form')).toMatchObject({ required: true });
    expect(v1.nodes.has('legal_form')).toBe(false);
    expect(after.nodes.has('legal_form')).toBe(false);
    expect(after.progress).toEqual(before.progress);
    expect(after.progress).toEqual({ requiredVisible: 3, requiredAnswered: 3 });
    expect(after.problems).toEqual([]);

    // The same answers under version 2 would miss its new required question.
    const underV2 = evaluateForm(v2, interview.answers, today);
    expect(underV2.progress).toEqual({ requiredVisible: 4, requiredAnswered: 3 });
    expect(underV2.problems.map((p) => [p.name, p.problem?.code])).toEqual([['legal_form', 'required']]);
  });

  it('opens each interview with the exact id and version it was started with', async () => {
    const { db } = openTestStore();
    const forms = createFormRepository(db);
    expect(await forms.install(stored(v1Path, 1))).toEqual({ ok: true, value: 'installed' });
    expect(await forms.install(stored(v2Path, 2))).toEqual({ ok: true, value: 'installed' });

    const first = await getForm(forms, interview.formId, interview.formVersion);
    const second = await getForm(forms, 'tiny', 2);
    expect(first.ok && first.value.key).toBe('tiny@1');
    expect(first.ok && first.value.nodes.has('legal_form')).toBe(false);
    expect(second.ok && second.value.key).toBe('tiny@2');
    expect(second.ok && second.value.nodes.has('legal_form')).toBe(true);
    expect(await getForm(forms, 'tiny', 3)).toEqual({ ok: false, error: { code: 'unknown-form', key: 'tiny@3' } });

    const builtIn = await getForm(forms, 'spl-cooperation', 1);
    expect(builtIn.ok && builtIn.value.key).toBe('spl-cooperation@1');
    db.close();
  });

  it('never replaces an installed version: installing it again changes nothing', async () => {
    const { db } = openTestStore();
    const forms = createFormRepository(db);
    await forms.install(stored(v1Path, 1));
    const edited = { ...stored(v2Path, 1), fileName: 'tiny-v1-edited.json' };
    expect(await forms.install(edited)).toEqual({ ok: true, value: 'already-installed' });
    const kept = await forms.get('tiny@1');
    expect(kept.ok && kept.value?.source).toBe(readFixture(v1Path));
    expect(kept.ok && kept.value?.fileName).toBe('tiny-v1.json');
    db.close();
  });
});
