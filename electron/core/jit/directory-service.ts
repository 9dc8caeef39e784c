/**
 * The directory (users, their linking attributes and groups) and JIT provisioning into it (SPEC
 * J0–J8). `plan()` decides what a sign-in would change and is what Test SSO and the mapping preview
 * show; `apply()` writes exactly that plan in one transaction. JIT never removes a group and never
 * deletes a user (J8).
 */
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import {
  PROFILE_FIELDS,
  type DirectoryUser,
  type JitSettings,
  type LinkingAttribute,
  type Profile,
  type ProvisioningPlan,
} from '../../../shared/admin/directory';
import { statementCache, type Db, type Statement } from '../store/database';
import type { OrgService } from '../org/org-service';
import { emailDomain } from '../routing/engine';
import type { MappedIdentity } from './mapping';
import { createLogger } from '../logger';

const log = createLogger('directory');

interface UserRow {
  id: string;
  email: string;
  active: number;
  profile_json: string;
  licenses_json: string;
  mfa_opted_in: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
}

/** A plan plus what apply() needs to carry it out. */
export interface Provisioning {
  plan: ProvisioningPlan;
  /** The user the person signs in as once the plan is applied (null: not in the directory). */
  profileAfter: Profile;
  links: Partial<Record<LinkingAttribute, string>>;
  activate: boolean;
  /** The IdP whose sign-in this is: its links are the ones read and written. */
  idpId: string;
  createdBy: string;
}

/** The IdP a sign-in came through. */
export interface ProvisioningSource {
  id: string;
  name: string;
}

export type IdentityConfirmation = 'confirmed' | 'declined' | null;

export class DirectoryService {
  private readonly sql: (text: string) => Statement;
  private readonly created = new Set<(userId: string) => void>();

  constructor(
    private readonly db: Db,
    private readonly org: OrgService,
    private readonly now: () => number,
  ) {
    this.sql = statementCache(db);
  }

  private userRow(id: string): UserRow | undefined {
    return this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  private byEmail(email: string): UserRow | undefined {
    return this.sql('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
  }

  private byLink(idpId: string, attribute: LinkingAttribute, value: string): UserRow | undefined {
    return this.sql(
      `SELECT users.* FROM user_links JOIN users ON users.id = user_links.user_id
       WHERE idp_id = ? AND attribute = ? AND value = ?`,
    ).get(idpId, attribute, value) as UserRow | undefined;
  }

  /**
   * What signing in with `mapped` through an IdP with `jit` does to the directory. Reads only.
   * `confirmation` is the person's answer to a confirm-identity plan (J1).
   */
  plan(
    mapped: MappedIdentity,
    jit: JitSettings,
    source: ProvisioningSource,
    confirmation: IdentityConfirmation = null,
  ): Provisioning {
    const createdBy = `jit:${source.name}`;
    const idpId = source.id;
    const base = (user: UserRow | undefined): ProvisioningPlan => ({
      action: 'none',
      reason: null,
      email: mapped.email,
      userId: user?.id ?? null,
      linkedBy: null,
      changes: [],
      groupsAdded: [],
      rejected: [...mapped.rejected],
    });
    const nothing = (user: UserRow | undefined, reason: string): Provisioning => ({
      plan: { ...base(user), action: 'none', reason },
      profileAfter: {},
      links: {},
      activate: false,
      idpId,
      createdBy,
    });

    const linkValue = jit.linkBy ? mapped.links[jit.linkBy] : undefined;
    const linked =
      jit.linkBy && linkValue !== undefined ? this.byLink(idpId, jit.linkBy, linkValue) : undefined;
    const byEmail = this.byEmail(mapped.email);

    // Without JIT, the person signs in as the user with their own email, never through a link:
    // a link is only followed where JIT may also act on it (a claimed domain, J0).
    const settings = this.org.directorySettings();
    if (settings.directorySync) {
      return nothing(byEmail, 'Directory sync is on, so JIT neither creates nor updates users.');
    }
    const domain = emailDomain(mapped.email);
    if (!this.org.isClaimed(domain)) {
      return nothing(
        byEmail,
        `${domain} is not a claimed domain, so JIT does not create or update its users. Verify and claim it under Organization.`,
      );
    }
    if (!jit.createUsers && !jit.updateUsers) {
      return nothing(byEmail, 'JIT is off for this identity provider.');
    }

    let target: UserRow | undefined;
    let linkedBy: string | null = null;
    const links = { ...mapped.links };
    if (linked && linked.email.toLowerCase() === mapped.email) {
      target = linked;
      linkedBy = jit.linkBy;
    } else if (linked) {
      // J1: the user this person is linked to has another email.
      if (jit.allowNewEmail && !byEmail && confirmation === null) {
        return {
          plan: {
            ...base(linked),
            action: 'confirm-identity',
            linkedBy: jit.linkBy,
            reason: `${mapped.email} is linked by ${jit.linkBy} to ${linked.email}; the person must confirm it is them, or a new user is created.`,
          },
          profileAfter: {},
          links: {},
          activate: false,
          idpId,
          createdBy,
        };
      }
      if (jit.allowNewEmail && !byEmail && confirmation === 'confirmed') {
        target = linked;
        linkedBy = jit.linkBy;
      } else {
        // Not confirmed: the link stays with the user who has it; this person is someone else.
        target = byEmail;
        if (jit.linkBy) delete links[jit.linkBy];
      }
    } else {
      target = byEmail;
    }

    if (!target) {
      if (!jit.createUsers) {
        return nothing(
          undefined,
          `${mapped.email} is not in the directory and "create users" is off for this identity provider.`,
        );
      }
      const changes = PROFILE_FIELDS.filter((field) => mapped.profile[field] !== undefined).map((field) => ({
        field,
        before: null,
        after: mapped.profile[field]!,
      }));
      return {
        plan: {
          ...base(undefined),
          action: 'create',
          linkedBy,
          changes: [{ field: 'email', before: null, after: mapped.email }, ...changes],
          groupsAdded: [...mapped.groups],
          rejected: [...mapped.rejected, ...this.takenLinks(idpId, links, null, jit.linkBy, linked)],
        },
        profileAfter: { ...mapped.profile },
        links,
        activate: true,
        idpId,
        createdBy,
      };
    }

    const activate = target.active !== 1;
    if (activate && !jit.createUsers) {
      return nothing(target, `${target.email} is deactivated and "create or activate users" is off.`);
    }
    if (!jit.updateUsers && !activate) {
      return {
        plan: { ...base(target), action: 'unchanged', linkedBy, reason: '"Update users" is off.' },
        profileAfter: JSON.parse(target.profile_json) as Profile,
        links: {},
        activate: false,
        idpId,
        createdBy,
      };
    }
    const before = JSON.parse(target.profile_json) as Profile;
    // Fields the IdP did not send are kept: an assertion without `title` does not erase the title.
    const after: Profile = { ...before, ...mapped.profile };
    const changes: ProvisioningPlan['changes'] = [];
    if (target.email.toLowerCase() !== mapped.email) {
      changes.push({ field: 'email', before: target.email, after: mapped.email });
    }
    if (activate) changes.push({ field: 'active', before: 'false', after: 'true' });
    for (const field of PROFILE_FIELDS) {
      if (before[field] !== after[field]) {
        changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
      }
    }
    const existing = new Set(this.groupsOf(target.id).map((name) => name.toLowerCase()));
    const groupsAdded = mapped.groups.filter((name) => !existing.has(name.toLowerCase()));
    const rejected = [...mapped.rejected, ...this.takenLinks(idpId, links, target.id, jit.linkBy, linked)];
    // Links this user already has from this IdP need no write.
    const stored = this.sql('SELECT attribute, value FROM user_links WHERE user_id = ? AND idp_id = ?').all(
      target.id,
      idpId,
    ) as { attribute: LinkingAttribute; value: string }[];
    for (const { attribute, value } of stored) if (links[attribute] === value) delete links[attribute];
    const linksChanged = Object.keys(links).length > 0;
    return {
      plan: {
        ...base(target),
        action: changes.length > 0 || groupsAdded.length > 0 || linksChanged ? 'update' : 'unchanged',
        linkedBy,
        changes,
        groupsAdded,
        rejected,
      },
      profileAfter: after,
      links,
      activate,
      idpId,
      createdBy,
    };
  }

  /** Linking values another user holds are refused (and left out), never moved silently. */
  private takenLinks(
    idpId: string,
    links: Partial<Record<LinkingAttribute, string>>,
    userId: string | null,
    /** The linking attribute plan() has already looked up, and who holds its value (one read less). */
    linkBy: LinkingAttribute | null,
    linked: UserRow | undefined,
  ): ProvisioningPlan['rejected'] {
    const rejected: ProvisioningPlan['rejected'] = [];
    for (const [attribute, value] of Object.entries(links) as [LinkingAttribute, string][]) {
      // links[linkBy], where still present, is the value plan() looked up (it comes from mapped.links).
      const holder = attribute === linkBy ? linked : this.byLink(idpId, attribute, value);
      if (holder && holder.id !== userId) {
        rejected.push({ field: attribute, value, problem: `already links ${holder.email}` });
        delete links[attribute];
      }
    }
    return rejected;
  }

  /**
   * Called after JIT created a user (the welcome email, C6). A listener's failure is logged, never
   * passed on: nothing that follows a creation may fail the sign-in.
   */
  onUserCreated(listener: (userId: string) => void): () => void {
    this.created.add(listener);
    return () => this.created.delete(listener);
  }

  /**
   * Writes a plan (one transaction) and records the sign-in; returns the user's id. A plan that
   * writes nothing still needs a user: one not in the directory cannot sign in.
   */
  apply(provisioning: Provisioning, signedIn: boolean): string {
    const userId = this.write(provisioning, signedIn);
    if (provisioning.plan.action === 'create') {
      for (const listener of this.created) {
        try {
          listener(userId);
        } catch (error) {
          log.warn('A listener for new users failed; the sign-in goes on', error);
        }
      }
    }
    return userId;
  }

  private write(provisioning: Provisioning, signedIn: boolean): string {
    const { plan } = provisioning;
    if (plan.action === 'confirm-identity') {
      throw new AppError(
        ErrorCode.InvalidInput,
        'The person has not confirmed their identity yet.',
        'jit.confirm',
      );
    }
    const now = this.now();
    const signedInAt = signedIn ? now : null;
    return this.db.transaction(() => {
      let userId = plan.userId;
      if (plan.action === 'create') {
        userId = randomUUID();
        this.sql(
          `INSERT INTO users (id, email, active, profile_json, licenses_json, created_by, created_at, updated_at,
                              last_sign_in_at)
           VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        ).run(
          userId,
          plan.email,
          JSON.stringify(provisioning.profileAfter),
          // J2: licences only from the automatic template.
          JSON.stringify(this.org.directorySettings().licenseTemplate),
          provisioning.createdBy,
          now,
          now,
          signedInAt,
        );
      } else if (plan.action === 'update' && userId) {
        this.sql(
          `UPDATE users SET email = ?, active = 1, profile_json = ?, updated_at = ?,
             last_sign_in_at = COALESCE(?, last_sign_in_at) WHERE id = ?`,
        ).run(plan.email, JSON.stringify(provisioning.profileAfter), now, signedInAt, userId);
      } else if (userId && signedIn) {
        this.sql('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(now, userId);
      }
      if (!userId) {
        throw new AppError(
          ErrorCode.NotFound,
          plan.reason ?? `${plan.email} is not in the directory.`,
          'directory.userMissing',
        );
      }
      if (plan.action === 'create' || plan.action === 'update') {
        const setLink = this.sql(
          'INSERT OR REPLACE INTO user_links (idp_id, attribute, value, user_id) VALUES (?, ?, ?, ?)',
        );
        const dropOld = this.sql('DELETE FROM user_links WHERE user_id = ? AND idp_id = ? AND attribute = ?');
        for (const [attribute, value] of Object.entries(provisioning.links)) {
          // A new user has no links to replace.
          if (plan.action === 'update') dropOld.run(userId, provisioning.idpId, attribute);
          setLink.run(provisioning.idpId, attribute, value, userId);
        }
        // J8: additive only.
        const addGroup = this.sql(
          'INSERT OR IGNORE INTO user_groups (user_id, name, added_at) VALUES (?, ?, ?)',
        );
        for (const name of plan.groupsAdded) addGroup.run(userId, name, now);
      }
      return userId;
    })();
  }

  /** The built-in identity's users enter the directory at their first sign-in. */
  ensureUser(email: string, displayName: string, createdBy: string): string {
    const existing = this.byEmail(email);
    if (existing) {
      if (existing.active !== 1) {
        throw new AppError(
          ErrorCode.Forbidden,
          `${email} is deactivated in the directory.`,
          'directory.inactive',
        );
      }
      return existing.id;
    }
    const id = randomUUID();
    const now = this.now();
    this.sql(
      `INSERT INTO users (id, email, active, profile_json, licenses_json, created_by, created_at, updated_at)
         VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      email,
      JSON.stringify({ displayName }),
      JSON.stringify(this.org.directorySettings().licenseTemplate),
      createdBy,
      now,
      now,
    );
    return id;
  }

  /** M2: the person's own choice (the policy decides whether it counts). */
  setMfaOptIn(userId: string, optedIn: boolean): void {
    this.sql('UPDATE users SET mfa_opted_in = ?, updated_at = ? WHERE id = ?').run(
      Number(optedIn),
      this.now(),
      userId,
    );
  }

  markSignedIn(userId: string): void {
    this.sql('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(this.now(), userId);
  }

  private groupsOf(userId: string): string[] {
    return (
      this.sql('SELECT name FROM user_groups WHERE user_id = ? ORDER BY name').all(userId) as {
        name: string;
      }[]
    ).map((row) => row.name);
  }

  user(id: string): DirectoryUser {
    const row = this.userRow(id);
    if (!row) throw new AppError(ErrorCode.NotFound, 'That user no longer exists.', 'directory.userNotFound');
    return this.toUser(row);
  }

  userByEmail(email: string): DirectoryUser | null {
    const row = this.byEmail(email);
    return row ? this.toUser(row) : null;
  }

  private toUser(row: UserRow): DirectoryUser {
    const mfa = this.sql(
      `SELECT (SELECT confirmed_at FROM mfa_enrollments WHERE user_id = ?1) AS confirmed_at,
                (SELECT locked_until FROM sign_in_failures WHERE key = 'mfa:' || ?1) AS locked_until`,
    ).get(row.id) as { confirmed_at: number | null; locked_until: number | null };
    return {
      id: row.id,
      email: row.email,
      active: row.active === 1,
      profile: JSON.parse(row.profile_json) as Profile,
      groups: this.groupsOf(row.id),
      licenses: JSON.parse(row.licenses_json) as string[],
      mfa: {
        optedIn: row.mfa_opted_in === 1,
        enrolled: mfa.confirmed_at !== null,
        lockedUntil: mfa.locked_until !== null && mfa.locked_until > this.now() ? mfa.locked_until : null,
      },
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastSignInAt: row.last_sign_in_at,
    };
  }

  /** Directory screen: search by email, name or group; newest sign-ins first. */
  list(query: string, limit: number): DirectoryUser[] {
    const like = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.sql(
      `SELECT * FROM users WHERE email LIKE ?1 ESCAPE '\\' OR profile_json LIKE ?1 ESCAPE '\\'
            OR id IN (SELECT user_id FROM user_groups WHERE name LIKE ?1 ESCAPE '\\')
         ORDER BY last_sign_in_at IS NULL, last_sign_in_at DESC, email LIMIT ?2`,
    ).all(like, limit) as UserRow[];
    return rows.map((row) => this.toUser(row));
  }
}
