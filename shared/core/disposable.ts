/** Something with a lifetime: whoever created it calls dispose once it is no longer needed. */
export interface Disposable {
  /** Releases what it holds; calling it again does nothing. */
  dispose(): void;
}
