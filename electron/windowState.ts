import { z } from 'zod';

/** Where and how big the window was when the clerk last closed it. */
export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowStateFiles {
  read(): string | null;
  write(text: string): void;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

const intersects = (a: Rectangle, b: Rectangle): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A saved position is used only if it is still on one of today's displays (a monitor may be gone). */
export const restoreWindowState = (files: WindowStateFiles, displays: readonly Rectangle[]): WindowState => {
  let saved: WindowState;
  try {
    const text = files.read();
    if (text === null) return DEFAULT_WINDOW_STATE;
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return DEFAULT_WINDOW_STATE;
    saved = parsed.data;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const { x, y } = saved;
  if (x === undefined || y === undefined) return saved;
  const visible = displays.some((display) =>
    intersects({ x, y, width: saved.width, height: saved.height }, display),
  );
  return visible ? saved : { width: saved.width, height: saved.height, maximized: saved.maximized };
};

export const saveWindowState = (files: WindowStateFiles, bounds: Rectangle, maximized: boolean): void => {
  const state = WindowStateSchema.safeParse({ ...bounds, maximized });
  if (state.success) files.write(JSON.stringify(state.data));
};
