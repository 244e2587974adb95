// The DuckDB queries of docs/analysts.md, over the events exported by
// `cartes-badges export events --format parquet --out <folder>/`. The doc shows these very texts
// (a test checks it), and a test runs each one on the demo's export and compares the figures
// with the same figures computed by a projection (projections/dossier-rows.ts).

/** The two views every query reads: the events, and each dossier's card type and creation. */
export const setupSql = (parquetGlob: string): string => `
CREATE OR REPLACE VIEW events AS
  SELECT * FROM read_parquet('${parquetGlob.replace(/'/g, "''")}');
CREATE OR REPLACE VIEW dossiers AS
  SELECT stream_id, data->>'$.cardType.code' AS card_type, occurred_at AS created_at
  FROM events
  WHERE type IN ('DraftCreated', 'DraftDuplicated', 'PresaisieSubmitted');
`;

/** Transmissions per month (UTC) and card type. */
export const transmissionsPerMonth = `
SELECT strftime(t.occurred_at AT TIME ZONE 'UTC', '%Y-%m') AS month,
       d.card_type,
       count(*) AS transmissions
FROM events t JOIN dossiers d USING (stream_id)
WHERE t.type = 'Transmitted'
GROUP BY ALL
ORDER BY month, card_type;
`;

/** Amount asked (at transmission) vs granted, by card type, over the dossiers granted. */
export const askedVsGranted = `
WITH amounts AS (
  SELECT stream_id,
         max(CAST(data->>'$.totalAmountCents' AS BIGINT)) FILTER (WHERE type = 'Transmitted') AS asked_cents,
         max(CAST(data->>'$.amountGrantedCents' AS BIGINT)) FILTER (WHERE type = 'Granted') AS granted_cents
  FROM events
  WHERE type IN ('Transmitted', 'Granted')
  GROUP BY stream_id
)
SELECT d.card_type,
       count(*) AS granted_dossiers,
       sum(asked_cents) / 100 AS asked_eur,
       sum(granted_cents) / 100 AS granted_eur,
       round(100 * sum(granted_cents) / sum(asked_cents), 1) AS granted_pct
FROM amounts JOIN dossiers d USING (stream_id)
WHERE granted_cents IS NOT NULL
GROUP BY ALL
ORDER BY d.card_type;
`;

/** Days from the draft's creation to its transmission, by card type. */
export const daysToTransmission = `
SELECT d.card_type,
       count(*) AS transmitted,
       round(median(epoch(t.occurred_at) - epoch(d.created_at)) / 86400, 2) AS median_days,
       round(avg(epoch(t.occurred_at) - epoch(d.created_at)) / 86400, 2) AS mean_days,
       round(max(epoch(t.occurred_at) - epoch(d.created_at)) / 86400, 2) AS max_days
FROM events t JOIN dossiers d USING (stream_id)
WHERE t.type = 'Transmitted'
GROUP BY ALL
ORDER BY d.card_type;
`;

/** Pré-saisies submitted and refused by the employer, by provider. */
export const presaisiesRefusedPerProvider = `
SELECT s.data->>'$.provider.siren' AS provider_siren,
       any_value(s.data->>'$.provider.name') AS provider,
       count(*) AS presaisies,
       count(r.stream_id) AS refused,
       round(100 * count(r.stream_id) / count(*), 1) AS refused_pct
FROM events s
LEFT JOIN (SELECT DISTINCT stream_id FROM events WHERE type = 'PresaisieRefused') r
  ON r.stream_id = s.stream_id
WHERE s.type = 'PresaisieSubmitted'
GROUP BY provider_siren
ORDER BY refused DESC, provider_siren;
`;

/** Dossiers waiting for complements: their last step is a request for complements. */
export const waitingForComplements = `
WITH last_step AS (
  SELECT stream_id,
         arg_max(type, global_position) AS step,
         arg_max(occurred_at, global_position) AS since
  FROM events
  WHERE type IN ('Transmitted', 'InstructionStarted', 'ComplementsRequested', 'ComplementSubmitted',
                 'Granted', 'Refused', 'Reimbursed', 'Closed', 'Cancelled')
  GROUP BY stream_id
)
SELECT n.data->>'$.dossierNumber' AS number,
       d.card_type,
       strftime(l.since AT TIME ZONE 'UTC', '%Y-%m-%d') AS requested_on
FROM last_step l
JOIN dossiers d USING (stream_id)
JOIN events n ON n.stream_id = l.stream_id AND n.type = 'Transmitted'
WHERE l.step = 'ComplementsRequested'
ORDER BY requested_on, number;
`;

/** Every query of docs/analysts.md, by the name its section uses. */
export const QUERIES = {
  'transmissions-per-month': transmissionsPerMonth,
  'asked-vs-granted': askedVsGranted,
  'days-to-transmission': daysToTransmission,
  'presaisies-refused-per-provider': presaisiesRefusedPerProvider,
  'waiting-for-complements': waitingForComplements,
} as const;

/** The name of one query of QUERIES. */
export type QueryName = keyof typeof QUERIES;
