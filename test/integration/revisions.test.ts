/**
 * Plan revisions through the real app on both engines: the initial adoption, a refused adoption
 * when a target changed without a reason (400 naming the target), the diff of two revisions
 * (element added and renamed, target changed with its reason), and a mid-term review that ends
 * with a mid-term revision. Targets are changed through a plan import (the existing way to
 * revise them); elements through the element API.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ElementDetail,
  PlanReview,
  PlanRevision,
  Problem,
  RevisionDiffDto,
  RevisionList,
  WorkspaceOverview,
} from '../../src/contracts/index.ts';
import { systemPrincipal } from '../../src/domain/access.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createAccount, openTestApp, signIn, type TestApp } from '../support/app.ts';
import { must, send } from '../support/roles.ts';

describeEachEngine('plan revisions', (engine) => {
  let t: TestApp;
  let office = '';
  let editorB = '';
  let planId = '';
  let schoolPlanA = '';
  const base = () => `/api/v1/plans/${planId}`;

  beforeAll(async () => {
    t = await openTestApp(engine);
    await createAccount(t, { email: 'office@rev.example', role: 'strategy_office' });
    await createAccount(t, {
      email: 'b@rev.example',
      role: 'unit_editor',
      unitCodes: ['IMT-ALBI'],
    });
    office = await signIn(t, 'office@rev.example');
    editorB = await signIn(t, 'b@rev.example');
    const overview = await must<WorkspaceOverview>(t, office, 'GET', '/api/v1/workspace');
    const group = overview.units.find((u) => u.code === 'IMT');
    const ales = overview.units.find((u) => u.code === 'IMT-ALES');
    planId = overview.plans.find((p) => p.unitId === group?.id && p.status === 'adopted')?.id ?? '';
    schoolPlanA = overview.plans.find((p) => p.unitId === ales?.id)?.id ?? '';
    expect(planId).not.toBe('');
    expect(schoolPlanA).not.toBe('');
  });
  afterAll(async () => {
    await t.close();
  });

  it('adopts, refuses an unexplained target change, diffs, and runs a mid-term review', async () => {
    expect((await must<RevisionList>(t, office, 'GET', `${base()}/revisions`)).items).toEqual([]);
    // A review needs a revision to start from.
    expect((await send(t, office, 'POST', `${base()}/reviews`, {})).status).toBe(409);

    const first = await send(t, office, 'POST', `${base()}/revisions`, {
      label: 'initial',
      reason: 'Adopted by the board',
      adoptedOn: '2023-06-30',
    });
    expect(first.status).toBe(201);
    expect(first.json<PlanRevision>()).toMatchObject({
      number: 1,
      kind: 'initial',
      label: 'initial',
    });

    // Nothing changed: the diff against the plan now is empty.
    const none = await must<RevisionDiffDto>(t, office, 'GET', `${base()}/revisions/diff?from=1`);
    expect([none.added, none.removed, none.renamed, none.moved, none.targets]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);

    // The mid-term review starts from revision 1.
    const review = await send(t, office, 'POST', `${base()}/reviews`, {
      label: 'Mid-term review 2025',
    });
    expect(review.status).toBe(201);
    expect(review.json<PlanReview>()).toMatchObject({
      baseRevision: 1,
      label: 'Mid-term review 2025',
    });
    expect((await send(t, office, 'POST', `${base()}/reviews`, {})).status).toBe(409);

    // The office adds an objective under A1 and renames A1.1 through the element API…
    const tree = await must<{ nodes: { id: string; code: string; level: string }[] }>(
      t,
      office,
      'GET',
      `${base()}/tree`,
    );
    const a1 = tree.nodes.find((n) => n.code === 'A1');
    const a11 = tree.nodes.find((n) => n.code === 'A1.1');
    if (!a1 || !a11) throw new Error('seed without A1 / A1.1');
    const level = tree.nodes.find((n) => n.code === 'A1.1')?.level ?? '';
    await must(t, office, 'POST', `${base()}/elements`, {
      code: 'A1.9',
      parentId: a1.id,
      level,
      title: { fr: 'Nouvel objectif', en: 'New objective' },
    });
    const element = await must<ElementDetail>(t, office, 'GET', `/api/v1/elements/${a11.id}`);
    await must(
      t,
      office,
      'PATCH',
      `/api/v1/elements/${a11.id}`,
      { title: { fr: 'Titre revu', en: 'Revised title' } },
      { 'if-match': element.etag },
    );

    // …and lowers a group target of GRAD-ENG through a plan import.
    const file = await t.strata.services.planFiles.exportPlan('imt');
    const indicator = file.indicators.find((i) => i.code === 'GRAD-ENG');
    const target = indicator?.targets?.find((p) => p.kind === 'target' && p.unit === 'IMT');
    if (!target) throw new Error('seed without a GRAD-ENG group target');
    const oldValue = target.value;
    target.value = oldValue - 100;
    await t.strata.services.planFiles.importPlan(file, systemPrincipal());
    const key = `GRAD-ENG/target/${target.period}/IMT`;

    // Adopting without a reason for the changed target is refused, naming it; nothing written.
    const refused = await send(t, office, 'POST', `${base()}/revisions`, {
      label: 'Mid-term 2025',
    });
    expect(refused.status).toBe(400);
    expect(refused.json<Problem>().errors?.map((e) => e.field)).toEqual([`targetReasons.${key}`]);
    const unknown = await send(t, office, 'POST', `${base()}/revisions`, {
      label: 'Mid-term 2025',
      targetReasons: [
        { key, reason: 'Fewer places funded' },
        { key: 'NOPE/target/2027', reason: 'x' },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json<Problem>().errors?.map((e) => e.field)).toEqual([
      'targetReasons.NOPE/target/2027',
    ]);
    expect((await must<RevisionList>(t, office, 'GET', `${base()}/revisions`)).items).toHaveLength(
      1,
    );

    // Others may not adopt: a school editor gets 403; a hidden school plan is 404.
    expect((await send(t, editorB, 'POST', `${base()}/revisions`, { label: 'x' })).status).toBe(
      403,
    );
    expect((await send(t, editorB, 'GET', `/api/v1/plans/${schoolPlanA}/revisions`)).status).toBe(
      404,
    );

    const second = await send(t, office, 'POST', `${base()}/revisions`, {
      label: 'Mid-term 2025',
      targetReasons: [{ key, reason: 'Fewer places funded' }],
    });
    expect(second.status).toBe(201);
    expect(second.json<PlanRevision>()).toMatchObject({ number: 2, kind: 'mid_term' });
    const list = await must<RevisionList>(t, office, 'GET', `${base()}/revisions`);
    expect(list.items.map((r) => [r.number, r.kind])).toEqual([
      [1, 'initial'],
      [2, 'mid_term'],
    ]);
    expect(list.review).toBeNull();

    const diff = await must<RevisionDiffDto>(
      t,
      office,
      'GET',
      `${base()}/revisions/diff?from=1&to=2`,
    );
    expect(diff.added.map((e) => [e.code, e.parent])).toEqual([['A1.9', 'A1']]);
    expect(diff.removed).toEqual([]);
    expect(diff.renamed).toEqual([
      { code: 'A1.1', from: element.element.title, to: { fr: 'Titre revu', en: 'Revised title' } },
    ]);
    expect(diff.targets).toEqual([
      {
        key,
        indicator: 'GRAD-ENG',
        unit: 'IMT',
        kind: 'target',
        period: target.period,
        from: oldValue,
        to: oldValue - 100,
        reason: 'Fewer places funded',
      },
    ]);
    // Revisions are immutable: the plan now differs from neither until it changes again.
    const since = await must<RevisionDiffDto>(t, office, 'GET', `${base()}/revisions/diff?from=2`);
    expect(since.added.length + since.targets.length + since.renamed.length).toBe(0);
    expect((await send(t, office, 'GET', `${base()}/revisions/diff?from=7`)).status).toBe(404);

    // The adoption is in the audit trail.
    const events = await must<{ items: { entityType: string; action: string }[] }>(
      t,
      office,
      'GET',
      '/api/v1/audit',
    );
    expect(events.items.filter((e) => e.entityType === 'plan').map((e) => e.action)).toEqual([
      'adopt_revision',
      'start_review',
      'adopt_revision',
    ]);
  });
});
