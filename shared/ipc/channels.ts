/**
 * The channel names alone, without schemas, for the sandboxed preload (which should stay tiny).
 * `contract.ts` checks at compile time that this list and the contract agree.
 */
export const CHANNEL_NAMES = [
  'app:status:get',
  'totp:account:list',
  'totp:account:add',
  'totp:account:update',
  'totp:account:reorder',
  'totp:account:export-qr',
  'totp:account:delete',
  'totp:counter:increment',
  'totp:code:list',
  'totp:migration:preview',
  'totp:migration:import',
  'totp:backup:create',
  'totp:file:preview',
] as const;
