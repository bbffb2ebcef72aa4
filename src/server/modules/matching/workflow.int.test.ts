import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { startSmtpCatcher } from '../../../../tests/support/smtp.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let requester: TestAccount;
let provider: TestAccount;
let stranger: TestAccount;
let needId: string;
let offerId: string;
let matchId: string;

type Match = {
  id: string;
  status: string;
  candidate: { type: string; id: string };
  reasons: Array<{ kind: string }>;
};

const schoolFeedingNeed = (title: string) => ({
  language: 'es',
  title,
  description:
    'El Ministerio de Educación busca experiencia en alimentación escolar con compras locales a pequeños agricultores para escuelas rurales.',
  country: 'HND',
  themes: ['school-feeding'],
  modalities: ['study-visit', 'training-course'],
  workingLanguages: ['es', 'fr'],
  visibility: 'members',
});

async function matchState(id: string) {
  const [row] = rowsOf<{ status: string; events: number; messages: number }>(
    await t.database.db.execute(sql`SELECT status,
      (SELECT count(*)::int FROM match_events WHERE match_id = ${id}) AS events,
      (SELECT count(*)::int FROM match_messages WHERE match_id = ${id}) AS messages
      FROM matches WHERE id = ${id}`),
  );
  return row!;
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: smtp.url });
  // Organisations that provide none of the demo solutions, so those keep no account of their own.
  const { ids } = await t.services.organisations.resolve(['gov-honduras', 'gov-panama', 'gov-tajikistan']);
  requester = await createAccount(t, 'member', { organisationId: ids[0]! });
  provider = await createAccount(t, 'member', { organisationId: ids[1]! });
  stranger = await createAccount(t, 'member', { organisationId: ids[2]! });
  const offer = await t.send(
    'POST',
    '/api/v1/offers',
    {
      language: 'fr',
      title: 'Partage d’expérience en alimentation scolaire',
      description:
        'Nous accueillons des délégations pour une visite d’étude sur l’alimentation scolaire fondée sur les achats locaux auprès des petits exploitants.',
      country: 'SEN',
      themes: ['school-feeding'],
      modalities: ['study-visit'],
      workingLanguages: ['fr', 'es'],
      visibility: 'members',
    },
    provider,
  );
  expect(offer.status).toBe(201);
  offerId = offer.body.id;
  const need = await t.send(
    'POST',
    '/api/v1/needs',
    schoolFeedingNeed('Alimentación escolar en zonas rurales'),
    requester,
  );
  expect(need.status).toBe(201);
  needId = need.body.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe(`match suggestions (${engineName})`, () => {
  it('suggests the French offer and Chinese solutions for the Spanish need, with reasons', async () => {
    const { status, body } = await t.jsonAs(requester, `/api/v1/needs/${needId}/matches?lang=es`);
    expect(status).toBe(200);
    const items = body.items as Match[];
    const offerMatch = items.find((m) => m.candidate.id === offerId);
    expect(offerMatch).toBeDefined();
    expect(offerMatch!.status).toBe('suggested');
    expect(offerMatch!.reasons.map((r) => r.kind)).toContain('concept');
    expect(items.some((m) => m.candidate.type === 'solution')).toBe(true);
    matchId = offerMatch!.id;
    // The offer's side sees the need it was matched with.
    const fromOffer = await t.jsonAs(provider, `/api/v1/offers/${offerId}/matches`);
    expect(fromOffer.body.items.map((m: Match) => m.id)).toContain(matchId);
  });
});

describe(`match workflow through HTTP with real email (${engineName})`, () => {
  it('lets the requester express interest; the provider is told in the app and by email', async () => {
    const answer = await t.send(
      'POST',
      `/api/v1/matches/${matchId}/interest`,
      { note: '¿Podemos hablar?' },
      requester,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'interested', interestSide: 'need', yourSide: 'need' });
    const mail = await smtp.waitFor(provider.email, /interest/i);
    expect(mail.text).toContain(`/matches/${matchId}`);
    const inbox = await t.jsonAs(provider, '/api/v1/notifications');
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('match.interest');
  });

  it('does not let the side that expressed interest accept it, and changes nothing', async () => {
    const before = await matchState(matchId);
    const answer = await t.send('POST', `/api/v1/matches/${matchId}/accept`, {}, requester);
    expect(answer.status).toBe(403);
    expect(await matchState(matchId)).toEqual(before);
  });

  it('hides the match from a stranger, who cannot act on it either', async () => {
    const before = await matchState(matchId);
    expect((await t.jsonAs(stranger, `/api/v1/matches/${matchId}`)).status).toBe(404);
    expect((await t.send('POST', `/api/v1/matches/${matchId}/accept`, {}, stranger)).status).toBe(404);
    expect(
      (await t.send('POST', `/api/v1/matches/${matchId}/messages`, { body: 'Hi' }, stranger)).status,
    ).toBe(404);
    expect((await t.send('POST', `/api/v1/matches/${matchId}/accept`, {}, null)).status).toBe(401);
    expect(await matchState(matchId)).toEqual(before);
  });

  it('lets the provider accept once; a second accept is a conflict', async () => {
    const accepted = await t.send('POST', `/api/v1/matches/${matchId}/accept`, {}, provider);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await smtp.waitFor(requester.email, /accepted/i)).text).toContain(`/matches/${matchId}`);
    const before = await matchState(matchId);
    const again = await t.send('POST', `/api/v1/matches/${matchId}/accept`, {}, provider);
    expect(again.status).toBe(409);
    expect(await matchState(matchId)).toEqual(before);
  });

  it('carries a message thread between the two sides, emailing the other side', async () => {
    const sent = await t.send(
      'POST',
      `/api/v1/matches/${matchId}/messages`,
      { body: 'Proposons une visite en mars.' },
      provider,
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ side: 'candidate', mine: true });
    const mail = await smtp.waitFor(requester.email, /message/i);
    expect(mail.text).toContain('Proposons une visite en mars.');
    const thread = await t.jsonAs(requester, `/api/v1/matches/${matchId}/messages`);
    expect(thread.body.items).toContainEqual(
      expect.objectContaining({ body: 'Proposons une visite en mars.', side: 'candidate', mine: false }),
    );
    const empty = await t.send('POST', `/api/v1/matches/${matchId}/messages`, { body: '  ' }, provider);
    expect(empty.status).toBe(422);
  });

  it('records the agreement, with the history and audit trail of every step', async () => {
    const tooShort = await t.send('POST', `/api/v1/matches/${matchId}/agree`, { summary: 'ok' }, requester);
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.errors.map((e: { field: string }) => e.field)).toContain('body.summary');
    const agreed = await t.send(
      'POST',
      `/api/v1/matches/${matchId}/agree`,
      { summary: 'A study visit to Dakar in March 2027 for six officials, travel paid by the ministry.' },
      requester,
    );
    expect(agreed.status).toBe(200);
    expect(agreed.body.status).toBe('agreed');
    expect(agreed.body.agreement.summary).toContain('Dakar');
    const detail = await t.jsonAs(provider, `/api/v1/matches/${matchId}`);
    expect(detail.body.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'interested',
      'accepted',
      'agreed',
    ]);
    const audit = await t.jsonAs(await t.staff(), `/api/v1/audit?entityId=${matchId}&limit=20`);
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    for (const action of ['match.interest', 'match.accept', 'match.message', 'match.agree'])
      expect(actions).toContain(action);
    expect(
      (await t.send('POST', `/api/v1/matches/${matchId}/decline`, { reason: 'Changed our mind' }, provider))
        .status,
    ).toBe(409);
  });

  it('turns the agreed match into one draft project, linked to its need and match', async () => {
    expect((await t.send('POST', `/api/v1/matches/${matchId}/project`, {}, stranger)).status).toBe(404);
    const inbox = smtp.received.length;
    const converted = await t.send('POST', `/api/v1/matches/${matchId}/project`, {}, provider);
    expect(converted.status).toBe(200);
    expect(converted.body.actions).not.toContain('project');
    const projectId = converted.body.projectId as string;
    expect(projectId).toBeTruthy();
    const project = await t.jsonAs(requester, `/api/v1/projects/${projectId}`);
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({
      publication: 'draft',
      originalLanguage: 'es',
      title: 'Alimentación escolar en zonas rurales',
      countries: [{ iso3: 'HND', percentage: null }],
      needIds: [needId],
      matchIds: [matchId],
      status: { id: '1' },
    });
    expect(project.body.participants.map((p: { southSouthRole: string }) => p.southSouthRole)).toEqual([
      'recipient',
      'provider',
    ]);
    expect(project.body.description).toContain('Dakar');
    // A draft is for members (both sides) until it is published, and out of lists and search.
    expect((await t.jsonAs(null, `/api/v1/projects/${projectId}`)).status).toBe(404);
    expect((await t.jsonAs(stranger, `/api/v1/projects/${projectId}`)).status).toBe(200);
    const listed = await t.jsonAs(stranger, '/api/v1/projects?limit=100');
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(projectId);
    const again = await t.send('POST', `/api/v1/matches/${matchId}/project`, {}, requester);
    expect(again.status).toBe(409);
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThan(inbox));
    expect((await t.send('POST', `/api/v1/projects/${projectId}/publish`, {}, stranger)).status).toBe(403);
    // The need's author owns the draft, gives it the start date IATI requires, and publishes it.
    const undated = await t.send('POST', `/api/v1/projects/${projectId}/publish`, {}, requester);
    expect(undated.status).toBe(422);
    expect(undated.body.errors[0].field).toBe('body.dates.plannedStart');
    const dated = await t.send(
      'PATCH',
      `/api/v1/projects/${projectId}`,
      { dates: { plannedStart: '2027-03-01', plannedEnd: '2027-03-31' } },
      requester,
    );
    expect(dated.status, JSON.stringify(dated.body)).toBe(200);
    const published = await t.send('POST', `/api/v1/projects/${projectId}/publish`, {}, requester);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.publication).toBe('published');
    const audit = await t.jsonAs(await t.staff(), `/api/v1/audit?entityId=${matchId}&limit=20`);
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain('match.project');
  });

  it('declines with a reason (required), standing the secretariat in for a side with no account', async () => {
    const { body } = await t.jsonAs(requester, `/api/v1/needs/${needId}/matches`);
    const solution = (body.items as Match[]).find(
      (m) => m.candidate.type === 'solution' && m.status === 'suggested',
    )!;
    const noReason = await t.send('POST', `/api/v1/matches/${solution.id}/decline`, {}, requester);
    expect(noReason.status).toBe(422);
    const staffView = await t.jsonAs(await t.staff(), `/api/v1/matches/${solution.id}`);
    expect(staffView.body.yourSide).toBe('candidate');
    const declined = await t.send(
      'POST',
      `/api/v1/matches/${solution.id}/decline`,
      { reason: 'Too far from our context' },
      await t.staff(),
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Too far from our context' });
    // A member who may read the need sees its matches, but not why a side declined.
    const readerView = await t.jsonAs(stranger, `/api/v1/needs/${needId}/matches`);
    const seen = readerView.body.items.find((m: Match) => m.id === solution.id);
    expect(seen).toMatchObject({ status: 'declined', declineReason: null, yourSide: null, actions: [] });
  });

  it('refuses to move a match of a closed need, changing nothing', async () => {
    const need = await t.send(
      'POST',
      '/api/v1/needs',
      schoolFeedingNeed('Comedores escolares con productos locales'),
      requester,
    );
    const { body } = await t.jsonAs(requester, `/api/v1/needs/${need.body.id}/matches`);
    const match = (body.items as Match[])[0]!;
    expect(
      (await t.send('POST', `/api/v1/needs/${need.body.id}/close`, { reason: 'Funded' }, requester)).status,
    ).toBe(200);
    const before = await matchState(match.id);
    const answer = await t.send('POST', `/api/v1/matches/${match.id}/interest`, {}, requester);
    expect(answer.status).toBe(409);
    expect(answer.body.detail ?? answer.body.title).toMatch(/closed/i);
    expect(await matchState(match.id)).toEqual(before);
  });

  it('lists the viewer’s matches', async () => {
    const mine = await t.jsonAs(provider, '/api/v1/matches?status=agreed');
    expect(mine.body.items.map((m: Match) => m.id)).toContain(matchId);
    const strangers = await t.jsonAs(stranger, '/api/v1/matches');
    expect(strangers.body.items.map((m: Match) => m.id)).not.toContain(matchId);
    // Suggestions for the requester's own needs are theirs too.
    const suggested = await t.jsonAs(requester, '/api/v1/matches?status=suggested');
    expect(suggested.body.items.length).toBeGreaterThan(0);
    for (const m of suggested.body.items) expect(m.yourSide).toBe('need');
  });
});

describe(`weekly match digest (${engineName})`, () => {
  it('emails focal points their new suggestions once', async () => {
    const need = await t.send(
      'POST',
      '/api/v1/needs',
      schoolFeedingNeed('Programa nacional de alimentación escolar'),
      requester,
    );
    expect(need.status).toBe(201);
    const first = await t.services.matchDigest.send();
    expect(first.matches).toBeGreaterThan(0);
    const digest = await smtp.waitFor(requester.email, /new match/i);
    expect(digest.text).toContain('Programa nacional de alimentación escolar');
    const second = await t.services.matchDigest.send();
    expect(second.matches).toBe(0);
  });
});
