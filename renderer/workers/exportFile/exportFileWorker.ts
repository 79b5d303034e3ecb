/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import { InvoiceDeskDatabase } from '../../db/database';
import { readExportSource } from '../../db/exportSource';
import { serveExportFile } from './exportFileServer';

declare const self: DedicatedWorkerGlobalScope;

/** Period exports off the page's thread: a million lines of XML and deflate would freeze it. */
serveExportFile(self, async (request) => {
  const db = new InvoiceDeskDatabase(request.databaseName);
  return readExportSource(db, request.period, request.language);
});
