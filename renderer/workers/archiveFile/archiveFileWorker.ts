/// <reference lib="webworker" />
// Before any schema is used: see shared/zodConfig.ts.
import '../../../shared/zodConfig';
import { readArchiveSource } from '../../db/archiveSource';
import { InvoiceDeskDatabase } from '../../db/database';
import { serveArchiveFile } from './archiveFileServer';

declare const self: DedicatedWorkerGlobalScope;

/** The archive export off the page's thread: hashing and deflating every line and PDF would freeze it. */
serveArchiveFile(self, (request) => readArchiveSource(new InvoiceDeskDatabase(request.databaseName)));
