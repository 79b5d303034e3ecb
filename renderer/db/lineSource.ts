import type { InvoiceDeskDatabase } from './database';
import { checkAssignments, checkBlocks, checkDesignations, checkInvoices, checkServices } from './rowChecks';

/** The line-index worker's reads of the archive: what it indexes and what an export names. */
export const createLineSource = (db: InvoiceDeskDatabase) => ({
  loadInvoices: async () => checkInvoices(await db.invoices.toArray()),
  loadBlockKeys: () => db.lineBlocks.toCollection().primaryKeys(),
  loadBlocks: async (keys: Parameters<InvoiceDeskDatabase['lineBlocks']['bulkGet']>[0]) =>
    checkBlocks(await db.lineBlocks.bulkGet(keys)),
  loadAssignments: async () => checkAssignments(await db.assignments.toArray()),
  loadServices: async () => checkServices(await db.services.toArray()),
  loadDesignations: async () => checkDesignations(await db.designations.toArray()),
  close: () => db.close(),
});

export type LineSource = ReturnType<typeof createLineSource>;
