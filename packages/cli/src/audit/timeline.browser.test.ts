import { scaledTimeout } from '@cartes-badges/eventsourcing/testing';
// The auditor's HTML timeline as an auditor sees it: rendered by headless Chromium (Debian's
// `chromium`, driven by playwright-core), on screen and printed. The page is written by the
// `history` command from a SQLite store the demo filled without a signing key, whose dossier's
// personal data was then erased by a service signing its appends (so the page shows unsigned
// rows, a signed one and erased fields), once intact and once after a forger raised a granted
// amount straight in the file. Screenshots and the PDF print are kept under
// test-artifacts/timeline/ (gitignored) for a person to look at.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createSqliteEventStore } from '@cartes-badges/sqlite';
import { UNSIGNED_REASON } from './timeline-words';
import { cli } from '../test-support/run-cli';
import { REPO_ROOT } from '../test-support/spawn-cli';
import { chromium } from 'playwright-core';
import { chromiumUnavailableReason, launchChromium } from '../../../../test/support/chromium';

const unavailable = chromiumUnavailableReason();
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/timeline');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-timeline-'));
const dbFile = path.join(dir, 'events.db');
const store = `sqlite:${dbFile}`;
// The demo's closed dossier: granted, reimbursed, closed, with three documents.
const DOSSIER = '2512AF000001';
const EMAIL = 'claire.martin@interim-services.fr';
const serviceKey = path.join(dir, 'service-2026-01.key');

interface JsonTimeline {
  readonly streamId: string;
  readonly entries: readonly {
    version: number;
    type: string;
    hash: string;
    recordedAt: string;
    keyId: string | null;
    signature: string | null;
  }[];
  readonly documents: readonly { name: string; sha256: string }[];
}

async function historyPage(name: string): Promise<{ file: string; code: number | null; stderr: string }> {
  const file = path.join(dir, `${name}.html`);
  const run = await cli(['history', DOSSIER, '--format', 'html', '--out', file, '--store', store]);
  return { file, code: run.code, stderr: run.stderr };
}

async function timelineJson(): Promise<JsonTimeline> {
  return JSON.parse((await cli(['history', DOSSIER, '--json', '--store', store])).stdout);
}

// The forger: a correctly decoding event whose amount was raised in the file, hash left as it was.
function raiseGrantedAmount(streamId: string): number {
  const handle = createSqliteEventStore({ path: dbFile });
  try {
    const row = handle.database
      .prepare("SELECT version FROM events WHERE stream_id = ? AND type = 'Granted'")
      .get(streamId) as { version: number };
    handle.database
      .prepare('UPDATE events SET data = ? WHERE stream_id = ? AND version = ?')
      .run(JSON.stringify({ amountGrantedCents: 99_999_900 }), streamId, row.version);
    return row.version;
  } finally {
    void handle.close();
  }
}

// The few browser globals these tests call inside the page (the project compiles without the
// DOM library; these casts vanish when the function is sent to the page).
interface InPage {
  getComputedStyle(element: unknown): { backgroundColor: string };
  scrollTo(x: number, y: number): void;
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}
interface Shown {
  readonly innerText: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
}
const background = (page: Page, selector: string): Promise<string> =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => (globalThis as unknown as InPage).getComputedStyle(e).backgroundColor);

// How far the page runs past the right edge of the window (0: nothing cut off on the right).
const overflow = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as InPage).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

// What a person reads: the rendered text (CSS applied, hidden things left out), not the markup.
const seen = (page: Page, selector: string): Promise<string> => page.locator(selector).first().innerText();

(unavailable ? describe.skip : describe)(
  `the auditor's timeline in headless Chromium${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const demo = await cli(['demo', '--dossiers', '0', '--store', store]);
      if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
      // Signing switched on afterwards: the erasure is the dossier's one signed append.
      const keys = path.join(dir, 'trousseau.json');
      const key = await cli([
        'keys',
        'generate',
        '--id',
        'service-2026-01',
        '--out',
        serviceKey,
        '--keyring',
        keys,
      ]);
      if (key.code !== 0) throw new Error(`keys generate failed: ${key.stderr}`);
      const erased = await cli(
        [
          'erase',
          '--dossier',
          DOSSIER,
          '--reason',
          'Durée de conservation échue',
          '--by',
          'g-martin',
          '--store',
          store,
        ],
        { CARTES_BADGES_SIGNING_KEY: serviceKey, CARTES_BADGES_RETENTION_DAYS: '30' },
      );
      if (erased.code !== 0) throw new Error(`erase failed: ${erased.stderr}`);
      browser = await launchChromium(chromium);
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }, scaledTimeout(180_000));

    afterAll(async () => {
      await browser?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it(
      'intact: a green badge, every full hash and both instants readable, the store and the command that re-checks it',
      async () => {
        const timeline = await timelineJson();
        const written = await historyPage('intact');
        expect(written.code).toBe(0);
        await page.goto(`file://${written.file}`);

        expect(await seen(page, '#verdict')).toMatch(/^Chaîne de hachage intacte : \d+ événement\(s\)/);
        expect(await background(page, '#verdict')).toBe('rgb(227, 246, 232)');
        expect(await page.locator('tr.event.broken, tr.event.unproven').count()).toBe(0);
        expect(await overflow(page)).toBe(0);
        const rows = page.locator('tr.event');
        expect(await rows.count()).toBe(timeline.entries.length);
        for (const [i, entry] of timeline.entries.entries()) {
          const row = await rows.nth(i).innerText();
          expect(row).toContain(entry.hash);
          expect(row).toMatch(/survenu\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\s+enregistré/);
          expect(row).toContain(entry.recordedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'));
        }
        const documents = await seen(page, 'table.documents');
        expect(timeline.documents.length).toBeGreaterThan(0);
        // Erased file names read « [effacé] »; their SHA-256 (not personal) stays.
        for (const d of timeline.documents) {
          expect(d.name).toBe('[effacé]');
          expect(documents).toMatch(new RegExp(`\\[effacé\\][\\s\\S]*${d.sha256}`));
        }

        // Erasure: the personal values read « [effacé] » in the rows that held them, nowhere in clear.
        expect(await page.locator('body').innerText()).not.toContain(EMAIL);
        for (const type of ['ContactEmailChanged', 'DocumentAttached']) {
          const held = timeline.entries.filter((e) => e.type === type);
          expect(held.length).toBeGreaterThan(0);
          for (const e of held)
            expect(await seen(page, `tr.event[data-version="${e.version}"] td.what`)).toContain('[effacé]');
        }

        // Signatures: the unsigned rows highlighted with the reason in French; the signed one
        // shows its key id and its full signature, printed.
        expect(await seen(page, '#signatures')).toMatch(
          /^Signatures non vérifiées \(sans trousseau, --keys\) : 1 événement\(s\) signé\(s\), \d+ non signé\(s\) — NON SIGNÉ/,
        );
        const unsigned = timeline.entries.filter((e) => e.keyId === null);
        expect(await page.locator('tr.event.unsigned').count()).toBe(unsigned.length);
        expect(await background(page, 'tr.event.unsigned')).toBe('rgb(255, 241, 230)');
        for (const e of unsigned)
          expect(await seen(page, `tr.event[data-version="${e.version}"]`)).toContain(UNSIGNED_REASON);
        const signed = timeline.entries.filter((e) => e.keyId !== null);
        expect(signed.map((e) => [e.type, e.keyId])).toEqual([['PersonalDataErased', 'service-2026-01']]);
        const signedRow = await seen(page, `tr.event[data-version="${signed[0].version}"]`);
        expect(signedRow).toMatch(/clé\s+service-2026-01\s+signature\s+\S{86}==/);
        expect(signedRow).toContain(signed[0].signature);
        expect(signedRow).not.toContain('Non signé');
        // For docs/audit.md: an unsigned row with erased values, then the signed erasure.
        await page.screenshot({
          path: path.join(ARTIFACTS, 'signed-row.png'),
          fullPage: true,
          clip: await clipBetween(
            page,
            `tr.event[data-version="${signed[0].version - 1}"]`,
            `tr.event[data-version="${signed[0].version}"]`,
          ),
        });

        // The command on the page, run as printed, says what the page says.
        const command = await seen(page, 'pre.command');
        expect(command).toBe(`cartes-badges verify --stream ${timeline.streamId} --store ${store}`);
        expect((await cli(command.split(' ').slice(1))).code).toBe(0);

        await page.screenshot({ path: path.join(ARTIFACTS, 'intact.png'), fullPage: true });
      },
      scaledTimeout(120_000),
    );

    it(
      'after a forged amount: red badge, the broken row highlighted with its reason in French, the rows after it unproven, history exits 1',
      async () => {
        const before = await timelineJson();
        const version = raiseGrantedAmount(before.streamId);
        const written = await historyPage('broken');
        expect(written.code).toBe(1);
        expect(written.stderr).toContain(`Chaîne rompue : ${before.streamId} version ${version}`);
        await page.goto(`file://${written.file}`);

        expect(await seen(page, '#verdict')).toBe(
          `CHAÎNE ROMPUE à la version ${version} : Contenu modifié : l'événement enregistré à la version ${version} ne correspond plus à son empreinte (modifié après son écriture).`,
        );
        const broken = page.locator('tr.event.broken');
        expect(await broken.count()).toBe(1);
        expect(await broken.getAttribute('data-version')).toBe(String(version));
        expect(await background(page, 'tr.event.broken')).toBe('rgb(253, 231, 231)');
        const brokenText = await broken.innerText();
        expect(brokenText).toContain('Prise en charge accordée : 999 999,00 €');
        expect(brokenText).toContain('✗ Chaîne rompue ici. Contenu modifié');
        // The hash the forger left is printed whole: the auditor can compare it with a digest.
        expect(brokenText).toContain(before.entries.find((e) => e.version === version)!.hash);
        const after = before.entries.filter((e) => e.version > version);
        expect(after.length).toBeGreaterThan(0);
        for (const e of after) {
          expect(await page.locator(`tr.event[data-version="${e.version}"]`).innerText()).toContain(
            'Non prouvé : cet événement suit la rupture de la chaîne.',
          );
        }
        const command = await seen(page, 'pre.command');
        const recheck = await cli(command.split(' ').slice(1));
        expect(recheck.code).toBe(1);
        expect(recheck.stdout).toContain(`version ${version}  altered (contenu modifié)`);

        await page.screenshot({ path: path.join(ARTIFACTS, 'broken.png'), fullPage: true });
        // Two excerpts for docs/audit.md: the verdict with the command, and the rows around the break.
        await page.screenshot({
          path: path.join(ARTIFACTS, 'broken-top.png'),
          fullPage: true,
          clip: await clipBetween(page, 'h1', 'section.recheck'),
        });
        await page.screenshot({
          path: path.join(ARTIFACTS, 'broken-row.png'),
          fullPage: true,
          clip: await clipBetween(
            page,
            `tr.event[data-version="${version - 1}"]`,
            `tr.event[data-version="${version + 1}"]`,
          ),
        });
      },
      scaledTimeout(120_000),
    );

    it(
      'printed: the full hashes stay on the page (not cut, not in a tooltip) and a PDF is written',
      async () => {
        // A4 landscape less 12 mm margins is 273 mm, about 1032 CSS pixels: the width printed.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 1032, height: 900 });
        try {
          expect(await overflow(page)).toBe(0);
          const hashes = page.locator('tr.event code.hash');
          expect(await hashes.count()).toBeGreaterThan(0);
          const cut = await hashes.evaluateAll((codes) =>
            codes
              .filter(
                (c) =>
                  !/^[0-9a-f]{64}$/.test((c as Shown).innerText) ||
                  (c as Shown).scrollWidth > (c as Shown).clientWidth,
              )
              .map((c) => (c as Shown).textContent),
          );
          expect(cut).toEqual([]);
          expect(await seen(page, 'tr.event.broken')).toContain('Chaîne rompue ici');
          const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
          fs.writeFileSync(path.join(ARTIFACTS, 'broken.pdf'), pdf);
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
        } finally {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.emulateMedia({ media: 'screen' });
        }
      },
      scaledTimeout(120_000),
    );
  },
);

// The page's band from the top of one element to the bottom of another, the page scrolled to
// its top so that the boxes are in page coordinates.
async function clipBetween(page: Page, from: string, to: string) {
  await page.evaluate(() => (globalThis as unknown as InPage).scrollTo(0, 0));
  const start = await page.locator(from).first().boundingBox();
  const end = await page.locator(to).first().boundingBox();
  if (!start || !end) throw new Error(`${from} or ${to} is not on the page`);
  const margin = 12;
  return {
    x: 0,
    y: Math.max(0, start.y - margin),
    width: 1280,
    height: end.y + end.height - start.y + 2 * margin,
  };
}
