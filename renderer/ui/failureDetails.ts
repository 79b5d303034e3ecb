/** Where a failure happened, for the details the clerk copies to support. */
export interface FailureContext {
  /** The part of the UI: "page overview", "panel status bar", "action save PDF". */
  area: string;
  /** The route when it happened (the location hash). */
  page: string;
  appVersion: string;
  /** React's component stack, when a render failed. */
  componentStack?: string | null;
}

const describe = (
  error: unknown,
): { name: string; message: string; stack: string | null; code: string | null } => {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
    return { name: error.name, message: error.message, stack: error.stack ?? null, code };
  }
  let message: string;
  try {
    message = typeof error === 'string' ? error : JSON.stringify(error);
  } catch {
    message = String(error);
  }
  return { name: typeof error, message, stack: null, code: null };
};

/**
 * The plain text "Copy details" puts on the clipboard: never shown on screen (the clerk sees a
 * translated message), but everything support needs to find the cause.
 */
export const failureDetails = (error: unknown, context: FailureContext): string => {
  const { name, message, stack, code } = describe(error);
  return [
    `Invoice Desk ${context.appVersion}`,
    `Page: ${context.page || '(none)'}`,
    `Where: ${context.area}`,
    `Error: ${name}${code ? ` [${code}]` : ''}: ${message}`,
    ...(stack ? ['', 'Stack:', stack] : []),
    ...(context.componentStack ? ['', 'Components:', context.componentStack.trim()] : []),
  ].join('\n');
};
