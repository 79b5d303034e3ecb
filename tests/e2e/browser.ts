import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded one. CHROMIUM_PATH overrides for other machines. */
export const chromiumPath = (): string => {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) throw new Error("Chromium not found: install Debian's chromium or set CHROMIUM_PATH");
  return found;
};

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Uncaught errors and console errors of every page and worker since the last take. */
const problems: string[] = [];
/** What the running test expects to go wrong (a deliberately refused request); cleared after it. */
const allowed: RegExp[] = [];

/**
 * Lets the running test pass despite page problems matching one of these: only what it provokes on
 * purpose, for example the browser's console line about a request it makes fail.
 */
export const allowPageProblems = (...patterns: RegExp[]): void => {
  allowed.push(...patterns);
};

/** The problems not allowed since the last call; clears them and the allowances (tests/e2e/pageGuard.ts). */
export const takePageProblems = (): string[] => {
  const found = problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
  problems.length = 0;
  allowed.length = 0;
  return found;
};

const guard = (context: BrowserContext): BrowserContext => {
  context.on('weberror', (error) => {
    // A rejected dynamic import has an empty stack: its message is then the only clue.
    problems.push(`uncaught: ${error.error().stack || error.error().message}`);
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.worker() ? 'worker' : (message.page()?.url() ?? 'page');
    const { url, lineNumber } = message.location();
    problems.push(`console.error in ${where}: ${message.text()} (${url}:${lineNumber})`);
  });
  return context;
};

/** Chromium whose every context reports its pages' and workers' errors to the end-to-end guard. */
export const launchChromium = async (): Promise<Browser> => {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => guard(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // As Browser.newPage does: the page's context ends with the page.
    page.on('close', () => void context.close());
    return page;
  };
  return browser;
};

/**
 * Drags a file from the OS over the page and drops it on `target` (the body by default): the File
 * is built in the page from the bytes and carried by a real DataTransfer, through dragenter,
 * dragover and drop as Chromium fires them. `drop: false` stops once the drag has entered.
 * Resolves whether the page cancelled the drop, as it must: a drop left to the browser opens the
 * file in place of the app.
 */
export const dropFile = async (
  page: Page,
  file: { name: string; bytes: Uint8Array },
  options: { drop?: boolean; target?: string } = {},
): Promise<{ cancelled: boolean }> =>
  page.evaluate(
    ({ name, data, drop, target }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name));
      const element = document.querySelector(target) ?? document.body;
      // dispatchEvent answers false when a listener cancelled the event.
      const fire = (type: string) =>
        !element.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      fire('dragenter');
      const over = fire('dragover');
      return { cancelled: drop ? fire('drop') && over : over };
    },
    { name: file.name, data: [...file.bytes], drop: options.drop ?? true, target: options.target ?? 'body' },
  );
