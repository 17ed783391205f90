import { retryWhileBusy } from '../store/busy.js';
import type { DigestSetting, DigestStore, DigestTarget } from '../store/digest-store.js';
import type { DigestService } from './digest-service.js';

/** What `/customertype digest` may do: read and change a workspace's setting. */
export class DigestSettings {
  constructor(
    private readonly store: DigestStore,
    private readonly service: DigestService,
  ) {}

  async current(teamId: string): Promise<DigestTarget> {
    return (await this.store.setting(teamId))?.target ?? { kind: 'off' };
  }

  /** On the request path: waits for another process's write lock with the event loop free, a second at most. */
  async change(teamId: string, target: DigestTarget, userId: string): Promise<DigestSetting | undefined> {
    await retryWhileBusy(() => this.store.saveSetting(teamId, target, userId));
    this.service.settingChanged(teamId);
    return this.store.setting(teamId);
  }
}
