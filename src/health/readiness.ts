import type { ContentVersions } from '../content/content';

/** Health of the state storage. */
export enum StorageHealth {
  Ok = 'ok',
  Degraded = 'degraded',
}

/** Whether the process can answer: content loaded, engine built, storage reachable. */
export class Readiness {
  private versions?: ContentVersions;
  private storage: StorageHealth = StorageHealth.Ok;

  /** True once content is loaded and the bot can answer. */
  get ready(): boolean {
    return this.versions !== undefined;
  }

  /** Marks the process ready with the content it runs on. */
  markReady(versions: ContentVersions): void {
    this.versions = versions;
  }

  /** Records the storage's health as seen by the last turn. */
  setStorage(health: StorageHealth): void {
    this.storage = health;
  }

  /** The `/healthz` body. */
  report(version: string): Record<string, unknown> {
    return {
      status: !this.ready ? 'starting' : this.storage === StorageHealth.Ok ? 'ok' : 'degraded',
      version,
      storage: this.storage,
      content: this.versions ?? null,
    };
  }
}
