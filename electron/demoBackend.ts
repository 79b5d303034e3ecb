/** Starts the embedded simulator once, on loopback, the first time demo mode needs it. */
export interface DemoBackend {
  url(): Promise<string>;
  stop(): Promise<void>;
}

export type StartSimulator = () => Promise<{ url: string; close: () => Promise<void> }>;

export const createDemoBackend = (start: StartSimulator): DemoBackend => {
  let running: ReturnType<StartSimulator> | null = null;
  return {
    url: async () => {
      running ??= start().catch((error: unknown) => {
        running = null;
        throw error;
      });
      return (await running).url;
    },
    stop: async () => {
      const current = running;
      running = null;
      if (current) await (await current).close();
    },
  };
};
