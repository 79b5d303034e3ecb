// Nothing of this feature is used elsewhere: other features reach the log through renderer/db/auditLog.ts.
export {};
