import { describe, expect, it } from 'vitest';
import { FakeWebContents } from './testing/fakeElectron';
import { createZoom, readZoomIndex, ZOOM_FACTORS } from './zoom';
import type { WindowStateFiles } from './windowState';

const memoryFiles = (initial: string | null = null) => {
  let text = initial;
  const files: WindowStateFiles = {
    read: () => text,
    write: (value) => {
      text = value;
    },
  };
  return { files, current: () => text };
};

describe('window zoom', () => {
  it('steps through Chromium’s factors, stops at both ends and writes each change', () => {
    const contents = new FakeWebContents();
    const { files, current } = memoryFiles();
    const zoom = createZoom(contents, files);
    expect(zoom.current()).toBe(1);
    zoom.zoomIn();
    expect(contents.zoomFactor).toBe(1.1);
    expect(JSON.parse(current() ?? '')).toEqual({ zoomFactor: 1.1 });
    for (let step = 0; step < 20; step += 1) zoom.zoomIn();
    expect(contents.zoomFactor).toBe(2);
    for (let step = 0; step < 20; step += 1) zoom.zoomOut();
    expect(contents.zoomFactor).toBe(0.5);
    zoom.reset();
    expect(contents.zoomFactor).toBe(1);
    expect(JSON.parse(current() ?? '')).toEqual({ zoomFactor: 1 });
  });

  it('comes back at the saved factor after a restart and after every load', () => {
    const { files } = memoryFiles();
    createZoom(new FakeWebContents(), files).zoomOut();
    const contents = new FakeWebContents();
    const zoom = createZoom(contents, files);
    expect(zoom.current()).toBe(0.9);
    contents.emit('did-finish-load');
    expect(contents.zoomFactor).toBe(0.9);
    // A reload starts from Chromium's per-origin factor; the saved one is set again.
    contents.zoomFactor = 1;
    contents.emit('did-finish-load');
    expect(contents.zoomFactor).toBe(0.9);
  });

  it('follows Ctrl and the mouse wheel, and remembers it', () => {
    const contents = new FakeWebContents();
    const { files, current } = memoryFiles();
    createZoom(contents, files);
    contents.emit('zoom-changed', {}, 'in');
    contents.emit('zoom-changed', {}, 'in');
    contents.emit('zoom-changed', {}, 'out');
    expect(contents.zoomFactor).toBe(1.1);
    expect(JSON.parse(current() ?? '')).toEqual({ zoomFactor: 1.1 });
  });

  it('reads anything but a saved step as actual size', () => {
    const actual = ZOOM_FACTORS.indexOf(1);
    for (const text of [
      null,
      '',
      '{',
      '[]',
      '{"zoomFactor":"2"}',
      '{"zoomFactor":1.05}',
      '{"zoomFactor":40}',
    ])
      expect(readZoomIndex(memoryFiles(text).files)).toBe(actual);
    expect(readZoomIndex(memoryFiles('{"zoomFactor":1.25}').files)).toBe(ZOOM_FACTORS.indexOf(1.25));
  });
});
