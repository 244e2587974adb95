// The CLI as a library: the program (for embedding or testing), store opening, and the
// audit helpers (timeline, verification of every chain) the commands are built on.
export { createProgram, run } from './program';
export { EXIT, CliError } from './errors';
export type { ExitCode } from './errors';
export { parseStoreSpec, describeStore, DEFAULT_STORE } from './store/store-spec';
export type { StoreSpec } from './store/store-spec';
export { openStore } from './store/open-store';
export type { OpenedStore, StoreMode, ReadForm } from './store/open-store';
export { openBlobStore, blobFolderOf } from './store/open-blob-store';
export type { OpenedBlobStore } from './store/open-blob-store';
export { listReadModelFor } from './commands/list-models';
export { buildTimeline, summarise } from './audit/timeline';
export type {
  Timeline,
  TimelineEntry,
  TimelineActor,
  TimelineDocument,
  ChainStanding,
  StateSummary,
} from './audit/timeline';
export { renderTimelineText, renderTimelineHtml } from './audit/render-timeline';
export type { TimelinePageOptions } from './audit/render-timeline';
export type { TimelineSource } from './audit/recheck-command';
export { verifyAllStreams } from './audit/verify-all';
export type { StoreVerification, BrokenLink } from './audit/verify-all';
export { findDossierId } from './audit/find-dossier';
export { describeEvent } from './audit/describe-event';
export { runDemo } from './demo/run-demo';
export type { DemoReport } from './demo/run-demo';
export { demoWorld, demoService, actorOf } from './demo/world';
export { loadProjection } from './projection/load-projection';
export { toCsv, tabulate } from './projection/to-csv';
export { exportEvents, EXPORT_STATE_FILE } from './export/export-events';
export type { ExportEventsOptions, ExportEventsResult } from './export/export-events';
export { EVENT_COLUMNS } from './export/event-table';
export { renderTable } from './output/table';
export type { Column } from './output/table';
