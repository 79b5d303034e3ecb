/** Something with a lifetime: whoever created it calls dispose once it is no longer needed. */
export interface Disposable {
  /** Releases what it holds; calling it again does nothing. */
  dispose(): void;
}

export const toDisposable = (dispose: () => void): Disposable => {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
};

/** Disposables disposed together, the last added first (as a stack unwinds). */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Adds a disposable; one added after the store was disposed is disposed at once (it would leak). */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const failures: unknown[] = [];
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        // One failing disposal must not keep the others alive.
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'Some disposables failed to dispose');
  }
}
