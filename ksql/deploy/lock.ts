import { PollTimeout, pollUntil } from '../../common/poll.ts';
import { DeployError } from './errors.ts';
import type { MetadataStore, MigrationRow } from './metadata.ts';

/**
 * An advisory lock against concurrent applies, kept in the migration metadata itself under the
 * version key `DEPLOY_LOCK` (ksql-migrations ignores keys that are not versions, so `info`
 * stays correct). ksqlDB has no compare-and-set, so acquisition is: refuse if another owner
 * holds an unexpired lock, write our claim, then read back until the table shows a claim and
 * check it is ours. Two applies started within the table's update latency of each other can
 * both read their own claim before the other's lands, so the lock is re-checked before every
 * file; ksql-migrations' own guard (refusing while CURRENT is RUNNING) remains the second line.
 */
export const LOCK_KEY = 'DEPLOY_LOCK';

export interface LockOptions {
  readonly owner: string;
  readonly ttlMs: number;
  readonly now: () => number;
  readonly readBackTimeoutMs?: number;
}

export class DeployLock {
  constructor(
    private readonly store: MetadataStore,
    private readonly options: LockOptions,
  ) {}

  private row(state: 'LOCKED' | 'RELEASED'): MigrationRow {
    const now = this.options.now();
    return {
      versionKey: LOCK_KEY,
      version: LOCK_KEY,
      name: this.options.owner,
      state,
      checksum: '',
      startedOn: String(now),
      completedOn: String(now + this.options.ttlMs),
      previous: '',
      errorReason: 'N/A',
    };
  }

  private heldByOther(row: MigrationRow | undefined): boolean {
    return (
      row !== undefined &&
      row.state === 'LOCKED' &&
      row.name !== this.options.owner &&
      Number(row.completedOn) > this.options.now()
    );
  }

  private refuse(row: MigrationRow): DeployError {
    return new DeployError(
      `another deploy (${row.name}) holds the migration lock until ${new Date(Number(row.completedOn)).toISOString()}`,
      { retriable: true },
      { hint: 'wait for it to finish; if it crashed, re-run after the lock expires or pass --force-unlock' },
    );
  }

  async acquire(force = false): Promise<void> {
    const existing = await this.store.read(LOCK_KEY);
    if (!force && existing && this.heldByOther(existing)) throw this.refuse(existing);
    const claim = this.row('LOCKED');
    await this.store.writeKey(claim);
    const seen = await pollUntil(
      async () => {
        const row = await this.store.read(LOCK_KEY);
        return row && Number(row.startedOn) >= Number(claim.startedOn) ? row : undefined;
      },
      { timeoutMs: this.options.readBackTimeoutMs ?? 30_000, now: this.options.now },
    ).catch((err: unknown) => {
      if (err instanceof PollTimeout) {
        throw new DeployError(
          'the migration lock could not be read back from the server',
          { retriable: true },
          { cause: err },
        );
      }
      throw err;
    });
    if (seen.name !== this.options.owner) throw this.refuse(seen);
  }

  /** Re-checks ownership and extends the lease; called before each migration file. */
  async renew(): Promise<void> {
    const row = await this.store.read(LOCK_KEY);
    if (row && this.heldByOther(row)) throw this.refuse(row);
    await this.store.writeKey(this.row('LOCKED'));
  }

  async release(): Promise<void> {
    await this.store.writeKey(this.row('RELEASED'));
  }
}
