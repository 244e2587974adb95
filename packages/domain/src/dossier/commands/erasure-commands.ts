import * as t from 'io-ts';
import { Reason } from '../fields';
import { dossierCommand } from './command-shape';

/**
 * Erase the dossier's personal data (the fund's staff or its own jobs, after the retention
 * period; `force` before it, only where the embedding's policy allows forcing).
 */
export const ErasePersonalData = dossierCommand(
  'ErasePersonalData',
  t.intersection([t.type({ reason: Reason }), t.partial({ force: t.boolean })]),
);
/** Erases a dossier's personal data. */
export type ErasePersonalData = t.TypeOf<typeof ErasePersonalData>;
