/**
 * A POST to the ACS that answers no sign-in Tessera is waiting for. Usually the IdP's registration
 * of Tessera is wrong — the ACS URL of another port or host, IdP-initiated sign-in from its portal,
 * RelayState not sent back, another entity's response — and the admin needs to hear which. The
 * response is read here only to say so: nothing in it is trusted, and nothing signs anyone in.
 */
import { SAML_NS } from '../sso/metadata';
import { childElements, firstChild, is, parseXmlStrict } from '../sso/xml';
import { SAML_LIMITS } from './saml-sp';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

export interface AcsContext {
  acsUrl: string;
  /** The sign-in page, where every sign-in starts. */
  signinUrl: string;
  /** The SAML IdPs Tessera knows. */
  idps: { name: string; entityId: string; ssoUrl: string }[];
}

export interface AcsDiagnosis {
  title: string;
  message: string;
  fix: string;
  /** For the log: what the response says about itself (never its content). */
  summary: string;
}

const short = (value: string) => (value.length > 200 ? `${value.slice(0, 200)}…` : value);

function read(
  samlResponse: string,
): { issuer: string; destination: string | null; inResponseTo: string | null } | null {
  if (samlResponse.length > SAML_LIMITS.bodyMaxBytes || !/^[A-Za-z0-9+/=\s]+$/.test(samlResponse))
    return null;
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  try {
    const root = parseXmlStrict(xml).documentElement!;
    if (!is(root, SAML_NS.protocol, 'Response')) return null;
    const assertion = childElements(root, ASSERTION_NS, 'Assertion')[0];
    const issuer =
      firstChild(root, ASSERTION_NS, 'Issuer')?.textContent ??
      (assertion ? firstChild(assertion, ASSERTION_NS, 'Issuer')?.textContent : null) ??
      '';
    return {
      issuer: issuer.trim(),
      destination: root.getAttribute('Destination'),
      inResponseTo: root.getAttribute('InResponseTo'),
    };
  } catch {
    return null;
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function diagnoseUnexpectedAcsPost(
  form: { SAMLResponse?: string | undefined; RelayState?: string | undefined; origin?: string | undefined },
  context: AcsContext,
): AcsDiagnosis {
  const { acsUrl, signinUrl } = context;
  if (!form.SAMLResponse) {
    return {
      title: 'No SAML response',
      message: `This address is Tessera's ACS URL (${acsUrl}): it takes only a SAML response an identity provider posts with the HTTP-POST binding, and this request carried none.`,
      fix: 'At the IdP, register the ACS URL with the HTTP-POST binding. To sign in, start at the sign-in page.',
      summary: 'no SAMLResponse',
    };
  }
  const response = read(form.SAMLResponse);
  if (!response) {
    return {
      title: 'Not a SAML response',
      message: 'What was posted to Tessera’s ACS URL is not a SAML 2.0 Response.',
      fix: 'Register Tessera at the IdP as a SAML 2.0 service provider (upload Tessera’s SP metadata there).',
      summary: 'not a SAML response',
    };
  }
  const known = context.idps.find((idp) => idp.entityId === response.issuer);
  const from = form.origin && form.origin !== 'null' ? form.origin : null;
  const foreignOrigin =
    from !== null && !context.idps.some((idp) => originOf(idp.ssoUrl) === from)
      ? ` It was posted from ${short(from)}, which is not the address of any identity provider in Tessera.`
      : '';
  const summary = `issuer ${short(response.issuer || '(none)')}, destination ${short(response.destination ?? '(none)')}, ${response.inResponseTo ? 'solicited' : 'unsolicited'}${from ? `, from ${short(from)}` : ''}`;
  const who = known ? known.name : response.issuer ? `the IdP "${short(response.issuer)}"` : 'the IdP';

  if (response.destination !== null && response.destination !== acsUrl) {
    return {
      title: 'Sent to another ACS URL',
      message: `${who} addressed this response to ${short(response.destination)}, but Tessera's ACS URL is ${acsUrl}.${foreignOrigin}`,
      fix: `At the IdP, change the ACS (reply) URL registered for Tessera to exactly ${acsUrl} — it changes with the sign-in service's port.`,
      summary,
    };
  }
  if (!known) {
    return {
      title: 'Unknown identity provider',
      message: `No identity provider in Tessera has the entity ID "${short(response.issuer || '(none)')}", which this response names as its issuer.${foreignOrigin}`,
      fix: 'Add this identity provider in Tessera (upload its metadata), or check that the IdP posting here is the one you configured.',
      summary,
    };
  }
  if (!response.inResponseTo || !form.RelayState) {
    return {
      title: 'Sign-in not started from Tessera',
      message: `${who} sent a response Tessera did not ask for (${response.inResponseTo ? 'without the RelayState Tessera sent' : 'IdP-initiated: it answers no request'}).${foreignOrigin}`,
      fix: response.inResponseTo
        ? 'Configure the IdP to send back the RelayState it receives with the request.'
        : `Tessera accepts only answers to its own requests. Start at ${signinUrl}; if the IdP's portal shows a tile for Tessera, set its sign-on (start) URL to ${signinUrl} instead of the ACS URL.`,
      summary,
    };
  }
  return {
    title: 'This sign-in has expired',
    message: `${who} answered a sign-in Tessera no longer waits for: it was started more than 15 minutes ago, or Tessera was restarted since.${foreignOrigin}`,
    fix: `Start again at ${signinUrl}.`,
    summary,
  };
}
