import * as fs from 'node:fs';
import type { Digest } from '@cartes-badges/eventsourcing';
import { badInput, messageOf, notFound } from '../errors';

const HASH = /^[0-9a-f]{64}$/;
const WHAT = 'attendu un fichier écrit par « cartes-badges digest > digest.json »';

/** Reads and checks a saved digest; a missing, unreadable or malformed one is a one-line error. */
export function readDigestFile(file: string): Digest {
  if (!fs.existsSync(file)) throw notFound(`Digest introuvable : ${file} n'existe pas`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw badInput(`Digest illisible (${file}) : JSON invalide (${messageOf(error)}) ; ${WHAT}`);
  }
  const problem = digestProblem(parsed);
  if (problem) throw badInput(`Digest invalide (${file}) : ${problem} ; ${WHAT}`);
  return parsed as Digest;
}

function digestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'un objet JSON est attendu';
  const d = value as Record<string, unknown>;
  if (typeof d.createdAt !== 'string' || Number.isNaN(Date.parse(d.createdAt)))
    return 'createdAt doit être une date ISO-8601';
  if (typeof d.lastPosition !== 'string' || !/^\d+$/.test(d.lastPosition))
    return 'lastPosition doit être un entier écrit en texte';
  if (typeof d.streams !== 'object' || d.streams === null || Array.isArray(d.streams))
    return 'streams doit être un objet { flux: { version, headHash } }';
  for (const [streamId, head] of Object.entries(d.streams as Record<string, unknown>)) {
    const h = head as { version?: unknown; headHash?: unknown } | null;
    if (typeof h !== 'object' || h === null) return `streams["${streamId}"] doit être un objet`;
    if (!Number.isInteger(h.version) || (h.version as number) < 0)
      return `streams["${streamId}"].version doit être un entier ≥ 0`;
    if (typeof h.headHash !== 'string' || !HASH.test(h.headHash))
      return `streams["${streamId}"].headHash doit être une empreinte SHA-256 (64 caractères hexadécimaux)`;
  }
  return undefined;
}
