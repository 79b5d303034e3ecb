import { z } from 'zod';

/**
 * The browser build's settings that depend on where it is served, read at start from a file beside
 * index.html (`npm run web` writes it, scripts/webServer.ts). Baking them into the bundle with vite's
 * `define` made every new simulator port a different build.
 */
export const WEB_CONFIG_FILE = 'web-config.json';

const WebConfigSchema = z.object({ demoApiUrl: z.url({ protocol: /^https?$/ }) });

export type WebConfig = z.infer<typeof WebConfigSchema>;

/** The served configuration; the fallback when it is missing or unreadable (a static copy of the build). */
export const loadWebConfig = async (
  fetchFile: (path: string) => Promise<Response>,
  fallback: WebConfig,
): Promise<WebConfig> => {
  try {
    const response = await fetchFile(WEB_CONFIG_FILE);
    if (!response.ok) return fallback;
    const parsed = WebConfigSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
};
