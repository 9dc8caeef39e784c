/**
 * Sign-in (issue #5), each figure beside a baseline measured in the same run:
 * - SAML response validation: SamlServiceProvider.validate (node-saml plus our own checks) beside
 *   bare node-saml validatePostResponseAsync with the same settings, on responses shaped like a
 *   typical IdP's (14 attributes, RSA-2048 SHA-256 signed assertion, KeyInfo certificate);
 * - a whole sign-in through BrokerService on the encrypted store (email → AuthnRequest, ACS,
 *   continuation → signed in; JIT on, MFA off), without the IdP's work (building and signing the
 *   response, which happens between the timed steps);
 * - JIT provisioning throughput (mapAttributes + DirectoryService.plan + apply, one transaction a
 *   user) beside the same rows written with bare INSERTs on an identical encrypted store.
 *
 * The responses are built and signed here with xml-crypto, as bench/sso.ts builds its metadata:
 * test/support/ is outside tsconfig.node.json's files (and needs DOM types), so bench/ cannot
 * import it without breaking `tsc -b`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inflateRawSync } from 'node:zlib';
import { SAML, ValidateInResponseTo, type CacheItem, type CacheProvider } from '@node-saml/node-saml';
import { SignedXml } from 'xml-crypto';
import type { JitSettings } from '../shared/admin/directory';
import { composeSignin } from '../electron/core/app-core';
import { BrokerService, FLOW_COOKIE, type Answer } from '../electron/core/broker/broker-service';
import { SamlServiceProvider, SAML_LIMITS, type SamlPeer } from '../electron/core/broker/saml-sp';
import { DirectoryService } from '../electron/core/jit/directory-service';
import { attributeMap, mapAttributes, type AttributeMap } from '../electron/core/jit/mapping';
import { OrgService } from '../electron/core/org/org-service';
import { KeytarSecretStore } from '../electron/core/secrets/keytar-secret-store';
import { generateSelfSignedSpCertificate } from '../electron/core/sso/certificates';
import { SAML_NS, XMLDSIG } from '../electron/core/sso/metadata';
import { SsoConfigService } from '../electron/core/sso/sso-config-service';
import { openDatabase, readOrCreateVaultId, type Db } from '../electron/core/store/database';
import { median, row } from './format';

const VALIDATIONS = 300;
const SIGN_INS = 200;
const JIT_USERS = 5_000;
const WARM_UP = 20;

const IDP_ENTITY_ID = 'https://idp.example.com/idp/shibboleth';
const IDP_SSO_URL = 'https://idp.example.com/idp/profile/SAML2/Redirect/SSO';
const DOMAIN = 'example.com';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** The result of `fn` and how long it took, in ms. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** Median and p95 rows beside their baselines (format.ts prints one figure a row). */
function rows(
  name: string,
  times: number[],
  baselineName: string,
  baseline: number[],
  target?: string,
): void {
  row(name, median(times), baselineName, median(baseline), target);
  row('  p95', percentile(times, 0.95), '  p95', percentile(baseline, 0.95));
}

// ── An IdP's response ────────────────────────────────────────────────────────────────────────

interface Person {
  email: string;
  /** Attribute name → values, in the order the IdP sends them. */
  attributes: [string, string[]][];
}

/**
 * What a typical IdP releases (Entra ID, Okta, Shibboleth): the email as user id, 12 profile
 * attributes and 3 group memberships. `round` changes title, department, cost centre and a group,
 * as a second sign-in after a reorganization would.
 */
function person(i: number, round = 0): Person {
  const email = `person${i}@${DOMAIN}`;
  return {
    email,
    attributes: [
      ['email', [email]],
      ['employeeID', [`E-${100_000 + i}`]],
      ['employeeNumber', [String(700_000 + i)]],
      ['displayName', [`Person ${i} Example`]],
      ['givenName', [`Person ${i}`]],
      ['sn', ['Example']],
      ['preferredLanguage', [i % 2 ? 'sv' : 'en']],
      ['locale', [i % 2 ? 'sv-SE' : 'en-GB']],
      ['timezone', [i % 2 ? 'Europe/Stockholm' : 'Europe/London']],
      ['title', [round ? `Senior engineer ${i % 7}` : `Engineer ${i % 7}`]],
      ['department', [`Department ${(i + round) % 40}`]],
      ['costCenter', [`CC-${(i + 3 * round) % 200}`]],
      ['telephoneNumber', [`+4670${String(1_000_000 + i).padStart(7, '0')}`]],
      ['memberOf', ['All staff', `Team ${i % 50}`, round ? `Project ${i % 30}` : `Site ${i % 5}`]],
    ],
  };
}

/** JIT for the attributes of `person`: create and update, linked by employee ID, groups from memberOf. */
const JIT: JitSettings = {
  createUsers: true,
  updateUsers: true,
  allowNewEmail: false,
  linkBy: 'externalId',
  mapping: {
    externalId: 'employeeID',
    employeeNumber: 'employeeNumber',
    displayName: 'displayName',
    'name.givenName': 'givenName',
    'name.familyName': 'sn',
    preferredLanguage: 'preferredLanguage',
    locale: 'locale',
    timezone: 'timezone',
    title: 'title',
    department: 'department',
    costCenter: 'costCenter',
    'phoneNumbers.work': 'telephoneNumber',
  },
  groupAttribute: 'memberOf',
};

const escapeXml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const newId = () => `_${randomUUID().replace(/-/g, '')}`;

interface Signer {
  certificatePem: string;
  privateKeyPem: string;
}

/**
 * A signed `<samlp:Response>` as IdPs send it: the assertion signed (enveloped, exclusive c14n,
 * RSA-SHA256, the signature after its Issuer, the certificate in KeyInfo), the response not.
 */
function signedResponse(options: {
  signer: Signer;
  spEntityId: string;
  acsUrl: string;
  inResponseTo: string;
  who: Person;
}): string {
  const now = new Date();
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const { who } = options;
  const attributes = who.attributes
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values
          .map(
            (value) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue>`,
          )
          .join('')}</saml:Attribute>`,
    )
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<samlp:Response xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${ASSERTION_NS}" ID="${newId()}" Version="2.0" IssueInstant="${at(0)}" Destination="${escapeXml(options.acsUrl)}" InResponseTo="${options.inResponseTo}">
<saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
<saml:Assertion xmlns:saml="${ASSERTION_NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${newId()}" Version="2.0" IssueInstant="${at(0)}">
<saml:Issuer>${IDP_ENTITY_ID}</saml:Issuer>
<saml:Subject>
<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escapeXml(who.email)}</saml:NameID>
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${options.inResponseTo}" NotOnOrAfter="${at(5 * 60_000)}" Recipient="${escapeXml(options.acsUrl)}"/></saml:SubjectConfirmation>
</saml:Subject>
<saml:Conditions NotBefore="${at(-30_000)}" NotOnOrAfter="${at(5 * 60_000)}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>
<saml:AuthnStatement AuthnInstant="${at(-2_000)}" SessionIndex="${newId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>
<saml:AttributeStatement>
${attributes}
</saml:AttributeStatement>
</saml:Assertion>
</samlp:Response>
`;
  const response = `/*[local-name()='Response' and namespace-uri()='${SAML_NS.protocol}']`;
  const assertion = `${response}/*[local-name()='Assertion' and namespace-uri()='${ASSERTION_NS}']`;
  const sig = new SignedXml({
    privateKey: options.signer.privateKeyPem,
    publicCert: options.signer.certificatePem,
    signatureAlgorithm: XMLDSIG.rsaSha256,
    canonicalizationAlgorithm: XMLDSIG.excC14n,
    idAttribute: 'ID',
  });
  sig.addReference({
    xpath: assertion,
    transforms: [XMLDSIG.enveloped, XMLDSIG.excC14n],
    digestAlgorithm: XMLDSIG.sha256,
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: {
      reference: `${assertion}/*[local-name()='Issuer' and namespace-uri()='${ASSERTION_NS}']`,
      action: 'after',
    },
  });
  return Buffer.from(sig.getSignedXml(), 'utf8').toString('base64');
}

/** The IdP's metadata (unsigned: the admin acknowledges it), with the current and the next certificate. */
function idpMetadata(certificatePems: string[]): string {
  const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
  const keys = certificatePems
    .map(
      (pem) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body(pem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="${SAML_NS.md}" xmlns:ds="${SAML_NS.ds}" entityID="${IDP_ENTITY_ID}">
  <md:IDPSSODescriptor protocolSupportEnumeration="${SAML_NS.protocol}" WantAuthnRequestsSigned="true">
    ${keys}
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${IDP_SSO_URL}"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${IDP_SSO_URL.replace('Redirect', 'POST')}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}

// ── 1. Response validation ───────────────────────────────────────────────────────────────────

/** node-saml's own in-memory cache is not exported; this is the least a cache can be. */
class MapCache implements CacheProvider {
  private readonly items = new Map<string, CacheItem>();
  saveAsync(key: string, value: string): Promise<CacheItem | null> {
    const item = { value, createdAt: Date.now() };
    this.items.set(key, item);
    return Promise.resolve(item);
  }
  getAsync(key: string): Promise<string | null> {
    return Promise.resolve(this.items.get(key)?.value ?? null);
  }
  removeAsync(key: string | null): Promise<string | null> {
    const value = key === null ? null : (this.items.get(key)?.value ?? null);
    if (key !== null) this.items.delete(key);
    return Promise.resolve(value);
  }
}

async function validation(current: Signer, next: Signer): Promise<{ ours: number[]; bare: number[] }> {
  const peer: SamlPeer = {
    spEntityId: 'urn:tessera:sp:bench',
    acsUrl: 'http://127.0.0.1:7480/saml/acs',
    idpEntityId: IDP_ENTITY_ID,
    ssoUrl: IDP_SSO_URL,
    ssoBinding: 'HTTP-Redirect',
    certificates: [current.certificatePem, next.certificatePem],
    spPrivateKeyPem: null,
  };
  const sp = new SamlServiceProvider();
  const cache = new MapCache();
  const raw = new SAML({
    idpCert: peer.certificates,
    issuer: peer.spEntityId,
    callbackUrl: peer.acsUrl,
    audience: peer.spEntityId,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SAML_LIMITS.requestLifetimeMs,
    acceptedClockSkewMs: SAML_LIMITS.clockSkewMs,
    maxAssertionAgeMs: SAML_LIMITS.maxAssertionAgeMs,
    cacheProvider: cache,
  });

  // The IdP's work, before any timing: a request ID each, and a response signed for it.
  const count = WARM_UP + VALIDATIONS;
  const ours: { requestId: string; body: string; email: string }[] = [];
  const theirs: { body: string; email: string }[] = [];
  for (let i = 0; i < count; i++) {
    const who = person(i);
    const { requestId } = await sp.start(peer, `relay-${i}`);
    ours.push({
      requestId,
      email: who.email,
      body: signedResponse({ ...peer, signer: current, inResponseTo: requestId, who }),
    });
    const rawId = newId();
    await cache.saveAsync(rawId, new Date().toISOString());
    theirs.push({
      email: who.email,
      body: signedResponse({ ...peer, signer: current, inResponseTo: rawId, who }),
    });
  }

  // Interleaved, each side first every other time, so that drift (CPU frequency, other load, GC)
  // falls on both alike. Ours builds node-saml's SAML object for each response, as the SP does;
  // the bare side builds it once.
  const oursTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < count; i++) {
    const runOurs = () => timed(() => sp.validate(peer, ours[i]!.body, ours[i]!.requestId));
    const runRaw = () => timed(() => raw.validatePostResponseAsync({ SAMLResponse: theirs[i]!.body }));
    let oursRun = i % 2 ? await runOurs() : null;
    const rawRun = await runRaw();
    oursRun ??= await runOurs();
    const [outcome, oursMs] = oursRun;
    const [{ profile }, rawMs] = rawRun;
    // A benchmark of refusals proves nothing: both must accept, and read the same person.
    if (!outcome.ok || outcome.attributes.email?.[0] !== ours[i]!.email) {
      const failed = outcome.checks.find((check) => check.status === 'fail');
      throw new Error(`benchSignin: our SP refused a genuine response (${failed?.id}: ${failed?.detail})`);
    }
    if (profile?.nameID !== theirs[i]!.email) throw new Error('benchSignin: node-saml read another person');
    if (i < WARM_UP) continue;
    oursTimes.push(oursMs);
    rawTimes.push(rawMs);
  }
  const kib = (Buffer.from(ours[0]!.body, 'base64').length / 1024).toFixed(1);
  console.log(
    `\nSign-in (issue #5): SAML response validation (${kib} KiB, 14 attributes, RSA-2048 signed assertion, ${VALIDATIONS} of each, interleaved)`,
  );
  rows('SamlServiceProvider.validate', oursTimes, 'bare node-saml, same settings', rawTimes, '≤ ×1.2');
  return { ours: oursTimes, bare: rawTimes };
}

// ── The services, composed by app-core's composeSignin ─────────────────────────────────────────

interface Services {
  db: Db;
  org: OrgService;
  sso: SsoConfigService;
  directory: DirectoryService;
  broker: BrokerService;
  close(): Promise<void>;
}

async function compose(dataDir: string): Promise<Services> {
  const secrets = new KeytarSecretStore();
  await secrets.assertAvailable();
  const vaultId = readOrCreateVaultId(dataDir);
  const db = await openDatabase(dataDir, vaultId, secrets);
  const now = () => Date.now();
  const { org, sso, directory, broker } = await composeSignin(db, secrets, vaultId, now);
  // J0: JIT provisions only a claimed domain, and claiming needs a verified one. Verification is a
  // DNS lookup at setup time, not part of any sign-in: the bench marks the domain verified itself.
  org.addDomain(DOMAIN);
  db.prepare('UPDATE domains SET verified_at = ? WHERE name = ?').run(now(), DOMAIN);
  org.setDomainClaimed(DOMAIN, true);
  return {
    db,
    org,
    sso,
    directory,
    broker,
    async close() {
      for (const account of (await secrets.entries(`sp-key:${vaultId}:`)).keys())
        await secrets.delete(account);
      await secrets.delete(`database-key:${vaultId}`);
      db.close();
    },
  };
}

// ── 2. A whole sign-in ───────────────────────────────────────────────────────────────────────

/** Sign-ins of `people` through the broker; the IdP's part (reading the request, signing) is not timed. */
async function signIns(services: Services, signer: Signer, people: Person[]) {
  const { broker, org } = services;
  const sp = org.get().sp;
  const begin: number[] = [];
  const acs: number[] = [];
  const total: number[] = [];
  for (const who of people) {
    let start = performance.now();
    const started = await broker.begin({ email: who.email }, undefined);
    const beginMs = performance.now() - start;

    // The browser and the IdP: follow the redirect, read the AuthnRequest, answer it.
    if (started.page.kind !== 'redirect') throw new Error(`benchSignin: begin answered ${started.page.kind}`);
    const url = new URL(started.page.url);
    const relayState = url.searchParams.get('RelayState') ?? '';
    const request = inflateRawSync(
      Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64'),
    ).toString();
    const requestId = /<samlp:AuthnRequest\b[^>]*\sID="([^"]+)"/.exec(request)?.[1] ?? '';
    const flowCookie = started.cookies?.[FLOW_COOKIE] ?? undefined;
    const body = signedResponse({
      signer,
      spEntityId: sp.entityId,
      acsUrl: sp.acsUrl,
      inResponseTo: requestId,
      who,
    });

    start = performance.now();
    let answer: Answer = await broker.samlResponse({ SAMLResponse: body, RelayState: relayState });
    // The ACS sends the browser back to its own flow (against login CSRF); that browser continues it.
    const flowPath = answer.page.kind === 'redirect' ? /^\/flow\/([^/?#]+)$/.exec(answer.page.url) : null;
    if (flowPath) answer = await broker.continueFlow(flowPath[1]!, flowCookie);
    const acsMs = performance.now() - start;

    if (answer.page.kind !== 'signed-in' || answer.page.email !== who.email) {
      const detail = answer.page.kind === 'error' ? `: ${answer.page.title}: ${answer.page.message}` : '';
      throw new Error(`benchSignin: the sign-in ended on ${answer.page.kind}${detail}`);
    }
    begin.push(beginMs);
    acs.push(acsMs);
    total.push(beginMs + acsMs);
  }
  return { begin, acs, total };
}

async function wholeSignIn(
  root: string,
  current: Signer,
  next: Signer,
  validate: { ours: number[]; bare: number[] },
): Promise<void> {
  const validateTimes = validate.ours;
  const services = await compose(join(root, 'signin'));
  try {
    const { sso } = services;
    const idp = sso.saveSamlIdp(null, {
      name: 'Example IdP',
      userIdAttribute: 'email',
      acknowledgeLessSecure: true,
      source: { kind: 'metadata', xml: idpMetadata([current.certificatePem, next.certificatePem]) },
    });
    // The first IdP gets the default rule (I3); activated, it signs in everyone.
    sso.setActivated(idp.id, true);
    sso.setJitSettings(idp.id, JIT);

    const people = (from: number, count: number) => Array.from({ length: count }, (_, i) => person(from + i));
    await signIns(services, current, people(1_000_000, WARM_UP));
    // First sign-ins: JIT creates each user.
    const first = await signIns(services, current, people(0, SIGN_INS));
    // The same people again: JIT finds each user, nothing changed.
    const again = await signIns(services, current, people(0, SIGN_INS));
    // With an SP certificate: the AuthnRequest is signed (RSA-2048; the key is read from the keychain
    // once and then kept in memory by SsoConfigService).
    await sso.generateSpCertificate('rsa-2048');
    await signIns(services, current, people(2_000_000, WARM_UP));
    const signed = await signIns(services, current, people(SIGN_INS, SIGN_INS));

    console.log(
      `\nSign-in (issue #5): whole sign-in through BrokerService, encrypted store, JIT on, MFA off (${SIGN_INS} each; the IdP's work excluded)`,
    );
    const baseline = 'our validate alone (above)';
    rows('first sign-in (JIT creates the user)', first.total, baseline, validateTimes, '≤ 10 ms median');
    row('  begin: route + AuthnRequest', median(first.begin), baseline, median(validateTimes));
    row('  ACS + continue: validate, JIT, session', median(first.acs), baseline, median(validateTimes));
    rows('returning user (JIT: unchanged)', again.total, baseline, validateTimes, '≤ 10 ms median');
    rows('first sign-in, signed AuthnRequest', signed.total, baseline, validateTimes, '≤ 10 ms median');
    row('  begin: route + signed request', median(signed.begin), baseline, median(validateTimes));
    // Where the ≤ 10 ms target stands: node-saml's validation alone (xml-crypto's signature check,
    // mostly its XPath search for the signed ID) takes longer than that on this machine.
    row(
      'first sign-in (JIT creates the user)',
      median(first.total),
      'bare node-saml validate alone',
      median(validate.bare),
      '≤ 10 ms median',
    );
    console.log(
      `  the floor: bare node-saml validation alone is ${median(validate.bare).toFixed(1)} ms here; ` +
        `ours adds ${(median(first.total) - median(validate.bare)).toFixed(1)} ms for everything else (checks, routing, JIT, session)`,
    );
  } finally {
    await services.close();
  }
}

// ── 3. JIT throughput ────────────────────────────────────────────────────────────────────────

/**
 * Provisions `people` the way the broker does after a validated response. `total` is the loop's
 * wall time; the three parts are summed per call (for where the time goes, not for comparison).
 */
function provision(services: Services, people: AttributeMap[], expected: 'create' | 'update') {
  const { directory } = services;
  let [map, plan, apply] = [0, 0, 0];
  const start = performance.now();
  for (const attributes of people) {
    const t0 = performance.now();
    const mapped = mapAttributes(attributes, JIT, 'email');
    const t1 = performance.now();
    const provisioning = directory.plan(mapped, JIT, JIT_IDP);
    const t2 = performance.now();
    if (provisioning.plan.action !== expected || provisioning.plan.rejected.length > 0) {
      throw new Error(`benchSignin: JIT planned ${provisioning.plan.action} instead of ${expected}`);
    }
    directory.apply(provisioning, true);
    apply += performance.now() - t2;
    plan += t2 - t1;
    map += t1 - t0;
  }
  return { total: performance.now() - start, map, plan, apply };
}

/**
 * The least the same writes cost: the rows apply() writes for each person (user, two links, the
 * groups), prepared once, one transaction a user, with the values already mapped.
 */
function bareWrites(db: Db, people: Person[], update: boolean): number {
  const rowsOf = people.map((who) => {
    const values = Object.fromEntries(who.attributes.map(([name, v]) => [name, v[0]!]));
    const profile = Object.fromEntries(
      Object.entries(JIT.mapping).map(([field, attribute]) => [field, values[attribute]!]),
    );
    return {
      email: who.email,
      profile: JSON.stringify(profile),
      links: [
        ['externalId', values.employeeID!],
        ['employeeNumber', values.employeeNumber!],
      ],
      groups: who.attributes.find(([name]) => name === 'memberOf')![1],
    };
  });
  const insert = db.prepare(
    `INSERT INTO users (id, email, active, profile_json, licenses_json, created_by, created_at, updated_at)
     VALUES (?, ?, 1, ?, '[]', 'bench', ?, ?)`,
  );
  const idOf = db.prepare('SELECT id FROM users WHERE email = ?');
  const updateUser = db.prepare(
    'UPDATE users SET profile_json = ?, updated_at = ?, last_sign_in_at = ? WHERE id = ?',
  );
  const link = db.prepare(
    'INSERT OR REPLACE INTO user_links (idp_id, attribute, value, user_id) VALUES (?, ?, ?, ?)',
  );
  const group = db.prepare('INSERT OR IGNORE INTO user_groups (user_id, name, added_at) VALUES (?, ?, ?)');
  const write = db.transaction((r: (typeof rowsOf)[number]) => {
    const now = Date.now();
    let id: string;
    if (update) {
      id = (idOf.get(r.email) as { id: string }).id;
      updateUser.run(r.profile, now, now, id);
    } else {
      id = randomUUID();
      insert.run(id, r.email, r.profile, now, now);
    }
    for (const [attribute, value] of r.links) link.run(JIT_IDP.id, attribute, value, id);
    for (const name of r.groups) group.run(id, name, now);
  });
  const start = performance.now();
  for (const r of rowsOf) write(r);
  return performance.now() - start;
}

/** The IdP the JIT rounds come through (links are kept per IdP). */
const JIT_IDP = { id: '00000000-0000-4000-8000-00000000001d', name: 'Example IdP' };

function addJitIdp(db: Db): void {
  db.prepare(
    `INSERT INTO idps (id, name, kind, activated, settings_json, created_at, updated_at)
     VALUES (?, ?, 'saml', 1, '{}', 0, 0)`,
  ).run(JIT_IDP.id, JIT_IDP.name);
}

async function jitThroughput(root: string): Promise<void> {
  const ours = await compose(join(root, 'jit'));
  const bare = await compose(join(root, 'jit-bare'));
  try {
    addJitIdp(ours.db);
    addJitIdp(bare.db);
    const toMap = (who: Person) => attributeMap(who.attributes);
    const warm = Array.from({ length: 200 }, (_, i) => person(3_000_000 + i));
    provision(ours, warm.map(toMap), 'create');
    bareWrites(bare.db, warm, false);

    const firstRound = Array.from({ length: JIT_USERS }, (_, i) => person(i));
    const secondRound = Array.from({ length: JIT_USERS }, (_, i) => person(i, 1));
    const created = provision(ours, firstRound.map(toMap), 'create');
    const createdBare = bareWrites(bare.db, firstRound, false);
    const updated = provision(ours, secondRound.map(toMap), 'update');
    const updatedBare = bareWrites(bare.db, secondRound, true);

    const perUser = (ms: number) => (ms * 1000) / JIT_USERS;
    const rate = (ms: number) => Math.round(JIT_USERS / (ms / 1000)).toLocaleString('en-US');
    const users = JIT_USERS.toLocaleString('en-US');
    console.log(
      `\nSign-in (issue #5): JIT provisioning into the encrypted store (${users} users, 12 mapped attributes, 3 groups; µs a user)`,
    );
    const report = (
      name: string,
      jit: ReturnType<typeof provision>,
      baselineName: string,
      bareMs: number,
    ) => {
      row(name, perUser(jit.total), baselineName, perUser(bareMs), '≥ 2,000 users/s', 'µs');
      console.log(
        `${'  users/s'.padEnd(44)} ${rate(jit.total).padStart(9)}      ${''.padEnd(34)} ${rate(bareMs).padStart(9)}`,
      );
      const parts = `mapAttributes ${perUser(jit.map).toFixed(0)} µs, plan ${perUser(jit.plan).toFixed(0)} µs, apply ${perUser(jit.apply).toFixed(0)} µs`;
      console.log(`${'  of which'.padEnd(44)} ${parts}`);
    };
    report(`JIT create, ${users} users`, created, 'bare INSERTs, same rows', createdBare);
    report(`JIT update, ${users} users`, updated, 'bare UPDATEs, same rows', updatedBare);
  } finally {
    await ours.close();
    await bare.close();
  }
}

export async function benchSignin(): Promise<void> {
  process.env.TESSERA_QUIET = '1';
  const root = mkdtempSync(join(tmpdir(), 'tessera-bench-signin-'));
  try {
    const now = new Date();
    const [current, next] = await Promise.all(
      ['IdP signing 2026', 'IdP signing 2027'].map((commonName) =>
        generateSelfSignedSpCertificate({ commonName, keyType: 'rsa-2048', now }),
      ),
    );
    const validate = await validation(current!, next!);
    await wholeSignIn(root, current!, next!, validate);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function benchJit(): Promise<void> {
  process.env.TESSERA_QUIET = '1';
  const root = mkdtempSync(join(tmpdir(), 'tessera-bench-jit-'));
  try {
    await jitThroughput(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
