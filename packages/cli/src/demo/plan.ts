import type { DossierActor } from '@cartes-badges/domain';
import { idFromCommandId } from '@cartes-badges/domain';

/** One command of the demo, with the instant it is sent at. */
export interface PlannedCommand {
  readonly at: Date;
  readonly command: { readonly type: string; readonly commandId: string } & Record<string, unknown>;
}

const HOUR = 3_600_000;

/**
 * The commands of one dossier, in order, each a little later than the one before. Command ids
 * derive from a fixed key, so that running the demo again finds them handled and writes
 * nothing twice.
 */
export class DossierPlan {
  readonly commands: PlannedCommand[] = [];
  private n = 0;
  private time: number;
  /** The dossier id, derived from the plan's key and given with the creation command. */
  readonly dossierId: string;

  constructor(
    private readonly key: string,
    start: Date,
  ) {
    this.time = start.getTime();
    this.dossierId = idFromCommandId(`${key}-1`, 'dossier');
  }

  /** The first command: CreateDraft, SubmitPresaisie or DuplicateDraft, naming the dossier it makes. */
  create(type: string, actor: DossierActor, payload: Record<string, unknown>): this {
    return this.push(0, { type, actor, dossierId: this.dossierId, payload });
  }

  /** A command on this dossier, `hours` after the previous one. */
  then(hours: number, type: string, actor: DossierActor, payload?: Record<string, unknown>): this {
    return this.push(hours, {
      type,
      actor,
      dossierId: this.dossierId,
      ...(payload !== undefined ? { payload } : {}),
    });
  }

  /** The instant of the last command planned. */
  get lastAt(): Date {
    return new Date(this.time);
  }

  /** Moves every command earlier so that the last one is no later than `limit`. */
  endBy(limit: Date): this {
    const overshoot = this.time - limit.getTime();
    if (overshoot <= 0) return this;
    const shifted = this.commands.map((c) => ({ ...c, at: new Date(c.at.getTime() - overshoot) }));
    this.commands.splice(0, this.commands.length, ...shifted);
    this.time -= overshoot;
    return this;
  }

  private push(hours: number, command: Record<string, unknown>): this {
    this.time = officeHours(this.time + Math.round(hours * HOUR));
    this.n += 1;
    this.commands.push({
      at: new Date(this.time),
      command: { ...command, type: String(command.type), commandId: `${this.key}-${this.n}` },
    });
    return this;
  }
}

// People and case managers work 8:00-18:00 (UTC here): a step that would fall at night or on a
// weekend moves to the next working morning, keeping its minutes so that steps stay ordered.
function officeHours(ms: number): number {
  const d = new Date(ms);
  if (d.getUTCHours() >= 18) d.setUTCDate(d.getUTCDate() + 1);
  if (d.getUTCHours() >= 18 || d.getUTCHours() < 8) d.setUTCHours(8);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return Math.max(d.getTime(), ms);
}

/** All commands of several dossiers, in time order (stable for equal instants). */
export function interleave(plans: readonly DossierPlan[]): PlannedCommand[] {
  return plans
    .flatMap((plan, p) => plan.commands.map((c, i) => ({ c, p, i })))
    .sort((a, b) => a.c.at.getTime() - b.c.at.getTime() || a.p - b.p || a.i - b.i)
    .map(({ c }) => c);
}
