/** The app lock's settings and state, checked the same way by the renderer's forms and the core. */
import { z } from 'zod';

export const LOCK_PASSWORD_LIMITS = { min: 8, max: 1024 } as const;

/** Minutes without input before Tessera locks itself; 0 means only when asked (or the OS locks). */
export const AUTO_LOCK_CHOICES = [0, 1, 2, 5, 10, 15, 30, 60, 240] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export const LockPasswordSchema = z
  .string()
  .min(LOCK_PASSWORD_LIMITS.min, `The password needs at least ${LOCK_PASSWORD_LIMITS.min} characters.`)
  .max(LOCK_PASSWORD_LIMITS.max);

/** A password being checked (not chosen): any length up to the limit, so a wrong one is just wrong. */
export const GivenPasswordSchema = z.string().max(LOCK_PASSWORD_LIMITS.max);

export const AutoLockMinutesSchema = z
  .number()
  .int()
  .refine((m) => (AUTO_LOCK_CHOICES as readonly number[]).includes(m), 'Choose one of the offered times.');

export const LockStatusSchema = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  autoLockMinutes: z.number().int(),
});
export type LockStatus = z.infer<typeof LockStatusSchema>;
