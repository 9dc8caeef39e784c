/**
 * Import from Google Authenticator export codes in two steps, so no secret ever goes back to the
 * renderer: `preview` parses the codes here, keeps the result in memory under a random id for a
 * few minutes and returns only what a person needs to choose; `import` saves the chosen entries.
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { MigrationPreview, TotpAccount } from '../../../shared/ipc/contract';
import type { NewAccount } from './account-input';
import { readImportFile } from './file-import';
import { parseMigrationUri, type MigrationEntry } from './migration';
import type { Clock, TotpVaultService } from './vault-service';

const BATCH_LIFETIME_MS = 10 * 60 * 1000;
const MAX_BATCHES = 4;

interface Batch {
  entries: MigrationEntry[];
  expires: number;
}

export class MigrationImportService {
  private readonly batches = new Map<string, Batch>();

  constructor(
    private readonly vault: TotpVaultService,
    private readonly clock: Clock,
  ) {}

  preview(uris: string[]): MigrationPreview {
    const parts = uris.map((uri) => parseMigrationUri(uri));
    const first = parts[0]!;
    if (parts.some((p) => p.batchId !== first.batchId || p.batchSize !== first.batchSize)) {
      throw new AppError(
        ErrorCode.InvalidInput,
        'These codes come from different exports. Scan the codes of one export at a time.',
        'migration.mixedBatches',
      );
    }
    // The same code scanned twice counts once.
    const byIndex = new Map(parts.map((p) => [p.batchIndex, p]));
    const ordered = [...byIndex.values()].sort((a, b) => a.batchIndex - b.batchIndex);
    const entries = ordered.flatMap((p) => p.entries);
    const missingParts = Array.from({ length: first.batchSize }, (_, i) => i)
      .filter((i) => !byIndex.has(i))
      .map((i) => i + 1);
    return this.stage(entries, missingParts, first.batchSize);
  }

  /** A file (Tessera backup, Aegis, 2FAS, otpauth list): the same preview, then the same import. */
  async previewFile(content: string, password: string | undefined): Promise<MigrationPreview> {
    return this.stage(await readImportFile(content, password), [], 1);
  }

  private stage(entries: MigrationEntry[], missingParts: number[], totalParts: number): MigrationPreview {
    this.sweep();
    const batchId = randomUUID();
    this.batches.set(batchId, { entries, expires: this.clock.now() + BATCH_LIFETIME_MS });
    return {
      batchId,
      missingParts,
      totalParts,
      entries: entries.map((entry, index) =>
        entry.ok
          ? {
              index,
              issuer: entry.account.issuer,
              accountName: entry.account.accountName,
              type: entry.account.type,
              algorithm: entry.account.algorithm,
              digits: entry.account.digits,
              problem: null,
              duplicateOf: this.vault.findBySecret(entry.account.secret, entry.account.type),
            }
          : {
              index,
              issuer: entry.issuer,
              accountName: entry.accountName,
              type: 'totp',
              algorithm: null,
              digits: null,
              problem: entry.problem,
              duplicateOf: null,
            },
      ),
    };
  }

  async import(batchId: string, indices: number[]): Promise<TotpAccount[]> {
    this.sweep();
    const batch = this.batches.get(batchId);
    if (!batch) {
      throw new AppError(
        ErrorCode.NotFound,
        'This import has expired. Scan the export code again.',
        'migration.expired',
      );
    }
    const chosen: NewAccount[] = [];
    for (const index of new Set(indices)) {
      const entry = batch.entries[index];
      if (!entry?.ok) {
        throw new AppError(
          ErrorCode.InvalidInput,
          'One of the chosen accounts cannot be imported.',
          'migration.badChoice',
        );
      }
      chosen.push(entry.account);
    }
    const added = await this.vault.addMany(chosen);
    this.batches.delete(batchId);
    return added;
  }

  /** Forget expired previews, and the oldest beyond a few: their secrets should not linger. */
  private sweep(): void {
    const now = this.clock.now();
    for (const [id, batch] of this.batches) if (batch.expires <= now) this.batches.delete(id);
    while (this.batches.size >= MAX_BATCHES) this.batches.delete(this.batches.keys().next().value!);
  }
}
