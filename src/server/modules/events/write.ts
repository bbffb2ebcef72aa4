import { and, count, eq } from 'drizzle-orm';
import { localDateTime } from '../../../shared/time-zones.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Visibility } from '../../db/schema/content.js';
import { type EventText, eventRegistrations, events } from '../../db/schema/index.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Indexer } from '../../search/indexer.js';
import { atLeast, canEdit, canRead, isSignedIn, isStaff, type Viewer } from '../access/policy.js';
import { ownerColumns, recordScope } from '../access/scope.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { EventInputData, EventPatchData } from './schema.js';
import { type EventRow, eventSearchDocument } from './service.js';
import { type EventTimesInput, resolveEventTimes } from './times.js';

type Row = EventRow;

/** The state of one person's registration, as the API returns it. */
export type RegistrationState = { registered: boolean; registrations: number; capacity: number | null };

type Deps = {
  db: Db;
  organisations: Pick<OrganisationsService, 'resolve'>;
  accounts: Pick<Accounts, 'groupSummaries'>;
  indexer: Indexer;
};

/** The fields an event's audit entries record. */
function snapshot(row: Row) {
  return {
    slug: row.slug,
    language: row.language,
    texts: row.texts,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    datePrecision: row.datePrecision,
    timeZone: row.timeZone,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    location: row.location,
    onlineUrl: row.onlineUrl,
    organiserIds: row.organiserIds,
    visibility: row.visibility,
    workingGroupId: row.workingGroupId,
    ownerOrganisationId: row.ownerOrganisationId,
    registration: row.registration,
    capacity: row.capacity,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

const prefix = (errors: FieldError[]) => errors.map((e) => ({ ...e, field: `body.${e.field}` }));

/**
 * Creating, editing and cancelling events, and registering for them. Every use case runs in one
 * transaction with its audit entry and (for the event itself) its search index rows.
 */
export function createEventWrites({ db, organisations, accounts, indexer }: Deps) {
  /**
   * Who may share an event how. Members create events for members, their organisation, a working
   * group they belong to, or themselves; public events are the secretariat's. Returns the field
   * errors: `invalid` for input that cannot be right, `denied` for what this viewer may not do.
   */
  async function checkScope(
    viewer: Viewer,
    next: { visibility: Visibility; workingGroupId: string | null; organisationId: string | null },
    changed = { visibility: true, workingGroupId: true },
    tx: DbOrTx = db,
  ): Promise<{ invalid: FieldError[]; denied: FieldError[] }> {
    const invalid: FieldError[] = [];
    const denied: FieldError[] = [];
    if (changed.visibility && next.visibility === 'public' && !atLeast(viewer, 'secretariat'))
      denied.push({ field: 'body.visibility', message: 'only the secretariat publishes public events' });
    if (next.visibility === 'organization' && !next.organisationId)
      invalid.push({ field: 'body.visibility', message: 'you have no organisation to share it with' });
    if (next.visibility === 'working_group' && !next.workingGroupId)
      invalid.push({ field: 'body.workingGroupId', message: 'is required when visibility is working_group' });
    if (changed.workingGroupId && next.workingGroupId) {
      const [group] = await accounts.groupSummaries([next.workingGroupId], 'en', tx);
      if (!group)
        invalid.push({
          field: 'body.workingGroupId',
          message: `unknown working group "${next.workingGroupId}"`,
        });
      else if (!isStaff(viewer) && !viewer.workingGroupIds.includes(group.id))
        denied.push({ field: 'body.workingGroupId', message: 'you are not a member of this working group' });
    }
    return { invalid, denied };
  }

  async function resolveOrganisers(keys: string[] | undefined, errors: FieldError[]) {
    if (!keys) return undefined;
    const resolved = await organisations.resolve(keys);
    for (const index of resolved.unknown)
      errors.push({ field: `body.organisers.${index}`, message: `unknown organisation "${keys[index]}"` });
    return [...new Set(resolved.ids)];
  }

  function throwIfAny(invalid: FieldError[], denied: FieldError[]) {
    if (invalid.length)
      throw new AppError('validation_failed', 'Some fields are not valid', [...invalid, ...denied]);
    if (denied.length) throw new AppError('forbidden', 'You may not share this event this way', denied);
  }

  function uniqueSlug(tx: DbOrTx, title: string): Promise<string> {
    return firstFreeSlug(slugFromTitle(title, 'event'), async (slug) => {
      const [taken] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, slug));
      return !!taken;
    });
  }

  /** The event for a write, locked; 404 when the viewer may not even read it. */
  async function load(tx: DbOrTx, viewer: Viewer, idOrSlug: string): Promise<Row> {
    const [row] = await tx
      .select()
      .from(events)
      .where(UUID_PATTERN.test(idOrSlug) ? eq(events.id, idOrSlug) : eq(events.slug, idOrSlug))
      .for('update');
    if (!row || !canRead(viewer, { visibility: row.visibility, ...recordScope(row) }))
      throw AppError.notFound('Event', idOrSlug);
    return row;
  }

  function requireSignedInViewer(viewer: Viewer, what: string) {
    if (!isSignedIn(viewer)) throw new AppError('unauthorized', `Sign in to ${what}`);
  }

  function requireEditor(viewer: Viewer, row: Row) {
    if (!canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }))
      throw new AppError(
        'forbidden',
        'Only its author, their organisation admin and the secretariat change an event',
      );
  }

  async function registrationState(tx: DbOrTx, row: Row, userId: string): Promise<RegistrationState> {
    const [[total], mine] = await Promise.all([
      tx.select({ n: count() }).from(eventRegistrations).where(eq(eventRegistrations.eventId, row.id)),
      tx
        .select({ id: eventRegistrations.eventId })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, row.id), eq(eventRegistrations.userId, userId))),
    ]);
    return { registered: mine.length > 0, registrations: total?.n ?? 0, capacity: row.capacity };
  }

  return {
    /** Creates an event owned by the caller (and their organisation). */
    async create(ctx: WriteContext, input: EventInputData): Promise<Row> {
      const { viewer } = ctx;
      requireSignedInViewer(viewer, 'create events');
      const invalid: FieldError[] = [];
      const { times, errors } = resolveEventTimes(input);
      invalid.push(...prefix(errors));
      const organiserIds = await resolveOrganisers(input.organisers, invalid);
      const workingGroupId = input.workingGroupId ?? null;
      const scope = await checkScope(viewer, {
        visibility: input.visibility,
        workingGroupId,
        organisationId: viewer.organisationId,
      });
      throwIfAny([...invalid, ...scope.invalid], scope.denied);
      const texts: Record<string, EventText> = {
        [input.language]: {
          title: input.title,
          ...(input.description ? { description: input.description } : {}),
        },
      };
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(events)
          .values({
            slug: await uniqueSlug(tx, input.title),
            language: input.language,
            visibility: input.visibility,
            ...ownerColumns(viewer),
            workingGroupId,
            texts,
            kind: input.kind,
            ...times!,
            datePrecision: 'day',
            location: input.location ?? null,
            onlineUrl: input.onlineUrl ?? null,
            organiserIds: organiserIds ?? [],
            registration: input.registration,
            capacity: input.capacity ?? null,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'event.create',
          entityType: 'event',
          entityId: row!.id,
          after: snapshot(row!),
        });
        await indexer.index(tx, [eventSearchDocument(row!)]);
        return row!;
      });
    },

    /** Edits an event; `null` clears an optional field. Times are checked as a whole. */
    async update(ctx: WriteContext, idOrSlug: string, patch: EventPatchData): Promise<Row> {
      const { viewer } = ctx;
      requireSignedInViewer(viewer, 'edit events');
      const invalid: FieldError[] = [];
      const organiserIds = await resolveOrganisers(patch.organisers, invalid);
      return db.transaction(async (tx) => {
        const before = await load(tx, viewer, idOrSlug);
        requireEditor(viewer, before);
        if (before.cancelledAt)
          throw new AppError('conflict', 'A cancelled event cannot be edited', [
            { field: 'cancelled', message: 'the event is cancelled' },
          ]);

        let times: ReturnType<typeof resolveEventTimes>['times'];
        if (patch.start !== undefined || patch.end !== undefined || patch.timeZone !== undefined) {
          const current: EventTimesInput =
            before.timeZone && before.startsAt
              ? {
                  start: localDateTime(before.startsAt, before.timeZone),
                  end: before.endsAt ? localDateTime(before.endsAt, before.timeZone) : null,
                  timeZone: before.timeZone,
                }
              : { start: before.startsOn, end: before.endsOn, timeZone: null };
          const resolved = resolveEventTimes({
            start: patch.start ?? current.start,
            end: patch.end !== undefined ? patch.end : current.end,
            timeZone: patch.timeZone !== undefined ? patch.timeZone : current.timeZone,
          });
          invalid.push(...prefix(resolved.errors));
          times = resolved.times;
        }
        const visibility = patch.visibility ?? before.visibility;
        const workingGroupId =
          patch.workingGroupId !== undefined ? patch.workingGroupId : before.workingGroupId;
        // Only what changes is checked against the editor's rights: staff may have set a scope
        // the author could not, and the author can still fix a typo in the title.
        const scope = await checkScope(
          viewer,
          { visibility, workingGroupId, organisationId: before.ownerOrganisationId },
          {
            visibility: visibility !== before.visibility,
            workingGroupId: workingGroupId !== before.workingGroupId,
          },
          tx,
        );
        throwIfAny([...invalid, ...scope.invalid], scope.denied);

        const original = before.texts[before.language] ?? { title: before.slug };
        const textChanged = patch.title !== undefined || patch.description !== undefined;
        const description = patch.description !== undefined ? patch.description : original.description;
        const texts = textChanged
          ? {
              ...before.texts,
              [before.language]: {
                ...original,
                title: patch.title ?? original.title,
                ...(description ? { description } : { description: undefined }),
              },
            }
          : before.texts;
        const [after] = await tx
          .update(events)
          .set({
            texts: JSON.parse(JSON.stringify(texts)),
            ...(patch.kind ? { kind: patch.kind } : {}),
            ...(times ? { ...times, datePrecision: 'day' as const } : {}),
            ...(patch.location !== undefined ? { location: patch.location } : {}),
            ...(patch.onlineUrl !== undefined ? { onlineUrl: patch.onlineUrl } : {}),
            ...(organiserIds ? { organiserIds } : {}),
            visibility,
            workingGroupId,
            ...(patch.registration ? { registration: patch.registration } : {}),
            ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
            sequence: before.sequence + 1,
            updatedAt: new Date(),
          })
          .where(eq(events.id, before.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'event.update',
          entityType: 'event',
          entityId: before.id,
          before: snapshot(before),
          after: snapshot(after!),
        });
        await indexer.index(tx, [eventSearchDocument(after!)]);
        return after!;
      });
    },

    /**
     * Cancels an event: it stays listed, marked cancelled, and feeds carry STATUS:CANCELLED so
     * subscribed calendars update. Registrations stay on record.
     */
    async cancel(ctx: WriteContext, idOrSlug: string): Promise<Row> {
      const { viewer } = ctx;
      requireSignedInViewer(viewer, 'cancel events');
      return db.transaction(async (tx) => {
        const before = await load(tx, viewer, idOrSlug);
        requireEditor(viewer, before);
        if (before.cancelledAt)
          throw new AppError('conflict', 'The event is already cancelled', [
            { field: 'cancelled', message: 'the event is already cancelled' },
          ]);
        const [after] = await tx
          .update(events)
          .set({ cancelledAt: new Date(), sequence: before.sequence + 1, updatedAt: new Date() })
          .where(eq(events.id, before.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'event.cancel',
          entityType: 'event',
          entityId: before.id,
          before: snapshot(before),
          after: snapshot(after!),
        });
        await indexer.index(tx, [eventSearchDocument(after!)]);
        return after!;
      });
    },

    /**
     * Registers the caller. 409 when the event takes no registrations, is closed, cancelled or
     * full; registering twice changes nothing. The event row is locked, so two people cannot
     * take the last seat.
     */
    async register(ctx: WriteContext, idOrSlug: string): Promise<RegistrationState & { created: boolean }> {
      const { viewer } = ctx;
      requireSignedInViewer(viewer, 'register for events');
      const userId = viewer.userId!;
      return db.transaction(async (tx) => {
        const row = await load(tx, viewer, idOrSlug);
        if (row.cancelledAt)
          throw new AppError('conflict', 'The event is cancelled', [
            { field: 'registration', message: 'the event is cancelled' },
          ]);
        const state = await registrationState(tx, row, userId);
        if (state.registered) return { ...state, created: false };
        if (row.registration !== 'open')
          throw new AppError(
            'conflict',
            row.registration === 'closed' ? 'Registration is closed' : 'This event takes no registrations',
            [
              {
                field: 'registration',
                message:
                  row.registration === 'closed'
                    ? 'registration is closed'
                    : 'the event takes no registrations',
              },
            ],
          );
        if (row.capacity !== null && state.registrations >= row.capacity)
          throw new AppError('conflict', 'The event is full', [
            { field: 'capacity', message: `all ${row.capacity} places are taken` },
          ]);
        await tx.insert(eventRegistrations).values({ eventId: row.id, userId });
        await recordAudit(tx, ctx, {
          action: 'event.register',
          entityType: 'event',
          entityId: row.id,
          after: { userId },
        });
        return {
          registered: true,
          registrations: state.registrations + 1,
          capacity: row.capacity,
          created: true,
        };
      });
    },

    /** Cancels the caller's registration (also after registration closed); idempotent. */
    async unregister(ctx: WriteContext, idOrSlug: string): Promise<RegistrationState> {
      const { viewer } = ctx;
      requireSignedInViewer(viewer, 'cancel a registration');
      const userId = viewer.userId!;
      return db.transaction(async (tx) => {
        const row = await load(tx, viewer, idOrSlug);
        const deleted = await tx
          .delete(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, row.id), eq(eventRegistrations.userId, userId)))
          .returning();
        if (deleted.length)
          await recordAudit(tx, ctx, {
            action: 'event.unregister',
            entityType: 'event',
            entityId: row.id,
            before: { userId },
          });
        return registrationState(tx, row, userId);
      });
    },
  };
}

export type EventWrites = ReturnType<typeof createEventWrites>;
